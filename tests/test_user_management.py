"""Admins manage staff in the admin: create with a role, change it, deactivate, send links."""

import re
import socket
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from post_office.models import STATUS, Email

from accounts.models import AccountEvent, Author
from accounts.roles import role_of
from articles.models import Article, Byline
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.mail import WorkingSMTPServer, deliver_mail, use_smtp

pytestmark = pytest.mark.django_db

User = get_user_model()
Action = AccountEvent.Action
CHANGELIST = "admin:auth_user_changelist"
ADD = "admin:auth_user_add"


@pytest.fixture
def superuser(db):
    return UserFactory(username="sieuquantri", is_staff=True, is_superuser=True)


def new_staff(**overrides):
    data = {
        "username": "phongvien.moi",
        "first_name": "Hà",
        "last_name": "Phạm Thu",
        "email": "ha.pham@example.test",
        "role": "Writer",
        "password1": "song-cai-mua-thu-2024",
        "password2": "song-cai-mua-thu-2024",
    }
    return {**data, **overrides}


def change_data(user, **overrides):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": role_of(user) or "Writer",
        "is_active": "on" if user.is_active else "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v != ""}


def change_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


# The permission matrix


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("admin_role_user", True), ("superuser", True), ("editor", False), ("writer", False)],
)
def test_who_may_manage_staff(client, request, writer, who, allowed):
    actor = request.getfixturevalue(who)
    client.force_login(actor)
    pages = [
        client.get(reverse(CHANGELIST)),
        client.get(reverse(ADD)),
        client.get(change_url(writer)),
        client.post(reverse(ADD), new_staff()),
        client.post(reverse(CHANGELIST), {"action": "deactivate", "_selected_action": [writer.pk]}),
    ]
    codes = [page.status_code for page in pages]
    if allowed:
        assert codes[:3] == [200, 200, 200] and codes[3] == 302, codes
        assert User.objects.filter(username="phongvien.moi").exists()
        index = client.get(reverse("admin:index")).content.decode()
        assert reverse(CHANGELIST) in index
    else:
        assert codes == [403, 403, 403, 403, 403], codes
        assert not User.objects.filter(username="phongvien.moi").exists()
        writer.refresh_from_db()
        assert writer.is_active
        index = client.get(reverse("admin:index")).content.decode()
        assert reverse(CHANGELIST) not in index


def test_nobody_can_delete_a_user_in_the_admin(client, superuser, writer):
    client.force_login(superuser)
    assert client.get(reverse("admin:auth_user_delete", args=[writer.pk])).status_code == 403
    response = client.post(
        reverse(CHANGELIST), {"action": "delete_selected", "_selected_action": [writer.pk]}
    )
    assert User.objects.filter(pk=writer.pk).exists()
    assert response.status_code in (200, 302)


def test_an_admin_cannot_make_anyone_a_superuser_or_grant_raw_permissions(
    client, admin_role_user, writer
):
    client.force_login(admin_role_user)
    permission = Permission.objects.get(codename="delete_group")
    response = client.post(
        change_url(writer),
        change_data(
            writer,
            is_superuser="on",
            user_permissions=[permission.pk],
            groups=[Group.objects.get(name="Admin").pk],
        ),
    )
    assert response.status_code == 302
    writer.refresh_from_db()
    assert not writer.is_superuser
    assert not writer.user_permissions.exists()
    assert role_of(writer) == "Writer"
    html = client.get(change_url(writer)).content.decode()
    assert 'name="is_superuser"' not in html and 'name="user_permissions"' not in html

    # Nor themselves.
    client.post(change_url(admin_role_user), change_data(admin_role_user, is_superuser="on"))
    admin_role_user.refresh_from_db()
    assert not admin_role_user.is_superuser


