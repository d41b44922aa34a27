"""Changing a password, and resetting a forgotten one by email."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from post_office.models import Email

from accounts.models import PasswordResetRequest
from tests.factories import UserFactory
from tests.mail import deliver_mail

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-an-toan-2024"
NEW_PASSWORD = "bien-xanh-cat-trang-42"


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)


def test_reset_by_email_from_start_to_finish(client, writer):
    page = client.get(reverse("password_reset"))
    assert "Đặt lại mật khẩu" in page.content.decode()
    response = client.post(reverse("password_reset"), {"email": "PHONGVIEN@example.test"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []  # the sender finds the account, outside the request
    assert len(deliver_mail()) == 1
    message = mail.outbox[0]
    assert message.to == [writer.email]
    assert "Đặt lại mật khẩu" in message.subject
    assert "phongvien" in message.body

    form_page = client.get(link_in(message), follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    confirm_url = form_page.redirect_chain[-1][0]
    weak = client.post(confirm_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 200
    assert "quá phổ biến" in weak.content.decode() or "quá ngắn" in weak.content.decode()

    done = client.post(
        confirm_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert "Mật khẩu mới đã được lưu" in done.content.decode()
    writer.refresh_from_db()
    assert writer.check_password(NEW_PASSWORD)

    # The link works once.
    again = client.get(link_in(message), follow=True)
    assert "đã được dùng hoặc đã hết hạn" in again.content.decode()

    signed_in = client.post(reverse("login"), {"username": "phongvien", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


def test_reset_answers_the_same_for_unknown_addresses(client, writer):
    known = client.post(reverse("password_reset"), {"email": writer.email}, follow=True)
    unknown = client.post(reverse("password_reset"), {"email": "ai-do@example.test"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert len(deliver_mail()) == 1


def test_reset_reaches_no_deactivated_account(client):
    UserFactory(username="danghi", is_staff=True, is_active=False, email="nghi@example.test")
    client.post(reverse("password_reset"), {"email": "nghi@example.test"})
    assert deliver_mail() == []


def test_a_bad_email_gets_a_message_not_an_error(client):
    response = client.post(reverse("password_reset"), {"email": "khong-phai-email" * 50})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]


def test_a_reset_signs_out_every_other_browser(client, writer):
    elsewhere = Client()
    elsewhere.force_login(writer)
    client.post(reverse("password_reset"), {"email": writer.email})
    confirm_url = client.get(link_in(deliver_mail()[0]), follow=True).redirect_chain[-1][0]
    client.post(confirm_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert elsewhere.get(reverse("admin:index")).status_code == 302


def test_changing_the_password_signs_out_other_sessions_but_keeps_this_one(client, writer):
    elsewhere = Client()
    elsewhere.force_login(writer)
    client.force_login(writer)
    before = client.session.session_key

    page = client.get(reverse("password_change"))
    assert page.status_code == 200 and 'class="site-header"' in page.content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Mật khẩu của bạn đã được đổi" in response.content.decode()
    writer.refresh_from_db()
    assert writer.check_password(NEW_PASSWORD)
    assert client.session.session_key != before  # rotated
    assert client.get(reverse("admin:index")).status_code == 200
    assert elsewhere.get(reverse("admin:index")).status_code == 302
    assert SESSION_KEY not in elsewhere.session


def test_password_validators_refuse_weak_passwords_and_keep_the_form(client, writer):
    client.force_login(writer)
    for weak in ["phongvien2024", "1234567890", "matkhau"]:
        response = client.post(
            reverse("password_change"),
            {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak},
        )
        assert response.status_code == 200
        assert response.context["form"].errors["new_password2"]
    writer.refresh_from_db()
    assert writer.check_password(PASSWORD)


def test_password_change_needs_sign_in(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# Reset requests: the same work for every address, limits, and links from SITE_URL.


RESET = "/accounts/password_reset/"


def ask(client, email, ip="203.0.113.7", **extra):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip, **extra)


def test_the_reset_page_does_the_same_work_for_known_and_unknown_addresses(client, writer):
    with CaptureQueriesContext(connection) as known:
        ask(client, writer.email, ip="203.0.113.1")
    with CaptureQueriesContext(connection) as unknown:
        ask(client, "ai-do@example.test", ip="203.0.113.2")
    assert len(known) == len(unknown)
    # Nothing in the request looks the account up or builds its mail: the sender does.
    assert not any("auth_user" in query["sql"] for query in known.captured_queries)
    assert not Email.objects.exists()
    assert [m.to for m in deliver_mail()] == [[writer.email]]


def test_the_reset_link_points_at_the_site_address_whatever_host_the_request_names(
    client, writer, settings
):
    settings.SITE_URL = "https://bao.example.vn"
    ask(client, writer.email, HTTP_HOST="testserver:6666")
    [message] = deliver_mail()
    assert "https://bao.example.vn/accounts/reset/" in message.body
    assert "6666" not in message.body and "testserver" not in message.body


def test_twenty_reset_requests_for_one_address_send_it_three_mails(client, writer):
    for n in range(20):
        response = ask(client, writer.email, ip=f"198.51.100.{n + 1}")
        assert response["Location"] == reverse("password_reset_done")  # the same answer
        deliver_mail()
    assert len(mail.outbox) == 3


def test_reset_requests_made_between_two_passes_send_one_mail(client, writer):
    ask(client, writer.email)
    ask(client, writer.email.upper())
    assert len(deliver_mail()) == 1


def test_one_client_asking_for_many_addresses_is_asked_to_wait(client, writer):
    for n in range(10):
        assert ask(client, f"nguoi{n}@example.test").status_code == 302
    response = ask(client, writer.email)
    assert response.status_code == 429
    html = response.content.decode()
    first = PasswordResetRequest.objects.order_by("requested_at").first().requested_at
    retry_at = timezone.localtime(first + timedelta(minutes=60))
    assert "quá nhiều yêu cầu đặt lại mật khẩu" in html
    assert "60 phút" in html and f"{retry_at:%H:%M}" in html
    assert int(response["Retry-After"]) == 60 * 60
    assert f'value="{writer.email}"' in html  # what was typed stays
    # Somebody else is not held up, and the waiting client's requests made no mail.
    assert ask(client, writer.email, ip="192.0.2.44").status_code == 302
    assert [m.to for m in deliver_mail()] == [[writer.email]]


def test_behind_a_proxy_reset_limits_count_the_forwarded_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"ip": "10.0.0.1"}
    for n in range(10):
        ask(client, f"nguoi{n}@example.test", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    # A forged left part does not make the same client somebody else...
    forged = ask(
        client, "them@example.test", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.5", **proxy
    )
    assert forged.status_code == 429
    # ...and another reader behind the same proxy is not held up.
    other = ask(client, "them@example.test", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert other.status_code == 302


def test_old_reset_requests_are_forgotten_once_they_no_longer_count(client, writer):
    ask(client, writer.email)
    deliver_mail()
    PasswordResetRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=61))
    deliver_mail()
    assert not PasswordResetRequest.objects.exists()
