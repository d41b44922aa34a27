import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AttachmentFactory,
    AuthorFactory,
    TagFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

SAIGON = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def article():
    article = ArticleFactory(
        title="Đảng bộ Tp. Phan Rang - Tháp Chàm tổng kết năm",
        summary="Thành phố hoàn thành các chỉ tiêu chính của năm.",
        body=(
            "<p>Đoạn mở đầu của bài.</p>"
            '<figure class="image"><img src="/media/uploads/x.jpg" alt="Quảng trường">'
            "<figcaption>Quảng trường 16/4 về đêm.</figcaption></figure>"
            "<p>Đoạn kết của bài.</p>"
        ),
        # 13:15 UTC is 20:15 in Vietnam (UTC+7).
        published_at=datetime.datetime(2024, 4, 19, 13, 15, tzinfo=datetime.UTC),
        authors=[AuthorFactory(name="Nguyễn Thị Lan"), AuthorFactory(name="Hải Đăng")],
        tags=[TagFactory(name="Thời sự"), TagFactory(name="Xây dựng Đảng")],
        cover_image=image_file("bia.jpg"),
        cover_caption="Một góc thành phố hôm nay.",
        cover_alt="Phố phường nhìn từ trên cao",
    )
    AttachmentFactory(article=article, title="Kế hoạch năm 2024")
    return article


def test_article_page_shows_every_part_in_reading_order(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()

    order = [
        "Đăng nhập",
        "<h1",
        "Đảng bộ Tp. Phan Rang - Tháp Chàm tổng kết năm",
        '<time datetime="2024-04-19T20:15:00+07:00">20:15 19/04/2024</time>',
        "Nguyễn Thị Lan",
        "Hải Đăng",
        "Thành phố hoàn thành các chỉ tiêu chính của năm.",
        "<figure",
        "Một góc thành phố hôm nay.</figcaption>",
        "Đoạn mở đầu của bài.",
        "Quảng trường 16/4 về đêm.</figcaption>",
        "Tag:",
        "Thời sự",
        "Xây dựng Đảng",
        "File đính kèm",
        "Kế hoạch năm 2024",
    ]
    position = html.index("<body")
    for piece in order:
        found = html.find(piece, position)
        assert found != -1, f"{piece!r} missing, or not after what precedes it"
        position = found + len(piece)


def test_article_page_links_byline_tags_and_attachments(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    for author in article.authors.all():
        assert f'href="{author.get_absolute_url()}"' in html
    for tag in article.tags.all():
        assert f'href="{tag.get_absolute_url()}"' in html
    attachment = article.attachments.get()
    assert f'href="{attachment.get_absolute_url()}"' in html
    assert re.search(r"\(PDF, \d+\s+byte\)", html)


def test_cover_is_a_figure_with_alt_text_and_caption(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    cover = re.search(r'<figure class="article__cover">.*?</figure>', html, re.S).group(0)
    assert 'alt="Phố phường nhìn từ trên cao"' in cover
    assert 'width="640" height="360"' in cover
    assert "<figcaption>Một góc thành phố hôm nay.</figcaption>" in cover


def test_time_is_shown_in_vietnam_time_whatever_the_server_zone(client, settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    late = ArticleFactory(published_at=datetime.datetime(2024, 12, 31, 18, 30, tzinfo=datetime.UTC))
    html = client.get(late.get_absolute_url()).content.decode()
    assert "01:30 01/01/2025" in html


@pytest.mark.parametrize(
    "state",
    [
        {"status": Article.State.DRAFT, "published_at": None},
        {"status": Article.State.REVIEW, "published_at": None},
        {"status": Article.State.WITHDRAWN},
        {"published_at": datetime.datetime(2999, 1, 1, tzinfo=SAIGON)},
    ],
    ids=["draft", "review", "withdrawn", "scheduled"],
)
def test_anonymous_user_cannot_see_unpublished_article(client, state):
    article = ArticleFactory(**state)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert article.title not in response.content.decode()


def test_unknown_slug_gives_the_styled_404(client):
    response = client.get("/articles/khong-co-bai-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "css/site.css" in html


def test_home_lists_only_public_articles_newest_first(client):
    older = ArticleFactory(
        title="Tin hôm qua", published_at=datetime.datetime(2024, 1, 1, tzinfo=SAIGON)
    )
    newer = ArticleFactory(
        title="Tin hôm nay", published_at=datetime.datetime(2024, 1, 2, tzinfo=SAIGON)
    )
    ArticleFactory(title="Bản nháp bí mật", draft=True)
    html = client.get(reverse("articles:home")).content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert "Bản nháp bí mật" not in html


def test_attachment_downloads_under_its_vietnamese_name(client, article):
    attachment = article.attachments.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert "filename*=utf-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_attachment_of_a_draft_is_not_public(client):
    attachment = AttachmentFactory(article=ArticleFactory(draft=True))
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_a_writer_downloads_their_own_drafts_attachment_but_not_another_writers(client, writer):
    own = AttachmentFactory(article=ArticleFactory(draft=True, created_by=writer))
    others = AttachmentFactory(article=ArticleFactory(draft=True))
    client.force_login(writer)
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(others.get_absolute_url()).status_code == 404


def test_staff_can_download_the_attachment_of_a_draft(client, editor):
    attachment = AttachmentFactory(article=ArticleFactory(draft=True))
    client.force_login(editor)
    assert client.get(attachment.get_absolute_url()).status_code == 200


def test_tag_and_author_pages_list_their_public_articles(client, article):
    tag = article.tags.first()
    author = article.ordered_authors[0]
    assert article.title in client.get(tag.get_absolute_url()).content.decode()
    assert article.title in client.get(author.get_absolute_url()).content.decode()
    assert client.get("/tags/khong-co/").status_code == 404