def test_an_admin_cannot_give_a_role_that_does_not_exist(client, admin_role_user, writer):
    Group.objects.create(name="Everything")
    client.force_login(admin_role_user)
    response = client.post(change_url(writer), change_data(writer, role="Everything"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["role"]
    assert role_of(writer) == "Writer"


def test_an_admin_cannot_change_a_superuser(client, admin_role_user, superuser):
    client.force_login(admin_role_user)
    page = client.get(change_url(superuser))
    assert page.status_code == 200  # view only
    assert 'name="email"' not in page.content.decode()
    response = client.post(change_url(superuser), change_data(superuser, email="x@evil.test"))
    assert response.status_code == 403
    password_url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    assert client.get(password_url).status_code == 403
    response = client.post(
        reverse(CHANGELIST), {"action": "deactivate", "_selected_action": [superuser.pk]}
    )
    superuser.refresh_from_db()
    assert superuser.is_active and superuser.email != "x@evil.test"


def test_a_superuser_can_make_a_superuser(client, superuser, writer):
    client.force_login(superuser)
    response = client.post(change_url(writer), change_data(writer, is_superuser="on"))
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.is_superuser
    event = AccountEvent.objects.get(action=Action.SUPERUSER_CHANGED)
    assert (event.actor, event.subject, event.detail) == (superuser, writer, "on")


# Creating staff


def test_an_admin_creates_a_writer_with_a_password_in_one_form(client, admin_role_user):
    client.force_login(admin_role_user)
    page = client.get(reverse(ADD)).content.decode()
    assert 'name="role"' in page and 'name="password1"' in page
    response = client.post(reverse(ADD), new_staff())
    assert response.status_code == 302
    user = User.objects.get(username="phongvien.moi")
    assert user.is_staff and user.is_active and not user.is_superuser
    assert role_of(user) == "Writer"
    assert user.check_password("song-cai-mua-thu-2024")
    assert user.author.name == "Hà Phạm Thu"
    event = AccountEvent.objects.get(action=Action.CREATED)
    assert (event.actor, event.subject) == (admin_role_user, user)
    assert deliver_mail() == []

    client.logout()
    signed_in = client.post(
        reverse("login"), {"username": "phongvien.moi", "password": "song-cai-mua-thu-2024"}
    )
    assert signed_in.status_code == 302


def test_without_a_password_the_new_user_gets_a_link_by_email(client, admin_role_user):
    client.force_login(admin_role_user)
    response = client.post(reverse(ADD), new_staff(role="Editor", password1="", password2=""))
    assert response.status_code == 302
    user = User.objects.get(username="phongvien.moi")
    assert not user.has_usable_password()
    assert role_of(user) == "Editor"
    queued = client.get(response["Location"]).content.decode()
    assert "Thư có liên kết đặt mật khẩu đã vào hàng gửi" in queued
    [message] = deliver_mail()
    assert message.to == ["ha.pham@example.test"]
    assert "Tài khoản của bạn" in message.subject
    assert AccountEvent.objects.filter(subject=user, action=Action.PASSWORD_LINK_SENT).exists()

    # The person follows the link and chooses a password.
    anonymous = Client()
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)
    confirm_url = anonymous.get(link, follow=True).redirect_chain[-1][0]
    anonymous.post(
        confirm_url,
        {"new_password1": "dem-trang-ven-bien-7", "new_password2": "dem-trang-ven-bien-7"},
    )
    user.refresh_from_db()
    assert user.check_password("dem-trang-ven-bien-7")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password2": "khac-han-nhe-2024"}, "password2"),
        ({"password1": "12345", "password2": "12345"}, "password1"),
        ({"email": ""}, "email"),
        ({"email": "PHONGVIEN@example.test"}, "email"),  # the writer fixture's address
        ({"username": "PhongVien"}, "username"),
        ({"username": "x" * 500}, "username"),
        ({"username": "tên có dấu cách"}, "username"),
        ({"role": "Superuser"}, "role"),
        ({"password1": "p" * 5000, "password2": "p" * 5000}, "password1"),
    ],
)
def test_bad_input_in_the_create_form_gets_a_message_and_keeps_what_was_typed(
    client, admin_role_user, writer, overrides, field
):
    client.force_login(admin_role_user)
    response = client.post(reverse(ADD), new_staff(**overrides))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field]
    assert 'value="Phạm Thu"' in response.content.decode()
    assert not User.objects.filter(email="ha.pham@example.test").exists()


def test_a_unicode_username_is_accepted(client, admin_role_user):
    client.force_login(admin_role_user)
    response = client.post(reverse(ADD), new_staff(username="thu.hà"))
    assert response.status_code == 302
    assert User.objects.filter(username="thu.hà").exists()


