"""What search engines and social networks read: titles, descriptions, canonical URLs,
Open Graph, Twitter cards, JSON-LD, and old addresses that redirect."""

import datetime
import json

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import reverse, set_script_prefix
from lxml import html as lxml_html

from articles.templatetags.renditions import share_image  # a rendition, never the original
from tests.factories import ArticleFactory, AuthorFactory, TagFactory, image_file

pytestmark = pytest.mark.django_db


def head(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def meta(document, key: str) -> list[str]:
    return document.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content')


@pytest.fixture
def article():
    return ArticleFactory(
        title="Ninh Thuận đón 3 triệu lượt khách",
        summary="Lượng khách du lịch tăng mạnh </script><script>alert(1)</script> so với 2023.",
        published_at=datetime.datetime(2024, 4, 19, 13, 15, tzinfo=datetime.UTC),
        authors=[AuthorFactory(name="Nguyễn Thị Lan")],
        tags=[TagFactory(name="Du lịch"), TagFactory(name="Kinh tế")],
        cover_image=image_file("khach.jpg", size=(1200, 675)),
        cover_alt="Du khách trên bãi biển",
    )


def test_article_page_has_title_description_and_canonical_url(client, article):
    document = head(client, article.get_absolute_url())
    assert document.findtext(".//title") == "Ninh Thuận đón 3 triệu lượt khách — Báo Newsroom"
    assert meta(document, "description")[0].startswith("Lượng khách du lịch tăng mạnh")
    canonical = document.xpath('//link[@rel="canonical"]/@href')
    assert canonical == [f"http://testserver{article.get_absolute_url()}"]


def test_article_page_has_open_graph_and_twitter_card(client, article):
    document = head(client, article.get_absolute_url())
    assert meta(document, "og:type") == ["article"]
    assert meta(document, "og:title") == ["Ninh Thuận đón 3 triệu lượt khách"]
    assert meta(document, "og:description")[0].startswith("Lượng khách du lịch")
    assert meta(document, "og:url") == [f"http://testserver{article.get_absolute_url()}"]
    assert meta(document, "og:image") == [
        f"http://testserver{share_image(article.cover_image)['url']}"
    ]
    assert meta(document, "og:image:alt") == ["Du khách trên bãi biển"]
    assert meta(document, "og:locale") == ["vi_VN"]
    assert meta(document, "article:published_time") == ["2024-04-19T20:15:00+07:00"]
    assert meta(document, "article:tag") == ["Du lịch", "Kinh tế"]
    assert meta(document, "twitter:card") == ["summary_large_image"]
    assert meta(document, "twitter:image") == [
        f"http://testserver{share_image(article.cover_image)['url']}"
    ]


def test_article_page_has_news_article_json_ld(client, article):
    response = client.get(article.get_absolute_url())
    document = lxml_html.fromstring(response.content)
    (script,) = document.xpath('//script[@type="application/ld+json"]')
    data = json.loads(script.text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Ninh Thuận đón 3 triệu lượt khách"
    assert data["datePublished"] == "2024-04-19T20:15:00+07:00"
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= article.published_at
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Nguyễn Thị Lan",
            "url": f"http://testserver{article.ordered_authors[0].get_absolute_url()}",
        }
    ]
    # The crops search engines ask for: 1:1, 16:9 and the share card (1200×630).
    assert [url.rsplit("-", 4)[-4:-2] for url in data["image"]] == [
        ["1x1", "640w"],
        ["16x9", "1200w"],
        ["share", "1200w"],
    ]
    assert data["image"][2] == f"http://testserver{share_image(article.cover_image)['url']}"
    assert data["publisher"]["name"] == "Báo Newsroom"
    # The lead's "</script>" cannot end the data block early: one script element, no alert.
    assert "</script><script>" not in response.content.decode()
    assert "</script><script>" in data["description"]


def test_listing_pages_have_their_own_title_description_and_canonical(client):
    tag, author = (
        TagFactory(name="Giáo dục"),
        AuthorFactory(name="Hà Vy", bio="Viết về trường lớp."),
    )
    for _ in range(21):
        ArticleFactory(tags=[tag], authors=[author])
    cases = [
        (reverse("articles:home"), "Báo Newsroom", "Tin tức địa phương"),
        (tag.get_absolute_url(), "Tag: Giáo dục — Báo Newsroom", "Các bài viết gắn tag Giáo dục"),
        (author.get_absolute_url(), "Hà Vy — Báo Newsroom", "Viết về trường lớp."),
    ]
    for url, title, description in cases:
        document = head(client, url)
        assert document.findtext(".//title") == title
        assert meta(document, "description")[0].startswith(description)
        assert document.xpath('//link[@rel="canonical"]/@href') == [f"http://testserver{url}"]
        assert meta(document, "og:type") == ["website"]
        page2 = head(client, f"{url}?page=2&utm_source=x")
        assert page2.findtext(".//title").startswith(
            "Trang 2" if title == "Báo Newsroom" else f"{title.split(' — ')[0]} (trang 2)"
        )
        assert page2.xpath('//link[@rel="canonical"]/@href') == [f"http://testserver{url}?page=2"]


