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


@pytest.fixture
def site_cache(settings):
    """Django's per-site cache in front of everything, as a production cache would sit."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_a_cached_page_never_shows_a_staff_name_to_a_reader(site_cache, writer):
    article = ArticleFactory(title="Bài được lưu đệm")
    url = article.get_absolute_url()
    staff = Client()
    staff.force_login(writer)
    staff.get(url)
    staff_page = staff.get(url)
    assert "private" in staff_page["Cache-Control"]
    assert "Lan Nguyễn" in staff_page.content.decode()
    # Nothing made for the staff member was stored, under any key.
    from django.core.cache import cache

    stored = b"".join(value for value in cache._cache.values())
    assert "Lan Nguyễn".encode() not in stored

    # The staff member's own cookie sent along by a reader changes nothing either.
    for reader in [Client(), Client(HTTP_COOKIE="csrftoken=abc")]:
        html = reader.get(url).content.decode()
        assert "Lan Nguyễn" not in html
        assert ">Đăng nhập</a>" in html

    # Readers' pages are cached; the staff one was not.
    first, second = Client().get(url), Client().get(url)
    assert get_max_age(first) == 300
    assert first.content == second.content
    assert staff.get(url).content.decode().count("Lan Nguyễn") >= 1
