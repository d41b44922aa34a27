"""The role × action matrix of DESIGN.md, as HTTP requests against the admin.

Each test asserts what the person gets back AND what the database holds afterwards.
The article in play is the writer's own, so a refusal is the role's, not ownership's.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Tag, Transition
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["writer", "editor", "admin_role_user"]
EDITORS_ONLY = [("writer", False), ("editor", True), ("admin_role_user", True)]


@pytest.fixture
def as_role(request, client, writer):
    """Sign in as the role named by the test's `role` parameter; return that user."""

    def sign_in(role: str):
        user = request.getfixturevalue(role)
        client.force_login(user)
        return user

    return sign_in


def writers_article(writer, **kwargs) -> Article:
    kwargs.setdefault("created_by", writer)
    return ArticleFactory(**kwargs)


@pytest.mark.parametrize("role", ROLES)
def test_article_list_shows_writers_only_their_own(client, as_role, writer, role):
    own = writers_article(writer, title="Bài của tôi", draft=True)
    other_writer = UserFactory(username="phongvien2", is_staff=True)
    other_writer.groups.add(Group.objects.get(name="Writer"))
    ArticleFactory(title="Bài của người khác", draft=True, created_by=other_writer)
    user = as_role(role)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert own.title in html
    assert ("Bài của người khác" in html) is (user != writer)


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_viewing_another_writers_article(client, as_role, role, allowed):
    other_writer = UserFactory(username="phongvien2", is_staff=True)
    other_writer.groups.add(Group.objects.get(name="Writer"))
    article = ArticleFactory(title="Bài người khác", draft=True, created_by=other_writer)
    as_role(role)
    response = client.get(change_url(article))
    if allowed:
        assert response.status_code == 200
        assert "Bài người khác" in response.content.decode()
    else:
        # The admin answers as for a missing article: back to the index, nothing shown.
        assert response.status_code == 302
        assert "Bài người khác" not in client.get(response["Location"]).content.decode()
    # Nor may they change it by posting.
    response = client.post(change_url(article), article_form_data(article, title="Sửa trộm"))
    article.refresh_from_db()
    assert (article.title == "Sửa trộm") is allowed