# Changing, deactivating, links


def test_an_admin_changes_a_role_and_it_is_recorded(client, admin_role_user, writer):
    client.force_login(admin_role_user)
    response = client.post(change_url(writer), change_data(writer, role="Editor", email="a@b.vn"))
    assert response.status_code == 302
    assert role_of(writer) == "Editor"
    assert writer.has_perm("articles.publish_article") or User.objects.get(pk=writer.pk).has_perm(
        "articles.publish_article"
    )
    events = {e.action: e for e in AccountEvent.objects.filter(subject=writer)}
    assert events[Action.ROLE_CHANGED].detail == "Phóng viên → Biên tập viên"
    assert events[Action.ROLE_CHANGED].actor == admin_role_user
    assert "email" in events[Action.CHANGED].detail.lower()


def test_deactivation_ends_sessions_at_once_and_keeps_articles_and_bylines(
    client, admin_role_user, writer
):
    author = AuthorFactory(name="Phóng Viên Một", user=writer)
    article = ArticleFactory(title="Bài giữ lại", authors=[author, AuthorFactory()])
    Article.objects.filter(pk=article.pk).update(created_by=writer, updated_by=writer)
    writers_browser = Client()
    writers_browser.force_login(writer)
    assert writers_browser.get(reverse("admin:index")).status_code == 200

    client.force_login(admin_role_user)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "deactivate", "_selected_action": [writer.pk]},
        follow=True,
    )
    assert "Đã vô hiệu hóa 1 người dùng" in response.content.decode()

    writer.refresh_from_db()
    assert not writer.is_active
    sessions = [s.get_decoded().get(SESSION_KEY) for s in Session.objects.all()]
    assert str(writer.pk) not in sessions
    assert writers_browser.get(reverse("admin:index")).status_code == 302
    assert SESSION_KEY not in writers_browser.session

    # Their work stays, with the byline in its order, on the public page.
    assert Article.objects.filter(pk=article.pk, created_by=writer).exists()
    assert list(Byline.objects.filter(article=article).values_list("author", flat=True))[0] == (
        author.pk
    )
    assert Author.objects.get(pk=author.pk).user == writer
    assert "Phóng Viên Một" in Client().get(article.get_absolute_url()).content.decode()

    # And they cannot sign in again.
    refused = Client().post(
        reverse("login"), {"username": "phongvien", "password": "mat-khau-an-toan-2024"}
    )
    assert refused.status_code == 200
    event = AccountEvent.objects.get(action=Action.DEACTIVATED)
    assert (event.actor, event.subject) == (admin_role_user, writer)
    assert event.detail == "sessions ended: 1"


def test_deactivating_through_the_change_form_works_too(client, admin_role_user, writer):
    writers_browser = Client()
    writers_browser.force_login(writer)
    client.force_login(admin_role_user)
    response = client.post(change_url(writer), change_data(writer, is_active=""))
    assert response.status_code == 302
    writer.refresh_from_db()
    assert not writer.is_active
    assert writers_browser.get(reverse("admin:index")).status_code == 302
    assert AccountEvent.objects.filter(subject=writer, action=Action.DEACTIVATED).exists()

    client.post(change_url(writer), change_data(writer, is_active="on"))
    writer.refresh_from_db()
    assert writer.is_active
    assert AccountEvent.objects.filter(subject=writer, action=Action.REACTIVATED).exists()


def test_an_admin_cannot_deactivate_themselves(client, admin_role_user):
    client.force_login(admin_role_user)
    response = client.post(change_url(admin_role_user), change_data(admin_role_user, is_active=""))
    assert response.status_code == 200
    assert "tự vô hiệu hóa" in response.content.decode()
    client.post(
        reverse(CHANGELIST), {"action": "deactivate", "_selected_action": [admin_role_user.pk]}
    )
    admin_role_user.refresh_from_db()
    assert admin_role_user.is_active


