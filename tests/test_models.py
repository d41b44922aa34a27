from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Tag
from tests.factories import ArticleFactory, AuthorFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_slug_is_generated_from_the_vietnamese_title():
    article = ArticleFactory(title="Đảng bộ Tp. Phan Rang - Tháp Chàm: nâng cao chất lượng")
    assert article.slug == "dang-bo-tp-phan-rang-thap-cham-nang-cao-chat-luong"


def test_articles_with_the_same_title_get_distinct_slugs():
    first = ArticleFactory(title="Mưa lớn ở Ninh Sơn")
    second = ArticleFactory(title="Mưa lớn ở Ninh Sơn")
    assert first.slug == "mua-lon-o-ninh-son"
    assert second.slug == "mua-lon-o-ninh-son-2"


def test_a_title_with_no_letters_still_gets_a_slug():
    assert ArticleFactory(title="!!!").slug == "bai-viet"


def test_editing_the_title_keeps_the_slug_readers_already_link_to():
    article = ArticleFactory(title="Tin cũ")
    article.title = "Tin mới"
    article.save()
    assert article.slug == "tin-cu"


def test_only_published_articles_whose_time_has_come_are_public():
    now = timezone.now()
    public = ArticleFactory(published_at=now - timedelta(minutes=1))
    ArticleFactory(draft=True)
    ArticleFactory(status=Article.State.REVIEW, published_at=None)
    ArticleFactory(status=Article.State.WITHDRAWN, published_at=now - timedelta(days=1))
    scheduled = ArticleFactory(published_at=now + timedelta(minutes=5))

    assert list(Article.objects.published()) == [public]
    assert public.is_published()
    assert not scheduled.is_published()


def test_tag_names_are_unique_regardless_of_case():
    TagFactory(name="Kinh tế")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(name="KINH TẾ")


def test_tag_validation_names_the_case_insensitive_clash():
    TagFactory(name="Giáo dục")
    with pytest.raises(ValidationError, match="không phân biệt chữ hoa, chữ thường"):
        Tag(name="giáo dục").full_clean()


def test_body_is_sanitized_whoever_saves_it():
    article = ArticleFactory(
        body='<p onclick="steal()">Tin <script>alert(1)</script>'
        '<a href="javascript:x()">xem</a></p>'
    )
    article.refresh_from_db()
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "javascript:" not in article.body
    assert "Tin" in article.body


def test_byline_keeps_the_authors_in_the_order_given():
    first, second = AuthorFactory(name="Hoàng Anh"), AuthorFactory(name="Bùi Lâm")
    article = ArticleFactory(authors=[second, first])
    assert [a.name for a in article.ordered_authors] == ["Bùi Lâm", "Hoàng Anh"]


def test_author_slug_folds_vietnamese():
    assert AuthorFactory(name="Đặng Thùy Trâm").slug == "dang-thuy-tram"


def test_a_published_article_always_has_a_publication_time():
    """Neither live nor scheduled, it would be hidden from readers yet listed as published."""
    article = ArticleFactory.build(status=Article.State.PUBLISHED, published_at=None)
    with pytest.raises(ValidationError) as raised:
        article.full_clean()
    assert "Bài đã xuất bản phải có thời gian xuất bản." in str(raised.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()
    ArticleFactory(draft=True).save()  # a draft needs none
