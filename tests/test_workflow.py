"""The editorial workflow as staff and readers notice it: validation, scheduling, lost
updates, revisions, autosave, preview, corrections, time zones and email."""

import json
import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import workflow
from articles.models import Article, Autosave, Transition
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, AuthorFactory, UserFactory, image_file, role_group
from tests.mail import deliver_mail

pytestmark = pytest.mark.django_db


# Publishing needs a complete article.


def test_publishing_an_incomplete_article_names_each_missing_piece_and_keeps_the_text(
    client, editor
):
    article = ArticleFactory(draft=True, created_by=editor, cover_alt="")
    client.force_login(editor)
    data = article_form_data(
        article,
        **{"bylines-0-DELETE": "on"},
        title="Tiêu đề đã gõ",
        summary="",
        body="<p>&nbsp;</p>",
        cover_image=image_file("bia.jpg"),
        cover_caption="Chú thích đã gõ",
        _workflow="publish",
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    html = response.content.decode()
    for message in (
        "Cần có sapo",
        "Cần có nội dung",
        "Cần có ít nhất một tác giả",
        "Ảnh đại diện cần có văn bản thay thế",
    ):
        assert message in html
    assert "Tiêu đề đã gõ" in html and "Chú thích đã gõ" in html
    article.refresh_from_db()
    assert article.status == Article.State.DRAFT and article.title != "Tiêu đề đã gõ"
    assert not Transition.objects.exists()


def test_a_half_finished_draft_saves_without_publishing_checks(client, writer):
    client.force_login(writer)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Chỉ có tiêu đề",
            "summary": "",
            "body": "",
            "bylines-TOTAL_FORMS": 0,
            "bylines-INITIAL_FORMS": 0,
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.created_by) == (Article.State.DRAFT, writer)


# Scheduling: on its minute, with no worker.


def at(local: str):
    return timezone.make_aware(datetime.strptime(local, "%H:%M:%S %d/%m/%Y"))


def test_a_scheduled_article_appears_on_its_minute(client, editor, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at("19:00:00 20/04/2024"))
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None, title="Hẹn giờ")
    client.force_login(editor)
    data = article_form_data(
        article, _workflow="schedule", published_at_0="20/04/2024", published_at_1="20:15"
    )
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.published_at == at("20:15:00 20/04/2024")

    monkeypatch.setattr(timezone, "now", lambda: at("20:14:59 20/04/2024"))
    assert client.get(article.get_absolute_url()).status_code == 404
    assert not Article.objects.published().filter(pk=article.pk).exists()
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Lên lịch lúc 20:15 20/04/2024" in listing

    monkeypatch.setattr(timezone, "now", lambda: at("20:15:00 20/04/2024"))
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert "Hẹn giờ" in client.get(article.get_absolute_url()).content.decode()
    assert "Hẹn giờ" in client.get(reverse("articles:home")).content.decode()


def test_scheduling_in_the_past_is_refused_on_the_time_field(client, editor):
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None)
    client.force_login(editor)
    data = article_form_data(
        article, _workflow="schedule", published_at_0="01/01/2020", published_at_1="08:00"
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "Hãy chọn thời điểm xuất bản trong tương lai" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.State.REVIEW


def test_a_workflow_button_saves_once_one_version_one_revision(client, editor):
    """The typed change and the transition are one save: one version, one revision."""
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None)
    versions_before = Version.objects.get_for_object(article).count()
    client.force_login(editor)
    data = article_form_data(article, summary="Sapo sửa khi xuất bản.", _workflow="publish")
    assert client.post(change_url(article), data).status_code == 302
    published = Article.objects.get(pk=article.pk)
    assert published.version == article.version + 1
    assert published.summary == "Sapo sửa khi xuất bản." and published.is_published()
    kept = Version.objects.get_for_object(article)
    assert kept.count() == versions_before + 1
    assert kept.first().revision.comment == "Xuất bản"
    assert kept.first().field_dict["status"] == "published"


def test_a_new_article_submitted_from_the_add_form_is_one_save(client, writer):
    client.force_login(writer)
    data = {
        "title": "Bài mới gửi duyệt ngay",
        "summary": "Sapo của bài mới.",
        "body": "<p>Nội dung bài mới.</p>",
        "bylines-TOTAL_FORMS": 1,
        "bylines-INITIAL_FORMS": 0,
        "bylines-0-author": AuthorFactory().pk,
        "bylines-0-position": 0,
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
        "_workflow": "submit",
    }
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get(title="Bài mới gửi duyệt ngay")
    assert article.status == Article.State.REVIEW and article.version == 1
    assert Version.objects.get_for_object(article).count() == 1
    assert list(article.transitions.values_list("action", "by")) == [("submit", writer.pk)]


