"""Stories in Chromium: an embed loads nothing from its provider before the reader clicks; a
gallery's viewer works by keyboard; axe finds no violations; the focal point is a click."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from newsroom.media.fields import clean_upload
from newsroom.media.models import Embed, MediaItem
from tests import hostile
from tests.factories import ArticleFactory
from tests.test_browser_media import editor, sign_in  # noqa: F401 (the fixture)
from tests.test_browser_reading import PHONE, axe_violations
from tests.test_galleries import make_gallery, reference

pytestmark = pytest.mark.django_db(transaction=True)

PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"


def youtube_embed() -> Embed:
    return Embed.objects.create(
        url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        provider="youtube",
        title="Lễ hội Katê 2024",
        author_name="Báo Ninh Thuận",
        player_url=PLAYER,
        thumbnail=clean_upload(hostile.upload("t.jpg", hostile.jpeg_bytes((480, 360), "red"))),
    )


def test_no_request_leaves_for_a_provider_until_the_reader_clicks_play(live_server, page: Page):
    embed = youtube_embed()
    article = ArticleFactory(body="<p>Mở đầu.</p>" + reference("embed", embed.pk))
    here = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def route(route):
        url = route.request.url
        if urlsplit(url).netloc == here:
            route.continue_()
            return
        elsewhere.append(url)
        route.fulfill(status=200, content_type="text/html", body="<p>player</p>")

    page.route("**/*", route)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.wait_for_load_state("networkidle")
    card = page.locator(".embed")
    expect(card.get_by_role("link", name="Lễ hội Katê 2024")).to_be_visible()
    # Before the click: every request stayed on this site, no cookie was set, and the frame
    # already holds its 16:9 space (no layout shift when the picture arrives).
    assert elsewhere == []
    assert page.context.cookies() == []
    box = page.locator(".embed__frame").bounding_box()
    assert abs(box["width"] * 9 / 16 - box["height"]) < 2
    assert axe_violations(page) == []

    page.locator(".embed__link").focus()
    page.keyboard.press("Enter")
    frame = page.locator("iframe.embed__player")
    expect(frame).to_have_attribute("src", PLAYER)
    page.wait_for_load_state("networkidle")
    assert [urlsplit(url).netloc for url in elsewhere] == ["www.youtube-nocookie.com"]
    # The original stays one click away.
    expect(page.locator("a.embed__original")).to_have_attribute("href", embed.url)


def test_without_javascript_an_embed_is_a_link_to_the_original(live_server, browser):
    embed = youtube_embed()
    article = ArticleFactory(body=reference("embed", embed.pk))
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    link = page.get_by_role("link", name="Lễ hội Katê 2024")
    expect(link).to_have_attribute("href", embed.url)
    expect(page.locator("iframe")).to_have_count(0)
    context.close()


def test_a_gallery_opens_full_screen_and_is_used_by_keyboard(live_server, page: Page):
    gallery = make_gallery(3)
    audio = MediaItem.objects.create(  # as an upload recorded it (the file itself is not needed)
        title="Bản tin", file="av/x.mp3", kind="audio", content_type="audio/mpeg", duration=62
    )
    article = ArticleFactory(
        body="<p>Mở đầu.</p>" + reference("gallery", gallery.pk) + reference("media", audio.pk)
    )
    page.set_viewport_size(PHONE)
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    photos = page.locator(".gallery__open")
    expect(photos).to_have_count(3)
    assert axe_violations(page) == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]

    photos.nth(0).focus()
    page.keyboard.press("Enter")
    viewer = page.get_by_role("dialog", name="Xem ảnh")
    expect(viewer).to_be_visible()
    expect(viewer.get_by_role("button", name="Đóng")).to_be_focused()
    expect(viewer.locator(".viewer__caption")).to_contain_text("1 / 3 — Vườn nho số 1.")
    assert axe_violations(page) == []
    page.keyboard.press("ArrowRight")
    expect(viewer.locator(".viewer__caption")).to_contain_text("2 / 3 — Vườn nho số 2.")
    expect(viewer.locator("img")).to_have_attribute("alt", "Vườn nho 2")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(viewer.locator(".viewer__caption")).to_contain_text("3 / 3")
    viewer.get_by_role("button", name="Ảnh sau").click()
    expect(viewer.locator(".viewer__caption")).to_contain_text("1 / 3")
    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()
    expect(photos.nth(0)).to_be_focused()  # focus returns to the photo that opened it
    assert [e for e in errors if "x.mp3" not in e and "404" not in e] == []


def test_an_editor_sets_the_focal_point_by_clicking_the_cover(
    live_server,
    page: Page,
    editor,  # noqa: F811
):
    article = ArticleFactory(
        cover_image=hostile.upload("doc.jpg", hostile.jpeg_bytes((600, 1200))), cover_alt="Ảnh"
    )
    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    image = page.locator(".focal-point__image")
    expect(image).to_be_visible()
    box = image.bounding_box()
    image.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.1})
    expect(page.locator("#id_cover_focus_x")).to_have_value("25")
    expect(page.locator("#id_cover_focus_y")).to_have_value("10")


def test_the_editor_keeps_the_references_when_an_article_is_opened_and_saved(
    live_server,
    page: Page,
    editor,  # noqa: F811
):
    embed, gallery = youtube_embed(), make_gallery(1)
    article = ArticleFactory(
        draft=True,
        body="<p>Mở đầu.</p>" + reference("embed", embed.pk) + reference("gallery", gallery.pk),
    )
    sign_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editable = page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")
    expect(editable).to_contain_text("Mở đầu.")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert f'<figure class="embed" data-embed="{embed.pk}">' in article.body
    assert f'<figure class="gallery" data-gallery="{gallery.pk}">' in article.body
