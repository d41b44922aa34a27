"""Absolute URLs come from the site's address (SITE_URL), never from the request: what a
client says about host, port or scheme is in no public page, and a poisoned request is not
what the next reader gets from the cache."""

import re

import pytest

from tests.factories import ArticleFactory, AuthorFactory, TagFactory, image_file

pytestmark = pytest.mark.django_db

SITE = "http://news.example.vn"
# Namespaces and vocabularies the documents name: not addresses of this site.
VOCABULARIES = (
    "https://schema.org",
    "http://www.sitemaps.org/schemas/",
    "http://www.google.com/schemas/",
    "http://www.w3.org/",
    "http://purl.org/dc/",
)
READER = {"HTTP_HOST": "news.example.vn"}
HOSTILE = {
    "an allowed name with another port": {"HTTP_HOST": "news.example.vn:8080"},
    "an allowed name with a trailing dot": {"HTTP_HOST": "news.example.vn."},
    "another allowed name": {"HTTP_HOST": "localhost"},
    # The TLS proxy is trusted with the scheme; what it forwards is still the request's.
    "a forwarded scheme": {"HTTP_HOST": "news.example.vn", "HTTP_X_FORWARDED_PROTO": "https"},
}


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["news.example.vn", "localhost", "testserver"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.fixture
def public_urls():
    """Every public page and document that carries absolute URLs."""
    tag, author = TagFactory(name="Biển"), AuthorFactory(name="Ngọc Hân")
    article = ArticleFactory(
        title="Mùa cá cơm",
        tags=[tag],
        authors=[author],
        cover_image=image_file("ca-com.jpg", size=(1200, 675)),
    )
    return [
        "/",
        article.get_absolute_url(),
        tag.get_absolute_url(),
        author.get_absolute_url(),
        "/search/?q=c%C3%A1",
        "/robots.txt",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-tags.xml",
        "/sitemap-authors.xml",
        "/sitemap-news.xml",
        "/feed/",
        f"/tags/{tag.slug}/feed/",
    ]


def foreign_urls(body: str) -> tuple[list[str], int]:
    """The absolute URLs in a document that are not on SITE, and how many are."""
    found = [
        url
        for url in re.findall(r"""https?://[^\s"'<>\\]+""", body)
        if not url.startswith(VOCABULARIES)
    ]
    ours = [url for url in found if url.startswith(f"{SITE}/")]
    return [url for url in found if url not in ours], len(ours)


@pytest.mark.parametrize("headers", HOSTILE.values(), ids=HOSTILE.keys())
def test_absolute_urls_come_from_the_site_address_whatever_the_request_says(
    client, public_urls, headers, no_page_cache
):
    for url in public_urls:
        response = client.get(url, **headers)
        assert response.status_code == 200, url
        foreign, ours = foreign_urls(response.content.decode())
        assert not foreign, url
        assert ours, url  # canonical, og:url, JSON-LD, Sitemap:, <loc>, <link>…


@pytest.mark.parametrize("headers", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_poisoned_request_is_not_what_the_next_reader_gets(
    client, settings, public_urls, headers
):
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True
    for url in public_urls:
        poisoned = client.get(url, **headers)
        assert poisoned["X-Cache"] == "MISS", url
        served = client.get(url, **READER)
        assert served["X-Cache"] == "HIT", url  # one entry, whatever the request said
        assert served.content == poisoned.content
        assert not foreign_urls(served.content.decode())[0], url


def test_a_host_outside_allowed_hosts_is_refused_even_for_a_cached_page(client):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url(), **READER).status_code == 200
    assert client.get(article.get_absolute_url(), HTTP_HOST="evil.example").status_code == 400
