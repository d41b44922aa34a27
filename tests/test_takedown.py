"""Takedowns by HTTP: withdrawing chooses a public notice (410 with the date and reason) or
silence (404); either way the article leaves every public list at once, its attachments
stop downloading, and no cached copy of it is served."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, OldSlug, Transition
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, AttachmentFactory, TagFactory

pytestmark = pytest.mark.django_db
State = Article.State
REASON = "Gỡ theo yêu cầu của cơ quan chức năng."


@pytest.fixture
def diagnostics(settings):
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True


def withdraw(desk, article, **fields):
    data = article_form_data(article, _workflow="withdraw", **fields)
    return desk.post(change_url(article), data)


def test_a_public_notice_answers_410_with_the_date_and_the_reason(client, desk, editor):
    article = ArticleFactory(title="Thông tin cần gỡ")
    response = withdraw(desk, article, withdraw_as="notice", withdraw_reason=REASON)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == State.WITHDRAWN and article.takedown == "notice"

    page = client.get(article.get_absolute_url())
    assert page.status_code == 410
    html = page.content.decode()
    assert "Bài viết đã bị gỡ" in html and REASON in html
    assert f"{timezone.localtime(article.withdrawn_at):%H:%M %d/%m/%Y}" in html
    assert "Thông tin cần gỡ" not in html  # the notice does not repeat what was taken down
    assert '<meta name="robots" content="noindex">' in html
    transition = Transition.objects.get(article=article, action="withdraw")
    assert transition.note == REASON and "410" in transition.detail


def test_a_silent_takedown_answers_404(client, desk):
    article = ArticleFactory()
    assert (
        withdraw(desk, article, withdraw_as="silent", withdraw_reason="Vụ kiện").status_code == 302
    )
    assert client.get(article.get_absolute_url()).status_code == 404
    article.refresh_from_db()
    assert article.takedown == "silent" and article.takedown_reason == ""
    # The reason stays in the record, for the newsroom only.
    assert Transition.objects.get(article=article, action="withdraw").note == "Vụ kiện"


def test_withdrawing_needs_the_choice_and_a_notice_needs_its_reason(desk):
    article = ArticleFactory()
    response = withdraw(desk, article)
    assert response.status_code == 200
    assert "Hãy chọn địa chỉ của bài sẽ hiển thị gì" in response.content.decode()
    response = withdraw(desk, article, withdraw_as="notice", withdraw_reason="  ")
    assert response.status_code == 200
    assert "Hãy viết lý do bạn đọc sẽ thấy" in response.content.decode()
    article.refresh_from_db()
    assert article.is_published()


def test_bulk_withdrawing_asks_for_the_same_choice(client, desk):
    articles = [ArticleFactory(), ArticleFactory()]
    changelist = reverse("admin:articles_article_changelist")
    selected = [a.pk for a in articles]
    desk.post(changelist, {"action": "withdraw_selected", "_selected_action": selected})
    assert set(Article.objects.values_list("status", flat=True)) == {State.PUBLISHED}
    desk.post(
        changelist,
        {
            "action": "withdraw_selected",
            "_selected_action": selected,
            "takedown": "notice",
            "reason": REASON,
        },
    )
    for article in articles:
        page = client.get(article.get_absolute_url())
        assert page.status_code == 410 and REASON in page.content.decode()


def test_a_withdrawn_article_leaves_every_public_list_at_once(client, desk, diagnostics):
    tag = TagFactory(name="Pháp luật")
    article = ArticleFactory(title="Bài sắp bị gỡ", tags=[tag])
    pages = [
        "/",
        tag.get_absolute_url(),
        reverse("articles:feed"),
        reverse("articles:tag_feed", args=[tag.slug]),
        "/search/?q=sắp bị gỡ",
        reverse("articles:news_sitemap"),
        reverse("articles:sitemap_section", args=["articles"]),
        article.bylines.first().author.get_absolute_url(),
    ]
    for url in pages:
        client.get(url)
        cached = client.get(url)
        assert cached["X-Cache"] == "HIT", url
        assert article.slug in cached.content.decode() or "Bài sắp bị gỡ" in cached.content.decode()
    withdraw(desk, article, withdraw_as="silent")
    for url in pages:
        response = client.get(url)
        assert response["X-Cache"] == "MISS", url
        html = response.content.decode()
        assert article.slug not in html and "Bài sắp bị gỡ" not in html, url


def test_no_cached_copy_of_a_withdrawn_article_is_served_and_the_notice_is_cached(
    client, desk, diagnostics
):
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Cache"] == "HIT"
    withdraw(desk, article, withdraw_as="notice", withdraw_reason=REASON)
    first = client.get(article.get_absolute_url())
    assert first.status_code == 410 and first["X-Cache"] == "MISS"
    second = client.get(article.get_absolute_url())
    assert second.status_code == 410 and second["X-Cache"] == "HIT"  # a page like the others


def test_its_attachments_stop_downloading(client, desk):
    attachment = AttachmentFactory()
    url = attachment.get_absolute_url()
    assert client.get(url).status_code == 200
    withdraw(desk, attachment.article, withdraw_as="notice", withdraw_reason=REASON)
    assert client.get(url).status_code == 404


def test_an_old_address_of_a_withdrawn_article_answers_the_notice_too(client, desk):
    article = ArticleFactory()
    OldSlug.objects.create(article=article, slug="dia-chi-cu")
    withdraw(desk, article, withdraw_as="notice", withdraw_reason=REASON)
    assert client.get("/articles/dia-chi-cu/").status_code == 410


def test_publishing_again_ends_the_notice(client, desk):
    article = ArticleFactory()
    withdraw(desk, article, withdraw_as="notice", withdraw_reason=REASON)
    article.refresh_from_db()
    response = desk.post(change_url(article), article_form_data(article, _workflow="republish"))
    assert response.status_code == 302
    assert client.get(article.get_absolute_url()).status_code == 200
    article.refresh_from_db()
    assert article.takedown == "" and article.takedown_reason == ""


def test_a_writer_cannot_withdraw(client, writer):
    article = ArticleFactory(created_by=writer)
    client.force_login(writer)
    response = withdraw(client, article, withdraw_as="silent")
    assert response.status_code == 403
