"""Whole-page cache for anonymous readers: what makes an entry, when it is fresh, when stale.

What is cached: an anonymous GET or HEAD (no session cookie) of a public page (outside
newsroom.paths.UNCACHED_PREFIXES) answered 200 (or 410, a withdrawn article's notice), not
streamed, setting no cookie and not marked private, no-cache or no-store. Signed-in people
are never served from the cache, and their pages are marked private.

The key: the page's language, its path (with any script prefix) and its own query
parameters, PAGE_PARAMETERS (`q`, `page`, and `p` of the sitemaps), each as the views read
it (the last value; an empty one is absent). Nothing else a client sends makes another
entry, nor another page: absolute URLs come from SITE_URL (newsroom/site_url.py), never
from Host, port or scheme, and the views read no other parameter, so `?utm_source=…` and
`?fbclid=…` share the entry. A Host outside ALLOWED_HOSTS gets its 400 before any lookup.

Generations: each entry records the generation it was rendered in, and is fresh while that
generation is current, for at most PUBLIC_PAGE_CACHE_SECONDS. A new generation starts when
public content changes (an article, tag, author, byline or attachment saved or deleted;
again when the transaction commits, so a page rendered from pre-commit data goes too) and
when a scheduled article's minute comes: the state remembers when the next one is due, so
no worker is needed (while the database is down that minute cannot be followed: no entry
is fresh until it can). A lost state (evicted, flushed) starts one in which no older copy
is trusted, and so does the cache coming back after an outage, as a change saved meanwhile
could not be recorded. A page has one entry; a new rendering replaces it.

Stale-if-error: when a page cannot be rendered (a 5xx answer, such as the 503 while the
database is down), its last good copy is served instead if no content has changed since it
was rendered (all it can lack is what the clock has published since, never an edit or a
withdrawal undone), for up to PUBLIC_PAGE_STALE_SECONDS beyond its freshness. A database
failure also lets the next OUTAGE_RETRY_SECONDS serve such copies without trying the
database, so readers do not each wait for its timeout; then the next request tries again,
and pages catch up as they are rendered.

If the cache (Redis) is down, pages are served uncached. The outage is logged when it
starts, once per OUTAGE_LOG_SECONDS while it lasts, and when it ends.
"""

import hashlib
import json
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from newsroom.paths import UNCACHED_PREFIXES

logger = logging.getLogger(__name__)

