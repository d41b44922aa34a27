"""Changing a password, and resetting a forgotten one by email."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

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
