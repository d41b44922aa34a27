"""The audit log by HTTP: one filterable page for admins with who published, withdrew,
lifted an embargo, changed a role, reset a second factor and made a preview link; a CSV
export; nobody edits or deletes its entries, admins and superusers included."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountEvent
from articles import workflow
from articles.editorial import preview_links
from articles.models import Article, Transition
from tests import otp
from tests.factories import ArticleFactory, UserFactory, role_group

pytestmark = pytest.mark.django_db
AUDIT = "/admin/articles/auditentry/"


@pytest.fixture
def history(editor, admin_role_user, writer):
    """A day at the desk: each kind of recorded action once."""
    chief = UserFactory(username="tongbientap", is_staff=True)
    chief.groups.add(role_group("Editor-in-chief"))
    published = ArticleFactory(title="Bài được xuất bản", status="review", published_at=None)
    workflow.perform("publish", article=published, by=editor)
    withdrawn = ArticleFactory(title="Bài bị gỡ")
    workflow.perform(
        "withdraw", article=withdrawn, by=editor, takedown="notice", note="Thông tin sai."
    )
    held = ArticleFactory(
        title="Bài cấm đăng",
        status="review",
        published_at=None,
        embargo_until=timezone.now() + timedelta(days=1),
    )
    workflow.perform("lift_embargo", article=held, by=chief, note="Đối tác đồng ý.")
    preview_links.create(article=held, by=editor, recipient="Báo bạn", hours=24)
    admin_client = Client()
    admin_client.force_login(admin_role_user)
    change = reverse("admin:auth_user_change", args=[writer.pk])
    page = admin_client.get(change)
    data = {
        **{k: v for k, v in page.context["adminform"].form.initial.items() if v is not None},
        "role": "Editor",
        "is_active": "on",
    }
    data.pop("password", None)
    data.pop("groups", None)
    data.pop("user_permissions", None)
    data.pop("last_login", None)
    data.pop("date_joined", None)
    assert admin_client.post(change, data).status_code == 302
    otp.enrol(editor)
    admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [editor.pk]},
    )
    return admin_client


def rows(page) -> list[dict]:
    return list(page.context["page_obj"].object_list)


def test_admins_see_every_kind_of_action_in_one_log(history):
    page = history.get(AUDIT)
    assert page.status_code == 200
    labels = {row["label"] for row in rows(page)}
    assert {
        "Xuất bản",
        "Gỡ bài",
        "Dỡ lệnh cấm đăng ngay",
        "Tạo liên kết xem trước",
        "Đổi vai trò",
        "Quản trị viên đặt lại đăng nhập hai bước",
    } <= {str(label) for label in labels}
    html = page.content.decode()
    assert "Đối tác đồng ý." in html and "Thông tin sai." in html
    # Newest first.
    times = [row["e_at"] for row in rows(page)]
    assert times == sorted(times, reverse=True)


def test_the_log_filters_by_records_action_person_and_text(history, editor):
    only_accounts = rows(history.get(AUDIT, {"kind": "account"}))
    assert only_accounts and {row["e_kind"] for row in only_accounts} == {"account"}
    lifts = rows(history.get(AUDIT, {"action": "article:lift_embargo"}))
    assert [row["e_subject"] for row in lifts] == ["Bài cấm đăng"]
    by_editor = rows(history.get(AUDIT, {"person": editor.username}))
    assert by_editor and {row["e_actor"] for row in by_editor} == {editor.username}
    found = rows(history.get(AUDIT, {"q": "Thông tin sai"}))
    assert [row["e_subject"] for row in found] == ["Bài bị gỡ"]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert rows(history.get(AUDIT, {"since": tomorrow})) == []


def test_the_log_exports_as_csv_with_the_filters_and_no_formulas(history, editor):
    article = ArticleFactory(
        title='=HYPERLINK("http://evil.example")', status="review", published_at=None
    )
    workflow.perform("publish", article=article, by=editor)
    response = history.get(AUDIT, {"kind": "article", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][0] == "Thời điểm"
    subjects = [line[4] for line in table[1:]]
    assert "Bài được xuất bản" in subjects and "Bài bị gỡ" in subjects
    assert '\'=HYPERLINK("http://evil.example")' in subjects
    assert all(line[1] == "Bài viết" for line in table[1:])


@pytest.mark.parametrize("role", ["writer", "editor"])
def test_only_admins_read_the_log(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(AUDIT).status_code == 403
    assert client.get(AUDIT + "?format=csv").status_code == 403


def test_nobody_changes_or_deletes_an_entry_not_even_a_superuser(client, history, editor):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)
    assert client.get(AUDIT).status_code == 200
    transition = Transition.objects.first()
    event = AccountEvent.objects.first()
    for url in (
        f"{AUDIT}{transition.pk}/change/",
        f"{AUDIT}{transition.pk}/delete/",
        "/admin/articles/transition/",
        "/admin/articles/correction/",
        "/admin/articles/previewlink/",
        "/admin/otp_totp/totpdevice/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("admin:accounts_accountevent_change", args=[event.pk]),
        reverse("admin:accounts_accountevent_delete", args=[event.pk]),
    ):
        response = client.post(url, {"post": "yes"})
        assert response.status_code in (302, 403), url
    assert AccountEvent.objects.filter(pk=event.pk).exists()
    bulk = client.post(
        reverse("admin:accounts_accountevent_changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert AccountEvent.objects.filter(pk=event.pk).exists()
    assert Transition.objects.count() >= 3 and Article.objects.count() >= 3
