"""A new editor signs in for the first time and is sent to set up two-factor sign-in right
after the password, in a real Chromium; the code is computed from the secret on the page."""

import base64
import time

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "mat-khau-bien-tap-moi-2024"


def app_code(secret_text: str) -> str:
    """What an authenticator app shows for the key typed in from the page."""
    key = base64.b32decode(secret_text.replace(" ", ""))
    totp = TOTP(key)
    totp.time = time.time()
    return f"{totp.token():06d}"


def test_a_new_editor_is_sent_to_enrolment_after_the_password_and_then_works(
    live_server, page: Page, roles
):
    editor = UserFactory(username="bientapmoi", is_staff=True, password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editor"))

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_username").fill("bientapmoi")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    # Straight to enrolment: the newsroom is not reachable yet.
    expect(page.get_by_role("heading", name="Thiết lập đăng nhập hai bước")).to_be_visible()
    assert "/accounts/two-factor/setup/" in page.url
    expect(page.locator(".qr-code svg")).to_be_visible()
    page.goto(f"{live_server.url}/admin/articles/article/")
    expect(page.get_by_role("heading", name="Thiết lập đăng nhập hai bước")).to_be_visible()

    secret = page.locator("code.secret-key").inner_text()
    page.locator("#id_code").fill(app_code(secret))
    page.get_by_role("button", name="Bật đăng nhập hai bước").click()

    expect(page.get_by_role("heading", name="Mã khôi phục của bạn")).to_be_visible()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về dưới dạng tệp văn bản").click()
    saved = download.value.path().read_text()
    assert all(code in saved for code in codes)
    page.get_by_role("button", name="Tôi đã cất giữ: tiếp tục").click()

    # Back where they were going, now in the newsroom.
    assert page.url.endswith("/admin/articles/article/")
    expect(page.get_by_role("link", name="Bài viết").first).to_be_visible()
    expect(page.locator("#changelist")).to_be_visible()
