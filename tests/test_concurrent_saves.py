"""Two editors pressing save at the same moment: real requests, in threads, against a live server.

The loser of a race gets the form back with the "saved in between" message and what they
typed, or one defined outcome; never the 503 page, never lost text. Runs on SQLite (a file
database, as in production) and on PostgreSQL.
"""

import html
import re
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from datetime import timedelta

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from articles.models import Article, Transition
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 4
SAVED_IN_BETWEEN = "sau khi bạn mở bài"  # "…saved this article at …, after you opened it"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person (signed in when a user is given), keeping cookies as a browser does."""

    def __init__(self, live_server, user=None):
        self.base = live_server.url
        self.cookies = {}
        if user is not None:
            client = Client()
            client.force_login(user)
            self.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[
                settings.SESSION_COOKIE_NAME
            ].value
        self.opener = urllib.request.build_opener(NoRedirects)

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.read().decode()

    def open_form(self, article) -> str:
        """GET the change form, as opening the article does; return its CSRF token."""
        status, page = self.request(change_url(article))
        assert status == 200, page[:500]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.fixture
def two_editors(live_server, roles):
    editors = []
    for name in ("bientap1", "bientap2"):
        user = UserFactory(username=name, is_staff=True)
        user.groups.add(roles.get(name="Editor"))
        editors.append((user, Browser(live_server, user)))
    return editors


def race(*posts):
    """Send the posts at the same moment, each from its own thread; return (status, page)s."""
    start = threading.Barrier(len(posts))
    results = [None] * len(posts)

    def send(i, browser, path, data):
        start.wait()
        results[i] = browser.request(path, data)

    threads = [threading.Thread(target=send, args=(i, *post)) for i, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_two_editors_saving_at_once_one_saves_and_the_other_keeps_their_text(two_editors):
    (first, a), (second, b) = two_editors
    for round_number in range(ROUNDS):
        article = ArticleFactory()
        posts = []
        for browser, who in ((a, "một"), (b, "hai")):
            token = browser.open_form(article)
            text = f"<p>Bản của biên tập viên {who}, lượt {round_number}.</p>"
            data = article_form_data(article, body=text, csrfmiddlewaretoken=token)
            posts.append((browser, change_url(article), data))

        (status_a, page_a), (status_b, page_b) = race(*posts)

        assert sorted([status_a, status_b]) == [200, 302], (status_a, status_b)
        loser_page, loser_text = (
            (page_a, posts[0][2]["body"]) if status_a == 200 else (page_b, posts[1][2]["body"])
        )
        winner_text = posts[1][2]["body"] if status_a == 200 else posts[0][2]["body"]
        assert SAVED_IN_BETWEEN in loser_page
        assert html.escape(loser_text) in loser_page  # what they typed is still in the form
        article.refresh_from_db()
        assert article.body == winner_text
        assert article.version == 2


def test_withdraw_racing_publish_ends_in_one_outcome_and_the_loser_is_told(two_editors):
    (first, a), (second, b) = two_editors
    for round_number in range(ROUNDS):
        article = ArticleFactory(scheduled=True)
        posts = []
        for browser, action in ((a, "publish"), (b, "withdraw")):
            token = browser.open_form(article)
            data = article_form_data(
                article,
                body=f"<p>Trước khi {action}, lượt {round_number}.</p>",
                csrfmiddlewaretoken=token,
                _workflow=action,
                withdraw_as="silent",
            )
            posts.append((browser, change_url(article), data))

        (status_publish, page_publish), (status_withdraw, page_withdraw) = race(*posts)

        assert sorted([status_publish, status_withdraw]) == [200, 302]
        loser_page = page_publish if status_publish == 200 else page_withdraw
        assert SAVED_IN_BETWEEN in loser_page
        article.refresh_from_db()
        transitions = list(Transition.objects.filter(article=article))
        assert len(transitions) == 1
        if status_publish == 302:
            assert transitions[0].action == "publish"
            assert article.is_published()
            assert article.published_at <= timezone.now() + timedelta(seconds=1)
        else:
            assert transitions[0].action == "withdraw"
            assert article.status == Article.State.WITHDRAWN
            assert not Article.objects.published().filter(pk=article.pk).exists()


@contextmanager
def a_long_write_under_way(article):
    """Another connection in the middle of writing to the article, its transaction still open."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        other = sqlite3.connect(db["NAME"], isolation_level=None, timeout=0)
        other.execute("BEGIN EXCLUSIVE")  # the strongest lock a writer ever holds
        sql = "UPDATE articles_article SET title = ? WHERE id = ?"
    else:
        other = psycopg.connect(
            dbname=db["NAME"], host=db["HOST"], port=db["PORT"] or None, user=db["USER"]
        )
        sql = "UPDATE articles_article SET title = %s WHERE id = %s"
    try:
        other.execute(sql, ["Bản đang lưu dở", article.pk])
        yield
    finally:
        other.rollback()
        other.close()


def test_readers_see_the_saved_article_while_someone_is_writing(live_server):
    article = ArticleFactory(title="Bản đã lưu")
    reader = Browser(live_server, None)
    with a_long_write_under_way(article):
        status, page = reader.request(article.get_absolute_url())
    assert status == 200
    assert "Bản đã lưu" in page and "Bản đang lưu dở" not in page