def test_withdrawn_article_can_be_published_again(client, editor):
    article = ArticleFactory(status=Article.State.WITHDRAWN)
    client.force_login(editor)
    response = client.post(change_url(article), article_form_data(article, _workflow="republish"))
    assert response.status_code == 302
    assert client.get(article.get_absolute_url()).status_code == 200
    actions = list(Transition.objects.values_list("action", "to_status"))
    assert actions == [("republish", "published")]


def test_an_action_the_state_no_longer_allows_is_refused_and_the_typing_kept(client, editor):
    """Two editors had the article open; the other one published it first."""
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None)
    stale_form = article_form_data(
        article, summary="Sapo biên tập viên thứ hai vừa sửa.", _workflow="publish"
    )
    other_editor = UserFactory(username="bientap2", is_staff=True)
    other_editor.groups.add(role_group("Editor"))
    workflow.perform("publish", article=article, by=other_editor)
    client.force_login(editor)
    response = client.post(change_url(article), stale_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "không thể “Xuất bản”" in html
    assert "Sapo biên tập viên thứ hai vừa sửa." in html
    article.refresh_from_db()
    assert article.summary != "Sapo biên tập viên thứ hai vừa sửa."
    assert list(Transition.objects.values_list("action", flat=True)) == ["publish"]


# Two people, one article.


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_text(client, writer, editor):
    editor.first_name, editor.last_name = "Hoa", "Phạm"
    editor.save()
    article = ArticleFactory(draft=True, created_by=writer, title="Tiêu đề gốc")
    client.force_login(writer)
    client.post(change_url(article), article_form_data(article))  # the first revision
    article.refresh_from_db()
    # Both open the form at the same version.
    writers_form = article_form_data(article, body="<p>Đoạn phóng viên vừa gõ.</p>")
    editors_form = article_form_data(article, title="Tiêu đề biên tập")

    client.force_login(editor)
    assert client.post(change_url(article), editors_form).status_code == 302

    client.force_login(writer)
    response = client.post(change_url(article), writers_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hoa Phạm đã lưu bài này lúc" in html  # who saved in between
    assert re.search(r"Họ đã thay đổi: [^.]*tiêu đề", html)  # what they changed
    assert "Đoạn phóng viên vừa gõ." in html  # what the writer typed is still there
    article.refresh_from_db()
    assert article.title == "Tiêu đề biên tập"
    assert "Đoạn phóng viên vừa gõ." not in article.body

    # Saving again, having read the message, is a deliberate overwrite.
    again = response.context["adminform"].form.data.copy()
    assert client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert "Đoạn phóng viên vừa gõ." in article.body


# Revisions.


def test_history_compares_two_revisions_and_restore_does_not_publish(client, editor):
    article = ArticleFactory(draft=True, title="Mưa lớn ở Ninh Sơn", body="<p>Mưa kéo dài.</p>")
    client.force_login(editor)
    client.post(change_url(article), article_form_data(article))
    article.refresh_from_db()
    client.post(
        change_url(article),
        article_form_data(article, title="Mưa lớn ở Bác Ái", body="<p>Mưa kéo dài hai ngày.</p>"),
    )
    old, new = Version.objects.get_for_object(article).order_by("pk")

    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    assert "Khôi phục phiên bản này" in history.content.decode()
    assert "Đã thay đổi: tiêu đề, nội dung" in history.content.decode()

    compare = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"a": old.pk, "b": new.pk}
    )
    html = compare.content.decode()
    assert "<del>Ninh Sơn</del><ins>Bác Ái</ins>" in html
    assert "<del>dài.</del><ins>dài hai ngày.</ins>" in html

    response = client.post(reverse("admin:articles_article_restore", args=[article.pk, old.pk]))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Mưa lớn ở Ninh Sơn", Article.State.DRAFT)
    assert Version.objects.get_for_object(article).count() == 3


def test_history_lists_each_transition_with_its_note(client, writer, editor):
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None, created_by=writer)
    workflow.perform("return", article=article, by=editor, note="Bổ sung ảnh hiện trường.")
    client.force_login(writer)
    html = client.get(reverse("admin:articles_article_history", args=[article.pk])).content
    assert "Bổ sung ảnh hiện trường." in html.decode()
    # ... and the writer sees the note on the article itself.
    page = client.get(change_url(article)).content.decode()
    assert "Bổ sung ảnh hiện trường." in page and "Trả lại bởi" in page


# Autosave.


