"""Covers, avatars and editor images: stored upright, without metadata; hostile ones refused."""

import io
import json
import re

import pytest
from django.urls import reverse
from PIL import Image

from accounts.models import Author
from articles.models import Article
from tests import hostile
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("ckeditor_upload")
ADD_ARTICLE = reverse("admin:articles_article_add")


def article_form(**fields):
    return {
        "title": "Tiêu đề đã gõ",
        "slug": "",
        "summary": "Sapo đã gõ",
        "body": "<p>Nội dung đã gõ</p>",
        "cover_caption": "Chú thích đã gõ",
        "cover_alt": "Mô tả ảnh đã gõ",
        "status": Article.State.DRAFT,
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        **fields,
    }


def stored_files(media_root) -> list[str]:
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


def assert_no_metadata(data: bytes) -> Image.Image:
    """Read the stored bytes back: no EXIF/GPS/serial, XMP, IPTC or comment survives."""
    for secret in (
        b"Exif",
        hostile.SERIAL.encode(),
        b"Canon",
        b"xmp-secret-tool",
        b"Phan Rang",
        hostile.IPTC_BYLINE,
        b"Photoshop 3.0",
        b"108.988E",
    ):
        assert secret not in data, secret
    image = Image.open(io.BytesIO(data))
    assert not image.getexif()
    assert not image.getexif().get_ifd(hostile.GPS_IFD)
    assert not {"exif", "xmp", "comment", "photoshop", "icc_profile"} & set(image.info)
    return image


def assert_upright(image: Image.Image):
    # Stored 80x40 with "rotate 90° clockwise": upright it is 40x80 with the red half on top.
    assert image.size == (40, 80)
    red, _g, _b = image.convert("RGB").getpixel((20, 10))
    white = image.convert("RGB").getpixel((20, 70))
    assert red > 150 and white[1] > 200


def test_cover_photo_is_stored_upright_without_gps_or_camera_data(client, editor, media_root):
    client.force_login(editor)
    photo = hostile.upload("Ảnh hiện trường.jpg", hostile.gps_tagged_jpeg(), "image/jpeg")
    response = client.post(ADD_ARTICLE, article_form(cover_image=photo))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.cover_image.name.startswith("covers/")
    assert "anh-hien-truong-" in article.cover_image.name
    assert (article.cover_width, article.cover_height) == (40, 80)
    stored = (media_root / article.cover_image.name).read_bytes()
    assert_upright(assert_no_metadata(stored))
    # Nowhere in storage, renditions included, is the position left.
    for path in media_root.rglob("*"):
        if path.is_file():
            assert hostile.SERIAL.encode() not in path.read_bytes()
            assert b"Exif" not in path.read_bytes()


def test_avatar_is_stored_without_metadata(client, editor, media_root):
    client.force_login(editor)
    photo = hostile.upload("chan-dung.jpg", hostile.gps_tagged_jpeg(), "image/jpeg")
    response = client.post(
        reverse("admin:accounts_author_add"),
        {"name": "Võ Thị Thu Hà", "slug": "", "bio": "", "avatar": photo, "user": ""},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    author = Author.objects.get()
    assert (author.avatar_width, author.avatar_height) == (40, 80)
    assert_upright(assert_no_metadata((media_root / author.avatar.name).read_bytes()))


def test_editor_upload_is_stored_without_metadata(client, writer, media_root):
    client.force_login(writer)
    photo = hostile.upload("Ảnh GPS.jpg", hostile.gps_tagged_jpeg(), "image/jpeg")
    data = client.post(UPLOAD_URL, {"upload": photo}).json()
    assert data["uploaded"] == "1"
    assert data["url"].endswith("-40x80.jpg")
    stored = media_root / data["url"].removeprefix("/media/")
    assert_upright(assert_no_metadata(stored.read_bytes()))


def test_png_keeps_its_transparency_and_an_animated_gif_is_stored_as_its_first_frame():
    png = ArticleFactory(cover_image=hostile.upload("trong-suot.png", hostile.png_bytes()))
    with png.cover_image.open("rb") as handle, Image.open(handle) as image:
        assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 128

    frames = [Image.new("RGB", (20, 20), color) for color in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], comment=b"secret")
    gif = ArticleFactory(cover_image=hostile.upload("dong.gif", buffer.getvalue()))
    # Readers only ever see a still through the renditions: the still is what is stored.
    with gif.cover_image.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "GIF" and image.n_frames == 1
        assert image.convert("RGB").getpixel((10, 10)) == (255, 0, 0)
        assert "comment" not in image.info
    assert b"secret" not in gif.cover_image.open("rb").read()


