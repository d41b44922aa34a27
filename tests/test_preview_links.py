"""Signed, expiring preview links by HTTP: an editor makes one for a partner, the partner sees
the preview (noindex, never cached, no staff controls), every opening is logged, and an
expired or revoked link is a page saying so (410), never the article."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.editorial import preview_links
from articles.models import Article, PreviewLink, PreviewLinkOpening
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
State = Article.State
BODY = "Nội dung độc quyền chưa đăng."


def links_url(article) -> str:
    return reverse("admin:articles_article_preview_links", args=[article.pk])


def make_link(desk, article, recipient="Báo Thanh Niên, ban thời sự", hours=24) -> str:
    response = desk.post(links_url(article), {"recipient": recipient, "hours": hours})
    assert response.status_code == 302
    link = PreviewLink.objects.filter(article=article).latest("id")
    return preview_links.url_for(link)


def draft() -> Article:
    return ArticleFactory(status=State.REVIEW, published_at=None, body=f"<p>{BODY}</p>")


def test_an_editor_makes_a_link_and_the_partner_sees_the_preview(client, desk, editor):
    article = draft()
    assert "Liên kết xem trước" in desk.get(change_url(article)).content.decode()
    url = make_link(desk, article)
    listed = desk.get(links_url(article)).content.decode()
    assert url in listed and "Báo Thanh Niên" in listed

    response = client.get(url, HTTP_USER_AGENT="Trình duyệt đối tác", REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 200
    html = response.content.decode()
    assert BODY in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    # No staff controls: no way back into the newsroom, no sign-in box.
    assert "/admin/" not in html and "Quay lại biên tập" not in html
    assert 'class="user-nav"' not in html
    (opening,) = PreviewLinkOpening.objects.all()
    assert opening.ip_address == "203.0.113.50" and opening.user_agent == "Trình duyệt đối tác"
    assert opening.shown


def test_each_opening_is_logged_the_page_cache_never_answers_for_it(client, desk, settings):
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True
    url = make_link(desk, draft())
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200 and "X-Cache" not in response
    assert PreviewLinkOpening.objects.count() == 3


def test_an_embargoed_article_shows_its_embargo_to_the_partner(client, desk):
    embargo = timezone.now() + timedelta(days=3)
    article = ArticleFactory(status=State.REVIEW, published_at=None, embargo_until=embargo)
    html = client.get(make_link(desk, article)).content.decode()
    assert "Cấm đăng trước" in html


def test_an_expired_link_says_so_and_never_shows_the_article(client, desk):
    article = draft()
    url = make_link(desk, article, hours=1)
    PreviewLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "đã hết hạn" in html and BODY not in html and article.title not in html
    assert not PreviewLinkOpening.objects.get().shown  # the attempt is logged too


def test_a_revoked_link_says_so(client, desk):
    article = draft()
    url = make_link(desk, article)
    link = PreviewLink.objects.get()
    revoke = reverse("admin:articles_article_revoke_preview_link", args=[article.pk, link.pk])
    assert desk.get(revoke).status_code == 405
    assert desk.post(revoke).status_code == 302
    response = client.get(url)
    assert response.status_code == 410
    assert "Tòa soạn đã thu hồi" in response.content.decode()
    assert BODY not in response.content.decode()


def test_a_made_up_or_tampered_address_is_not_found(client, desk):
    url = make_link(desk, draft())
    token = url.rstrip("/").rsplit("/", 1)[1]
    for bad in ("khong-phai", token[:-1] + ("A" if token[-1] != "A" else "B")):
        assert client.get(reverse("articles:shared_preview", args=[bad])).status_code == 404
    other = preview_links.signing.dumps(9999, salt="another-salt")
    assert client.get(reverse("articles:shared_preview", args=[other])).status_code == 404


def test_a_withdrawn_article_is_not_shown_through_its_old_link(client, desk):
    article = ArticleFactory(scheduled=True, body=f"<p>{BODY}</p>")
    url = make_link(desk, article)
    article.refresh_from_db()
    data = article_form_data(article, _workflow="withdraw", withdraw_as="silent")
    assert desk.post(change_url(article), data).status_code == 302
    response = client.get(url)
    assert response.status_code == 410 and BODY not in response.content.decode()


def test_once_published_the_link_leads_to_the_public_article(client, desk):
    article = draft()
    url = make_link(desk, article)
    article.refresh_from_db()
    assert desk.post(change_url(article), article_form_data(article, _workflow="publish"))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()


def test_a_public_article_gets_no_preview_link(desk):
    article = ArticleFactory()
    response = desk.post(links_url(article), {"recipient": "Ai đó", "hours": 24}, follow=True)
    assert "Chỉ bài chưa đăng" in response.content.decode()
    assert not PreviewLink.objects.exists()


def test_writers_cannot_make_or_revoke_links(client, writer, desk):
    article = draft()
    article.created_by = writer
    article.save()
    make_link(desk, article)
    link = PreviewLink.objects.get()
    client.force_login(writer)
    assert client.post(links_url(article), {"recipient": "x", "hours": 24}).status_code == 403
    revoke = reverse("admin:articles_article_revoke_preview_link", args=[article.pk, link.pk])
    assert client.post(revoke).status_code in (403, 404)
    link.refresh_from_db()
    assert link.revoked_at is None and PreviewLink.objects.count() == 1