STATE_KEY = "public-pages:state"
DATABASE_DOWN_KEY = "public-pages:database-down"
# The query parameters that choose what a public page shows: the only ones the views read
# (search: q; listings: page; sitemaps: p), and the only ones their links carry (seo.py).
PAGE_PARAMETERS = ("q", "page", "p")
OUTAGE_RETRY_SECONDS = 10
OUTAGE_LOG_SECONDS = 60
# What an unavailable database raises (refused, lost, pool timeout); other errors are bugs.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class _CacheOutage:
    """The cache's outage as this process sees it, logged as one event, not per request."""

    def __init__(self):
        self.lock = threading.Lock()
        self.since = None
        self.logged_at = 0.0
        self.failures = 0

    def failed(self, method: str, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            self.failures += 1
            if self.since is not None and now - self.logged_at < OUTAGE_LOG_SECONDS:
                return
            starting, failures, elapsed = self.since is None, self.failures, now - self.logged_at
            self.since = now if starting else self.since
            self.logged_at, self.failures = now, 0
        if starting:
            logger.warning(
                "Page cache unavailable (%s); serving pages uncached.", method, exc_info=error
            )
        else:
            logger.warning(
                "Page cache still unavailable: %d failed calls in %.0f s (%s: %s).",
                failures,
                elapsed,
                type(error).__name__,
                error,
            )

    def ended(self) -> bool:
        """True once, when the cache answers again after an outage."""
        if self.since is None:  # the usual case, without taking the lock
            return False
        with self.lock:
            since, self.since, self.failures = self.since, None, 0
        if since is None:
            return False
        logger.warning("Page cache available again after %.0f s.", time.monotonic() - since)
        return True


_outage = _CacheOutage()


def _cache_call(method: str, *args, fallback=None):
    """A cache operation that degrades to `fallback` when the cache is unreachable."""
    try:
        result = getattr(cache, method)(*args)
    except Exception as error:  # redis.ConnectionError, TimeoutError...: never fail a reader
        _outage.failed(method, error)
        return fallback
    if _outage.ended():
        # A change saved while this process could not reach the cache never started its
        # generation, and the pages from before it are still there: none may be served.
        new_generation()
        return _cache_call(method, *args, fallback=fallback)  # what the cache holds now
    return result


def _next_scheduled_publication():
    from articles.models import Article

    upcoming = Article.objects.scheduled().aggregate(next=Min("published_at"))["next"]
    return upcoming.timestamp() if upcoming else None


def _database_failed() -> float:
    """Serve last good copies without trying the database until the time returned."""
    until = time.time() + OUTAGE_RETRY_SECONDS
    _cache_call("set", DATABASE_DOWN_KEY, until, OUTAGE_RETRY_SECONDS + 60)
    return until


def start_generation(*, previous: dict | None = None) -> dict:
    """A new generation: no entry is fresh any more. After the clock's turn (`previous`, a
    scheduled minute has come) last good copies may still be served stale; after a content
    change (no `previous`) none may. Needs the database, for the next scheduled minute."""
    return _save_state(previous, _next_scheduled_publication())


def _save_state(previous: dict | None, valid_until: float | None) -> dict:
    generation = time.time_ns()
    state = {
        "generation": generation,
        "changed": previous["changed"] if previous else generation,
        "valid_until": valid_until,  # when the clock starts the next generation
    }
    _cache_call("set", STATE_KEY, state, None)
    return state


def new_generation(**_kwargs) -> dict:
    """Drop every cached page, fresh and stale: public content changed. The pages stay in
    the cache until they expire, unreachable."""
    try:
        return start_generation()
    except DATABASE_UNAVAILABLE:
        _database_failed()
        # Due at once: the next request asks the database when the next minute is.
        return _save_state(None, time.time())


def invalidate_on_change(**kwargs) -> None:
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed fires before and after; the change is there only after
    new_generation()
    # Once more when the transaction commits, so a page cached from pre-commit data goes
    # too: one callback per transaction however many rows (bylines, attachments) it saves.
    connection = transaction.get_connection()
    pending = (entry[1] for entry in connection.run_on_commit)
    if connection.in_atomic_block and new_generation not in pending:
        transaction.on_commit(new_generation)


def current_state(state, down_until: float, now: float) -> tuple[dict, float]:
    """The state now, and until when the database is known to be down.

    A lost state (evicted, flushed) starts a generation in which no copy is trusted; while
    the database is down that raises, and there is nothing to serve anyway. When a scheduled
    minute has come, the clock's turn needs the database too: while it is down the state
    stays overdue (no entry is fresh) and the turn is tried again after the retry time.
    """
    if not isinstance(state, dict) or "changed" not in state:
        return start_generation(), down_until
    if state["valid_until"] and now >= state["valid_until"] and now >= down_until:
        try:
            return start_generation(previous=state), down_until
        except DATABASE_UNAVAILABLE:
            return state, _database_failed()
    return state, down_until


def connect_invalidation() -> None:
    from accounts.models import Author
    from articles.models import Article, Attachment, Byline, Tag

    for model in (Article, Tag, Author, Byline, Attachment):
        post_save.connect(invalidate_on_change, sender=model, dispatch_uid=f"pages-{model}")
        post_delete.connect(invalidate_on_change, sender=model, dispatch_uid=f"pages-d-{model}")
    m2m_changed.connect(invalidate_on_change, sender=Article.tags.through, dispatch_uid="pages-m2m")


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; mark everything else private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PUBLIC_PAGE_CACHE_SECONDS or not self.is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # Personal pages (the header names the user) never go to a shared cache.
                patch_cache_control(response, private=True)
            return response

        request.get_host()  # a Host outside ALLOWED_HOSTS: 400, whether cached or not
        key = self.key_for(request)
        found = _cache_call("get_many", [STATE_KEY, DATABASE_DOWN_KEY, key])
        if found is None:  # the cache is down: render, keep nothing
            return self.make_public(self.get_response(request))

        now = time.time()
        state, down_until = current_state(
            found.get(STATE_KEY), found.get(DATABASE_DOWN_KEY) or 0, now
        )
        entry = found.get(key)
        if entry and self.is_fresh(entry, state, now):
            return self.served(entry["response"], "HIT")
        last_good = entry if entry and entry["changed"] == state["changed"] else None
        if last_good and now < down_until:
            return self.served(last_good["response"], "STALE")

        response = self.get_response(request)
        if self.is_cacheable_response(response):
            self.make_public(response)
            entry = {
                "generation": state["generation"],
                "changed": state["changed"],
                "rendered": now,
                "response": response,
            }
            lifetime = settings.PUBLIC_PAGE_CACHE_SECONDS + settings.PUBLIC_PAGE_STALE_SECONDS
            _cache_call("set", key, entry, lifetime)
            return self.served(response, "MISS")
        if response.status_code >= 500:
            if getattr(request, "database_unavailable", False):
                _database_failed()
            if last_good:
                return self.served(last_good["response"], "STALE")
        return response

    def process_exception(self, request, exception):
        # The view failed for want of the database: its 503 opens the window of stale pages.
        if isinstance(exception, DATABASE_UNAVAILABLE):
            request.database_unavailable = True

    @staticmethod
    def is_fresh(entry: dict, state: dict, now: float) -> bool:
        """Rendered in the current generation, not too long ago, and no scheduled minute has
        come that the generation could not yet follow (database down)."""
        overdue = state["valid_until"] is not None and now >= state["valid_until"]
        return (
            entry["generation"] == state["generation"]
            and now < entry["rendered"] + settings.PUBLIC_PAGE_CACHE_SECONDS
            and not overdue
        )

    @classmethod
    def make_public(cls, response):
        if cls.is_cacheable_response(response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                must_revalidate=True,
                s_maxage=settings.PUBLIC_PAGE_S_MAXAGE,
            )
        return response

    @staticmethod
    def served(response, how: str):
        """The response, with X-Cache saying how it was served if diagnostics are on."""
        if settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS:
            response["X-Cache"] = how
        return response

    @staticmethod
    def is_cacheable_request(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(UNCACHED_PREFIXES)
        )

    @staticmethod
    def is_cacheable_response(response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            # 410: a withdrawn article's notice, a page like any other until the next change.
            response.status_code in (200, 410)
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def key_for(request) -> str:
        """The entry of this page: its language, path and own parameters, nothing else."""
        query = request.GET
        parameters = [(name, query[name]) for name in PAGE_PARAMETERS if query.get(name)]
        identity = json.dumps([request.path, parameters], ensure_ascii=False)
        return f"public-page:{get_language()}:{hashlib.sha256(identity.encode()).hexdigest()}"
