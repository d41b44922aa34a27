import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, TagFactory, image_file

pytestmark = pytest.mark.django_db


def test_add_page_renders_the_ckeditor_widget_for_staff(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-type="ckeditortype"' in html
    assert "ckeditor/ckeditor.js" in html
    assert 'id="id_bylines-0-author"' in html  # byline picker (autocomplete)
    assert "data-autocomplete-light" in html or "admin-autocomplete" in html


def test_change_page_renders_for_a_writer(client, writer):
    article = ArticleFactory(title="Bài của phóng viên", draft=True, created_by=writer)
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "Bài của phóng viên" in response.content.decode()


def test_admin_is_in_vietnamese(client, editor):
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Bài viết" in html
    assert "Đổi mật khẩu" in html


def test_anonymous_user_is_sent_to_sign_in(client):
    response = client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_saves_an_article_and_readers_see_it(client, editor):
    author, tag = AuthorFactory(name="Lê Hồng Phúc"), TagFactory(name="Kinh tế")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Đồng muối Tri Hải vào vụ",
            "slug": "",
            "summary": "Diêm dân phấn khởi khi giá muối tăng.",
            "body": "<h2>Vụ mới</h2><p>Muối <strong>trắng</strong> đồng.</p><script>x()</script>",
            "cover_image": image_file("dong-muoi.png", fmt="PNG"),
            "cover_caption": "Diêm dân thu hoạch muối.",
            "cover_alt": "Người làm muối trên đồng",
            "tags": [tag.pk],
            "_workflow": "publish",
            "bylines-TOTAL_FORMS": "1",
            "bylines-INITIAL_FORMS": "0",
            "bylines-0-author": author.pk,
            "bylines-0-position": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "dong-muoi-tri-hai-vao-vu"
    assert article.created_by == editor
    assert "<script>" not in article.body
    assert article.status == Article.State.PUBLISHED
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"{timezone.localtime(article.published_at):%H:%M %d/%m/%Y}" in html
    assert "<h2>Vụ mới</h2>" in html
    assert "Lê Hồng Phúc" in html


def test_a_non_image_cover_is_refused_with_a_message_and_the_form_kept(client, editor):
    client.force_login(editor)
    fake = image_file("anh.jpg")
    fake.file.seek(0)
    fake.file.write(b"<html><script>alert(1)</script></html>")
    fake.file.truncate()
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Tiêu đề đã gõ",
            "summary": "Sapo đã gõ",
            "body": "<p>Nội dung đã gõ</p>",
            "cover_image": fake,
            "status": Article.State.DRAFT,
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ảnh" in html.lower() and "errorlist" in html
    assert "Tiêu đề đã gõ" in html and "Sapo đã gõ" in html
    assert not Article.objects.exists()
