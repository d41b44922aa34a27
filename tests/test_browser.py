"""What staff click and type, in a real Chromium."""

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article
from tests import otp
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_signs_in_types_in_ckeditor_saves_and_reader_sees_it(live_server, page: Page, roles):
    from django.contrib.auth.models import Group

    editor = UserFactory(username="bientap", is_staff=True, password="mat-khau-bien-tap-2024")
    editor.groups.add(Group.objects.get(name="Editor"))
    app = otp.enrol(editor)
    article = ArticleFactory(title="Lễ hội Katê khai mạc", body="<p>Đoạn có sẵn.</p>")

    page.goto(f"{live_server.url}/admin/")
    page.locator("#id_username").fill("bientap")
    page.locator("#id_password").fill("mat-khau-bien-tap-2024")
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.locator("#id_code").fill(otp.code(app))  # the second step: the app's code
    page.locator("input[type=submit], button[type=submit]").first.click()
    expect(page.get_by_role("link", name="Bài viết").first).to_be_visible()

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    body = page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")
    expect(body).to_contain_text("Đoạn có sẵn.")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Hàng nghìn người đổ về tháp Pô Klong Garai dự lễ hội.")
    page.screenshot(path="/tmp/admin.png", full_page=True)
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Lễ hội Katê khai mạc")

    article.refresh_from_db()
    assert "Hàng nghìn người đổ về tháp Pô Klong Garai dự lễ hội." in article.body
    assert article.status == Article.State.PUBLISHED

    reader = page.context.browser.new_page()
    reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Lễ hội Katê khai mạc")
    expect(reader.locator(".article__body")).to_contain_text(
        "Hàng nghìn người đổ về tháp Pô Klong Garai dự lễ hội."
    )
    expect(reader.get_by_role("link", name="Đăng nhập")).to_be_visible()
