"""Bylines: every staff member has an Author profile they edit; editors add contributors."""

import pytest
from django.urls import reverse

from accounts.models import Author
from tests.factories import ArticleFactory, AuthorFactory, UserFactory, image_file

pytestmark = pytest.mark.django_db


def test_staff_edit_their_own_profile_on_a_public_style_page(client, writer):
    client.force_login(writer)
    page = client.get(reverse("author_profile"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hồ sơ tác giả của bạn" in html and 'class="site-header"' in html
    author = Author.objects.get(user=writer)  # made on first visit, from their name
    assert author.name == "Lan Nguyễn"

    response = client.post(
        reverse("author_profile"),
        {
            "name": "Nguyễn Thị Lan",
            "bio": "Phóng viên mảng nông nghiệp, 10 năm gắn bó với đồng muối.",
            "avatar": image_file("chan-dung.png", size=(200, 200), fmt="PNG"),
        },
        follow=True,
    )
    assert "Đã lưu hồ sơ tác giả" in response.content.decode()
    author.refresh_from_db()
    assert author.name == "Nguyễn Thị Lan"
    assert author.avatar
    public = client.get(author.get_absolute_url()).content.decode()
    assert "10 năm gắn bó với đồng muối" in public


def test_a_bad_profile_keeps_what_was_typed(client, writer):
    client.force_login(writer)
    response = client.post(reverse("author_profile"), {"name": "", "bio": "Tiểu sử đã gõ"})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert "Tiểu sử đã gõ" in response.content.decode()


def test_readers_are_sent_to_sign_in_and_non_staff_are_refused(client):
    assert client.get(reverse("author_profile"))["Location"].startswith(reverse("login"))
    client.force_login(UserFactory(username="docgia", is_staff=False))
    assert client.get(reverse("author_profile")).status_code == 403


def test_a_writer_changes_only_their_own_author_in_the_admin(client, writer):
    own = AuthorFactory(name="Bút danh của tôi", user=writer)
    other = AuthorFactory(name="Người khác")
    client.force_login(writer)
    own_url = reverse("admin:accounts_author_change", args=[own.pk])
    other_url = reverse("admin:accounts_author_change", args=[other.pk])
    response = client.post(own_url, {"name": "Tên mới", "slug": own.slug, "bio": ""})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Tên mới" and own.user == writer  # the account link is not theirs to change

    assert 'name="name"' not in client.get(other_url).content.decode()  # view only
    assert client.post(other_url, {"name": "Bị sửa", "slug": other.slug}).status_code == 403
    other.refresh_from_db()
    assert other.name == "Người khác"
    # The byline picker still finds every author.
    found = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Người",
            "app_label": "articles",
            "model_name": "byline",
            "field_name": "author",
        },
    )
    assert found.status_code == 200
    assert "Người khác" in [result["text"] for result in found.json()["results"]]


def test_editors_create_authors_without_accounts(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:accounts_author_add"),
        {"name": "Cộng tác viên Đỗ Hoàng", "slug": "", "bio": "Cây bút khách mời."},
    )
    assert response.status_code == 302
    author = Author.objects.get(name="Cộng tác viên Đỗ Hoàng")
    assert author.user is None
    assert author.slug == "cong-tac-vien-do-hoang"


def test_articles_show_an_ordered_byline(client):
    first, second = AuthorFactory(name="Đặng Minh"), AuthorFactory(name="An Bình")
    article = ArticleFactory(authors=[first, second])
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Đặng Minh") < html.index("An Bình")


def test_every_new_staff_user_gets_a_byline(client, admin_role_user):
    client.force_login(admin_role_user)
    client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "ctv.moi",
            "first_name": "Quỳnh",
            "last_name": "Lê",
            "email": "quynh@example.test",
            "role": "Writer",
        },
    )
    assert Author.objects.get(user__username="ctv.moi").name == "Quỳnh Lê"


def test_the_header_names_staff_by_their_byline_when_the_account_has_no_name(client):
    user = UserFactory(username="tk123", first_name="", last_name="", is_staff=True)
    AuthorFactory(name="Võ Thị Sáu", user=user)
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "Võ Thị Sáu</a>" in html