def test_autosave_keeps_the_typing_without_a_revision_and_offers_it_back(client, writer):
    article = ArticleFactory(draft=True, created_by=writer, title="Bản đã lưu")
    client.force_login(writer)
    response = client.post(
        reverse("admin:articles_article_autosave"),
        {"article": article.pk, "title": "Bản đang gõ", "body": "<p>Câu chưa lưu</p>"},
    )
    assert response.status_code == 200 and "saved_at" in response.json()
    article.refresh_from_db()
    assert article.title == "Bản đã lưu"
    assert not Version.objects.get_for_object(article).exists()

    page = client.get(change_url(article)).content.decode()
    assert 'id="autosave-offer"' in page
    offered = re.search(r'<script id="autosave-data" type="application/json">(.*?)</script>', page)
    assert json.loads(offered.group(1))["body"] == "<p>Câu chưa lưu</p>"

    client.post(change_url(article), article_form_data(article, title="Bản đang gõ"))
    assert not Autosave.objects.exists()  # saved: nothing left to offer


def test_saving_one_article_keeps_the_autosave_of_a_new_unsaved_one(client, writer):
    article = ArticleFactory(draft=True, created_by=writer, title="Bài cũ")
    client.force_login(writer)
    client.post(
        reverse("admin:articles_article_autosave"),
        {"article": "", "title": "Bài mới chưa lưu", "body": "<p>Đoạn đầu</p>"},
    )
    client.post(change_url(article), article_form_data(article, title="Bài cũ đã sửa"))
    assert Autosave.objects.get(user=writer, article=None).data["title"] == "Bài mới chưa lưu"


def test_autosave_refuses_someone_elses_article(client, writer):
    article = ArticleFactory(draft=True)
    client.force_login(writer)
    response = client.post(
        reverse("admin:articles_article_autosave"), {"article": article.pk, "title": "x"}
    )
    assert response.status_code == 403
    assert not Autosave.objects.exists()


def test_autosave_from_a_signed_out_browser_goes_nowhere(client):
    article = ArticleFactory(draft=True)
    response = client.post(
        reverse("admin:articles_article_autosave"), {"article": article.pk, "title": "x"}
    )
    assert response.status_code == 302
    assert not Autosave.objects.exists()


# Preview.


def test_staff_preview_an_unpublished_article_with_a_banner_never_cached_or_indexed(client, writer):
    article = ArticleFactory(draft=True, created_by=writer, title="Bài chưa đăng")
    client.force_login(writer)
    response = client.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài chưa đăng" in html and 'class="preview-banner"' in html
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "application/ld+json" not in html and 'rel="canonical"' not in html
    assert client.get(article.get_absolute_url()).status_code == 404


def test_anonymous_readers_never_reach_a_preview(client):
    article = ArticleFactory(draft=True, title="Bài chưa đăng")
    response = client.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "Bài chưa đăng" not in response.content.decode()


def test_a_writer_cannot_preview_another_writers_article(client, writer):
    article = ArticleFactory(draft=True)
    client.force_login(writer)
    assert client.get(reverse("articles:preview", args=[article.pk])).status_code == 404


# Corrections.


def test_a_correction_goes_live_with_its_public_note_and_time(client, editor, monkeypatch):
    article = ArticleFactory(
        title="Giá điện tăng", body="<p>Giá tăng 5%.</p>", published_at=at("08:00:00 20/04/2024")
    )
    client.force_login(editor)
    refused = client.post(
        change_url(article), article_form_data(article, _workflow="correct", public_note="")
    )
    assert refused.status_code == 200
    assert "Hãy viết ghi chú đính chính" in refused.content.decode()

    monkeypatch.setattr(timezone, "now", lambda: at("09:05:00 21/04/2024"))
    data = article_form_data(
        article,
        body="<p>Giá tăng 3%.</p>",
        _workflow="correct",
        public_note="Bản trước ghi sai mức tăng giá.",
    )
    assert client.post(change_url(article), data).status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Giá tăng 3%." in html
    assert "Bản trước ghi sai mức tăng giá." in html
    assert re.search(r"Cập nhật lúc\s*<time[^>]*>09:05 21/04/2024</time>", html)
    assert 'content="2024-04-21T09:05:00+07:00"' in html  # article:modified_time


# Date-time inputs.


def test_date_time_inputs_name_their_time_zone_and_round_trip_exactly(client, editor):
    article = ArticleFactory(published_at=at("20:15:00 19/04/2024"))
    client.force_login(editor)
    html = client.get(change_url(article)).content.decode()
    assert "giờ Việt Nam, UTC+7" in html
    assert 'value="19/04/2024"' in html and 'value="20:15:00"' in html
    for _ in range(2):
        article.refresh_from_db()
        response = client.post(change_url(article), article_form_data(article))
        assert response.status_code == 302
    article.refresh_from_db()
    assert article.published_at == at("20:15:00 19/04/2024")


