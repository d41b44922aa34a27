import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import image_file

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("ckeditor_upload")


def test_staff_uploads_an_image_and_gets_its_url(client, writer, media_root):
    client.force_login(writer)
    response = client.post(UPLOAD_URL, {"upload": image_file("Ảnh Đồng muối.JPG")})
    assert response.status_code == 200
    data = response.json()
    assert data["uploaded"] == "1"
    assert "anh-dong-muoi-" in data["url"] and data["url"].endswith(".jpg")


def test_anonymous_upload_is_refused(client):
    response = client.post(UPLOAD_URL, {"upload": image_file()})
    assert response.status_code == 302


def test_staff_without_article_rights_cannot_upload(client, django_user_model):
    clerk = django_user_model.objects.create_user("vanthu", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.post(UPLOAD_URL, {"upload": image_file()}).status_code == 403


def test_html_named_as_image_is_refused_with_a_message(client, writer):
    client.force_login(writer)
    fake = SimpleUploadedFile("anh.jpg", b"<html><script>alert(1)</script></html>")
    response = client.post(UPLOAD_URL, {"upload": fake})
    assert response.json()["uploaded"] == 0
    assert "không phải là ảnh" in response.json()["error"]["message"]


def test_an_image_is_stored_under_the_extension_of_what_it_really_is(client, writer):
    client.force_login(writer)
    buffer = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (8, 8)).save(buffer, format="GIF")
    response = client.post(
        UPLOAD_URL, {"upload": SimpleUploadedFile("trang.html", buffer.getvalue())}
    )
    assert response.json()["url"].endswith(".gif")


def test_dialog_upload_errors_call_back_into_the_editor(client, writer):
    client.force_login(writer)
    fake = SimpleUploadedFile("x.png", b"not an image")
    response = client.post(f"{UPLOAD_URL}?CKEditorFuncNum=3", {"upload": fake})
    assert b"CKEDITOR.tools.callFunction(3, ''," in response.content


def test_missing_file_is_a_message_not_a_crash(client, writer):
    client.force_login(writer)
    response = client.post(UPLOAD_URL, {})
    assert response.status_code == 400
    assert "Hãy chọn một tệp ảnh" in response.json()["error"]["message"]


BROWSE_URL = reverse("ckeditor_browse")


def _upload(client, user, name: str) -> str:
    client.force_login(user)
    return client.post(UPLOAD_URL, {"upload": image_file(name)}).json()["url"]


def test_each_editor_upload_is_recorded_with_who_when_name_and_size(client, writer):
    from newsroom.media.models import EditorUpload

    url = _upload(client, writer, "Ảnh Đồng muối.JPG")
    upload = EditorUpload.objects.get()
    assert f"/media/{upload.file.name}" == url
    assert upload.uploaded_by == writer and upload.uploaded_at is not None
    assert upload.original_name == "Ảnh Đồng muối.jpg"
    assert (upload.width, upload.height) == (640, 360)
    assert upload.size == default_storage.size(upload.file.name) > 0


def test_the_file_browser_shows_a_writer_their_uploads_and_their_articles_images_only(
    client, writer, editor, django_user_model
):
    from django.contrib.auth.models import Group

    from tests.factories import ArticleFactory

    other = django_user_model.objects.create_user("phongvien2", password="x", is_staff=True)
    other.groups.add(Group.objects.get(name="Writer"))
    own = _upload(client, writer, "rieng.jpg")
    others = _upload(client, other, "nguoi-khac.jpg")
    in_own_article = _upload(client, editor, "cua-bien-tap.jpg")
    in_someone_elses = _upload(client, editor, "bai-nguoi-khac.jpg")
    ArticleFactory(created_by=writer, draft=True, body=f'<p><img src="{in_own_article}"></p>')
    ArticleFactory(created_by=other, draft=True, body=f'<p><img src="{in_someone_elses}"></p>')

    client.force_login(writer)
    page = client.get(BROWSE_URL).content.decode()
    assert own in page and in_own_article in page
    assert others not in page and in_someone_elses not in page

    client.force_login(editor)
    page = client.get(BROWSE_URL).content.decode()
    assert all(url in page for url in (own, others, in_own_article, in_someone_elses))


def test_the_file_browser_is_for_staff_who_may_upload(client, django_user_model):
    assert client.get(BROWSE_URL).status_code == 302  # to the sign-in page
    clerk = django_user_model.objects.create_user("vanthu", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(BROWSE_URL).status_code == 403


def test_images_recorded_before_uploads_were_are_recorded_by_the_migration(media_root):
    from importlib import import_module

    from django.apps import apps

    from newsroom.media.models import EditorUpload

    default_storage.save("uploads/2023/01/02/cu-1a2b3c4d-640x360.jpg", image_file())
    default_storage.save("uploads/2023/01/02/cu-1a2b3c4d-640x360_thumb.jpg", image_file())
    migration = import_module("newsroom.media.migrations.0001_editor_uploads")
    migration.record_stored_uploads(apps, None)
    (upload,) = EditorUpload.objects.all()
    assert upload.file.name == "uploads/2023/01/02/cu-1a2b3c4d-640x360.jpg"
    assert (upload.width, upload.height, upload.uploaded_by) == (640, 360, None)


def test_a_refused_image_answers_so_that_the_editor_shows_the_message(client, writer):
    """CKEditor shows an upload's own message only from a 200; else an English HTTP error."""
    client.force_login(writer)
    fake = SimpleUploadedFile("anh-dan.png", b"<html>not an image</html>")
    response = client.post(UPLOAD_URL, {"upload": fake})
    assert response.status_code == 200
    assert response.json()["uploaded"] == 0
    assert "không phải là ảnh hợp lệ" in response.json()["error"]["message"]