@pytest.mark.parametrize("role", ROLES)
def test_editing_own_draft_is_allowed_to_every_role(client, as_role, role):
    user = as_role(role)
    article = ArticleFactory(draft=True, created_by=user)
    response = client.post(change_url(article), article_form_data(article, title="Tiêu đề mới"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Tiêu đề mới"
    assert article.updated_by == user
    assert Version.objects.get_for_object(article).count() == 1


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_editing_a_submitted_article(client, as_role, writer, role, allowed):
    article = writers_article(writer, status=Article.State.REVIEW, published_at=None)
    as_role(role)
    response = client.post(change_url(article), article_form_data(article, title="Đã sửa"))
    article.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    assert (article.title == "Đã sửa") is allowed
    if not allowed:  # the writer still reads it, without a way to save
        page = client.get(change_url(article)).content.decode()
        assert article.title in page and 'name="_save"' not in page


@pytest.mark.parametrize("role", ROLES)
def test_submitting_own_draft(client, as_role, role, django_capture_on_commit_callbacks):
    user = as_role(role)
    article = ArticleFactory(draft=True, created_by=user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(article), article_form_data(article, _workflow="submit"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.State.REVIEW
    transition = Transition.objects.get(article=article)
    assert (transition.action, transition.from_status, transition.by) == ("submit", "draft", user)


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_returning_with_a_note(client, as_role, writer, role, allowed):
    article = writers_article(writer, status=Article.State.REVIEW, published_at=None)
    as_role(role)
    data = article_form_data(article, _workflow="return", workflow_note="Thiếu nguồn tin.")
    response = client.post(change_url(article), data)
    article.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    assert article.status == (Article.State.DRAFT if allowed else Article.State.REVIEW)
    notes = list(Transition.objects.filter(article=article).values_list("note", flat=True))
    assert notes == (["Thiếu nguồn tin."] if allowed else [])


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_publishing_now(client, as_role, writer, role, allowed):
    article = writers_article(writer, status=Article.State.REVIEW, published_at=None)
    as_role(role)
    response = client.post(change_url(article), article_form_data(article, _workflow="publish"))
    article.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    assert article.is_published() is allowed
    assert client.get(article.get_absolute_url()).status_code == (200 if allowed else 404)


def test_a_writer_posting_publish_on_own_draft_by_hand_gets_403(client, writer):
    article = writers_article(writer, draft=True, title="Bài nháp")
    client.force_login(writer)
    before = Article.objects.values().get(pk=article.pk)
    response = client.post(change_url(article), article_form_data(article, _workflow="publish"))
    assert response.status_code == 403
    assert Article.objects.values().get(pk=article.pk) == before
    assert not Transition.objects.exists()


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_scheduling(client, as_role, writer, role, allowed):
    article = writers_article(writer, status=Article.State.REVIEW, published_at=None)
    as_role(role)
    when = timezone.localtime() + timedelta(days=2)
    data = article_form_data(
        article,
        _workflow="schedule",
        published_at_0=f"{when:%d/%m/%Y}",
        published_at_1="07:30",
    )
    response = client.post(change_url(article), data)
    article.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    if allowed:
        assert article.status == Article.State.PUBLISHED and article.is_scheduled()
        assert f"{timezone.localtime(article.published_at):%H:%M %d/%m}" == f"07:30 {when:%d/%m}"
    else:
        assert article.status == Article.State.REVIEW and article.published_at is None


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_withdrawing(client, as_role, writer, role, allowed):
    article = writers_article(writer)  # live
    as_role(role)
    data = article_form_data(article, _workflow="withdraw", withdraw_as="silent")
    response = client.post(change_url(article), data)
    article.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    assert article.status == (Article.State.WITHDRAWN if allowed else Article.State.PUBLISHED)
    assert client.get(article.get_absolute_url()).status_code == (404 if allowed else 200)


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_withdrawing_in_bulk(client, as_role, writer, role, allowed):
    articles = [writers_article(writer), writers_article(writer)]
    as_role(role)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "withdraw_selected",
            "_selected_action": [a.pk for a in articles],
            "takedown": "silent",
        },
    )
    assert response.status_code == (302 if allowed else 403)
    statuses = set(Article.objects.values_list("status", flat=True))
    assert statuses == ({"withdrawn"} if allowed else {"published"})


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_restoring_a_revision(client, as_role, writer, role, allowed):
    client.force_login(writer)
    article = writers_article(writer, draft=True, title="Bản đầu")
    client.post(change_url(article), article_form_data(article))
    article.refresh_from_db()
    client.post(change_url(article), article_form_data(article, title="Bản sau"))
    first = Version.objects.get_for_object(article).order_by("pk").first()
    as_role(role)
    response = client.post(reverse("admin:articles_article_restore", args=[article.pk, first.pk]))
    article.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    assert article.title == ("Bản đầu" if allowed else "Bản sau")
    assert Version.objects.get_for_object(article).count() == (3 if allowed else 2)
    assert article.status == Article.State.DRAFT


@pytest.mark.parametrize("role, allowed", EDITORS_ONLY)
def test_managing_tags(client, as_role, role, allowed):
    tag = TagFactory(name="Kinh tế")
    as_role(role)
    url = reverse("admin:articles_tag_change", args=[tag.pk])
    response = client.post(url, {"name": "Kinh tế biển", "slug": tag.slug})
    tag.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    assert tag.name == ("Kinh tế biển" if allowed else "Kinh tế")
    response = client.post(reverse("admin:articles_tag_delete", args=[tag.pk]), {"post": "yes"})
    assert Tag.objects.filter(pk=tag.pk).exists() is not allowed


@pytest.mark.parametrize("role", ROLES)
def test_every_role_may_create_a_new_tag_inline(client, as_role, role):
    as_role(role)
    response = client.post(
        reverse("admin:articles_tag_add") + "?_to_field=id&_popup=1",
        {"name": "Thời tiết", "slug": "", "_popup": "1", "_to_field": "id"},
    )
    assert response.status_code == 200  # the popup's "done" page
    assert Tag.objects.filter(name="Thời tiết").exists()
