"""Whole-page cache for anonymous readers, invalidated by any change to public content.

Every cached page is stored under the current *generation*. Saving or deleting an
article, tag, author, byline or attachment starts a new generation (again once the
transaction commits, so a page cached from pre-commit data is dropped too), and a
scheduled article starts one on its minute: the state remembers when the next one
is due, so no worker is needed. Signed-in people are never served from the cache,
and a cached page is never one that set a cookie or was marked private.

If the cache (Redis) is down, pages are served uncached and the failure is logged.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from newsroom.paths import UNCACHED_PREFIXES

logger = logging.getLogger(__name__)

STATE_KEY = "public-pages:state"


UNAVAILABLE = object()


def _cache_call(method: str, *args, fallback=None):
    """A cache operation that degrades to `fallback` when the cache is unreachable."""
    try:
        return getattr(cache, method)(*args)
    except Exception:  # redis.ConnectionError, TimeoutError...: never fail a reader
        logger.warning("Page cache unavailable (%s); serving uncached.", method, exc_info=True)
        return fallback


def _next_scheduled_publication():
    from articles.models import Article

    upcoming = Article.objects.scheduled().aggregate(next=Min("published_at"))["next"]
    return upcoming.timestamp() if upcoming else None


def new_generation(**_kwargs) -> dict:
    """Drop every cached page (they stay in Redis until they expire, unreachable)."""
    state = {"generation": time.time_ns(), "valid_until": _next_scheduled_publication()}
    _cache_call("set", STATE_KEY, state, None)
    return state


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


def current_generation() -> int | None:
    state = _cache_call("get", STATE_KEY, fallback=UNAVAILABLE)
    if state is UNAVAILABLE:
        return None
    if state is None or (state["valid_until"] and time.time() >= state["valid_until"]):
        state = new_generation()
    return state["generation"]


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

        generation = current_generation()
        key = self.key_for(request, generation) if generation else None
        cached = _cache_call("get", key) if key else None
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached

        response = self.get_response(request)
        if self.is_cacheable_response(response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                must_revalidate=True,
                s_maxage=settings.PUBLIC_PAGE_S_MAXAGE,
            )
            if key:
                _cache_call("set", key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
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
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def key_for(request, generation: int) -> str:
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        return f"public-page:{generation}:{get_language()}:{path}"