def test_pages_link_their_rss_feeds(client):
    tag = TagFactory()
    ArticleFactory(tags=[tag])
    document = head(client, tag.get_absolute_url())
    feeds = document.xpath('//link[@rel="alternate"][@type="application/rss+xml"]/@href')
    assert feeds == [reverse("articles:feed"), reverse("articles:tag_feed", args=[tag.slug])]


def test_old_address_of_a_published_article_redirects_permanently(client, article):
    old_url = article.get_absolute_url()
    article.slug = "ninh-thuan-3-trieu-khach"
    article.save()
    article.slug = "ninh-thuan-don-3-trieu-luot-khach-2024"
    article.save()
    for url in (old_url, "/articles/ninh-thuan-3-trieu-khach/"):
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == "/articles/ninh-thuan-don-3-trieu-luot-khach-2024/"
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.old_slugs.count() == 2


def test_a_new_article_never_takes_an_old_address(article):
    old_slug = article.slug
    article.slug = "dia-chi-moi"
    article.save()
    same_title = ArticleFactory(title=article.title)
    assert same_title.slug == f"{old_slug}-2"


def test_old_address_of_an_unpublished_article_is_a_404(client, article):
    old_url = article.get_absolute_url()
    article.slug = "dia-chi-moi"
    article.status = "withdrawn"
    article.save()
    assert client.get(old_url).status_code == 404


def test_renaming_a_draft_leaves_no_old_address():
    draft = ArticleFactory(draft=True)
    draft.slug = "ban-nhap-moi"
    draft.save()
    assert draft.old_slugs.count() == 0


@pytest.mark.parametrize("count", [1, 8])
def test_article_page_runs_a_fixed_number_of_queries(
    client, count, django_assert_num_queries, no_page_cache
):
    from tests.factories import AttachmentFactory

    article = ArticleFactory(
        tags=[TagFactory() for _ in range(count)],
        authors=[AuthorFactory() for _ in range(count)],
        cover_image=image_file(),
    )
    for _ in range(count):
        AttachmentFactory(article=article)
    # the article, its authors, tags, attachments, the most-read box
    with django_assert_num_queries(5):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="attachment-list__meta"') == count
    assert html.count('rel="tag"') == count
    assert html.count('rel="author"') == count


def test_absolute_urls_name_the_site_address_and_the_prefix_it_is_served_under(
    settings, article, no_page_cache
):
    """SITE_URL is the origin; a site mounted under a path (SCRIPT_NAME) keeps it in every
    absolute URL, as in its links, and the same worker serving both gives each its own."""
    settings.SITE_URL = "https://news.example.vn"
    handler = WSGIHandler()  # the test client ignores SCRIPT_NAME; a server does not

    def get(path: str, prefix: str) -> bytes:
        environ = RequestFactory()._base_environ(PATH_INFO=path, SCRIPT_NAME=prefix)
        response = handler(environ, lambda status, headers: None)
        assert response.status_code == 200
        return response.content

    path = article.get_absolute_url()
    request_started.disconnect(close_old_connections)  # the test's transaction holds it
    try:
        for prefix in ("/tin", ""):
            site = f"https://news.example.vn{prefix}"
            document = lxml_html.fromstring(get(path, prefix))
            assert document.xpath('//link[@rel="canonical"]/@href') == [f"{site}{path}"]
            data = json.loads(document.xpath('//script[@type="application/ld+json"]')[0].text)
            assert data["publisher"]["url"] == f"{site}/"
            robots = get("/robots.txt", prefix).decode()
            assert f"Sitemap: {site}/sitemap.xml\n" in robots
    finally:
        request_started.connect(close_old_connections)
        set_script_prefix("/")  # the handler leaves the last request's prefix behind


def test_an_image_address_that_is_absolute_already_is_kept(settings):
    from newsroom.site_url import absolute_url

    settings.SITE_URL = "https://news.example.vn"
    assert absolute_url("/media/a.jpg") == "https://news.example.vn/media/a.jpg"
    assert absolute_url("https://cdn.example.net/a.jpg") == "https://cdn.example.net/a.jpg"
    assert absolute_url("/tags/bien/?page=2") == "https://news.example.vn/tags/bien/?page=2"
