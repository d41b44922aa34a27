"""Most read: reads counted from cached pages, without bots, other sites or staff; the lists of
the last 24 hours and 7 days; the box on home and article pages."""

import datetime
import logging
import os
import re

import pytest
import redis
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, MostRead, ReadCount
from articles.public import most_read
from tests.factories import ArticleFactory
from tests.outages import closed_port

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
READER = {"User-Agent": BROWSER, "Sec-Fetch-Site": "same-origin"}
REDIS_URL = os.environ.get("TEST_REDIS_URL")
needs_real_redis = pytest.mark.skipif(
    not REDIS_URL and not os.environ.get("CI"),
    reason="set TEST_REDIS_URL to run against a real Redis (CI always does)",
)


@pytest.fixture(autouse=True)
def memory_counter(settings):
    """Reads kept in this process (no REDIS_URL, the embedded default)."""
    settings.READ_COUNTER_URL = ""
    most_read._counter = None
    yield
    most_read._counter = None


@pytest.fixture
def real_redis(settings):
    """Reads counted in a real Redis, under this test's own prefix."""
    assert REDIS_URL, "CI must set TEST_REDIS_URL"
    prefix = f"newsroom-test-reads-{os.getpid()}"
    settings.READ_COUNTER_URL, settings.READ_COUNTER_PREFIX = REDIS_URL, prefix
    client = redis.Redis.from_url(REDIS_URL)
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def beacon_in(html: str) -> str:
    found = re.search(r'<script src="/static/js/most_read\.js" data-beacon="([^"]+)" defer>', html)
    assert found, "no beacon on the page"
    return found.group(1)


def reads_of(article, period=MostRead.Period.DAY) -> int:
    place = MostRead.objects.filter(article=article, period=period).first()
    return place.reads if place else 0


def read_page(client, article, **headers) -> str:
    response = client.get(article.get_absolute_url(), headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_reader_served_from_the_page_cache_is_counted(client, settings):
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True
    article = ArticleFactory(title="Lũ về sông Dinh")
    first = client.get(article.get_absolute_url())
    cached = client.get(article.get_absolute_url())
    assert (first["X-Cache"], cached["X-Cache"]) == ("MISS", "HIT")
    beacon = beacon_in(cached.content.decode())
    for _ in range(3):
        response = client.post(beacon, headers=READER)
        assert response.status_code == 204
        assert "Set-Cookie" not in response
    call_command("count_reads")
    assert reads_of(article) == reads_of(article, MostRead.Period.WEEK) == 3
    home = client.get("/").content.decode()
    box = home[home.index('<aside class="most-read"') :]
    assert "Tin xem nhiều" in box and "24 giờ qua" in box and "7 ngày qua" in box
    assert box.count("Lũ về sông Dinh") == 2  # in both lists


@needs_real_redis
def test_reads_go_to_redis_and_a_pass_run_twice_counts_them_once(client, real_redis):
    store, prefix = real_redis
    article = ArticleFactory()
    beacon = beacon_in(read_page(client, article))
    for _ in range(2):
        client.post(beacon, headers=READER)
    hour = most_read.current_hour()
    assert store.hgetall(f"{prefix}:{hour:%Y%m%d%H}") == {str(article.pk).encode(): b"2"}
    assert 0 < store.ttl(f"{prefix}:{hour:%Y%m%d%H}") <= most_read.RETENTION_HOURS * 3600
    assert not ReadCount.objects.exists()  # no database write for a read
    call_command("count_reads")
    call_command("count_reads")
    assert ReadCount.objects.get(article=article).count == 2
    assert reads_of(article) == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"User-Agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"},
        {"User-Agent": "curl/8.5.0"},
        {"User-Agent": ""},
        {"User-Agent": BROWSER, "Sec-Fetch-Site": "cross-site"},
    ],
    ids=["googlebot", "facebook", "curl", "no-agent", "other-site"],
)
def test_bots_and_other_sites_are_not_counted(client, headers):
    article = ArticleFactory()
    beacon = beacon_in(read_page(client, article))
    assert client.post(beacon, headers=headers).status_code == 204
    call_command("count_reads")
    assert reads_of(article) == 0


def test_staff_are_not_counted_and_their_pages_and_previews_carry_no_beacon(client, editor):
    article = ArticleFactory()
    beacon = beacon_in(read_page(client, article))  # the page a CDN may hand to anybody
    client.force_login(editor)
    assert client.post(beacon, headers=READER).status_code == 204
    assert "most_read.js" not in read_page(client, article)
    preview = client.get(reverse("articles:preview", args=[article.pk])).content.decode()
    assert "Xem trước" in preview and "most_read.js" not in preview and "read-pixel" not in preview
    call_command("count_reads")
    assert reads_of(article) == 0


