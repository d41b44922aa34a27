"""Anonymous readers get cached pages; any change shows up on the next request."""

import datetime
import logging
import os
import re
import time

import pytest
from django.utils import timezone

from articles.models import Article
from articles.public import page_cache
from tests.factories import ArticleFactory, AttachmentFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def diagnostics(settings):
    """X-Cache on responses, as PUBLIC_PAGE_CACHE_DIAGNOSTICS=1 gives it (off by default)."""
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, response.content.decode()


def test_second_anonymous_request_is_served_from_the_cache(client, diagnostics):
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


def test_an_edit_shows_on_the_next_request_on_every_page(client, diagnostics):
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


def test_a_scheduled_article_appears_on_its_minute_with_no_worker(client, diagnostics, monkeypatch):
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


def test_signed_in_staff_are_never_served_a_cached_page(client, diagnostics, editor):
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


def test_readers_are_not_told_how_a_page_was_served(client):
    article = ArticleFactory()
    miss, _ = get(client, article.get_absolute_url())
    hit, _ = get(client, article.get_absolute_url())
    article.save()  # a new generation starts: nothing may tell a reader that either
    again, _ = get(client, article.get_absolute_url())
    for response in (miss, hit, again):
        assert "X-Cache" not in response
    assert set(miss.headers) == set(hit.headers) == set(again.headers)


def test_the_diagnostics_setting_tells_how_each_page_was_served(client, diagnostics):
    article = ArticleFactory()
    hows = [get(client, article.get_absolute_url())[0]["X-Cache"] for _ in range(2)]
    assert hows == ["MISS", "HIT"]


TRACKING = [
    "utm_source=facebook",
    "utm_source=zalo&utm_medium=social&utm_campaign=bao-tet",
    "fbclid=IwAR0abcdefghijklmnop",
    "gclid=Cj0KCQiA",
    "ref=trang-chu",
]


def test_tracking_parameters_share_the_page_entry(client, diagnostics):
    article = ArticleFactory()
    url = article.get_absolute_url()
    assert get(client, f"{url}?utm_source=first")[0]["X-Cache"] == "MISS"
    for query in TRACKING:
        assert get(client, f"{url}?{query}")[0]["X-Cache"] == "HIT", query
    assert get(client, url)[0]["X-Cache"] == "HIT"


def test_search_words_and_page_numbers_still_make_their_own_entries(client, diagnostics):
    for n in range(25):
        ArticleFactory(title=f"Bão số {n}")
    assert get(client, "/search/?q=bão")[0]["X-Cache"] == "MISS"
    assert get(client, "/search/?q=lũ")[0]["X-Cache"] == "MISS"
    assert get(client, "/search/?q=bão&fbclid=x")[0]["X-Cache"] == "HIT"
    # Repeated, a parameter counts as the views read it: its last value.
    assert get(client, "/search/?q=lũ&q=bão")[0]["X-Cache"] == "HIT"
    assert get(client, "/?page=2")[0]["X-Cache"] == "MISS"
    assert get(client, "/?page=2&utm_source=x")[0]["X-Cache"] == "HIT"
    assert get(client, "/")[0]["X-Cache"] == "MISS"
    assert get(client, "/?page=")[0]["X-Cache"] == "HIT"  # empty is absent, as for the view


@pytest.mark.parametrize("url", ["/?page=2", "/search/?q=bão+số&page=2", "/tags/thoi-tiet/"])
def test_a_page_rendered_for_a_tracking_link_is_the_page_without_it(client, url, no_page_cache):
    tag = TagFactory(name="Thời tiết", slug="thoi-tiet")
    for n in range(45):
        ArticleFactory(title=f"Bão số {n}", tags=[tag])
    plain = get(client, url)[1]
    for query in TRACKING:
        tracked = get(client, f"{url}&{query}" if "?" in url else f"{url}?{query}")[1]
        assert tracked == plain, query
    assert "utm_" not in plain and "fbclid" not in plain


