"""Password links by email: for a new account, from an admin, and asked for on the reset page.

The reset page only records the request, alike for every address (`request_reset`): its
answer takes the same work, so the same time, whether or not an account uses the address.
The mail sender (`manage.py deliver_mail`) then finds the accounts and queues their links
(`queue_requested_links`). Links point at SITE_URL, never at the Host a client sent.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import PasswordResetRequest
from newsroom.site_url import absolute_url
from newsroom.text import one_line

# Requests handled in one pass of the sender; the rest wait for the next.
BATCH = 500


def reset_window() -> timedelta:
    return timedelta(minutes=settings.PASSWORD_RESET_LIMIT_MINUTES)


def accounts_for(email: str):
    """Active accounts with this address, those still waiting for a first password too."""
    users = get_user_model()._default_manager
    return users.filter(email__iexact=email, is_active=True).exclude(email="")


def link_for(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("password_reset_confirm", args=[uid, token]))


def queue_link(user, *, new_account: bool = False) -> None:
    """Queue the mail with a one-time link for `user` to choose a password."""
    kind = "account_created" if new_account else "password_reset"
    context = {"user": user, "site_name": settings.SITE_NAME, "link": link_for(user)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = one_line(render_to_string(f"registration/{kind}_subject.txt", context))
        body = render_to_string(f"registration/{kind}_email.html", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def request_reset(*, email: str, client_ip: str | None) -> datetime | None:
    """Record a request for a reset link; when this client asked too often, when to come back.

    Past the limit for one address, nothing more is recorded and nothing is said: the answer
    stays the same for every address, and an inbox gets no more than the limit.
    """
    email = email.strip().lower()
    recent = PasswordResetRequest.objects.filter(requested_at__gte=timezone.now() - reset_window())
    per_client = settings.PASSWORD_RESET_LIMIT_PER_CLIENT
    from_client = list(
        recent.filter(client_ip=client_ip)
        .order_by("-requested_at")
        .values_list("requested_at", flat=True)[:per_client]
    )
    if len(from_client) >= per_client:
        return from_client[-1] + reset_window()
    if recent.filter(email=email).count() < settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
        PasswordResetRequest.objects.create(email=email, client_ip=client_ip)
    return None


def queue_requested_links() -> int:
    """Queue a link for each account of every address asked for since the last pass."""
    now = timezone.now()
    with transaction.atomic():
        # Two senders (a stray timer) never take the same requests.
        pending = list(
            PasswordResetRequest.objects.select_for_update(skip_locked=True)
            .filter(handled_at=None)
            .order_by("pk")[:BATCH]
        )
        queued = 0
        # Several requests for one address since the last pass make one mail.
        for email in sorted({request.email for request in pending}):
            for user in accounts_for(email):
                queue_link(user)
                queued += 1
        PasswordResetRequest.objects.filter(pk__in=[r.pk for r in pending]).update(handled_at=now)
    # Kept only as long as they count towards a limit.
    PasswordResetRequest.objects.filter(
        handled_at__isnull=False, requested_at__lt=now - reset_window()
    ).delete()
    return queued