def test_without_javascript_the_noscript_picture_counts_and_is_never_cached(client):
    article = ArticleFactory()
    html = read_page(client, article)
    beacon = beacon_in(html)
    assert f'<noscript><img class="read-pixel" src="{beacon}" alt="" width="1" height="1">' in html
    for _ in range(2):
        response = client.get(beacon, headers=READER)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/gif"
        assert response["Cache-Control"] == "no-store"
        assert "Set-Cookie" not in response
    call_command("count_reads")
    assert reads_of(article) == 2


def test_a_made_up_beacon_address_counts_nothing(client):
    article = ArticleFactory()
    beacon = beacon_in(read_page(client, article))
    other = ArticleFactory()
    forged = beacon.replace(f"/read/{article.pk}/", f"/read/{other.pk}/")
    assert client.post(forged, headers=READER).status_code == 404
    assert client.post(f"/read/{other.pk}/x/", headers=READER).status_code == 404
    call_command("count_reads")
    assert not MostRead.objects.exists()


def test_with_redis_down_the_beacon_answers_at_once_and_nothing_fails(client, settings, caplog):
    settings.READ_COUNTER_URL = f"redis://127.0.0.1:{closed_port()}/0"  # nothing listens
    article = ArticleFactory()
    beacon = beacon_in(read_page(client, article))
    with caplog.at_level(logging.WARNING, logger="articles.public.most_read"):
        for _ in range(3):
            assert client.post(beacon, headers=READER).status_code == 204
    counter = most_read.counter()
    # One failed attempt: the next reads do not wait on Redis again for RETRY_SECONDS.
    assert counter.lost == 3 and counter.down_until > 0
    assert len([r for r in caplog.records if "Redis unreachable" in r.message]) == 1
    assert read_page(client, article)  # pages and their box are read from the database


def test_the_lists_rank_the_last_24_hours_and_the_last_7_days():
    now = timezone.now()
    hour = most_read.current_hour(now)
    last_week, today, this_hour = (ArticleFactory(title=t) for t in ("Tuần", "Hôm nay", "Giờ"))
    gone = ArticleFactory(title="Đã gỡ")
    for article, hours_ago, count in [
        (last_week, 72, 100),
        (last_week, 24, 1),  # just outside the last 24 hours
        (today, 2, 10),
        (today, 23, 1),
        (this_hour, 0, 5),
        (gone, 0, 50),
        (ArticleFactory(), 24 * 7, 500),  # a week ago: forgotten
    ]:
        ReadCount.objects.create(
            article=article, hour=hour - datetime.timedelta(hours=hours_ago), count=count
        )
    gone.status = Article.State.WITHDRAWN
    gone.save()
    most_read.fold(now)

    def ranking(period):
        places = MostRead.objects.filter(period=period).select_related("article")
        return [(place.article.title, place.reads) for place in places]

    assert ranking(MostRead.Period.DAY) == [("Hôm nay", 11), ("Giờ", 5)]
    assert ranking(MostRead.Period.WEEK) == [("Tuần", 101), ("Hôm nay", 11), ("Giờ", 5)]
    assert ReadCount.objects.count() == 6  # the week-old hour is gone


def test_an_article_withdrawn_after_the_count_leaves_the_box_at_once(client, settings):
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True
    article = ArticleFactory(title="Tin sẽ bị gỡ")
    ReadCount.objects.create(article=article, hour=most_read.current_hour(), count=9)
    most_read.fold()
    client.get("/")
    cached = client.get("/")
    assert cached["X-Cache"] == "HIT" and "Tin sẽ bị gỡ" in cached.content.decode()
    article.status = Article.State.WITHDRAWN
    article.save()
    assert "Tin sẽ bị gỡ" not in client.get("/").content.decode()
    other = ArticleFactory()
    assert "Tin sẽ bị gỡ" not in read_page(client, other)


def test_the_box_runs_one_query_however_long_its_lists(
    client, django_assert_num_queries, no_page_cache
):
    article = ArticleFactory()
    with django_assert_num_queries(3):  # the page, its bylines, the box
        assert "most-read" not in client.get("/").content.decode()
    hour = most_read.current_hour()
    for n in range(most_read.LIST_SIZE + 5):
        ReadCount.objects.create(article=ArticleFactory(title=f"Tin đọc {n}"), hour=hour, count=n)
    most_read.fold()
    with django_assert_num_queries(3):
        html = client.get("/").content.decode()
    assert html.count('<li><a href="/articles/') == 2 * most_read.BOX_SIZE
    with django_assert_num_queries(5):
        read_page(client, article)


def test_article_pages_count_reads_with_a_static_script_under_the_strict_policy(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(?!</script>)", html) == [
        '<script type="application/ld+json">'  # data, which the policy does not run
    ]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
