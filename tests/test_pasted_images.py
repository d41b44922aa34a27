"""Pictures pasted into the body, and what each endpoint lets a request send.

A screenshot pasted into CKEditor is a base64 `data:` picture. In the browser CKEditor
uploads it (tests/test_browser_media.py); one still inside a submitted body becomes an
upload through the same steps, or is refused on the body field with the text kept.
"""

import io
import os
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from PIL import Image

from articles.models import Article, Autosave
from newsroom.media.models import EditorUpload
from tests import hostile
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory
from tests.test_image_uploads import ADD_ARTICLE, article_form, assert_no_metadata, stored_files

pytestmark = pytest.mark.django_db

AUTOSAVE = reverse("admin:articles_article_autosave")


def noisy_jpeg(size=(1500, 1500)) -> bytes:
    """A photo that does not compress: about 3 MB, 4 MB once pasted as base64."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def pasted(data: bytes, mime="image/jpeg") -> str:
    return f'<p>Trước ảnh.</p><p><img src="{hostile.data_uri(data, mime)}"></p><p>Sau ảnh.</p>'


def test_a_pasted_picture_is_stored_as_an_upload_through_the_same_steps(client, editor, media_root):
    client.force_login(editor)
    body = pasted(hostile.gps_tagged_jpeg(), "image/jpeg")
    response = client.post(ADD_ARTICLE, article_form(body=body))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert "data:" not in article.body
    (upload,) = EditorUpload.objects.all()
    assert f'<img src="/media/{upload.file.name}"' in article.body
    assert upload.file.name.endswith("-40x80.jpg")  # upright, sized like any editor upload
    assert (upload.uploaded_by, upload.width, upload.height) == (editor, 40, 80)
    assert_no_metadata((media_root / upload.file.name).read_bytes())
    preview = client.get(reverse("articles:preview", args=[article.pk])).content.decode()
    assert "-40w.webp 40w" in preview  # its renditions, like the image dialog's uploads


def test_a_pasted_picture_larger_than_djangos_limit_is_saved_not_a_bare_bad_request(
    client, editor, media_root
):
    photo = noisy_jpeg()
    assert len(hostile.data_uri(photo)) > 2_621_440  # Django's DATA_UPLOAD_MAX_MEMORY_SIZE
    client.force_login(editor)
    response = client.post(ADD_ARTICLE, article_form(body=pasted(photo)))
    assert response.status_code == 302
    assert "/media/uploads/" in Article.objects.get().body
    assert EditorUpload.objects.get().size > 1_000_000


def test_autosave_keeps_a_long_body_with_a_pasted_picture(client, writer):
    article = ArticleFactory(draft=True, created_by=writer)
    client.force_login(writer)
    body = pasted(noisy_jpeg())
    response = client.post(
        AUTOSAVE,
        urlencode({"article": article.pk, "title": article.title, "body": body}),
        content_type="application/x-www-form-urlencoded",  # as autosave.js sends it
    )
    assert response.status_code == 200 and "saved_at" in response.json()
    assert Autosave.objects.get().data["body"] == body


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        (hostile.data_uri(hostile.HTML_PAGE, "image/png"), "không phải là ảnh hợp lệ"),
        (hostile.data_uri(hostile.SVG_WITH_SCRIPT, "image/svg+xml"), "không phải là ảnh hợp lệ"),
        ("data:image/png;base64,@@@not-base64@@@", "không phải là ảnh hợp lệ"),
        ("data:text/html,<script>alert(1)</script>", "không phải là ảnh được lưu trong nội dung"),
        (hostile.data_uri(hostile.pixel_bomb_png(), "image/png"), "quá nhiều điểm ảnh"),
    ],
)
def test_a_pasted_picture_that_cannot_be_kept_is_refused_on_the_body_with_the_text_kept(
    client, editor, media_root, address, reason
):
    client.force_login(editor)
    body = f'<p>Đoạn đã gõ.</p><p><img src="{hostile.data_uri(hostile.jpeg_bytes())}"></p>'
    body += f"<p><img src='{address}'></p>"
    response = client.post(ADD_ARTICLE, article_form(body=body))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert list(form.errors) == ["body"]
    (message,) = form.errors["body"]
    assert message.startswith("Không giữ được ảnh dán thứ 2 trong nội dung: ")
    assert reason in message and "nút Ảnh" in message
    html = response.content.decode()
    assert "Đoạn đã gõ." in html and "Tiêu đề đã gõ" in html
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_an_oversized_pasted_picture_is_refused_before_it_is_decoded(client, editor, settings):
    settings.MAX_IMAGE_BYTES = 10_000
    client.force_login(editor)
    response = client.post(ADD_ARTICLE, article_form(body=pasted(noisy_jpeg((200, 200)))))
    (message,) = response.context["adminform"].form.errors["body"]
    assert "Ảnh quá lớn" in message


def test_a_picture_pasted_into_a_saved_article_is_stored_once_however_often_it_appears(
    client, editor
):
    article = ArticleFactory(body="<p>Cũ</p>")
    client.force_login(editor)
    address = hostile.data_uri(hostile.png_bytes((30, 20)), "image/png")
    body = f'<p><img src="{address}" alt="Một"></p><p><img src="{address}" alt="Hai"></p>'
    response = client.post(change_url(article), article_form_data(article, body=body))
    assert response.status_code == 302
    article.refresh_from_db()
    (upload,) = EditorUpload.objects.all()
    assert article.body.count(f'src="/media/{upload.file.name}"') == 2


def test_a_script_saving_a_pasted_picture_stores_it_too(media_root):
    article = ArticleFactory(body=pasted(hostile.png_bytes((30, 20)), "image/png"))
    (upload,) = EditorUpload.objects.all()
    assert upload.uploaded_by is None
    assert f'src="/media/{upload.file.name}"' in article.body
    assert (media_root / upload.file.name).is_file()


# Each endpoint's own limit on what a request may send.


def test_anonymous_posts_are_held_to_a_small_limit_with_a_clear_page(client, writer):
    response = client.post(reverse("login"), {"username": "phongvien", "password": "p" * 300_000})
    assert response.status_code == 413
    html = response.content.decode()
    assert "Nội dung gửi đi quá lớn" in html and "nên chưa được lưu" in html
    assert "trang này chỉ nhận tối đa 256,0 KB" in html.replace("\xa0", " ")
    assert "Bad Request" not in html


def test_an_article_over_its_limit_gets_a_clear_page_not_a_bare_bad_request(
    client, editor, settings
):
    settings.MAX_ARTICLE_POST_BYTES = 200_000
    client.force_login(editor)
    body = "<p>" + "Một bài rất dài. " * 20_000 + "</p>"
    response = client.post(ADD_ARTICLE, article_form(body=body))
    assert response.status_code == 413
    html = response.content.decode()
    assert "Nội dung gửi đi quá lớn" in html and "thêm chúng bằng nút chèn ảnh" in html
    response = client.post(
        AUTOSAVE,
        urlencode({"article": "", "title": "Bài dài", "body": body}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413 and "tối đa" in response.json()["error"]
    assert not Article.objects.exists() and not Autosave.objects.exists()


def test_other_staff_pages_keep_djangos_limit_and_files_their_own(client, editor, settings):
    settings.MAX_STAFF_POST_BYTES = 100_000
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_tag_add"),
        urlencode({"name": "x" * 300_000}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    photo = hostile.upload("anh.jpg", noisy_jpeg((400, 400)))
    response = client.post(reverse("ckeditor_upload"), {"upload": photo})
    assert response.json()["uploaded"] == "1"  # a file is not form data
