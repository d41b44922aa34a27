"""Search: accent-insensitive, whole words, ranked; the same tests on PostgreSQL and SQLite."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


def found(client, query: str) -> list[str]:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return [article.title for article in response.context["article_list"]]


@pytest.fixture
def cham():
    return ArticleFactory(
        title="Lễ hội ở Tháp Chàm",
        summary="Người dân đổ về quảng trường.",
        body="<p>Không khí rộn ràng.</p>",
    )


@pytest.mark.parametrize("query", ["thap cham", "Tháp Chàm", "THÁP CHÀM", "tháp  CHAM"])
def test_search_finds_the_same_article_with_or_without_diacritics(client, cham, query):
    ArticleFactory(title="Mưa lớn ở Ninh Sơn", summary="Nước dâng.", body="<p>Ngập.</p>")
    assert found(client, query) == ["Lễ hội ở Tháp Chàm"]


def test_search_folds_the_vietnamese_d(client):
    ArticleFactory(title="Đảng bộ tỉnh tổng kết năm", summary="", body="")
    assert found(client, "dang bo") == ["Đảng bộ tỉnh tổng kết năm"]
    assert found(client, "ĐẢNG BỘ") == ["Đảng bộ tỉnh tổng kết năm"]


def test_search_looks_in_lead_and_body_too(client):
    ArticleFactory(title="Tin một", summary="Giá thanh long tăng mạnh.", body="")
    ArticleFactory(title="Tin hai", summary="", body="<p>Nông dân trồng <b>thanh long</b>.</p>")
    assert sorted(found(client, "thanh long")) == ["Tin hai", "Tin một"]


def test_search_needs_every_word_and_matches_whole_words(client, cham):
    assert found(client, "tháp chàm quảng trường") == ["Lễ hội ở Tháp Chàm"]
    assert found(client, "tháp nhà") == []
    assert found(client, "tha") == []  # part of a word is not a word


def test_search_does_not_match_html_markup_of_the_body(client):
    ArticleFactory(title="Bài có bảng", summary="", body="<p><strong>Số liệu</strong></p>")
    assert found(client, "strong") == []


def test_search_ranks_title_over_lead_over_body_then_newer_first(client):
    day = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    in_body = ArticleFactory(
        title="Tin C", summary="", body="<p>Về Ninh Chữ.</p>", published_at=day
    )
    in_lead = ArticleFactory(
        title="Tin B",
        summary="Ninh Chữ mùa hè.",
        body="",
        published_at=day - datetime.timedelta(days=1),
    )
    in_title_old = ArticleFactory(
        title="Ninh Chữ đón khách",
        summary="",
        body="",
        published_at=day - datetime.timedelta(days=3),
    )
    in_title_new = ArticleFactory(
        title="Ninh Chữ đón khách",
        summary="",
        body="",
        published_at=day - datetime.timedelta(days=2),
    )
    response = client.get(SEARCH, {"q": "ninh chu"})
    assert list(response.context["article_list"]) == [in_title_new, in_title_old, in_lead, in_body]


def test_search_shows_only_public_articles(client):
    ArticleFactory(title="Cầu Đạo Long công khai")
    ArticleFactory(title="Cầu Đạo Long bản nháp", draft=True)
    ArticleFactory(title="Cầu Đạo Long hẹn giờ", scheduled=True)
    ArticleFactory(title="Cầu Đạo Long đã gỡ", status=Article.State.WITHDRAWN)
    assert found(client, "cau dao long") == ["Cầu Đạo Long công khai"]


def test_search_page_says_how_many_results_and_keeps_the_query_in_the_box(client, cham):
    html = client.get(SEARCH, {"q": "tháp chàm"}).content.decode()
    assert "1 kết quả cho “tháp chàm”" in html
    assert 'value="tháp chàm"' in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_search_pages_keep_the_query(client):
    for n in range(21):
        ArticleFactory(title=f"Phan Rang số {n}")
    html = client.get(SEARCH, {"q": "phan rang"}).content.decode()
    assert "21 kết quả" in html
    assert 'href="?q=phan+rang&amp;page=2"' in html
    second = client.get(SEARCH, {"q": "phan rang", "page": 2})
    assert len(second.context["article_list"]) == 1
    # The count comes with the page's rows: page 2 still knows the whole total.
    assert "21 kết quả" in second.content.decode()
    assert 'rel="prev"' in second.content.decode()
    assert 'rel="next"' not in second.content.decode()
    assert client.get(SEARCH, {"q": "phan rang", "page": 3}).status_code == 404
    assert client.get(SEARCH, {"q": "phan rang", "page": "last"}).context["page_obj"].number == 2


def test_a_search_with_no_match_says_so(client, cham):
    html = client.get(SEARCH, {"q": "hải đăng"}).content.decode()
    assert "0 kết quả cho “hải đăng”" in html
    assert client.get(SEARCH, {"q": "hải đăng", "page": 2}).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "thap " * 2_000,
        '"\'"\'"',
        "'; DROP TABLE articles_article; --",
        "tháp & | ! ( ) : * <-> chàm",
        "\x00\x01 \ud7ff 🙂 \u202e tháp",
        "a\u0301\u0301\u0301",
        "%_\\",
    ],
    ids=[
        "empty",
        "spaces",
        "10k",
        "many-words",
        "quotes",
        "sql",
        "tsquery",
        "control",
        "marks",
        "like",
    ],
)
def test_any_query_gives_a_normal_page(client, cham, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "<h1>Tìm kiếm</h1>" in response.content.decode()
    assert Article.objects.count() == 1


def test_decomposed_unicode_query_finds_the_article(client, cham):
    assert found(client, "Tha\u0301p Cha\u0300m") == ["Lễ hội ở Tháp Chàm"]


def test_empty_query_asks_for_words_and_runs_no_search(
    client, django_assert_num_queries, no_page_cache
):
    with django_assert_num_queries(0):
        html = client.get(SEARCH, {"q": ""}).content.decode()
    assert "Nhập một hoặc nhiều từ" in html


@pytest.mark.parametrize("count", [1, 12])
def test_search_runs_a_fixed_number_of_queries(
    client, count, django_assert_num_queries, no_page_cache
):
    for _ in range(count):
        ArticleFactory(title="Tháp Chàm hôm nay")
    # the page of articles with the count of all matches, their bylines with authors
    with django_assert_num_queries(2):
        assert len(found(client, "thap cham")) == count


def test_search_is_served_by_an_index(cham):
    """PostgreSQL: the GIN index answers; SQLite: the folded and written lines are stored."""
    if connection.vendor == "postgresql":
        queryset = Article.objects.search("thap cham").values("pk")
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            sql, params = queryset.query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "article_search_vector" in plan, plan
    else:
        folded, written = Article.objects.values_list("search_text", "search_exact").get()
        assert (
            folded == " le hoi o thap cham \n nguoi dan do ve quang truong \n khong khi ron rang "
        )
        assert written == (
            " lễ hội ở tháp chàm \n người dân đổ về quảng trường \n không khí rộn ràng "
        )
