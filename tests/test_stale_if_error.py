"""While the database is down, readers get the last good pages; then the site catches up.

The outage is real (tests/outages.py): every connection the app opens fails, on SQLite and
on PostgreSQL, while the shared server keeps running for everyone else.
"""

import datetime
import logging
import time

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from articles.public import page_cache
from tests.factories import ArticleFactory, TagFactory
from tests.outages import DatabaseOutage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def outage(tmp_path):
    outage = DatabaseOutage(tmp_path)
    yield outage
    if outage.saved is not None:
        outage.end()


@pytest.fixture
def reader(settings):
    """An anonymous reader's browser; a 503 is a page to look at, not an error to raise."""
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True
    return Client(raise_request_exception=False)


class Clock:
    """The time the site sees (Django's and the page cache's), moved by the test."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.now = timezone.now()

    def advance(self, **delta) -> None:
        self.now += datetime.timedelta(**delta)
        now = self.now
        self.monkeypatch.setattr(timezone, "now", lambda: now)
        self.monkeypatch.setattr(time, "time", lambda: now.timestamp())


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def page(reader, url):
    response = reader.get(url)
    return response.status_code, response.get("X-Cache"), response.content.decode()


def test_readers_get_the_last_good_pages_when_a_scheduled_minute_comes_during_an_outage(
    reader, outage, clock
):
    article = ArticleFactory(title="Tin đã đăng")
    ArticleFactory(title="Tin hẹn giờ", published_at=clock.now + datetime.timedelta(minutes=1))
    for url in ("/", article.get_absolute_url()):
        assert page(reader, url)[:2] == (200, "MISS")

    outage.begin()
    clock.advance(seconds=61)  # the scheduled minute: a new generation is due
    for url in ("/", article.get_absolute_url(), "/"):
        status, how, html = page(reader, url)
        assert (status, how) == (200, "STALE")
        assert "Tin đã đăng" in html and "Tin hẹn giờ" not in html
    # A page that was never rendered has nothing to fall back on.
    assert page(reader, "/tags/chua-ai-doc/")[0] == 503

    outage.end()
    clock.advance(seconds=page_cache.OUTAGE_RETRY_SECONDS)
    status, how, html = page(reader, "/")
    assert (status, how) == (200, "MISS")
    assert "Tin hẹn giờ" in html  # caught up
    assert page(reader, "/")[1] == "HIT"


def test_a_page_nobody_has_cached_answers_503_during_an_outage(reader, outage):
    tag = TagFactory(name="Chưa ai đọc")
    ArticleFactory(tags=[tag])
    outage.begin()
    status, how, html = page(reader, tag.get_absolute_url())
    assert status == 503
    assert "tạm thời" in html.lower()


def test_an_edit_made_before_the_outage_is_never_undone_by_a_stale_page(reader, outage, clock):
    withdrawn = ArticleFactory(title="Tin sẽ gỡ")
    kept = ArticleFactory(title="Tin giữ lại")
    for url in ("/", withdrawn.get_absolute_url(), kept.get_absolute_url()):
        assert page(reader, url)[0] == 200
    withdrawn.status = Article.State.WITHDRAWN
    withdrawn.save()

    outage.begin()
    # Copies from before the withdrawal would show it again: the reader gets the 503.
    for url in ("/", withdrawn.get_absolute_url(), kept.get_absolute_url()):
        status, _how, html = page(reader, url)
        assert status == 503
        assert "Tin sẽ gỡ" not in html


def test_during_an_outage_readers_do_not_each_wait_for_the_database(reader, outage, clock, caplog):
    articles = [ArticleFactory(title=f"Tin {n}") for n in range(3)]
    urls = ["/", *(article.get_absolute_url() for article in articles)]
    for url in urls:
        assert page(reader, url)[0] == 200

    outage.begin()
    clock.advance(seconds=601)  # every copy has outlived its freshness
    with caplog.at_level(logging.ERROR, logger="django.request"):
        for url in urls * 3:
            assert page(reader, url)[:2] == (200, "STALE")
        # One reader found the database down; the others were served without trying it.
        assert len([r for r in caplog.records if r.name == "django.request"]) == 1

        clock.advance(seconds=page_cache.OUTAGE_RETRY_SECONDS)  # time to try again
        assert page(reader, urls[0])[:2] == (200, "STALE")
        assert len([r for r in caplog.records if r.name == "django.request"]) == 2
