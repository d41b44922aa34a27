import os
import shutil

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from accounts.roles import Role, sync_role_groups
from tests import factories
from tests.mail import SilentSMTPServer, WorkingSMTPServer

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # The system Chromium when there is one; otherwise Playwright's own browser.
    executable = {"executable_path": CHROMIUM} if CHROMIUM else {}
    return {**browser_type_launch_args, **executable, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its uploads to its own folder, never the developer's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """No test sees pages another test cached."""
    cache.clear()


@pytest.fixture(autouse=True)
def mail_queue(settings, tmp_path):
    """Mail goes through the real queue, as in production: `tests.mail.deliver_mail()` sends
    it on to Django's test outbox (Django's test set-up would otherwise send it at once)."""
    settings.EMAIL_BACKEND = "newsroom.mail.QueuedEmailBackend"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    }
    settings.MAIL_LOCK_FILE = tmp_path / "mail-sender.lock"


@pytest.fixture
def silent_smtp():
    """A mail server on 127.0.0.1 that accepts connections and never answers."""
    server = SilentSMTPServer()
    yield server
    server.stop()


@pytest.fixture
def smtp_server():
    """A real, working SMTP server on 127.0.0.1 (aiosmtpd)."""
    server = WorkingSMTPServer()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def force_login_passes_both_steps(monkeypatch):
    """`client.force_login(user)` skips the password step; it skips the code step too, as if
    the person had given a right code: the staff of most tests are simply signed in.

    Tests of two-factor sign-in sign in through the pages, or use `force_login_password_only`.
    """
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if user.is_staff:
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device, _ = TOTPDevice.objects.get_or_create(
                user=user, name="test", defaults={"confirmed": True}
            )
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "force_login_password_only", original, raising=False)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def roles(db):
    """The role groups as accounts/roles.py defines them (and the migrations made them).

    A transactional test (live_server) ends with a flush that erases migration data;
    browser tests ask for this fixture to get the roles back.
    """
    sync_role_groups()
    return Group.objects.filter(name__in=Role.values)


def _staff(role: str, username: str):
    user = factories.UserFactory(username=username, is_staff=True)
    user.groups.add(factories.role_group(role))
    return user


@pytest.fixture
def writer(db):
    return _staff("Writer", "phongvien")


@pytest.fixture
def editor(db):
    return _staff("Editor", "bientap")


@pytest.fixture
def admin_role_user(db):
    return _staff("Admin", "quantri")


@pytest.fixture
def desk(editor):
    """The editor's browser, signed in, beside the test's `client` (an anonymous reader)."""
    from django.test import Client

    browser = Client()
    browser.force_login(editor)
    return browser


@pytest.fixture
def no_page_cache(settings):
    """A page's own queries, as on a cache miss with the cache state already known."""
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if not m.endswith("PublicPageCacheMiddleware")
    ]
