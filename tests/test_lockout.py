"""django-axes: 5 failures for one username from one address lock sign-in for 15 minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-an-toan-2024"
LOGIN = "/accounts/login/"
WRONG = "sai-mat-khau-roi"


def attempt(client, username, password, ip="203.0.113.7", url=LOGIN):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, username, times, **kwargs):
    for _ in range(times):
        response = attempt(client, username, WRONG, **kwargs)
        assert response.status_code == 200  # the form again, with the usual message
    return response


def test_five_failures_lock_the_account_with_a_message_saying_when(client, writer):
    fail(client, "phongvien", 4)
    response = attempt(client, "phongvien", WRONG)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html
    retry_at = timezone.localtime(timezone.now() + timedelta(minutes=15))
    assert "15 phút" in html and f"{retry_at:%H:%M}" in html
    assert int(response["Retry-After"]) == 15 * 60

    # Even the right password is refused while locked.
    response = attempt(client, "phongvien", PASSWORD)
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_an_unknown_username_locks_the_same_way(client):
    fail(client, "khong-ai-ca", 4)
    assert attempt(client, "khong-ai-ca", WRONG).status_code == 429


def test_the_lock_holds_for_one_username_from_one_address_only(client, writer, editor):
    fail(client, "phongvien", 5 - 1)
    assert attempt(client, "phongvien", WRONG).status_code == 429
    assert attempt(client, "phongvien", PASSWORD, ip="198.51.100.9").status_code == 302
    client.logout()
    assert attempt(client, "bientap", PASSWORD).status_code == 302


def test_a_successful_sign_in_resets_the_count(client, writer):
    fail(client, "phongvien", 4)
    assert attempt(client, "phongvien", PASSWORD).status_code == 302
    client.logout()
    fail(client, "phongvien", 4)  # four more: not locked, the count started again
    assert attempt(client, "phongvien", PASSWORD).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, writer):
    fail(client, "phongvien", 5 - 1)
    assert attempt(client, "phongvien", WRONG).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert attempt(client, "phongvien", PASSWORD).status_code == 302


def test_limit_and_cool_off_are_configurable(client, writer, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)
    attempt(client, "phongvien", WRONG)
    response = attempt(client, "phongvien", WRONG)
    assert response.status_code == 429
    assert "30 phút" in response.content.decode()


def test_the_admin_login_form_is_protected_too(client, writer):
    fail(client, "phongvien", 4, url="/admin/login/")
    response = attempt(client, "phongvien", WRONG, url="/admin/login/")
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    # The lock is on the name, whichever form is used next.
    assert attempt(client, "phongvien", PASSWORD).status_code == 429


def test_an_admin_unlocks_a_locked_out_admin(client, admin_role_user):
    locked = UserFactory(username="quantri2", is_staff=True)
    locked.groups.add(*admin_role_user.groups.all())
    other = client.__class__()
    fail(other, "quantri2", 4)
    assert attempt(other, "quantri2", WRONG).status_code == 429

    client.force_login(admin_role_user)
    changelist = reverse("admin:auth_user_changelist")
    html = client.get(changelist).content.decode()
    assert "icon-yes.svg" in html  # the "sign-in locked" column shows the lock
    response = client.post(
        changelist, {"action": "unlock_sign_in", "_selected_action": [locked.pk]}, follow=True
    )
    assert "Đã mở khóa đăng nhập cho 1 người dùng" in response.content.decode()
    assert not AccessAttempt.objects.filter(username="quantri2").exists()
    event = AccountEvent.objects.get(action=AccountEvent.Action.UNLOCKED)
    assert (event.actor, event.subject) == (admin_role_user, locked)

    assert attempt(other, "quantri2", PASSWORD).status_code == 302


def test_editors_cannot_unlock(client, editor, writer):
    other = client.__class__()
    fail(other, "phongvien", 4)
    assert attempt(other, "phongvien", WRONG).status_code == 429
    client.force_login(editor)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [writer.pk]},
    )
    assert response.status_code == 403
    assert AccessAttempt.objects.filter(username="phongvien").exists()


def test_behind_a_proxy_the_forwarded_address_counts(client, writer, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": "phongvien", "password": WRONG},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.50",
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.50"
    # Another reader behind the same proxy is not locked out.
    response = client.post(
        LOGIN,
        {"username": "phongvien", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert response.status_code == 302
