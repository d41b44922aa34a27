"""Search ranking with Vietnamese near-homographs: the order of the top results for queries
typed with and without diacritics. The same assertions run on SQLite and PostgreSQL."""

import datetime
import random

import pytest
from django.db.models import F
from django.urls import reverse

from articles.models import Article
from articles.search import Query, ranking
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")
DAY = datetime.datetime(2024, 5, 1, 8, tzinfo=datetime.UTC)


def story(key: str, days: int, title: str, summary: str = "", body: str = ""):
    """An article called by its key, published `days` after DAY (larger: newer)."""
    return ArticleFactory(
        title=title,
        summary=summary,
        body=body or "<p>Tin trong ngày.</p>",
        published_at=DAY + datetime.timedelta(days=days),
        slug=key,
    )


def order(client, query: str) -> list[str]:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return [article.slug for article in response.context["article_list"]]


@pytest.fixture
def dang_bo():
    """Đảng bộ (the Party committee) among đang/dáng (now/shape) and bố/bỏ (father/leave)."""
    story("phrase-in-title", 1, "Đảng bộ tỉnh tổng kết năm")
    story("phrase-in-lead", 2, "Hội nghị cuối năm", "Đảng bộ xã bàn giải pháp phát triển.")
    story("phrase-in-body", 3, "Hội nghị tổng kết", body="<p>Ban thường vụ Đảng bộ huyện họp.</p>")
    story("near-in-title", 4, "Đảng ủy bộ đội biên phòng")
    story("apart-in-title", 5, "Đảng viên trẻ và cán bộ")
    story("folded-phrase", 6, "Đang bố trí lại chợ")
    story("folded-apart", 7, "Dáng đi của người bỏ phố")
    story("one-word-only", 8, "Đảng viên mới", body="<p>Kết nạp.</p>")
    story("folded-in-two-fields", 9, "Bổ sung ngân sách", body="<p>Đáng chú ý.</p>")


@pytest.mark.parametrize("query", ["Đảng bộ", "đảng bộ", "ĐẢNG BỘ", "Đa\u0309ng bô\u0323"])
def test_words_with_the_typed_diacritics_rank_above_words_that_only_fold_alike(
    client, dang_bo, query
):
    assert order(client, query) == [
        "phrase-in-title",
        "phrase-in-lead",
        "phrase-in-body",
        "near-in-title",
        "apart-in-title",
        "folded-phrase",  # "Đang bố": only folded, but together
        "folded-apart",  # "Dáng … bỏ"
        "folded-in-two-fields",  # "Bổ" in the title, "Đáng" in the body
    ]


def test_a_query_without_diacritics_means_any_so_newer_first_among_equals(client, dang_bo):
    assert order(client, "dang bo") == [
        "folded-phrase",  # "Đang bố" in the title: a phrase there, as "Đảng bộ" is, and newer
        "phrase-in-title",
        "phrase-in-lead",
        "phrase-in-body",
        "near-in-title",
        "folded-apart",  # all in the title, newer than the next
        "apart-in-title",
        "folded-in-two-fields",
    ]


def test_an_unaccented_word_in_an_accented_query_means_that_word_as_written(client):
    story("phan-rang", 1, "Phan Rang đón khách")
    story("phan-rang-accented", 2, "Phán rằng đón khách")
    assert order(client, "Phan Rang đón") == ["phan-rang", "phan-rang-accented"]
    assert order(client, "phan rang don") == ["phan-rang-accented", "phan-rang"]


@pytest.fixture
def thap_cham():
    story("cham-in-title", 1, "Lễ hội ở Tháp Chàm")
    story("cham-in-lead", 2, "Du lịch Ninh Thuận", "Tháp Chàm đón khách dịp lễ.")
    story("cham-in-body", 3, "Di tích", body="<p>Khách thăm Tháp Chàm Pô Klong Garai.</p>")
    story(
        "exact-far-apart",
        4,
        "Tin địa phương",
        body="<p>Tháp cổ được trùng tu suốt nhiều năm qua với sự góp sức của người dân. "
        "Làng dệt vải nhuộm chàm cũng được khôi phục.</p>",
    )
    story("thap-cham-tro", 5, "Tháp chạm trổ tinh xảo")
    story("cham-soc-thap", 6, "Chăm sóc tháp cổ")


def test_tháp_chàm_together_and_as_typed_comes_first(client, thap_cham):
    assert order(client, "Tháp Chàm") == [
        "cham-in-title",
        "cham-in-lead",
        "cham-in-body",
        "exact-far-apart",  # both words as typed, far apart
        "thap-cham-tro",  # "chạm" is another word, next to "tháp"
        "cham-soc-thap",  # "chăm", two words from "tháp"
    ]


