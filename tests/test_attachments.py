"""Attachments: allowed by extension and content, safe names, human sizes, no file left behind."""

import io
import unicodedata

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image
from reversion.models import Version

from articles.models import Article, Attachment
from articles.templatetags.renditions import share_image
from tests import hostile
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, AttachmentFactory
from tests.test_image_uploads import article_form, stored_files

pytestmark = pytest.mark.django_db

ADD_ARTICLE = reverse("admin:articles_article_add")


def with_attachment(upload, **fields):
    return article_form(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": upload,
            "attachments-0-title": "Tiêu đề tệp đã gõ",
            "attachments-0-position": "0",
        },
        **fields,
    )


ALLOWED = {
    "Quyết định số 12.pdf": (hostile.pdf_bytes(), "application/pdf", "PDF"),
    "Tờ trình.doc": (hostile.ole2_bytes(), "application/msword", "Word (DOC)"),
    "Số liệu.xls": (hostile.ole2_bytes(), "application/vnd.ms-excel", "Excel (XLS)"),
    "Báo cáo.ppt": (hostile.ole2_bytes(), "application/vnd.ms-powerpoint", "PowerPoint (PPT)"),
    "Kế hoạch.docx": (
        hostile.docx_bytes(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (DOCX)",
    ),  # noqa: E501
    "Danh sách.xlsx": (
        hostile.xlsx_bytes(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel (XLSX)",
    ),  # noqa: E501
    "Trình chiếu.pptx": (
        hostile.pptx_bytes(),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PowerPoint (PPTX)",
    ),  # noqa: E501
    "Văn bản.odt": (hostile.odf_bytes("text"), "application/vnd.oasis.opendocument.text", "ODT"),
    "Bảng tính.ods": (
        hostile.odf_bytes("spreadsheet"),
        "application/vnd.oasis.opendocument.spreadsheet",
        "ODS",
    ),  # noqa: E501
    "Trình bày.odp": (
        hostile.odf_bytes("presentation"),
        "application/vnd.oasis.opendocument.presentation",
        "ODP",
    ),  # noqa: E501
    "Ghi chú.txt": ("Thông báo lịch họp.\n".encode(), "text/plain", "TXT"),
    "Điểm thi.csv": ("Họ tên,Điểm\nAn,9\n".encode("utf-8-sig"), "text/csv", "CSV"),
    "Hồ sơ.zip": (hostile.zip_bytes({"a.txt": b"x"}), "application/zip", "ZIP"),
    "Ảnh.jpg": (hostile.jpeg_bytes(), "image/jpeg", "JPEG"),
    "Sơ đồ.png": (hostile.png_bytes(), "image/png", "PNG"),
}


@pytest.mark.parametrize("name", ALLOWED)
def test_allowed_document_is_attached_and_listed_with_type_and_size(client, editor, name):
    data, content_type, label = ALLOWED[name]
    client.force_login(editor)
    response = client.post(ADD_ARTICLE, with_attachment(hostile.upload(name, data)))
    assert response.status_code == 302, response.context["inline_admin_formsets"][1].formset.errors
    attachment = Attachment.objects.get()
    assert attachment.original_filename == name
    assert attachment.content_type == content_type
    assert attachment.file.name.startswith("attachments/")
    assert name not in attachment.file.name  # a generated storage name
    assert attachment.size == attachment.file.size

    article = attachment.article
    Article.objects.filter(pk=article.pk).update(
        status=Article.State.PUBLISHED, published_at="2024-04-19T13:15:00Z"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tiêu đề tệp đã gõ" in html
    assert f"({label}, " in html


def test_photo_attached_as_a_file_loses_its_location_too(client, editor, media_root):
    client.force_login(editor)
    photo = hostile.upload("Hiện trường.jpg", hostile.gps_tagged_jpeg())
    assert client.post(ADD_ARTICLE, with_attachment(photo)).status_code == 302
    stored = (media_root / Attachment.objects.get().file.name).read_bytes()
    assert b"Exif" not in stored and hostile.SERIAL.encode() not in stored


REFUSED = {
    "executable as pdf": ("Quyết định.pdf", hostile.WINDOWS_EXE, "không thực sự là tệp PDF"),
    "executable as txt": ("ghi-chu.txt", hostile.WINDOWS_EXE, "không thực sự là tệp TXT"),
    "zip as docx": ("ke-hoach.docx", hostile.zip_bytes({"a.txt": b"x"}), "Word (DOCX)"),
    "docx as xlsx": ("so-lieu.xlsx", hostile.docx_bytes(), "không thực sự là tệp Excel (XLSX)"),
    "odt as ods": ("bang.ods", hostile.odf_bytes("text"), "không thực sự là tệp ODS"),
    "pdf as doc": ("to-trinh.doc", hostile.pdf_bytes(), "không thực sự là tệp Word (DOC)"),
    "html as jpg": ("anh.jpg", hostile.HTML_PAGE, "không thực sự là tệp JPEG"),
    "png as jpg": ("anh.jpg", hostile.png_bytes(), "không thực sự là tệp JPEG"),
    "svg with script": (
        "so-do.svg",
        hostile.SVG_WITH_SCRIPT,
        "Không thể đính kèm tệp loại này (.svg)",
    ),  # noqa: E501
    "html page": ("trang.html", hostile.HTML_PAGE, "Không thể đính kèm tệp loại này (.html)"),
    "exe": ("setup.exe", hostile.WINDOWS_EXE, "Không thể đính kèm tệp loại này (.exe)"),
    "double extension": ("bao-cao.pdf.exe", hostile.WINDOWS_EXE, "(.exe)"),
    "no extension": ("README", b"hello", "không có phần mở rộng"),
    "empty": ("rong.pdf", b"", "Tệp “rong.pdf” rỗng"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_refused_attachment_says_why_on_its_field_and_keeps_the_form(
    client, editor, media_root, case
):
    name, data, message = REFUSED[case]
    client.force_login(editor)
    response = client.post(ADD_ARTICLE, with_attachment(hostile.upload(name, data)))
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][1].formset
    assert message in " ".join(formset.forms[0].errors["file"])
    html = response.content.decode()
    assert "Tiêu đề đã gõ" in html and "Tiêu đề tệp đã gõ" in html
    assert not Article.objects.exists() and not Attachment.objects.exists()
    assert stored_files(media_root) == []


def test_oversize_attachment_is_refused_with_its_real_size(client, editor, settings, media_root):
    settings.MAX_ATTACHMENT_BYTES = 1024 * 1024
    client.force_login(editor)
    big = hostile.pdf_bytes() + b"%" * (3 * 1024 * 1024)
    response = client.post(ADD_ARTICLE, with_attachment(hostile.upload("Dày.pdf", big)))
    formset = response.context["inline_admin_formsets"][1].formset
    message = " ".join(formset.forms[0].errors["file"]).replace("\xa0", " ")
    assert message == "Tệp “Dày.pdf” quá lớn (3,0 MB); dung lượng tối đa là 1,0 MB."
    assert stored_files(media_root) == []


def test_default_attachment_limit_is_25_mb(settings):
    from newsroom.media.upload_limits import max_attachment_bytes

    assert max_attachment_bytes() == 25 * 1024 * 1024


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/Kế hoạch.pdf", "Kế hoạch.pdf"),
        ("..\\..\\Windows\\Tờ trình.pdf", "Tờ trình.pdf"),
        ("bao\u202ecao\x07\x1b.pdf", "baocao.pdf"),
        (unicodedata.normalize("NFD", "Quyết định.pdf"), "Quyết định.pdf"),
        ("Đ" * 300 + ".pdf", "Đ" * 251 + ".pdf"),
    ],
    ids=["traversal", "windows-traversal", "control-characters", "decomposed", "300-characters"],
)
def test_file_names_are_made_safe_and_stored_under_a_generated_name(given, kept, media_root):
    attachment = AttachmentFactory(file=hostile.upload(given, hostile.pdf_bytes()))
    assert attachment.original_filename == kept
    assert len(attachment.original_filename) <= 255
    assert attachment.file.name.startswith("attachments/") and attachment.file.name.endswith(".pdf")
    assert (media_root / attachment.file.name).is_file()
    assert not (media_root.parent / "etc").exists()


def test_300_character_name_through_the_admin_is_kept_shortened(client, editor):
    client.force_login(editor)
    name = "Báo cáo tổng kết " * 18 + ".pdf"
    assert len(name) > 300
    response = client.post(ADD_ARTICLE, with_attachment(hostile.upload(name, hostile.pdf_bytes())))
    assert response.status_code == 302
    kept = Attachment.objects.get().original_filename
    assert len(kept) <= 255 and kept.endswith(".pdf") and kept.startswith("Báo cáo tổng kết")


def test_article_page_shows_human_sizes(client):
    article = ArticleFactory()
    AttachmentFactory(
        article=article,
        title="Phụ lục",
        file=hostile.upload("Phụ lục.pdf", hostile.pdf_bytes().ljust(1_258_291, b"%")),
    )
    html = client.get(article.get_absolute_url()).content.decode().replace("\xa0", " ")
    assert "(PDF, 1,2 MB)" in html


def test_download_keeps_the_vietnamese_name_and_is_never_sniffed(client):
    attachment = AttachmentFactory(file=hostile.upload("Điểm thi.csv", b"a,b\n"))
    response = client.get(attachment.get_absolute_url())
    assert response["Content-Type"] == "text/csv"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%C4%90i%E1%BB%83m%20thi.csv" in disposition


# Files leave storage with their rows, once the deletion is committed.


def test_deleting_an_attachment_removes_its_file(media_root, django_capture_on_commit_callbacks):
    attachment = AttachmentFactory()
    path = media_root / attachment.file.name
    assert path.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        attachment.delete()
    assert not path.exists()


def test_deleting_an_article_removes_its_cover_renditions_and_attachments(
    media_root, django_capture_on_commit_callbacks
):
    article = ArticleFactory(cover_image=hostile.upload("bia.jpg", hostile.jpeg_bytes((1000, 500))))
    AttachmentFactory(article=article)
    AttachmentFactory(article=article)
    files = stored_files(media_root)
    # 320/640/960/1000 × 2, the 16:9 crop (320/640/889 × 2), the 1:1 (320/500 × 2), the card
    assert len([f for f in files if f.startswith("renditions/")]) == 8 + 6 + 4 + 1
    assert len([f for f in files if f.startswith("attachments/")]) == 2
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=article.pk).delete()  # bulk, as the admin's action does
    assert stored_files(media_root) == []


def test_replacing_a_cover_removes_the_old_one_and_its_renditions(
    media_root, django_capture_on_commit_callbacks
):
    article = ArticleFactory(cover_image=hostile.upload("cu.jpg", hostile.jpeg_bytes((700, 400))))
    old = article.cover_image.name
    with django_capture_on_commit_callbacks(execute=True):
        article.cover_image = hostile.upload("moi.png", hostile.png_bytes((500, 300)))
        article.save()
    files = stored_files(media_root)
    assert old not in files
    assert not [f for f in files if "cu-" in f]
    assert article.cover_image.name in files
    assert (article.cover_width, article.cover_height) == (500, 300)


def test_clearing_an_avatar_removes_it(media_root, django_capture_on_commit_callbacks):
    from tests.factories import AuthorFactory

    author = AuthorFactory(avatar=hostile.upload("a.png", hostile.png_bytes()))
    with django_capture_on_commit_callbacks(execute=True):
        author.avatar = None
        author.save()
    assert stored_files(media_root) == []


def test_a_rolled_back_delete_keeps_the_file(media_root):
    attachment = AttachmentFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        attachment.delete()
        raise RuntimeError("the request failed")
    assert (media_root / attachment.file.name).is_file()


def test_a_save_that_fails_leaves_no_file_behind(media_root):
    taken = ArticleFactory(title="Tin trùng")
    duplicate = Article(
        title="Tin khác",
        slug=taken.slug,
        cover_image=hostile.upload("bia.jpg", hostile.jpeg_bytes((700, 400))),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert stored_files(media_root) == []


def test_images_in_unusual_modes_are_accepted(media_root):
    buffer = io.BytesIO()
    Image.new("CMYK", (30, 30), (0, 50, 100, 0)).save(buffer, "JPEG")
    article = ArticleFactory(cover_image=hostile.upload("in.jpg", buffer.getvalue()))
    assert article.cover_width == 30


def test_deleting_an_article_removes_body_images_no_other_article_shows(
    client, writer, media_root, django_capture_on_commit_callbacks
):
    client.force_login(writer)
    own, shared = (
        client.post(
            reverse("ckeditor_upload"), {"upload": hostile.upload(n, hostile.jpeg_bytes())}
        ).json()["url"]
        for n in ("rieng.jpg", "chung.jpg")
    )
    figure = '<figure class="image"><img src="{}" alt="a"><figcaption>x</figcaption></figure>'
    article = ArticleFactory(body=figure.format(own) + figure.format(shared))
    ArticleFactory(body=figure.format(shared))
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    files = stored_files(media_root)
    own_stem = own.removeprefix("/media/").rsplit(".", 1)[0]
    shared_stem = shared.removeprefix("/media/").rsplit(".", 1)[0]
    assert not [f for f in files if own_stem in f]  # original, thumbnail and renditions
    assert f"{shared_stem}.jpg" in files and f"{shared_stem}_thumb.jpg" in files


def _article_with_two_covers(client, editor):
    """Saved twice through the admin, each time with a new cover: two revisions."""
    client.force_login(editor)
    first = hostile.upload("bia-cu.jpg", hostile.jpeg_bytes((700, 400), "darkred"))
    body = "<p>Nắng nóng kéo dài.</p>"
    client.post(ADD_ARTICLE, article_form(cover_image=first, body=body))
    article = Article.objects.get()
    old_cover = article.cover_image.name
    second = hostile.upload("bia-moi.png", hostile.png_bytes((500, 300)))
    response = client.post(change_url(article), article_form_data(article, cover_image=second))
    assert response.status_code == 302
    article.refresh_from_db()
    return article, old_cover


def test_restoring_a_revision_after_a_cover_change_brings_back_its_cover(
    client, editor, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article, old_cover = _article_with_two_covers(client, editor)
    assert article.cover_image.name != old_cover
    assert (media_root / old_cover).is_file()  # a kept revision still shows it
    first = Version.objects.get_for_object(article).order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:articles_article_restore", args=[article.pk, first.pk])
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.cover_image.name == old_cover
    assert (article.cover_width, article.cover_height) == (700, 400)
    share = media_root / share_image(article.cover_image)["url"].removeprefix("/media/")
    assert article.cover_share_size == share.stat().st_size  # the restored cover's
    preview = client.get(reverse("articles:preview", args=[article.pk]))
    assert preview.status_code == 200
    assert "-700w.webp 700w" in preview.content.decode()


def test_deleting_an_article_removes_the_covers_its_revisions_kept(
    client, editor, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article, _old_cover = _article_with_two_covers(client, editor)
    assert len([f for f in stored_files(media_root) if f.startswith("covers/")]) == 2
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=article.pk).delete()
    assert stored_files(media_root) == []


def test_restoring_a_revision_whose_cover_file_is_gone_keeps_the_current_cover(
    client, editor, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article, old_cover = _article_with_two_covers(client, editor)
    (media_root / old_cover).unlink()  # lost before revisions kept their covers
    first = Version.objects.get_for_object(article).order_by("pk").first()
    response = client.post(
        reverse("admin:articles_article_restore", args=[article.pk, first.pk]), follow=True
    )
    assert response.status_code == 200
    assert "Ảnh bìa của phiên bản đó không còn được lưu trữ" in response.content.decode()
    current = article.cover_image.name
    article.refresh_from_db()
    assert article.cover_image.name == current
    assert article.body == "<p>Nắng nóng kéo dài.</p>"
