"""The code step: between a right password and a session, for people with a second factor.

The password step (both sign-in pages) answers a wrong password the same whether or not the
account has a second factor; only after a right one does it ask for the code. Until the code
is right the person is not signed in: the session holds only who is waiting, for
TWO_FACTOR_STEP_SECONDS. A wrong code is a failed sign-in for django-axes (the
user_login_failed signal), so it counts toward the same lockout as a wrong password.
"""

import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.signals import user_login_failed
from django_otp import login as otp_login

from accounts.models import AccountEvent
from accounts.staff import record
from accounts.two_factor import devices

PENDING = "two_factor_pending"


def start(request, user, *, next_url: str, admin: bool) -> None:
    """Remember who gave the right password; they are signed in once their code is right."""
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "admin": admin,
        "since": time.time(),
    }


def pending(request) -> dict | None:
    """The waiting sign-in, if it is still fresh."""
    state = request.session.get(PENDING)
    if not state:
        return None
    if time.time() - state.get("since", 0) > settings.TWO_FACTOR_STEP_SECONDS:
        forget(request)
        return None
    return state


def forget(request) -> None:
    request.session.pop(PENDING, None)


def pending_user(state: dict):
    return get_user_model().objects.filter(pk=state["user"], is_active=True).first()


def credentials(user) -> dict:
    return {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}


def is_locked_out(request, user) -> bool:
    return not AxesProxyHandler.is_allowed(request, credentials(user))


def check_code(request, user, code: str):
    """The device that accepts the code; a wrong one is recorded and counted by axes."""
    device = devices.verify(user=user, code=code)
    if device is None:
        record(actor=user, subject=user, action=AccountEvent.Action.TWO_FACTOR_FAILED)
        # axes records the failure and, at the limit, marks the request for its lockout page.
        user_login_failed.send(sender=__name__, credentials=credentials(user), request=request)
    return device


def finish(request, user, device, backend: str) -> None:
    """Sign the person in, with the session marked as verified by `device`."""
    forget(request)
    auth_login(request, user, backend=backend)
    otp_login(request, device)
