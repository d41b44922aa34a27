"""django-axes: 5 failures for one username from one address lock sign-in for 15 minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from accounts import staff
from accounts.lockout import client_ip
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


# Guesses at one account spread over many addresses.


def guess_from_many_addresses(client, username, times, first=1):
    for n in range(first, first + times):
        attempt(client, username, WRONG, ip=f"198.51.100.{n}")


def test_guesses_at_one_account_from_many_addresses_pause_it_briefly(client, writer):
    guess_from_many_addresses(client, "phongvien", 9)  # none locks its own address
    assert attempt(client, "phongvien", WRONG, ip="198.51.100.10").status_code == 429
    response = attempt(client, "phongvien", PASSWORD, ip="192.0.2.20")
    assert response.status_code == 429
    assert SESSION_KEY not in client.session
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html and "từ nhiều địa chỉ khác nhau" in html
    oldest = AccessAttempt.objects.order_by("attempt_time").first().attempt_time
    retry_at = timezone.localtime(oldest + timedelta(minutes=5))
    assert "5 phút" in html and f"{retry_at:%H:%M}" in html

    # Five minutes after the guesses stop, the account signs in from anywhere again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=6))
    assert attempt(client, "phongvien", PASSWORD, ip="192.0.2.20").status_code == 302


def test_during_an_account_pause_the_real_person_signs_in_from_an_address_they_used(
    client, writer, editor
):
    assert attempt(client, "phongvien", PASSWORD, ip="203.0.113.7").status_code == 302
    client.logout()
    guess_from_many_addresses(client, "phongvien", 10)
    assert attempt(client, "phongvien", PASSWORD, ip="192.0.2.20").status_code == 429
    assert attempt(client, "phongvien", PASSWORD, ip="203.0.113.7").status_code == 302
    client.logout()
    # Other accounts are not touched.
    assert attempt(client, "bientap", PASSWORD, ip="192.0.2.20").status_code == 302


def test_an_admin_or_a_new_password_lifts_an_account_pause(client, writer, admin_role_user):
    guess_from_many_addresses(client, "phongvien", 10)
    assert attempt(client, "phongvien", PASSWORD, ip="192.0.2.20").status_code == 429
    staff.unlock_sign_in(user=writer, by=admin_role_user)
    assert attempt(client, "phongvien", PASSWORD, ip="192.0.2.20").status_code == 302


def test_the_account_limit_is_configurable(client, writer, settings):
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 3
    settings.AXES_ACCOUNT_COOLOFF_TIME = timedelta(minutes=2)
    guess_from_many_addresses(client, "phongvien", 2)
    response = attempt(client, "phongvien", WRONG, ip="198.51.100.3")
    assert response.status_code == 429
    assert "2 phút" in response.content.decode()


# TRUSTED_PROXY_COUNT: which address is the client's.


@pytest.mark.parametrize(
    ("hops", "forwarded", "client"),
    [
        (0, None, "10.0.0.1"),  # no proxy: the connection's address
        (0, "192.0.2.1", "10.0.0.1"),  # no proxy: a forged header is ignored
        (1, "203.0.113.50", "203.0.113.50"),  # one proxy: the address it appended
        (1, "192.0.2.1, 203.0.113.50", "203.0.113.50"),  # forged part on the left ignored
        (1, None, "10.0.0.1"),  # straight to the app server, past the proxy
        (2, "192.0.2.1, 203.0.113.50, 10.0.0.2", "203.0.113.50"),  # CDN, then nginx
    ],
)
def test_the_client_address_counts_only_what_trusted_proxies_appended(
    rf, settings, hops, forwarded, client
):
    settings.TRUSTED_PROXY_COUNT = hops
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    assert client_ip(rf.post(LOGIN, REMOTE_ADDR="10.0.0.1", **headers)) == client


def test_with_no_proxy_a_forged_forwarded_address_does_not_dodge_the_lock(client, writer):
    for n in range(5):
        response = client.post(
            LOGIN,
            {"username": "phongvien", "password": WRONG},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    assert response.status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_behind_one_proxy_a_forged_forwarded_address_does_not_dodge_the_lock(
    client, writer, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        response = client.post(
            LOGIN,
            {"username": "phongvien", "password": WRONG},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.50",
        )
    assert response.status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.50"]


def test_the_user_list_shows_an_account_pause(client, writer, admin_role_user):
    guess_from_many_addresses(client.__class__(), "phongvien", 10)
    client.force_login(admin_role_user)
    response = client.get(reverse("admin:auth_user_changelist"), {"o": "6"})
    locked = {user.username: user.is_locked for user in response.context["cl"].result_list}
    assert locked == {"phongvien": True, "quantri": False}
