"""RSS 2.0 feeds, read the way feed readers read them (feedparser)."""

import datetime
import html
import shutil

import feedparser
import pytest
from django.urls import reverse
from lxml import etree

from articles.models import Article
from articles.templatetags.renditions import share_image
from tests.factories import ArticleFactory, AuthorFactory, TagFactory, image_file

pytestmark = pytest.mark.django_db

FEED = reverse("articles:feed")


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def test_feed_gives_title_link_lead_author_date_and_cover_enclosure(client, media_root):
    article = ArticleFactory(
        title="Lễ hội Katê 2024",
        summary="Đồng bào Chăm mừng lễ Katê.",
        published_at=datetime.datetime(2024, 10, 3, 1, 30, tzinfo=datetime.UTC),
        authors=[AuthorFactory(name="Đàng Năng"), AuthorFactory(name="Thuận Hòa")],
        tags=[TagFactory(name="Văn hóa")],
        cover_image=image_file("le-hoi.jpg"),
    )
    feed = parse(client, FEED)
    assert feed.feed.title == "Báo Newsroom"
    assert feed.feed.link == "http://testserver/"
    (entry,) = feed.entries
    assert entry.title == "Lễ hội Katê 2024"
    assert entry.link == f"http://testserver{article.get_absolute_url()}"
    assert entry.summary == "Đồng bào Chăm mừng lễ Katê."
    assert "Đàng Năng, Thuận Hòa" in entry.author
    assert entry.published_parsed[:5] == (2024, 10, 3, 1, 30)
    assert [tag.term for tag in entry.tags] == ["Văn hóa"]
    (enclosure,) = entry.enclosures
    # The share card (the 1200×630 crop: 640 wide here), never the original, with its
    # length in bytes.
    share = share_image(article.cover_image)
    assert enclosure.href == f"http://testserver{share['url']}" != article.cover_image.url
    assert share["url"].endswith("-share-640w-f50-50.jpg")
    assert enclosure.type == "image/jpeg"
    assert (
        int(enclosure.length) == (media_root / share["url"].removeprefix("/media/")).stat().st_size
    )


def test_feed_has_the_latest_twenty_public_articles_newest_first(client):
    base = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    for n in range(25):
        ArticleFactory(title=f"Tin {n:02}", published_at=base + datetime.timedelta(hours=n))
    ArticleFactory(title="Nháp", draft=True)
    ArticleFactory(title="Hẹn giờ", scheduled=True)
    ArticleFactory(title="Đã gỡ", status=Article.State.WITHDRAWN)
    feed = parse(client, FEED)
    assert [e.title for e in feed.entries] == [f"Tin {n:02}" for n in range(24, 4, -1)]


def test_tag_feed_has_only_that_tags_articles(client):
    tag = TagFactory(name="Thể thao")
    ArticleFactory(title="Bóng đá", tags=[tag])
    ArticleFactory(title="Thời tiết")
    ArticleFactory(title="Nháp thể thao", tags=[tag], draft=True)
    feed = parse(client, reverse("articles:tag_feed", args=[tag.slug]))
    assert feed.feed.title == "Thể thao — Báo Newsroom"
    assert feed.feed.link == f"http://testserver{tag.get_absolute_url()}"
    assert [e.title for e in feed.entries] == ["Bóng đá"]
    assert client.get("/tags/khong-co/feed/").status_code == 404


def test_article_without_cover_has_no_enclosure(client):
    ArticleFactory(cover_image="")
    assert parse(client, FEED).entries[0].enclosures == []


def test_the_enclosure_length_was_recorded_at_upload_so_missing_files_do_not_break_the_feed(
    client, media_root, no_page_cache
):
    article = ArticleFactory(cover_image=image_file())
    recorded = article.cover_share_size
    assert recorded > 0
    shutil.rmtree(media_root)  # the feed asks storage nothing
    assert parse(client, FEED).entries[0].enclosures[0].length == str(recorded)
    # A cover stored before lengths were recorded (rebuild_renditions records them): 0.
    Article.objects.update(cover_share_size=None)
    assert parse(client, FEED).entries[0].enclosures[0].length == "0"


@pytest.mark.parametrize("count", [1, 10])
def test_feed_runs_a_fixed_number_of_queries(
    client, count, django_assert_num_queries, no_page_cache
):
    tags = [TagFactory() for _ in range(count)]
    authors = [AuthorFactory() for _ in range(count)]
    for _ in range(count):
        ArticleFactory(tags=tags, authors=authors)
    with django_assert_num_queries(3):  # articles, bylines with authors, tags
        assert len(parse(client, FEED).entries) == count
    tag_feed = reverse("articles:tag_feed", args=[tags[0].slug])
    with django_assert_num_queries(4):  # the tag, then the same three
        assert len(parse(client, tag_feed).entries) == count


def shown(detail) -> str:
    """What a feed reader displays for a title or description feedparser hands it."""
    if detail.type == "text/html":
        return html.unescape(detail.value) if "<" not in detail.value else "(markup)"
    return detail.value


def test_titles_and_leads_reach_feed_readers_as_the_text_they_are(client):
    title = 'Ảnh <img src=x onerror="alert(1)"> & "giá" xăng'
    lead = "Tin <b>nóng</b>: <script>alert(2)</script> & 5 < 7"
    tag = TagFactory(name="<i>Nóng</i>")
    ArticleFactory(title=title, summary=lead, tags=[tag])
    for url in (FEED, reverse("articles:tag_feed", args=[tag.slug])):
        response = client.get(url)
        item = etree.fromstring(response.content).find("channel/item")
        # RSS readers read <title> and <description> as HTML: no markup may be left in them.
        assert "<" not in item.findtext("title") and "<" not in item.findtext("description")
        feed = parse(client, url)
        (entry,) = feed.entries
        assert shown(entry.title_detail) == title
        assert shown(entry.summary_detail) == lead
    assert shown(feed.feed.title_detail) == "<i>Nóng</i> — Báo Newsroom"
