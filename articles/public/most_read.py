"""Most read (tin xem nhiều): reads counted by a beacon from the page, boxes from stored lists.

Counting. An article page, whether rendered, from the page cache or from a CDN, loads
static/js/most_read.js, which sends one beacon (a POST) to the article's `read` address;
without JavaScript, a 1×1 picture in <noscript> asks the same address. The page itself is
never what counts, so a reader served from any cache is counted all the same. `read()`
counts one read of the article in the current hour unless the user agent is a bot's or
missing (crawlerdetect), the request comes from another site (`Sec-Fetch-Site`), it comes
with a staff member's session (staff pages carry no beacon, and the preview none at all,
but a CDN's copy might), or its signature does not fit the article (made-up ids would fill
Redis). No cookie is set, nothing about the reader is kept: one number per article per hour.

Where the numbers go, with no database write per read: with REDIS_URL, a Redis hash per hour
(HINCRBY; kept RETENTION_HOURS); without it (the embedded default, one machine), the
worker's memory, written to the database every FLUSH_SECONDS by the next read. When Redis
is down, reads are not counted and the beacon answers at once: after a failure Redis is
left alone for RETRY_SECONDS, and the outage is logged once a minute.

Folding: `fold()`, run by `manage.py count_reads` (once a minute, or `--loop`), copies the
hours Redis holds into ReadCount (as totals, so a pass run twice counts nothing twice),
ranks the last 24 hours and 7 days of published() articles into MostRead (LIST_SIZE each)
and forgets hours older than a week.

The box (templates/articles/_most_read.html) shows BOX_SIZE of each list, read in one query
through published(). It is part of cached pages, so it is as old as the page showing it (at
most PUBLIC_PAGE_CACHE_SECONDS, plus a CDN's s-maxage) plus one pass; an article that is
withdrawn leaves it at once, as it leaves every page (a new cache generation).
"""

import base64
import logging
import threading
import time
from collections import Counter
from datetime import timedelta
from functools import lru_cache

import redis
from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core import signing
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Sum
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from articles.models import Article, MostRead, ReadCount

logger = logging.getLogger(__name__)

RETENTION_HOURS = 48
FLUSH_SECONDS = 10
RETRY_SECONDS = 10
LIST_SIZE = 20
BOX_SIZE = 5
PERIOD_HOURS = {MostRead.Period.DAY: 24, MostRead.Period.WEEK: 7 * 24}
FOLD_LOCK_KEY = 0x6E657773_7265  # PostgreSQL advisory lock: one fold at a time
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
_signer = signing.Signer(salt="articles.most_read")
_crawlers = CrawlerDetect()


def beacon_url(article) -> str:
    """The address that counts a read of `article`."""
    return reverse("articles:read", args=[article.pk, _signer.signature(str(article.pk))])


@lru_cache(maxsize=8192)
def is_bot(user_agent: str) -> bool:
    """A crawler's, a script's or a preview's user agent, or none (cached: agents repeat)."""
    return not user_agent.strip() or _crawlers.is_crawler(user_agent)


def is_counted(request) -> bool:
    """Whether this request is a reader's read (see the module's docstring)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
        return False
    if is_bot(request.headers.get("User-Agent", "")[:300]):
        return False
    # Only a request with a session can be staff's: a reader's costs no session look-up.
    return not (settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff)


@csrf_exempt  # sendBeacon sends no token; a read changes nothing but a number
@require_http_methods(["GET", "POST"])
def read(request, pk: int, signature: str):
    """The beacon: count one read of article `pk`; a 1×1 picture for <noscript>."""
    if not constant_time_compare(signature, _signer.signature(str(pk))):
        raise Http404
    if is_counted(request):
        counter().add(pk, current_hour())
    response = (
        HttpResponse(PIXEL, content_type="image/gif")
        if request.method == "GET"
        else HttpResponse(status=204)
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def current_hour(now=None):
    return (now or timezone.now()).replace(minute=0, second=0, microsecond=0)


class RedisCounter:
    """Reads per article in a Redis hash per hour."""

    def __init__(self, url: str, prefix: str):
        self.client = redis.Redis.from_url(url, socket_timeout=0.25, socket_connect_timeout=0.25)
        self.prefix = prefix
        self.down_until = 0.0
        self.logged_at = 0.0
        self.lost = 0

    def key(self, hour) -> str:
        return f"{self.prefix}:{hour:%Y%m%d%H}"

    def add(self, pk: int, hour) -> None:
        if time.monotonic() < self.down_until:
            self.lost += 1
            return
        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.hincrby(self.key(hour), str(pk), 1)
            pipe.expire(self.key(hour), RETENTION_HOURS * 3600)
            pipe.execute()
        except redis.RedisError as error:
            self.lost += 1
            now = time.monotonic()
            self.down_until = now + RETRY_SECONDS
            if now - self.logged_at >= 60:
                self.logged_at = now
                logger.warning(
                    "Most read: Redis unreachable, %s reads not counted: %s", self.lost, error
                )

    def flush(self) -> None:
        """Nothing waits in this process: every read went straight to Redis."""

    def hours(self, first, last) -> dict:
        """{hour: {article id: reads}} for the hours from `first` to `last`, both included."""
        hours, hour = [], first
        while hour <= last:
            hours.append(hour)
            hour += timedelta(hours=1)
        pipe = self.client.pipeline(transaction=False)
        for hour in hours:
            pipe.hgetall(self.key(hour))
        return {
            hour: {int(pk): int(reads) for pk, reads in found.items()}
            for hour, found in zip(hours, pipe.execute(), strict=True)
        }


class MemoryCounter:
    """Reads kept in this process and added to ReadCount every FLUSH_SECONDS."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pending: Counter = Counter()
        self.flushed_at = time.monotonic()

    def add(self, pk: int, hour) -> None:
        with self.lock:
            self.pending[pk, hour] += 1
        if time.monotonic() - self.flushed_at >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        with self.lock:
            pending, self.pending = self.pending, Counter()
            self.flushed_at = time.monotonic()
        if not pending:
            return
        try:
            add_reads(pending)
        except DatabaseError:
            logger.exception("Most read: %s reads not written", sum(pending.values()))

    def hours(self, first, last) -> dict:
        return {}  # already in ReadCount


