"""What admins do to staff accounts. Each function records who did it, to whom, when.

The admin (accounts/admin.py) calls these; so can a shell or a management command.
"""

from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from accounts import password_links
from accounts.models import AccountEvent, Author
from accounts.roles import Role, role_group, role_of

User = get_user_model()
Action = AccountEvent.Action
DATABASE_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


def record(*, actor, subject, action: str, detail: str = "") -> AccountEvent:
    return AccountEvent.objects.create(
        actor=actor, subject=subject, action=action, detail=detail[:500]
    )


def ensure_author(user) -> Author:
    """The user's byline, made from their name the first time it is needed."""
    try:
        return user.author
    except Author.DoesNotExist:
        return Author.objects.create(name=user.get_full_name() or user.get_username(), user=user)


def end_sessions(user) -> int:
    """Delete every stored session of the user, so each of their browsers is signed out.

    Django also refuses a session of an inactive user or one made before a password
    change on its next request; deleting them leaves nothing to be refused.
    Only staff have sessions (readers never sign in), so the scan stays small.
    """
    if settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
        return 0
    user_id = str(user.pk)
    theirs = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(session_key__in=theirs).delete()
    if settings.SESSION_ENGINE.endswith("cached_db"):
        from django.contrib.sessions.backends.cached_db import SessionStore

        for key in theirs:
            SessionStore(session_key=key).delete()
    return len(theirs)


@transaction.atomic
def create_staff_user(*, user, role: str, password: str | None, by) -> "User":
    """Save a new staff account with its role and byline; no password means a link is due."""
    user.is_staff = True
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.set([role_group(role)])
    ensure_author(user)
    record(actor=by, subject=user, action=Action.CREATED, detail=Role(role).label)
    return user


def change_role(*, user, role: str, by) -> bool:
    old = role_of(user)
    if old == role:
        return False
    user.groups.set([role_group(role)])
    old_label = Role(old).label if old else "—"
    record(
        actor=by,
        subject=user,
        action=Action.ROLE_CHANGED,
        detail=f"{old_label} → {Role(role).label}",
    )
    return True


def deactivate_user(*, user, by) -> bool:
    """Deactivate, never delete: articles, revisions and bylines stay; sign-in stops now."""
    if not user.is_active:
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    ended = end_sessions(user)
    record(actor=by, subject=user, action=Action.DEACTIVATED, detail=f"sessions ended: {ended}")
    return True


def reactivate_user(*, user, by) -> bool:
    if user.is_active:
        return False
    user.is_active = True
    user.save(update_fields=["is_active"])
    record(actor=by, subject=user, action=Action.REACTIVATED)
    return True


def send_password_link(*, user, by, new_account: bool = False) -> bool:
    """Queue a mail with a one-time link for the user to choose a password.

    False when there is nobody to send it to: no address, or a deactivated account. The mail
    leaves with the queue (newsroom/mail.py), however the mail server is doing.
    """
    if not user.email or not user.is_active:
        return False
    password_links.queue_link(user, new_account=new_account)
    record(actor=by, subject=user, action=Action.PASSWORD_LINK_SENT, detail=user.email)
    return True


def unlock_sign_in(*, user, by) -> int:
    """Lift a django-axes lockout on the user's name, from every address."""
    removed = reset_lockout(username=user.get_username())
    record(actor=by, subject=user, action=Action.UNLOCKED, detail=f"attempts cleared: {removed}")
    return removed


def record_password_set(*, user, by) -> None:
    record(actor=by, subject=user, action=Action.PASSWORD_SET)


def record_details_changed(*, user, by, fields: list[str]) -> None:
    if fields:
        record(actor=by, subject=user, action=Action.CHANGED, detail=", ".join(fields))


def record_superuser_changed(*, user, by) -> None:
    record(
        actor=by,
        subject=user,
        action=Action.SUPERUSER_CHANGED,
        detail="on" if user.is_superuser else "off",
    )