def test_publishing_now_stores_whole_seconds_so_the_form_round_trips(client, editor):
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None)
    client.force_login(editor)
    client.post(change_url(article), article_form_data(article, _workflow="publish"))
    article.refresh_from_db()
    published = article.published_at
    assert published.microsecond == 0
    client.post(change_url(article), article_form_data(article))
    article.refresh_from_db()
    assert article.published_at == published


# Email.


def test_editors_and_the_writer_are_told_by_email(
    client, writer, editor, mailoutbox, django_capture_on_commit_callbacks
):
    """Through the mail queue: each transition's mail leaves with the next sender pass."""
    article = ArticleFactory(draft=True, created_by=writer, title="Tin lũ")
    client.force_login(writer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(article), article_form_data(article, _workflow="submit"))
    deliver_mail()
    assert [m.to for m in mailoutbox] == [[editor.email]]
    assert "Tin lũ" in mailoutbox[0].subject and "gửi duyệt" in mailoutbox[0].subject

    article.refresh_from_db()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        data = article_form_data(article, _workflow="return", workflow_note="Thêm số liệu.")
        client.post(change_url(article), data)
    deliver_mail()
    assert mailoutbox[-1].to == [writer.email]
    assert "Thêm số liệu." in mailoutbox[-1].body

    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(article), article_form_data(article, _workflow="publish"))
    deliver_mail()
    assert mailoutbox[-1].to == [writer.email]
    assert "xuất bản" in mailoutbox[-1].subject
    assert change_url(article) in mailoutbox[-1].body


def test_inactive_or_emailless_staff_get_no_mail(writer, mailoutbox):
    editor = UserFactory(username="bientap-nghi", is_staff=True, is_active=False)
    editor.groups.add(*writer.groups.model.objects.filter(name="Editor"))
    article = ArticleFactory(draft=True, created_by=writer, authors=[AuthorFactory()])
    transition = workflow.perform("submit", article=article, by=writer)
    assert workflow.notify(transition) == 0
    assert mailoutbox == []


def test_bulk_publish_uses_the_same_checks(client, editor):
    ready = ArticleFactory(status=Article.State.REVIEW, published_at=None, title="Đủ")
    missing = ArticleFactory(status=Article.State.REVIEW, published_at=None, summary="")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, missing.pk]},
        follow=True,
    )
    assert "Cần có sapo" in response.content.decode()
    ready.refresh_from_db()
    missing.refresh_from_db()
    assert ready.is_published() and missing.status == Article.State.REVIEW
    assert timezone.now() - ready.published_at < timedelta(minutes=1)


@pytest.mark.django_db(transaction=True)
def test_bulk_publish_works_outside_a_test_transaction(client):
    # Row locks (select_for_update) need a transaction; the admin's changelist has none.
    editor = UserFactory(username="bientap2", is_staff=True)
    editor.groups.add(role_group("Editor"))
    ready = ArticleFactory(status=Article.State.REVIEW, published_at=None)
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk]},
    )
    ready.refresh_from_db()
    assert ready.is_published()


def test_autosave_of_a_new_article_is_offered_on_the_add_form(client, writer):
    client.force_login(writer)
    client.post(
        reverse("admin:articles_article_autosave"),
        {"article": "", "title": "Bài mới chưa lưu", "body": "<p>Đoạn đầu</p>"},
    )
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'id="autosave-offer"' in page
    assert Autosave.objects.get(user=writer, article=None).data["title"] == "Bài mới chưa lưu"


# Query counts: the staff pages do not grow with the number of articles or revisions.


def _count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_article_list_takes_the_same_queries_for_5_or_20_articles(
    client, editor, django_assert_num_queries
):
    client.force_login(editor)
    url = reverse("admin:articles_article_changelist")
    ArticleFactory.create_batch(5, updated_by=editor)
    five = _count_queries(client, url)
    ArticleFactory.create_batch(15, updated_by=editor)
    with django_assert_num_queries(five):
        client.get(url)


def test_the_history_page_takes_the_same_queries_for_2_or_8_revisions(
    client, editor, django_assert_num_queries
):
    article = ArticleFactory(draft=True)
    client.force_login(editor)

    def save_again():
        article.refresh_from_db()
        client.post(change_url(article), article_form_data(article))

    url = reverse("admin:articles_article_history", args=[article.pk])
    for _ in range(2):
        save_again()
    two = _count_queries(client, url)
    for _ in range(6):
        save_again()
    with django_assert_num_queries(two):
        client.get(url)
