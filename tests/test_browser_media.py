"""An editor puts a photo in the body through CKEditor's image dialog, in a real Chromium."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from articles.models import Article
from tests import hostile
from tests.factories import ArticleFactory, UserFactory, role_group

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(transactional_db):
    """An Editor, with the roles made again: an earlier live-server test flushed them."""
    user = UserFactory(username="bientap-anh", is_staff=True)
    user.groups.add(role_group("Editor"))
    return user


def sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_editor_uploads_a_photo_in_the_image_dialog_captions_it_and_readers_see_it(
    live_server, page: Page, editor, tmp_path, media_root
):
    article = ArticleFactory(title="Mùa nho Ninh Thuận", body="<p>Đoạn mở đầu.</p>")
    photo = tmp_path / "Vườn nho Phước Dân.jpg"
    photo.write_bytes(hostile.gps_tagged_jpeg(size=(1200, 800)))
    sign_in(page, live_server, editor)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editable = page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")
    expect(editable).to_contain_text("Đoạn mở đầu.")
    editable.click()
    page.keyboard.press("Control+End")

    page.locator("#cke_id_body a.cke_button__image").click()
    dialog = page.locator(".cke_dialog:visible")
    expect(dialog).to_be_visible()
    dialog.locator("a.cke_dialog_tab[id^='cke_Upload_']").click()
    upload_frame = dialog.frame_locator("iframe.cke_dialog_ui_input_file")
    upload_frame.locator("input[type=file]").set_input_files(str(photo))
    dialog.locator("a.cke_dialog_ui_fileButton").click()

    # The server's answer fills in the URL (of the photo turned upright: 800x1200)
    # and brings back the "image info" tab.
    url_input = dialog.locator(".cke_dialog_ui_input_text input").first
    expect(url_input).to_have_value(re.compile(r"^/media/uploads/.+-800x1200\.jpg$"))
    dialog.locator(".cke_dialog_ui_input_text input").nth(1).fill("Vườn nho chín đỏ")
    dialog.locator("input[type=checkbox]").first.check()  # "captioned image"
    dialog.locator("a.cke_dialog_ui_button_ok").click()
    expect(dialog).to_be_hidden()

    caption = editable.locator("figure.image figcaption")
    expect(caption).to_be_visible()
    # fill() selects the placeholder and replaces it in one input event: typed key by key,
    # the first keys could land before the caption's editable was ready (a flaky test).
    caption.fill("Nông dân xã Phước Dân thu hoạch nho. Ảnh: Hải Đăng")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Mùa nho Ninh Thuận")

    article.refresh_from_db()
    assert '<figure class="image">' in article.body
    assert "Nông dân xã Phước Dân thu hoạch nho. Ảnh: Hải Đăng</figcaption>" in article.body
    assert 'alt="Vườn nho chín đỏ"' in article.body
    assert article.status == Article.State.PUBLISHED
    stored = next((media_root / "uploads").rglob("*-800x1200.jpg")).read_bytes()
    assert b"Exif" not in stored and hostile.SERIAL.encode() not in stored

    reader = page.context.browser.new_page()
    reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    figure = reader.locator(".article__body figure.image")
    expect(figure.locator("figcaption")).to_have_text(
        "Nông dân xã Phước Dân thu hoạch nho. Ảnh: Hải Đăng"
    )
    image = figure.locator("picture img")
    expect(image).to_have_attribute("alt", "Vườn nho chín đỏ")
    image.scroll_into_view_if_needed()
    expect(image).to_have_js_property("complete", True)
    current = image.evaluate("img => img.currentSrc")
    assert re.search(r"/media/renditions/uploads/.+-800x1200-\d+w\.webp$", current), current
    assert image.evaluate("img => img.naturalWidth") > 0
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p]


def screenshot_png() -> bytes:
    """What a screenshot tool puts on the clipboard: a PNG, here with a text note inside."""
    import io

    from PIL import Image, ImageDraw
    from PIL.PngImagePlugin import PngInfo

    image = Image.new("RGB", (360, 240), "white")
    ImageDraw.Draw(image).rectangle((40, 40, 320, 200), fill=(20, 90, 160))
    note = PngInfo()
    note.add_text("Comment", "chup-man-hinh-bi-mat")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=note)
    return buffer.getvalue()


def open_editor(page: Page, live_server, editor, article):
    sign_in(page, live_server, editor)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editable = page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")
    expect(editable).to_contain_text("Đoạn mở đầu.")
    return editable


def paste_picture(page: Page, editable, png: bytes) -> None:
    """The picture goes onto the system clipboard, then Ctrl+V at the end of the text."""
    page.evaluate(
        """async (bytes) => {
            const blob = new Blob([new Uint8Array(bytes)], {type: "image/png"});
            await navigator.clipboard.write([new ClipboardItem({"image/png": blob})]);
        }""",
        list(png),
    )
    editable.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Control+V")


def test_a_screenshot_pasted_into_the_editor_is_uploaded_and_saved_as_an_upload(
    live_server, page: Page, editor, media_root
):
    from newsroom.media.models import EditorUpload

    article = ArticleFactory(title="Lịch cắt điện tuần này", body="<p>Đoạn mở đầu.</p>")
    editable = open_editor(page, live_server, editor, article)

    paste_picture(page, editable, screenshot_png())

    # CKEditor uploads it as it arrives; the editor then shows the stored upload.
    uploaded = editable.locator("img[src^='/media/uploads/']")
    expect(uploaded).to_have_count(1)
    src = uploaded.get_attribute("src")
    assert re.search(r"-360x240\.png$", src), src
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Lịch cắt điện tuần này")

    article.refresh_from_db()
    assert f'src="{src}"' in article.body and "data:" not in article.body
    upload = EditorUpload.objects.get()
    assert upload.uploaded_by == editor
    stored = (media_root / upload.file.name).read_bytes()
    assert b"chup-man-hinh-bi-mat" not in stored
    assert list((media_root / "renditions").rglob("*-360w.webp"))


def test_a_pasted_picture_the_site_refuses_is_named_in_the_editor_in_vietnamese(
    live_server, page: Page, editor, media_root, settings
):
    settings.MAX_IMAGE_BYTES = 500
    article = ArticleFactory(body="<p>Đoạn mở đầu.</p>")
    editable = open_editor(page, live_server, editor, article)
    paste_picture(page, editable, screenshot_png())
    expect(page.locator(".cke_notification_warning")).to_contain_text("Ảnh quá lớn")
    expect(editable.locator("img")).to_have_count(0)  # no picture left without an address
    expect(editable).to_contain_text("Đoạn mở đầu.")
    assert not list(media_root.rglob("*.png"))