def test_an_admin_sends_a_password_reset_link(client, admin_role_user, writer, editor):
    editor.email = ""
    editor.save()
    client.force_login(admin_role_user)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "send_password_link", "_selected_action": [writer.pk, editor.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Đã xếp 1 liên kết vào hàng gửi" in html
    assert "Không có liên kết cho 1 người dùng" in html
    [message] = deliver_mail()
    assert message.to == [writer.email]
    assert "/accounts/reset/" in message.body
    event = AccountEvent.objects.get(action=Action.PASSWORD_LINK_SENT)
    assert (event.actor, event.subject, event.detail) == (admin_role_user, writer, writer.email)


def test_setting_a_password_in_the_admin_is_recorded(client, admin_role_user, writer):
    client.force_login(admin_role_user)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[writer.pk]),
        {
            "password1": "mot-mat-khau-moi-99",
            "password2": "mot-mat-khau-moi-99",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    writer.refresh_from_db()
    assert writer.check_password("mot-mat-khau-moi-99")
    assert AccountEvent.objects.filter(
        actor=admin_role_user, subject=writer, action=Action.PASSWORD_SET
    ).exists()


def test_the_account_log_is_readable_by_admins_and_nobody_edits_it(
    client, admin_role_user, editor, writer
):
    client.force_login(admin_role_user)
    client.post(change_url(writer), change_data(writer, role="Editor"))
    log = client.get(reverse("admin:accounts_accountevent_changelist"))
    assert log.status_code == 200
    html = log.content.decode()
    assert "Đổi vai trò" in html and "quantri" in html and "phongvien" in html
    event = AccountEvent.objects.get()
    assert (
        client.get(reverse("admin:accounts_accountevent_delete", args=[event.pk])).status_code
        == 403
    )
    assert client.get(reverse("admin:accounts_accountevent_add")).status_code == 403

    client.force_login(editor)
    assert client.get(reverse("admin:accounts_accountevent_changelist")).status_code == 403


def test_the_user_list_shows_roles_in_a_fixed_number_of_queries(
    client, admin_role_user, django_assert_max_num_queries
):
    for n in range(15):
        user = UserFactory(username=f"nguoi{n}", is_staff=True)
        user.groups.add(Group.objects.get(name="Writer"))
    client.force_login(admin_role_user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse(CHANGELIST))
    assert response.content.decode().count("Phóng viên") >= 15


def test_the_user_list_filters_by_role(client, admin_role_user, writer, editor):
    client.force_login(admin_role_user)
    response = client.get(reverse(CHANGELIST), {"role": "Editor"})
    users = list(response.context["cl"].result_list)
    assert users == [editor]
    assert "Biên tập viên" in response.content.decode()


def test_when_the_mail_server_refuses_the_link_waits_in_the_queue_until_it_takes_it(
    client, admin_role_user, settings
):
    # A real SMTP connection to a closed port: the mail server refuses.
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    use_smtp(settings, port, timeout=2)
    settings.POST_OFFICE = {**settings.POST_OFFICE, "RETRY_INTERVAL": timedelta(0)}
    client.force_login(admin_role_user)
    response = client.post(reverse(ADD), new_staff(password1="", password2=""), follow=True)
    assert response.status_code == 200
    assert "Thư có liên kết đặt mật khẩu đã vào hàng gửi" in response.content.decode()
    user = User.objects.get(username="phongvien.moi")
    assert AccountEvent.objects.filter(subject=user, action=Action.PASSWORD_LINK_SENT).exists()

    deliver_mail()  # refused: kept, to be tried again
    assert Email.objects.get().status == STATUS.requeued

    server = WorkingSMTPServer(port=port)  # the mail server is back
    try:
        deliver_mail()
    finally:
        server.stop()
    [(recipients, message)] = server.messages
    assert recipients == ["ha.pham@example.test"]
    assert "/accounts/reset/" in message.get_content()
    assert Email.objects.get().status == STATUS.sent


def test_staff_password_links_point_at_the_site_address_not_the_request_host(
    client, admin_role_user, writer, settings
):
    settings.SITE_URL = "https://bao.example.vn"
    client.force_login(admin_role_user)
    client.post(
        reverse(CHANGELIST),
        {"action": "send_password_link", "_selected_action": [writer.pk]},
        HTTP_HOST="localhost:6666",
    )
    [message] = deliver_mail()
    assert "https://bao.example.vn/accounts/reset/" in message.body
    assert "6666" not in message.body and "localhost" not in message.body
