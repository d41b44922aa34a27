"""Anonymous readers get cached pages; any change shows up on the next request."""

import datetime
import logging
import os
import time

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AttachmentFactory, TagFactory

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, response.content.decode()


def test_second_anonymous_request_is_served_from_the_cache(client):
    article = ArticleFactory(title="Bão số 5 đổ bộ")
    first, _ = get(client, article.get_absolute_url())
    second, html = get(client, article.get_absolute_url())
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert "Bão số 5 đổ bộ" in html


def test_public_pages_let_a_shared_cache_hold_them_briefly_while_browsers_revalidate(client):
    article = ArticleFactory()
    response, _ = get(client, article.get_absolute_url())
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "must-revalidate", "s-maxage=30"} <= directives


def test_an_edit_shows_on_the_next_request_on_every_page(client):
    tag = TagFactory(name="Thời tiết")
    article = ArticleFactory(title="Nắng nóng kéo dài", tags=[tag])
    pages = ["/", article.get_absolute_url(), tag.get_absolute_url()]
    for url in pages:
        get(client, url)
        assert get(client, url)[0]["X-Cache"] == "HIT"

    article.title = "Nắng nóng kết thúc"
    article.save()

    for url in pages:
        response, html = get(client, url)
        assert response["X-Cache"] == "MISS"
        assert "Nắng nóng kết thúc" in html


def test_a_withdrawn_article_disappears_at_once(client):
    article = ArticleFactory(title="Tin sẽ bị gỡ")
    get(client, article.get_absolute_url())
    assert "Tin sẽ bị gỡ" in get(client, "/")[1]

    article.status = Article.State.WITHDRAWN
    article.save()

    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Tin sẽ bị gỡ" not in get(client, "/")[1]


def test_tag_and_attachment_changes_invalidate_the_article_page(client):
    tag = TagFactory(name="Giao thông")
    article = ArticleFactory(tags=[tag])
    get(client, article.get_absolute_url())

    tag.name = "Giao thông vận tải"
    tag.save()
    assert "Giao thông vận tải" in get(client, article.get_absolute_url())[1]

    AttachmentFactory(article=article, title="Quyết định số 12")
    assert "Quyết định số 12" in get(client, article.get_absolute_url())[1]


def test_a_scheduled_article_appears_on_its_minute_with_no_worker(client, monkeypatch):
    now = timezone.now()
    scheduled = ArticleFactory(
        title="Tin lên lịch", published_at=now + datetime.timedelta(minutes=1)
    )
    assert "Tin lên lịch" not in get(client, "/")[1]
    assert get(client, "/")[0]["X-Cache"] == "HIT"

    # One second before its minute: still absent, still cached.
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(seconds=59))
    monkeypatch.setattr(time, "time", lambda: (now + datetime.timedelta(seconds=59)).timestamp())
    assert "Tin lên lịch" not in get(client, "/")[1]

    # On its minute: the cached home page is dropped and the article is there.
    later = now + datetime.timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    response, html = get(client, "/")
    assert response["X-Cache"] == "MISS"
    assert "Tin lên lịch" in html
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_signed_in_staff_are_never_served_a_cached_page(client, editor):
    article = ArticleFactory()
    get(client, article.get_absolute_url())
    client.force_login(editor)
    response, html = get(client, article.get_absolute_url())
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert editor.get_username() in html or editor.get_full_name() in html


def test_no_cached_page_carries_another_users_name(client, editor):
    editor.first_name, editor.last_name = "Bích", "Ngọc Biên Tập"
    editor.save()
    article = ArticleFactory()
    client.force_login(editor)
    assert "Ngọc Biên Tập" in get(client, article.get_absolute_url())[1]
    assert "Ngọc Biên Tập" in get(client, "/")[1]

    client.logout()
    for url in ("/", article.get_absolute_url()):
        for _ in range(2):  # the miss, then the hit
            response, html = get(client, url)
            assert "Ngọc Biên Tập" not in html
            assert "csrfmiddlewaretoken" not in html
            assert "Đăng nhập" in html


def test_article_pages_answer_conditional_requests_with_304(client):
    article = ArticleFactory()
    response, _ = get(client, article.get_absolute_url())
    etag = response["ETag"]
    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_article_pages_send_last_modified_and_answer_if_modified_since(client):
    article = ArticleFactory()
    response, _ = get(client, article.get_absolute_url())
    last_modified = response["Last-Modified"]
    assert last_modified.endswith("GMT")
    again = client.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 304


def test_the_site_keeps_serving_when_redis_is_down(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    article = ArticleFactory(title="Vẫn đọc được khi Redis hỏng")
    with caplog.at_level(logging.WARNING, logger="articles.public.page_cache"):
        for _ in range(2):
            response, html = get(client, article.get_absolute_url())
            assert "Vẫn đọc được khi Redis hỏng" in html
            assert "X-Cache" not in response or response["X-Cache"] == "MISS"
    assert "Page cache unavailable" in caplog.text


REDIS_URL = os.environ.get("TEST_REDIS_URL")


@pytest.mark.skipif(
    not REDIS_URL and not os.environ.get("CI"),
    reason="set TEST_REDIS_URL to run against a real Redis (CI always does)",
)
def test_pages_are_cached_and_invalidated_in_a_real_redis(client, settings):
    assert REDIS_URL, "CI must set TEST_REDIS_URL"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"newsroom-test-{os.getpid()}",
        }
    }
    article = ArticleFactory(title="Tin trong Redis")
    get(client, article.get_absolute_url())
    assert get(client, article.get_absolute_url())[0]["X-Cache"] == "HIT"
    article.title = "Tin trong Redis đã sửa"
    article.save()
    response, html = get(client, article.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    assert "Tin trong Redis đã sửa" in html
    cache.clear()