def add_reads(reads: Counter) -> None:
    """Add {(article id, hour): reads} to ReadCount (articles deleted meanwhile are left out)."""
    existing = set(
        Article.objects.filter(pk__in={pk for pk, _ in reads}).values_list("pk", flat=True)
    )
    rows = [(pk, hour, n) for (pk, hour), n in reads.items() if pk in existing]
    if not rows:
        return
    table = connection.ops.quote_name(ReadCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (article_id, hour, count) VALUES (%s, %s, %s) "
            f"ON CONFLICT (article_id, hour) DO UPDATE SET count = {table}.count + excluded.count",
            rows,
        )


_counter = None
_counter_lock = threading.Lock()


def counter():
    """This process's counter: Redis when READ_COUNTER_URL is set, memory otherwise."""
    global _counter
    with _counter_lock:
        wanted = (settings.READ_COUNTER_URL, settings.READ_COUNTER_PREFIX)
        if _counter is None or getattr(_counter, "settings", None) != wanted:
            url, prefix = wanted
            _counter = RedisCounter(url, prefix) if url else MemoryCounter()
            _counter.settings = wanted
        return _counter


def fold(now=None) -> int:
    """Bring the counts into the database and rank the lists; the hours' reads copied."""
    now = now or timezone.now()
    hour = current_hour(now)
    source = counter()
    source.flush()
    latest = ReadCount.objects.order_by("-hour").values_list("hour", flat=True).first()
    first = max(
        min(latest or hour, hour - timedelta(hours=1)), hour - timedelta(hours=RETENTION_HOURS - 1)
    )
    counts = source.hours(first, hour)
    existing = set(
        Article.objects.filter(
            pk__in={pk for found in counts.values() for pk in found}
        ).values_list("pk", flat=True)
    )
    rows = [
        ReadCount(article_id=pk, hour=when, count=reads)
        for when, found in counts.items()
        for pk, reads in found.items()
        if pk in existing
    ]
    with transaction.atomic():
        if connection.vendor == "postgresql":  # SQLite's writers already take turns
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FOLD_LOCK_KEY])
        # Totals, not increments: Redis holds each hour's whole count.
        ReadCount.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["article", "hour"],
            update_fields=["count"],
        )
        ReadCount.objects.filter(hour__lte=hour - timedelta(hours=PERIOD_HOURS["week"])).delete()
        MostRead.objects.all().delete()
        MostRead.objects.bulk_create(ranked(hour))
    return len(rows)


def ranked(hour) -> list[MostRead]:
    """The most-read lists for the hours up to `hour`, of articles public now."""
    places = []
    for period, hours in PERIOD_HOURS.items():
        top = (
            ReadCount.objects.filter(
                hour__gt=hour - timedelta(hours=hours),
                article__in=Article.objects.published().values("pk"),
            )
            .values("article")
            .annotate(reads=Sum("count"))
            .order_by("-reads", "-article")[:LIST_SIZE]
        )
        places += [
            MostRead(period=period, position=n, article_id=row["article"], reads=row["reads"])
            for n, row in enumerate(top, 1)
        ]
    return places


def box() -> list[tuple[MostRead.Period, list[Article]]]:
    """Each list's first BOX_SIZE public articles, in one query: [(period, articles)]."""
    found = (
        Article.objects.published()
        .filter(most_read__position__gt=0)
        .annotate(period=F("most_read__period"), place=F("most_read__position"))
        .order_by("period", "place")
        .only("title", "slug")
    )
    lists = {period: [] for period in PERIOD_HOURS}
    for article in found:
        if len(lists[article.period]) < BOX_SIZE:
            lists[article.period].append(article)
    return [(MostRead.Period(period), found) for period, found in lists.items() if found]
