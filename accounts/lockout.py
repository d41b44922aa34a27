"""How django-axes sees a sign-in attempt, and what a locked-out person is told."""

from datetime import timedelta

from axes.helpers import get_client_ip_address, get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


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


def locked_out(request, original_response=None, credentials=None):
    """The lockout page: which sign-ins are refused, and from when they are allowed again."""
    cool_off = get_cool_off(request) or timedelta(0)
    username = get_client_username(request, credentials) or ""
    last_failure = (
        AccessAttempt.objects.filter(
            username=username[:255], ip_address=get_client_ip_address(request)
        )
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    ) or timezone.now()
    retry_at = last_failure + cool_off
    minutes = max(1, round((retry_at - timezone.now()).total_seconds() / 60))
    response = render(
        request,
        "registration/locked_out.html",
        {"retry_at": retry_at, "minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
