"""Signing in and out at /accounts/, with `next` kept on this site and no user enumeration."""

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-an-toan-2024"
LOGIN = "/accounts/login/"


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_sign_in_page_is_in_the_public_style_and_vietnamese(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Đăng nhập</h1>" in html
    assert 'class="site-header"' in html  # the public site's header, not the admin's
    assert 'name="csrfmiddlewaretoken"' in html
    assert reverse("password_reset") in html


def test_staff_signs_in_and_lands_in_the_admin(client, writer):
    response = sign_in(client, "phongvien")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.session[SESSION_KEY] == str(writer.pk)
    assert client.get(reverse("admin:index")).status_code == 200


def test_sign_in_follows_next_on_this_site(client, writer):
    response = sign_in(client, "phongvien", next="/articles/bai-nao-do/?page=2")
    assert response["Location"] == "/articles/bai-nao-do/?page=2"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/phish",
        "//evil.example/phish",
        "/\\evil.example",
        "http:///evil.example",
        "javascript:alert(1)",
        "https://testserver.evil.example/",
    ],
)
def test_sign_in_refuses_to_redirect_off_site(client, writer, next_url):
    page = client.get(LOGIN, {"next": next_url}).content.decode()
    assert "evil.example" not in page and "javascript:" not in page
    response = sign_in(client, "phongvien", next=next_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_admin_login_refuses_to_redirect_off_site(client, writer):
    response = client.post(
        "/admin/login/",
        {"username": "phongvien", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_wrong_username_and_wrong_password_get_the_same_message(client, writer):
    deactivated = UserFactory(username="danghi", is_staff=True, is_active=False)
    pages = [
        sign_in(client, "khong-ai-ca", PASSWORD),
        sign_in(client, "phongvien", "sai-mat-khau-roi"),
        sign_in(client, deactivated.username, PASSWORD),
    ]
    errors = [page.context["form"].non_field_errors() for page in pages]
    assert all(page.status_code == 200 for page in pages)
    assert errors[0] == errors[1] == errors[2]
    assert "mật khẩu chính xác" in str(errors[0])
    assert SESSION_KEY not in client.session


def test_typed_username_is_kept_after_a_failed_sign_in(client, writer):
    html = sign_in(client, "phongvien", "sai-mat-khau-roi").content.decode()
    assert 'value="phongvien"' in html


def test_signing_in_rotates_the_session(client, writer):
    session = client.session
    session["marker"] = "anonymous"
    session.save()
    before = session.session_key
    sign_in(client, "phongvien")
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after and after != before


def test_session_cookie_is_httponly_samesite_and_has_the_configured_lifetime(client, writer):
    response = sign_in(client, "phongvien")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE


def test_session_cookie_is_secure_when_production_says_so(client, writer, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = sign_in(client, "phongvien")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["secure"]


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("a" * 10_000, PASSWORD),
        ("phongvien", "p" * 100_000),
        ("Nguyễn Thị Ánh Tuyết 🐉", "mật-khẩu-có-dấu-🔑"),
        ("phong\x00vien", PASSWORD),
        ("phongvien", "pass\x00word"),
        ("", ""),
    ],
)
def test_odd_usernames_and_passwords_get_a_normal_error(client, writer, username, password):
    response = sign_in(client, username, password)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    ("username", "password"),
    [("a" * 10_000, PASSWORD), ("phongvien", "p" * 100_000), ("phong\x00vien", PASSWORD)],
)
def test_odd_input_on_the_admin_login_gets_a_normal_error(client, writer, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert SESSION_KEY not in client.session


def test_a_unicode_username_can_sign_in(client):
    UserFactory(username="tuyết.nguyễn", is_staff=True, password="mật-khẩu-có-dấu-2024")
    response = sign_in(client, "tuyết.nguyễn", "mật-khẩu-có-dấu-2024")
    assert response.status_code == 302


def test_sign_out_needs_a_post_and_ends_the_session(client, writer):
    client.force_login(writer)
    assert client.get("/accounts/logout/").status_code == 405
    assert SESSION_KEY in client.session
    response = client.post("/accounts/logout/")
    assert response.status_code == 200
    assert "Bạn đã đăng xuất" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_header_shows_sign_in_to_readers_and_the_menu_to_staff(client, writer):
    html = client.get("/").content.decode()
    assert ">Đăng nhập</a>" in html
    assert "Đăng xuất" not in html

    client.force_login(writer)
    html = client.get("/").content.decode()
    assert writer.get_full_name() in html
    assert f'href="{reverse("admin:index")}"' in html
    assert f'action="{reverse("logout")}"' in html and 'method="post"' in html
    assert ">Đăng nhập</a>" not in html
