"""Sitemaps and robots.txt, checked against the sitemaps.org and Google News schemas."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, TagFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemaps.xsd")))
INDEX_SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMAS / "siteindex.xsd")))
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def valid_sitemap(client, name: str, **kwargs):
    return valid_xml(client, reverse(name, kwargs=kwargs), SCHEMA)


def valid_xml(client, url: str, schema):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    return document


def sitemap_index(client) -> list[str]:
    """The sitemaps /sitemap.xml points to, as paths on this site."""
    document = valid_xml(client, reverse("articles:sitemap"), INDEX_SCHEMA)
    locations = document.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert all(loc.startswith("http://testserver/") for loc in locations)
    return [loc.removeprefix("http://testserver") for loc in locations]


def all_sitemap_urls(client) -> list[str]:
    return [
        url for path in sitemap_index(client) for url in locations(valid_xml(client, path, SCHEMA))
    ]


def locations(document) -> list[str]:
    return document.xpath("//s:url/s:loc/text()", namespaces=NS)


@pytest.fixture
def site():
    tag, author = TagFactory(name="Môi trường"), AuthorFactory(name="Kim Chi")
    public = ArticleFactory(title="Rừng phòng hộ", tags=[tag], authors=[author])
    lonely_tag, lonely_author = TagFactory(name="Chưa dùng"), AuthorFactory(name="Chưa viết")
    hidden = [
        ArticleFactory(draft=True, tags=[lonely_tag], authors=[lonely_author]),
        ArticleFactory(scheduled=True, tags=[lonely_tag], authors=[lonely_author]),
        ArticleFactory(status=Article.State.WITHDRAWN, tags=[lonely_tag], authors=[lonely_author]),
    ]
    return public, tag, author, hidden, lonely_tag, lonely_author


def test_sitemap_lists_public_articles_tags_and_authors_with_lastmod(client, site):
    public, tag, author, hidden, lonely_tag, lonely_author = site
    assert sitemap_index(client) == [
        "/sitemap-articles.xml",
        "/sitemap-tags.xml",
        "/sitemap-authors.xml",
    ]
    urls = all_sitemap_urls(client)
    assert urls == [
        f"http://testserver{public.get_absolute_url()}",
        f"http://testserver{tag.get_absolute_url()}",
        f"http://testserver{author.get_absolute_url()}",
    ]
    for article in hidden:
        assert f"http://testserver{article.get_absolute_url()}" not in urls
    articles = valid_sitemap(client, "articles:sitemap_section", section="articles")
    (lastmod,) = articles.xpath("//s:url/s:lastmod/text()", namespaces=NS)
    assert abs(datetime.datetime.fromisoformat(lastmod) - public.updated_at) < datetime.timedelta(
        seconds=1
    )
    for section in ("tags", "authors"):
        document = valid_sitemap(client, "articles:sitemap_section", section=section)
        (lastmod,) = document.xpath("//s:url/s:lastmod/text()", namespaces=NS)
        assert datetime.datetime.fromisoformat(lastmod) == public.published_at


def test_article_sitemap_is_split_into_pages_the_index_lists(client, monkeypatch):
    from articles.public.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [ArticleFactory() for _ in range(5)]
    assert sitemap_index(client)[:3] == [
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-articles.xml?p=3",
    ]
    listed = all_sitemap_urls(client)
    for article in articles:
        assert listed.count(f"http://testserver{article.get_absolute_url()}") == 1
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_news_sitemap_has_the_articles_of_the_last_48_hours(client, site):
    public = site[0]
    ArticleFactory(title="Tin cũ", published_at=timezone.now() - datetime.timedelta(hours=49))
    document = valid_sitemap(client, "articles:news_sitemap")
    assert locations(document) == [f"http://testserver{public.get_absolute_url()}"]
    news = document.xpath("//s:url/n:news", namespaces=NS)[0]
    assert news.xpath("n:publication/n:name/text()", namespaces=NS) == ["Báo Newsroom"]
    assert news.xpath("n:publication/n:language/text()", namespaces=NS) == ["vi"]
    assert news.xpath("n:title/text()", namespaces=NS) == ["Rừng phòng hộ"]
    published = datetime.datetime.fromisoformat(
        news.xpath("n:publication_date/text()", namespaces=NS)[0]
    )
    assert abs(published - public.published_at) < datetime.timedelta(seconds=1)


def test_news_sitemap_title_is_escaped_xml(client):
    ArticleFactory(title='Giá "xăng" & <dầu> tăng')
    document = valid_sitemap(client, "articles:news_sitemap")
    assert document.xpath("//n:title/text()", namespaces=NS) == ['Giá "xăng" & <dầu> tăng']


def test_the_schema_check_can_fail():
    broken = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>http://example.test/a/</loc><changefreq>often</changefreq></url></urlset>"
    )
    assert not SCHEMA.validate(broken)


@pytest.mark.parametrize("count", [1, 6])
def test_sitemap_runs_a_fixed_number_of_queries(
    client, count, django_assert_num_queries, no_page_cache
):
    tags = [TagFactory() for _ in range(count)]
    authors = [AuthorFactory() for _ in range(count)]
    for _ in range(count):
        ArticleFactory(tags=tags, authors=authors)
    # the index: a count and the latest change of each section
    with django_assert_num_queries(6):
        sections = sitemap_index(client)
    # each section: a count and a page
    for path in sections:
        with django_assert_num_queries(2):
            assert len(locations(valid_xml(client, path, SCHEMA))) == count


@pytest.mark.parametrize("count", [1, 6])
def test_news_sitemap_runs_a_fixed_number_of_queries(
    client, count, django_assert_num_queries, no_page_cache
):
    for _ in range(count):
        ArticleFactory(tags=[TagFactory()], authors=[AuthorFactory()])
    with django_assert_num_queries(2):  # a count and a page
        assert len(locations(valid_sitemap(client, "articles:news_sitemap"))) == count


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_staff_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml\n" in text
    assert "Sitemap: http://testserver/sitemap-news.xml\n" in text
    assert "Disallow: /admin/\n" in text