@pytest.fixture
def unreachable_redis(settings, monkeypatch):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    # This process has seen no outage yet, whatever earlier tests did.
    monkeypatch.setattr(page_cache, "_outage", page_cache._CacheOutage())


def page_cache_log(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "articles.public.page_cache"]


def test_the_site_keeps_serving_when_redis_is_down(client, unreachable_redis, caplog):
    article = ArticleFactory(title="Vẫn đọc được khi Redis hỏng")
    with caplog.at_level(logging.WARNING, logger="articles.public.page_cache"):
        for _ in range(2):
            response, html = get(client, article.get_absolute_url())
            assert "Vẫn đọc được khi Redis hỏng" in html
            assert "public" in response["Cache-Control"]
    assert "Page cache unavailable" in caplog.text


def test_a_redis_outage_is_logged_once_a_minute_not_once_a_request(
    client, unreachable_redis, settings, caplog, monkeypatch
):
    article = ArticleFactory()
    with caplog.at_level(logging.WARNING, logger="articles.public.page_cache"):
        for _ in range(100):
            get(client, article.get_absolute_url())
        (started,) = page_cache_log(caplog)
        assert started.exc_info  # one traceback, when the outage starts
        assert "Page cache unavailable" in started.getMessage()

        later = time.monotonic() + page_cache.OUTAGE_LOG_SECONDS + 1
        monkeypatch.setattr(time, "monotonic", lambda: later)
        for _ in range(10):
            get(client, article.get_absolute_url())
        started, going_on = page_cache_log(caplog)
        assert re.search(r"still unavailable: \d{3} failed calls in 6\d s", going_on.getMessage())
        assert not going_on.exc_info

        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        get(client, article.get_absolute_url())
        *_, back = page_cache_log(caplog)
        assert "available again" in back.getMessage()
    assert len(caplog.text) < 10_000


def test_a_change_saved_while_redis_was_unreachable_shows_once_it_is_back(
    client, settings, diagnostics, unreachable_redis
):
    reachable = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    unreachable = settings.CACHES
    settings.CACHES = reachable
    article = ArticleFactory(title="Trước khi mất kết nối")
    get(client, article.get_absolute_url())
    assert get(client, article.get_absolute_url())[0]["X-Cache"] == "HIT"

    settings.CACHES = unreachable  # the same cache, cut off from this process
    article.title = "Sửa khi mất kết nối"
    article.save()

    settings.CACHES = reachable
    response, html = get(client, article.get_absolute_url())
    assert "Sửa khi mất kết nối" in html


REDIS_URL = os.environ.get("TEST_REDIS_URL")
needs_real_redis = pytest.mark.skipif(
    not REDIS_URL and not os.environ.get("CI"),
    reason="set TEST_REDIS_URL to run against a real Redis (CI always does)",
)


@pytest.fixture
def real_redis(settings):
    """The page cache in a real Redis, under a key prefix of this test's own."""
    assert REDIS_URL, "CI must set TEST_REDIS_URL"
    import redis

    prefix = f"newsroom-test-{os.getpid()}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(REDIS_URL)
    yield lambda: sorted(key.decode() for key in client.scan_iter(f"{prefix}:*"))
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@needs_real_redis
def test_pages_are_cached_and_invalidated_in_a_real_redis(client, diagnostics, real_redis):
    article = ArticleFactory(title="Tin trong Redis")
    get(client, article.get_absolute_url())
    assert get(client, article.get_absolute_url())[0]["X-Cache"] == "HIT"
    article.title = "Tin trong Redis đã sửa"
    article.save()
    response, html = get(client, article.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    assert "Tin trong Redis đã sửa" in html


@needs_real_redis
def test_tracking_links_add_nothing_to_a_real_redis(client, real_redis):
    article = ArticleFactory()
    for n in range(200):
        get(client, f"{article.get_absolute_url()}?utm_source=s{n}&fbclid=f{n}")
    keys = real_redis()
    assert len(keys) == 2, keys  # the cache's state and the one page
