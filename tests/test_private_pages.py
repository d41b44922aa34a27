"""The header's personal part is never served to anybody else from a cache."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.cache import get_max_age

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_pages_for_signed_in_staff_are_private(client, writer):
    article = ArticleFactory()
    client.force_login(writer)
    for url in ["/", article.get_absolute_url(), reverse("author_profile")]:
        response = client.get(url)
        assert "private" in response["Cache-Control"], url
        assert "Cookie" in response["Vary"], url


def test_pages_for_readers_are_not_marked_private(client):
    response = client.get("/")
    assert "private" not in response.get("Cache-Control", "")
    assert "Cookie" in response["Vary"]


def stored_bytes() -> bytes:
    from django.core.cache import cache

    return b"".join(value for value in cache._cache.values())


def test_the_public_page_cache_never_shows_a_staff_name_to_a_reader(writer, settings):
    assert settings.PUBLIC_PAGE_CACHE_SECONDS > 0
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True  # X-Cache says where pages come from
    article = ArticleFactory(title="Bài được lưu đệm")
    staff = Client()
    staff.force_login(writer)
    for url in ["/", article.get_absolute_url()]:
        for _ in range(2):
            staff_page = staff.get(url)
            assert "Lan Nguyễn" in staff_page.content.decode()
            assert "private" in staff_page["Cache-Control"]
        # Nothing made for the staff member was stored, under any key.
        assert "Lan Nguyễn".encode() not in stored_bytes()

        for reader in [Client(), Client(HTTP_COOKIE="csrftoken=abc")]:
            html = reader.get(url).content.decode()
            assert "Lan Nguyễn" not in html
            assert ">Đăng nhập</a>" in html
        assert Client().get(url)["X-Cache"] == "HIT"  # readers' pages are cached
        assert "Lan Nguyễn" in staff.get(url).content.decode()


@pytest.fixture
def django_site_cache(settings):
    """Django's own per-site cache in front of everything, as another deployment might add."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]


def test_djangos_site_cache_never_shows_a_staff_name_to_a_reader(django_site_cache, writer):
    url = ArticleFactory().get_absolute_url()
    staff = Client()
    staff.force_login(writer)
    staff.get(url)
    assert "Lan Nguyễn" in staff.get(url).content.decode()
    assert "Lan Nguyễn".encode() not in stored_bytes()
    first, second = Client().get(url), Client().get(url)
    assert "Lan Nguyễn" not in first.content.decode()
    assert get_max_age(first) == 300 and first.content == second.content