HOSTILE_IMAGES = {
    "pixel bomb": (hostile.pixel_bomb_png(), "bom.png", "quá nhiều điểm ảnh"),
    "svg with script": (hostile.SVG_WITH_SCRIPT, "logo.svg", "không phải là ảnh hợp lệ"),
    "svg renamed jpg": (hostile.SVG_WITH_SCRIPT, "logo.jpg", "không phải là ảnh hợp lệ"),
    "html as jpg": (hostile.HTML_PAGE, "anh.jpg", "không phải là ảnh hợp lệ"),
    "gif+html polyglot": (hostile.gif_html_polyglot(), "anh.gif", "không phải là ảnh hợp lệ"),
    "truncated jpeg": (hostile.truncated_jpeg(), "cat-do.jpg", "không phải là ảnh hợp lệ"),
    "executable as jpg": (hostile.WINDOWS_EXE, "anh.jpg", "không phải là ảnh hợp lệ"),
    "empty": (b"", "rong.jpg", "Tệp ảnh rỗng"),
    "bmp": (None, "anh.bmp", "Không nhận ảnh định dạng BMP"),
}


def _hostile_bytes(case: str) -> bytes:
    data = HOSTILE_IMAGES[case][0]
    if data is None:
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8)).save(buffer, "BMP")
        data = buffer.getvalue()
    return data


