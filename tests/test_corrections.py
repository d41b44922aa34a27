"""Every correction on the record: the page lists them all in order with their times, JSON-LD
has each as a CorrectionComment, the history keeps each, and the latest correction of an
article from before this change became the first row of its history."""

import json
import re
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import html as lxml_html

from articles import workflow
from articles.models import Correction
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

FIRST, SECOND = "Bản trước ghi sai tên xã.", "Bản trước ghi sai số liệu."


def at(text: str) -> datetime:
    return timezone.make_aware(datetime.strptime(text, "%H:%M %d/%m/%Y"))


def correct(client, article, note, when, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "now", lambda: when)
        article.refresh_from_db()
        data = article_form_data(article, _workflow="correct", public_note=note)
        assert client.post(change_url(article), data).status_code == 302


@pytest.fixture
def corrected(client, editor, monkeypatch):
    article = ArticleFactory(published_at=at("08:00 20/04/2024"))
    client.force_login(editor)
    correct(client, article, FIRST, at("09:05 21/04/2024"), monkeypatch)
    correct(client, article, SECOND, at("14:30 22/04/2024"), monkeypatch)
    client.logout()
    return article


def test_the_article_lists_every_correction_in_order_with_its_time(client, corrected):
    html = client.get(corrected.get_absolute_url()).content.decode()
    assert html.index(FIRST) < html.index(SECOND)
    times = re.findall(r"Cập nhật lúc\s*<time[^>]*>([^<]+)</time>", html)
    assert times == ["09:05 21/04/2024", "14:30 22/04/2024"]


def test_json_ld_has_each_correction_and_the_latest_as_date_modified(client, corrected):
    page = lxml_html.fromstring(client.get(corrected.get_absolute_url()).content)
    (script,) = page.xpath('//script[@type="application/ld+json"]')
    data = json.loads(script.text)
    assert data["correction"] == [
        {"@type": "CorrectionComment", "text": FIRST, "datePublished": "2024-04-21T09:05:00+07:00"},
        {
            "@type": "CorrectionComment",
            "text": SECOND,
            "datePublished": "2024-04-22T14:30:00+07:00",
        },
    ]
    assert data["dateModified"] == "2024-04-22T14:30:00+07:00"
    modified = page.xpath('//meta[@property="article:modified_time"]/@content')
    assert modified == ["2024-04-22T14:30:00+07:00"]


def test_an_article_never_corrected_has_no_correction_in_its_page_or_json_ld(client):
    article = ArticleFactory()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Đính chính" not in page and '"correction"' not in page


def test_the_history_keeps_each_correction(client, editor, corrected):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_history", args=[corrected.pk]))
    assert page.status_code == 200, page.get("Location")
    html = page.content.decode()
    assert FIRST in html and SECOND in html
    assert [c.note for c in page.context["corrections"]] == [FIRST, SECOND]
    assert all(c.by == editor for c in page.context["corrections"])


def test_the_page_reads_its_corrections_in_one_query_however_many(client, editor, no_page_cache):
    one, three = ArticleFactory(), ArticleFactory()
    for article, count in ((one, 1), (three, 3)):
        for n in range(count):
            article.refresh_from_db()
            workflow.perform("correct", article=article, by=editor, note=f"Đính chính {n}.")

    def queries(article):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(captured)

    assert queries(one) == queries(three)


@pytest.mark.django_db(transaction=True)
def test_the_latest_correction_from_before_is_migrated_into_the_history(roles):
    before = [("articles", "0012_embargo_takedown_corrections_preview_links")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    User = old.get_model("auth", "User")
    Article = old.get_model("articles", "Article")
    Transition = old.get_model("articles", "Transition")
    editor = User.objects.create(username="bientap-cu")
    when = timezone.now() - timedelta(days=30)
    article = Article.objects.create(
        title="Bài cũ",
        slug="bai-cu",
        status="published",
        published_at=when - timedelta(days=1),
        correction_note="Đính chính từ trước.",
        corrected_at=when,
    )
    Transition.objects.create(
        article=article,
        action="correct",
        from_status="published",
        to_status="published",
        note="Đính chính từ trước.",
        by=editor,
        at=when,
    )
    Article.objects.create(title="Chưa đính chính", slug="chua", status="draft")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    (migrated,) = Correction.objects.all()
    assert migrated.article_id == article.pk
    assert migrated.note == "Đính chính từ trước." and migrated.at == when
    assert migrated.by.username == "bientap-cu"
    assert UserFactory._meta.model.objects.filter(username="bientap-cu").exists()
