"""An admin adds a reporter; the reporter signs in and changes the password, in Chromium."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from accounts.models import AccountEvent
from tests import otp
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_admin_creates_a_writer_who_signs_in_and_changes_the_password(
    live_server, page: Page, roles
):
    admin = UserFactory(username="quantri", is_staff=True, password="mat-khau-quan-tri-2024")
    admin.groups.add(Group.objects.get(name="Admin"))
    app = otp.enrol(admin)

    page.goto(f"{live_server.url}/admin/")
    page.locator("#id_username").fill("quantri")
    page.locator("#id_password").fill("mat-khau-quan-tri-2024")
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.locator("#id_code").fill(otp.code(app))
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.goto(f"{live_server.url}/admin/auth/user/add/")
    page.locator("#id_username").fill("thu.ha")
    page.locator("#id_first_name").fill("Hà")
    page.locator("#id_last_name").fill("Phạm Thu")
    page.locator("#id_email").fill("thu.ha@example.test")
    page.locator("#id_role").select_option("Writer")
    page.locator("#id_password1").fill("song-cai-mua-thu-2024")
    page.locator("#id_password2").fill("song-cai-mua-thu-2024")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    writer = get_user_model().objects.get(username="thu.ha")
    assert writer.groups.get().name == "Writer"
    assert AccountEvent.objects.filter(subject=writer, actor=admin).exists()

    reporter = page.context.browser.new_context().new_page()
    reporter.goto(f"{live_server.url}/")
    reporter.get_by_role("link", name="Đăng nhập").click()
    expect(reporter.get_by_role("heading", level=1)).to_have_text("Đăng nhập")
    reporter.locator("#id_username").fill("thu.ha")
    reporter.locator("#id_password").fill("song-cai-mua-thu-2024")
    reporter.get_by_role("button", name="Đăng nhập").click()
    expect(reporter).to_have_url(f"{live_server.url}/")  # back where they were going

    reporter.get_by_role("link", name="Hà Phạm Thu").click()
    expect(reporter.get_by_role("heading", level=1)).to_have_text("Hồ sơ tác giả của bạn")
    reporter.get_by_role("link", name="Đổi mật khẩu của bạn").click()
    reporter.locator("#id_old_password").fill("song-cai-mua-thu-2024")
    reporter.locator("#id_new_password1").fill("nang-vang-bien-xanh-7")
    reporter.locator("#id_new_password2").fill("nang-vang-bien-xanh-7")
    reporter.get_by_role("button", name="Đổi mật khẩu").click()
    expect(reporter.get_by_role("heading", level=1)).to_have_text("Đã đổi mật khẩu")

    reporter.get_by_role("button", name="Đăng xuất").click()
    expect(reporter.get_by_role("heading", level=1)).to_have_text("Đã đăng xuất")
    reporter.get_by_role("link", name="Đăng nhập lại").click()
    reporter.locator("#id_username").fill("thu.ha")
    reporter.locator("#id_password").fill("nang-vang-bien-xanh-7")
    reporter.get_by_role("button", name="Đăng nhập").click()
    expect(reporter).to_have_url(f"{live_server.url}/admin/")
    writer.refresh_from_db()
    assert writer.check_password("nang-vang-bien-xanh-7")