@pytest.mark.parametrize("case", HOSTILE_IMAGES)
def test_hostile_cover_is_refused_on_its_field_and_the_form_is_kept(
    client, editor, media_root, case
):
    _data, name, message = HOSTILE_IMAGES[case]
    client.force_login(editor)
    response = client.post(
        ADD_ARTICLE, article_form(cover_image=hostile.upload(name, _hostile_bytes(case)))
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert list(form.errors) == ["cover_image"]
    assert message in " ".join(form.errors["cover_image"])
    html = response.content.decode()
    for typed in ("Tiêu đề đã gõ", "Sapo đã gõ", "Chú thích đã gõ", "Mô tả ảnh đã gõ"):
        assert typed in html
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("case", HOSTILE_IMAGES)
def test_hostile_editor_upload_is_refused_in_the_dialog(client, writer, media_root, case):
    _data, name, message = HOSTILE_IMAGES[case]
    client.force_login(writer)
    response = client.post(
        f"{UPLOAD_URL}?CKEditorFuncNum=7", {"upload": hostile.upload(name, _hostile_bytes(case))}
    )
    body = response.content.decode()
    assert "CKEDITOR.tools.callFunction(7, ''," in body
    shown = json.loads(re.search(r"callFunction\(7, '', (\".*\")\);", body).group(1))
    assert message in shown
    assert stored_files(media_root) == []


def test_oversize_image_is_refused_without_being_read_whole(client, editor, settings, media_root):
    settings.MAX_IMAGE_BYTES = 2_000
    settings.MAX_ATTACHMENT_BYTES = 4_000
    client.force_login(editor)
    big = hostile.jpeg_bytes((600, 600), quality=100)
    assert len(big) > 4_000
    response = client.post(ADD_ARTICLE, article_form(cover_image=hostile.upload("lon.jpg", big)))
    errors = " ".join(response.context["adminform"].form.errors["cover_image"]).replace("\xa0", " ")
    assert "Ảnh quá lớn" in errors and "tối đa 2,0 KB" in errors
    assert stored_files(media_root) == []


def test_upload_from_another_site_is_refused(client, writer, media_root):
    client.force_login(writer)
    response = client.post(
        UPLOAD_URL,
        {"upload": hostile.upload("a.jpg", hostile.jpeg_bytes())},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert stored_files(media_root) == []


def test_same_site_editor_upload_is_accepted(client, writer):
    client.force_login(writer)
    response = client.post(
        UPLOAD_URL,
        {"upload": hostile.upload("a.jpg", hostile.jpeg_bytes())},
        headers={"Origin": "http://testserver"},
    )
    assert response.json()["uploaded"] == "1"


def test_author_page_shows_the_avatar_as_a_small_rendition(client):
    author = AuthorFactory(avatar=hostile.upload("a.png", hostile.png_bytes((800, 800))))
    ArticleFactory(authors=[author])
    html = client.get(author.get_absolute_url()).content.decode()
    assert 'class="author-card__avatar"' in html
    assert author.avatar.url not in html  # never the original
    assert "-320w.webp 320w" in html


def test_a_real_photo_with_html_appended_is_stored_as_pixels_only(client, writer, media_root):
    """A valid JPEG with a page after its end decodes fine; re-encoding drops the page."""
    client.force_login(writer)
    polyglot = hostile.jpeg_bytes() + hostile.HTML_PAGE
    data = client.post(UPLOAD_URL, {"upload": hostile.upload("anh.jpg", polyglot)}).json()
    stored = (media_root / data["url"].removeprefix("/media/")).read_bytes()
    assert b"<script" not in stored and b"<html" not in stored
    assert stored.endswith(b"\xff\xd9")


def test_an_origin_of_null_is_not_taken_for_this_site(client, writer, media_root):
    client.force_login(writer)
    response = client.post(
        UPLOAD_URL,
        {"upload": hostile.upload("a.jpg", hostile.jpeg_bytes())},
        headers={"Origin": "null"},
    )
    assert response.status_code == 403
    assert stored_files(media_root) == []


@pytest.mark.parametrize("path", ["/ckeditor/upload/x", "/ckeditor/upload/../upload/"])
def test_no_other_address_reaches_ckeditors_own_unchecked_upload_view(
    client, django_user_model, media_root, path
):
    clerk = django_user_model.objects.create_user("vanthu", password="x", is_staff=True)
    client.force_login(clerk)
    response = client.post(path, {"upload": hostile.upload("a.jpg", hostile.jpeg_bytes())})
    assert response.status_code in (403, 404)
    assert stored_files(media_root) == []


# Animations, formats Pillow must never decode, and what phones and cameras write.


def test_an_animated_canvas_bomb_is_refused_before_its_frames_are_decoded(
    client, editor, writer, media_root
):
    bomb = hostile.animated_canvas_bomb_gif()
    assert len(bomb) < 30_000
    with Image.open(io.BytesIO(bomb)) as image:  # what it claims: 1,000 frames of 49 MP
        assert image.size == (7000, 7000) and image.n_frames == 1000
    client.force_login(editor)
    response = client.post(ADD_ARTICLE, article_form(cover_image=hostile.upload("dong.gif", bomb)))
    errors = " ".join(response.context["adminform"].form.errors["cover_image"])
    assert "Ảnh động quá lớn" in errors and "7000×7000" in errors
    assert "Tiêu đề đã gõ" in response.content.decode()
    client.force_login(writer)
    answer = client.post(UPLOAD_URL, {"upload": hostile.upload("dong.gif", bomb)}).json()
    assert answer["uploaded"] == 0 and "Ảnh động quá lớn" in answer["error"]["message"]
    assert stored_files(media_root) == []


def test_a_long_animation_within_the_budget_is_accepted_as_its_first_frame(media_root):
    article = ArticleFactory(
        cover_image=hostile.upload("dai.gif", hostile.animated_canvas_bomb_gif(100, 60, 1000))
    )
    with article.cover_image.open("rb") as handle, Image.open(handle) as image:
        assert (image.size, image.n_frames) == ((100, 60), 1)


def test_the_cover_field_says_an_animation_is_kept_as_its_first_frame(client, editor):
    client.force_login(editor)
    html = client.get(ADD_ARTICLE).content.decode()
    assert "ảnh động chỉ giữ khung hình đầu tiên" in html


def test_an_eps_file_is_refused_by_its_name_and_never_reaches_the_eps_decoder(
    client, editor, writer, media_root, monkeypatch
):
    from PIL import EpsImagePlugin

    opened = []

    def eps_decoder(fp, filename=None):  # Pillow's EPS plugin: it would run Ghostscript
        opened.append(filename)
        return EpsImagePlugin.EpsImageFile(fp, filename)

    monkeypatch.setitem(Image.OPEN, "EPS", (eps_decoder, EpsImagePlugin._accept))
    client.force_login(editor)
    response = client.post(
        ADD_ARTICLE, article_form(cover_image=hostile.upload("bia.jpg", hostile.EPS))
    )
    errors = " ".join(response.context["adminform"].form.errors["cover_image"])
    assert "Không nhận ảnh định dạng EPS" in errors
    client.force_login(writer)
    answer = client.post(UPLOAD_URL, {"upload": hostile.upload("a.eps", hostile.EPS)}).json()
    assert "Không nhận ảnh định dạng EPS" in answer["error"]["message"]
    assert opened == []
    assert stored_files(media_root) == []


def test_a_phone_mpo_photo_is_accepted_as_the_jpeg_it_is_with_its_first_picture(
    client, editor, media_root
):
    client.force_login(editor)
    photo = hostile.upload("IMG_2024.JPG", hostile.mpo_bytes((64, 48)), "image/jpeg")
    response = client.post(ADD_ARTICLE, article_form(cover_image=photo))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.cover_image.name.endswith(".jpg")
    with article.cover_image.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "JPEG" and getattr(image, "n_frames", 1) == 1
        red, green, blue = image.getpixel((32, 24))
        assert red > 200 and blue < 60  # the first picture, not the second


def test_a_16_bit_grey_png_gives_grey_renditions_not_white(media_root):
    article = ArticleFactory(cover_image=hostile.upload("xam.png", hostile.grey16_png((400, 300))))
    renditions = sorted((media_root / "renditions").rglob("*-320w.*"))
    assert [p.suffix for p in renditions] == [".png", ".webp"]
    for path in renditions:
        with Image.open(path) as image:
            assert image.size == (320, 240)
            assert {image.convert("L").getpixel(xy) for xy in [(0, 0), (160, 120)]} == {128}
    assert article.cover_width == 400


def test_a_cover_from_the_form_is_checked_and_stripped_once(client, editor, monkeypatch):
    """The form field cleans the upload; the model field stores what it was handed."""
    from newsroom.media import fields, images

    calls = {"check_image": 0, "strip_metadata": 0}

    def counting(module, name):
        real = getattr(module, name)

        def counted(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)

    counting(images, "check_image")
    counting(fields, "strip_metadata")
    client.force_login(editor)
    photo = hostile.upload("bia.jpg", hostile.gps_tagged_jpeg(), "image/jpeg")
    assert client.post(ADD_ARTICLE, article_form(cover_image=photo)).status_code == 302
    assert calls == {"check_image": 1, "strip_metadata": 1}
    assert_upright(assert_no_metadata(Article.objects.get().cover_image.read()))


def test_a_cover_saved_by_a_script_gets_the_same_steps_on_save(media_root):
    article = ArticleFactory(cover_image=hostile.upload("Ảnh.jpg", hostile.gps_tagged_jpeg()))
    assert (article.cover_width, article.cover_height) == (40, 80)
    assert_upright(assert_no_metadata(article.cover_image.read()))
    assert article.cover_share_size > 0
