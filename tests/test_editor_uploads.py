import io

import pytest
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
