"""Embargoes by HTTP: nothing publishes an embargoed article, it is scheduled at or after the
embargo (one click for "at"), only an editor-in-chief lifts it early, with a reason that is
recorded and mailed to the desk."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Transition
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, UserFactory, role_group
from tests.mail import deliver_mail

pytestmark = pytest.mark.django_db
State = Article.State


def embargo_time() -> datetime:
    """06:00 on 2 December, two years on: "Cấm đăng trước 06:00 02/12/…"."""
    year = timezone.localtime().year + 2
    return timezone.make_aware(datetime(year, 12, 2, 6, 0))


@pytest.fixture
def chief(db):
    user = UserFactory(username="tongbientap", is_staff=True)
    user.groups.add(role_group("Editor-in-chief"))
    return user


def embargoed(**kwargs) -> Article:
    kwargs.setdefault("status", State.REVIEW)
    kwargs.setdefault("published_at", None)
    return ArticleFactory(embargo_until=embargo_time(), **kwargs)


def press(client, article, action, **fields):
    return client.post(change_url(article), article_form_data(article, _workflow=action, **fields))


@pytest.mark.parametrize("who", ["editor", "chief", "admin_role_user"])
def test_nobody_can_publish_an_embargoed_article_whatever_their_role(client, request, who):
    client.force_login(request.getfixturevalue(who))
    article = embargoed()
    response = press(client, article, "publish")
    assert response.status_code == 200
    assert f"Cấm đăng trước 06:00 02/12/{embargo_time().year}" in response.content.decode()
    article.refresh_from_db()
    assert article.status == State.REVIEW and article.published_at is None
    assert client.get(article.get_absolute_url()).status_code == 404


def test_bulk_publishing_refuses_an_embargoed_article_and_publishes_the_others(client, editor):
    client.force_login(editor)
    held, free = embargoed(), ArticleFactory(status=State.REVIEW, published_at=None)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [held.pk, free.pk]},
        follow=True,
    )
    assert "Cấm đăng trước" in response.content.decode()
    held.refresh_from_db(), free.refresh_from_db()
    assert held.status == State.REVIEW and free.status == State.PUBLISHED


def test_no_workflow_call_publishes_it_either(editor):
    article = embargoed()
    for action in (workflow.Action.PUBLISH, workflow.Action.SCHEDULE):
        with pytest.raises(workflow.TransitionError, match="Cấm đăng|kéo dài"):
            when = embargo_time() - timedelta(minutes=1)
            workflow.perform(action, article=article, by=editor, when=when)
    withdrawn = ArticleFactory(status=State.WITHDRAWN, embargo_until=embargo_time())
    with pytest.raises(workflow.TransitionError):
        workflow.perform(workflow.Action.REPUBLISH, article=withdrawn, by=editor)


def test_it_cannot_be_scheduled_before_the_embargo_lifts(client, editor):
    client.force_login(editor)
    article = embargoed()
    early = timezone.localtime(embargo_time() - timedelta(minutes=1))
    response = press(
        client,
        article,
        "schedule",
        published_at_0=f"{early:%d/%m/%Y}",
        published_at_1=f"{early:%H:%M}",
    )
    assert response.status_code == 200
    assert "Lệnh cấm đăng kéo dài đến 06:00" in response.content.decode()
    article.refresh_from_db()
    assert article.status == State.REVIEW

    at = timezone.localtime(embargo_time())
    response = press(
        client, article, "schedule", published_at_0=f"{at:%d/%m/%Y}", published_at_1="06:00"
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled() and article.published_at == embargo_time()


def test_scheduling_at_the_embargo_time_is_one_click(client, editor):
    client.force_login(editor)
    article = embargoed()
    page = client.get(change_url(article)).content.decode()
    assert 'value="at_embargo"' in page and "Hẹn giờ đăng khi hết lệnh cấm" in page
    response = press(client, article, "at_embargo")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled() and article.published_at == embargo_time()
    transition = Transition.objects.get(article=article)
    assert transition.action == "at_embargo" and transition.by == editor
    # Moved earlier by a plain save later? Refused on the time field.
    early = timezone.localtime(embargo_time() - timedelta(hours=1))
    response = client.post(
        change_url(article),
        article_form_data(article, published_at_1=f"{early:%H:%M:%S}"),
    )
    assert response.status_code == 200
    assert "thời điểm đăng phải từ lúc đó trở đi" in response.content.decode()


def test_the_preview_says_until_when_the_article_is_embargoed(client, editor):
    client.force_login(editor)
    article = embargoed()
    page = client.get(reverse("articles:preview", args=[article.pk])).content.decode()
    assert f"Cấm đăng trước 06:00 02/12/{embargo_time().year}" in page
    assert "Cấm đăng trước" in client.get(change_url(article)).content.decode()


def test_an_editor_cannot_lift_an_embargo(client, editor):
    client.force_login(editor)
    article = embargoed()
    assert 'value="lift_embargo"' not in client.get(change_url(article)).content.decode()
    response = press(client, article, "lift_embargo", embargo_note="Đối tác đồng ý.")
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.embargo_until == embargo_time()


def test_a_plain_save_cannot_end_an_embargo_early_but_may_extend_it(client, editor):
    client.force_login(editor)
    article = embargoed()
    response = client.post(
        change_url(article), article_form_data(article, embargo_until_0="", embargo_until_1="")
    )
    assert response.status_code == 200
    assert "Dỡ lệnh cấm đăng ngay" in response.content.decode()
    article.refresh_from_db()
    assert article.embargo_until == embargo_time()

    later = timezone.localtime(embargo_time() + timedelta(days=1))
    response = client.post(
        change_url(article), article_form_data(article, embargo_until_0=f"{later:%d/%m/%Y}")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.embargo_until == embargo_time() + timedelta(days=1)


def test_a_public_article_cannot_be_embargoed(client, editor):
    client.force_login(editor)
    article = ArticleFactory()  # live
    when = timezone.localtime(embargo_time())
    response = client.post(
        change_url(article),
        article_form_data(article, embargo_until_0=f"{when:%d/%m/%Y}", embargo_until_1="06:00"),
    )
    assert response.status_code == 200
    assert "Bài đã được đăng" in response.content.decode()


@pytest.mark.parametrize("who", ["chief", "admin_role_user"])
def test_an_editor_in_chief_lifts_an_embargo_with_a_reason_recorded_and_mailed(
    client, request, editor, who
):
    lifter = request.getfixturevalue(who)
    client.force_login(lifter)
    article = embargoed()
    assert 'value="lift_embargo"' in client.get(change_url(article)).content.decode()

    response = press(client, article, "lift_embargo", embargo_note="")
    assert response.status_code == 200
    assert "Hãy viết lý do dỡ lệnh cấm đăng sớm" in response.content.decode()
    article.refresh_from_db()
    assert article.embargo_until == embargo_time()

    reason = "Bộ Y tế đã công bố sớm, đối tác đồng ý."
    assert press(client, article, "lift_embargo", embargo_note=reason).status_code == 302
    article.refresh_from_db()
    assert article.embargo_until is None
    transition = Transition.objects.get(article=article, action="lift_embargo")
    assert transition.by == lifter and transition.note == reason
    assert f"06:00 02/12/{embargo_time().year}" in transition.detail
    mails = [m for m in deliver_mail() if "dỡ lệnh cấm" in m.subject.lower()]
    assert mails and editor.email in mails[0].to and reason in mails[0].body
    # And now it can go out.
    assert press(client, article, "publish").status_code == 302
    article.refresh_from_db()
    assert article.is_published()


def test_once_the_embargo_time_has_passed_the_article_publishes(client, editor):
    client.force_login(editor)
    article = ArticleFactory(
        status=State.REVIEW, published_at=None, embargo_until=timezone.now() - timedelta(hours=1)
    )
    assert press(client, article, "publish").status_code == 302
    article.refresh_from_db()
    assert article.is_published()