def test_thap_cham_finds_tháp_chàm_and_ranks_together_above_apart(client, thap_cham):
    assert order(client, "thap cham") == [
        "thap-cham-tro",  # a phrase in the title, as "Tháp Chàm" is, and newer
        "cham-in-title",
        "cham-in-lead",
        "cham-in-body",
        "cham-soc-thap",  # near each other, in the other order
        "exact-far-apart",
    ]


def test_one_word_typed_with_diacritics_comes_before_its_homographs(client, thap_cham):
    assert order(client, "chàm") == [
        "cham-in-title",
        "cham-in-lead",
        "exact-far-apart",  # in the body, newer than the next
        "cham-in-body",
        "cham-soc-thap",  # chăm
        "thap-cham-tro",  # chạm
    ]
    assert order(client, "cham")[:2] == ["cham-soc-thap", "thap-cham-tro"]  # titles, newest first


def test_both_tone_placements_are_one_word(client):
    story("old-style", 1, "Hòa giải thành công")
    story("new-style", 2, "Hoà bình lập lại")
    story("other-word", 3, "Họa sĩ vẽ tranh")
    assert order(client, "hòa") == ["new-style", "old-style", "other-word"]
    assert order(client, "hoà") == ["new-style", "old-style", "other-word"]
    assert order(client, "thuỷ") == order(client, "thủy") == []


def test_the_words_of_a_result_are_marked_in_title_and_lead(client):
    ArticleFactory(
        title="Lễ hội <Tháp Chàm> & “tháp” chạm",
        summary="Người dân về THÁP CHÀM <script>alert(1)</script>",
    )
    html = client.get(SEARCH, {"q": "Tháp Chàm"}).content.decode()
    assert (
        "Lễ hội &lt;<mark>Tháp</mark> <mark>Chàm</mark>&gt; &amp; “<mark>tháp</mark>” "
        "<mark>chạm</mark></a></h2>" in html
    )
    assert (
        "Người dân về <mark>THÁP</mark> <mark>CHÀM</mark> &lt;script&gt;alert(1)&lt;/script&gt;"
        in html
    )
    assert "<script>alert" not in html


def test_marks_show_the_folded_and_the_written_forms_of_a_match(client):
    ArticleFactory(title="Đang bố trí: Đảng bộ họp", summary="")
    html = client.get(SEARCH, {"q": "dang bo"}).content.decode()
    assert "<mark>Đang</mark> <mark>bố</mark> trí: <mark>Đảng</mark> <mark>bộ</mark> họp" in html


# The rule itself, on either database: the key PostgreSQL works out for each match equals
# ranking.rank() on the article's stored lines (what SQLite runs), over a random corpus of
# near-homographs, odd words, repeated words and a body longer than a vector's positions.

WORDS = "đảng đang dáng bộ bố bỏ tháp thap chàm chạm chăm cham hòa hoà họa người dân"
ODD_WORDS = "x²y covid 19 a_b ﬁ 中文 ٣٤ İstanbul 🙂 phan phán rằng rang"
VOCABULARY = f"{WORDS} {ODD_WORDS}".split()


def random_text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(n))


def test_the_database_ranks_exactly_as_the_rule_says():
    rng = random.Random(14)
    for n in range(40):
        ArticleFactory(
            title=random_text(rng, rng.randint(1, 6)),
            summary=random_text(rng, rng.randint(0, 12)),
            body=f"<p>{random_text(rng, rng.randint(0, 60))}</p>",
            slug=f"r{n}",
        )
    ArticleFactory(  # past 255 positions of a word and 16,383 positions in all
        title="tháp chàm",
        summary="đảng bộ " * 300,
        body="<p>" + "người dân " * 4000 + "tháp chàm đảng bộ " * 1000 + "</p>",
        slug="long",
    )
    queries = [
        "tháp chàm",
        "thap cham",
        "đảng bộ",
        "dang bo",
        "chàm",
        "bo",
        "phan rang",
        "tháp chạm bộ",
        "x²y",
        "hòa dân",
        "bộ bộ",
        "İstanbul 中文",
        "người dân đảng",
    ]
    compared = 0
    for text in queries:
        plan = ranking.plan_for(Query.parse(text))
        found = Article.objects.search(text).annotate(key=F("rank"))
        for article in found:
            assert article.key == ranking.rank(article.search_text, article.search_exact, plan), (
                text,
                article.slug,
            )
            compared += 1
    assert compared > 100
