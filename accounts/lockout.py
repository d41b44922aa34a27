"""How django-axes sees a sign-in attempt, and what a locked-out person is told.

Two limits (README, "Staff accounts"):
- axes's own: AXES_FAILURE_LIMIT failures for one name from one address pause that pair for
  AXES_COOLOFF_TIME;
- the account's: AXES_ACCOUNT_FAILURE_LIMIT failures for one name from any addresses within
  AXES_ACCOUNT_COOLOFF_TIME pause the name, except from an address it signed in from lately.

django-axes 8.3 alone cannot hold the second. Its AXES_LOCKOUT_PARAMETERS may add "username"
as a combination, but every combination is counted against the one AXES_FAILURE_LIMIT and
the one AXES_COOLOFF_TIME (their callables see the request, not the combination), so five
guesses by anybody would keep the real person out for fifteen minutes. The account's limit
is therefore counted here, from axes's own attempt rows, in a handler that axes asks.
"""

from datetime import datetime, timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import (
    get_client_ip_address,
    get_client_username,
    get_cool_off,
    get_failure_limit,
)
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

# An address the account signed in from within this time is the real person's, most likely:
# guesses from elsewhere do not pause the account there.
KNOWN_ADDRESS_DAYS = 30


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or N hops back in X-Forwarded-For behind N proxies.

    Only the entries our own proxies appended are trusted; the left part is client-supplied.
    """
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")


def account_paused_until(username: str | None, ip_address: str | None) -> datetime | None:
    """When the account's own limit lets `username` sign in again from `ip_address`, if paused."""
    if not username:
        return None
    window = settings.AXES_ACCOUNT_COOLOFF_TIME
    # One row per name, address and browser: its failures and the time of the last one.
    rows = (
        AccessAttempt.objects.filter(username=username, attempt_time__gte=timezone.now() - window)
        .order_by("-attempt_time")
        .values_list("attempt_time", "failures_since_start")
    )
    total, reached_at = 0, None
    for attempt_time, failures in rows:
        total += failures
        if total >= settings.AXES_ACCOUNT_FAILURE_LIMIT:
            reached_at = attempt_time
            break
    if reached_at is None:
        return None
    known = AccessLog.objects.filter(
        username=username,
        ip_address=ip_address,
        attempt_time__gte=timezone.now() - timedelta(days=KNOWN_ADDRESS_DAYS),
    )
    if known.exists():
        return None
    # Once this row is older than the window, fewer than the limit remain.
    return reached_at + window


class NewsroomAxesHandler(AxesDatabaseHandler):
    """axes's database handler, also counting the account's limit (see the module's note)."""

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if account_paused_until(username, get_client_ip_address(request)):
            return max(failures, get_failure_limit(request, credentials))
        return failures


def locked_out(request, original_response=None, credentials=None):
    """The lockout page: which sign-ins are refused, and from when they are allowed again."""
    cool_off = get_cool_off(request) or timedelta(0)
    username = (get_client_username(request, credentials) or "")[:255]
    ip_address = get_client_ip_address(request)
    failures = AccessAttempt.objects.filter(
        username=username, ip_address=ip_address, attempt_time__gte=timezone.now() - cool_off
    )
    last_failure = (
        failures.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    retry_times = [last_failure + cool_off] if last_failure else []
    account_retry = account_paused_until(username, ip_address)
    if account_retry:
        retry_times.append(account_retry)
    retry_at = max(retry_times, default=timezone.now() + cool_off)
    minutes = max(1, round((retry_at - timezone.now()).total_seconds() / 60))
    response = render(
        request,
        "registration/locked_out.html",
        {
            "retry_at": retry_at,
            "minutes": minutes,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            # Paused for guesses from many addresses, not (only) from this one.
            "account_wide": last_failure is None,
        },
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
