"""Tag pages read their articles through TagListing: every change shows at once."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from articles.models import Article, TagListing
from tests.factories import ArticleFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached(no_page_cache):
    """Each request renders the page from the database (the cache has its own tests)."""


def listed(client, tag) -> list[str]:
    response = client.get(tag.get_absolute_url())
    assert response.status_code == 200
    return [article.title for article in response.context["article_list"]]


def hours_ago(hours: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


def test_tagging_and_untagging_from_either_side_show_at_once(client):
    tag, other = TagFactory(name="Nông nghiệp"), TagFactory(name="Thời tiết")
    rice = ArticleFactory(title="Lúa vụ hè thu", published_at=hours_ago(2))
    salt = ArticleFactory(title="Muối Cà Ná", published_at=hours_ago(1))
    assert listed(client, tag) == []

    rice.tags.add(tag)
    tag.articles.add(salt)
    assert listed(client, tag) == ["Muối Cà Ná", "Lúa vụ hè thu"]

    rice.tags.set([other])
    assert listed(client, tag) == ["Muối Cà Ná"]
    assert listed(client, other) == ["Lúa vụ hè thu"]

    tag.articles.remove(salt)
    assert listed(client, tag) == []
    tag.articles.add(salt, rice)
    tag.articles.clear()
    assert listed(client, tag) == []
    salt.tags.add(tag)
    salt.tags.clear()
    assert listed(client, tag) == []
    assert listed(client, other) == ["Lúa vụ hè thu"]


def test_withdrawing_rescheduling_and_editing_the_time_follow_the_article(client):
    tag = TagFactory()
    first = ArticleFactory(title="Bài một", published_at=hours_ago(3), tags=[tag])
    second = ArticleFactory(title="Bài hai", published_at=hours_ago(2), tags=[tag])
    assert listed(client, tag) == ["Bài hai", "Bài một"]

    first.published_at = hours_ago(1)  # an editor moves its time: the order follows
    first.save()
    assert listed(client, tag) == ["Bài một", "Bài hai"]

    first.status = Article.State.WITHDRAWN
    first.save()
    assert listed(client, tag) == ["Bài hai"]

    first.status, first.published_at = Article.State.PUBLISHED, hours_ago(4)
    first.save()
    assert listed(client, tag) == ["Bài hai", "Bài một"]

    second.published_at = timezone.now() + datetime.timedelta(hours=1)  # rescheduled
    second.save()
    assert listed(client, tag) == ["Bài một"]

    second.delete()
    first.delete()
    assert listed(client, tag) == []
    assert not TagListing.objects.exists()


def test_a_scheduled_article_appears_on_its_tag_page_on_its_minute(client, monkeypatch):
    tag = TagFactory()
    now = timezone.now()
    ArticleFactory(
        title="Tin hẹn giờ", published_at=now + datetime.timedelta(minutes=1), tags=[tag]
    )
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(seconds=59))
    assert listed(client, tag) == []
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=1, seconds=1))
    assert listed(client, tag) == ["Tin hẹn giờ"]


def test_an_entry_out_of_step_never_shows_an_article_that_is_not_public(client):
    tag = TagFactory()
    draft = ArticleFactory(title="Bản nháp", draft=True, tags=[tag])
    assert not TagListing.objects.filter(article=draft).exists()
    # Written behind the signals' back (a raw UPDATE, a restore from an old dump).
    TagListing.objects.create(tag=tag, article=draft, published_at=hours_ago(1))
    html = client.get(tag.get_absolute_url()).content.decode()
    assert "Bản nháp" not in html
    assert listed(client, tag) == []


def test_the_migration_fills_entries_for_articles_already_published():
    tag = TagFactory()
    public = ArticleFactory(tags=[tag], published_at=hours_ago(1))
    scheduled = ArticleFactory(tags=[tag], scheduled=True)
    ArticleFactory(tags=[tag], draft=True)
    TagListing.objects.all().delete()

    import_module("articles.migrations.0007_tag_listings").fill(apps, None)

    entries = {(e.article_id, e.published_at) for e in TagListing.objects.filter(tag=tag)}
    assert entries == {
        (public.pk, public.published_at),
        (scheduled.pk, scheduled.published_at),
    }


def test_the_tag_page_reads_twenty_entries_of_one_index_without_sorting():
    tag = TagFactory()
    ArticleFactory(tags=[tag])
    queryset = Article.objects.published_with_tag(tag).values("pk")[:21]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test table is tiny, where anything is cheap: rule out what a large one rules out.
            # A Sort left in the plan would mean the index cannot give the order at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            # Led by the tag's entries (the first scan), not by a walk of every public article.
            first_scan = next(line for line in plan.splitlines() if " using " in line)
            assert "tag_listing_order" in first_scan, plan
            assert "Sort" not in plan, plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "tag_listing_order" in plan and "TEMP B-TREE" not in plan, plan
