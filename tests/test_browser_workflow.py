"""The editorial path in a real Chromium: write, submit, return, fix, publish, read."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from accounts.models import Author
from articles.models import Article, Autosave, Transition
from tests.factories import UserFactory, role_group

pytestmark = pytest.mark.django_db(transaction=True)


def staff(username: str, role: str, first_name: str):
    user = UserFactory(username=username, is_staff=True, first_name=first_name, last_name="")
    user.groups.add(role_group(role))
    return user


def sign_in(page: Page, live_server, user) -> None:
    """Put a signed-in session in the browser (django-axes forbids client.login)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def body_editor(page: Page):
    return page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")


def test_writer_submits_editor_returns_writer_fixes_editor_publishes_reader_reads(
    live_server, page: Page
):
    writer = staff("phongvien", "Writer", "Minh")
    editor = staff("bientap", "Editor", "Hoa")
    Author.objects.create(name="Lê Minh", user=writer)

    # The writer writes a draft (their byline is already there) and submits it.
    sign_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_title").fill("Ninh Thuận đón mưa vàng")
    page.locator("#id_summary").fill("Cơn mưa đầu mùa giải nhiệt cho vùng đất nắng gió.")
    body = body_editor(page)
    body.click()
    page.keyboard.type("Chiều qua, mưa lớn kéo dài hơn một giờ.")
    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator(".messagelist .success")).to_contain_text("đã được gửi duyệt")
    article = Article.objects.get()
    assert article.status == Article.State.REVIEW
    assert [a.name for a in article.ordered_authors] == ["Lê Minh"]

    # The editor opens it from the review queue and returns it with a note.
    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/?state=review")
    page.get_by_role("link", name="Ninh Thuận đón mưa vàng").click()
    page.locator("#id_workflow_note").fill("Cần thêm lượng mưa đo được ở Phan Rang.")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.locator(".messagelist .success")).to_contain_text("trả lại")
    article.refresh_from_db()
    assert article.status == Article.State.DRAFT

    # The writer sees the note, fixes the body, resubmits.
    sign_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".workflow-returned")).to_contain_text("lượng mưa đo được ở Phan Rang")
    body = body_editor(page)
    expect(body).to_contain_text("Chiều qua")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Trạm Phan Rang đo được 42 mm.")
    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator(".messagelist .success")).to_contain_text("đã được gửi duyệt")

    # The editor previews, then publishes.
    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/preview/{article.pk}/")
    expect(page.locator(".preview-banner")).to_be_visible()
    expect(page.locator(".article__body")).to_contain_text("42 mm")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Xuất bản", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("đã được xuất bản")

    # A reader sees it.
    reader = page.context.browser.new_page()
    reader.goto(f"{live_server.url}/articles/{Article.objects.get().slug}/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Ninh Thuận đón mưa vàng")
    expect(reader.locator(".article__body")).to_contain_text("Trạm Phan Rang đo được 42 mm.")
    expect(reader.locator(".preview-banner")).to_have_count(0)
    reader.close()

    steps = list(Transition.objects.order_by("at", "id").values_list("action", "by__username"))
    assert steps == [
        ("submit", "phongvien"),
        ("return", "bientap"),
        ("submit", "phongvien"),
        ("publish", "bientap"),
    ]


def test_typing_is_autosaved_and_offered_back_after_the_tab_closes(
    live_server, page: Page, settings
):
    settings.AUTOSAVE_SECONDS = 1
    writer = staff("phongvien", "Writer", "Minh")
    article = Article.objects.create(title="Bài đang viết", created_by=writer)

    sign_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    body = body_editor(page)
    body.click()
    page.keyboard.type("Câu này chưa kịp lưu.")
    expect(page.locator("#autosave-status")).to_contain_text("Đã tự động lưu tạm lúc")
    assert "Câu này chưa kịp lưu." in Autosave.objects.get(article=article).data["body"]
    article.refresh_from_db()
    assert article.body == ""  # autosave is not a save

    # The tab is closed without saving; reopening offers the text back.
    page.close()
    page = page.context.new_page()
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#autosave-offer")).to_be_visible()
    page.get_by_role("button", name="Khôi phục nội dung lưu tạm").click()
    expect(body_editor(page)).to_contain_text("Câu này chưa kịp lưu.")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert "Câu này chưa kịp lưu." in article.body
    assert not Autosave.objects.exists()
