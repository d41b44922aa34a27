"""Home, tag and author pages: what is listed, in which order, how many per page."""

import datetime

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, set_script_prefix

from articles.models import Article
from articles.public.pagination import MAX_PAGES
from articles.public.views import PAGE_SIZE
from tests.factories import ArticleFactory, AuthorFactory, TagFactory, image_file

pytestmark = pytest.mark.django_db

HOME = reverse("articles:home")


def hours_ago(hours: int) -> datetime.datetime:
    return datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(hours=hours)


def titles(response) -> list[str]:
    return [article.title for article in response.context["article_list"]]


def test_home_shows_a_lead_story_then_the_latest(client):
    base = datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
    for n in range(3):
        ArticleFactory(title=f"Tin số {n}", published_at=base + datetime.timedelta(hours=n))
    html = client.get(HOME).content.decode()
    main = html[html.index('<section aria-label="Tin tiêu điểm">') :]
    assert main.index("summary--lead") < main.index("Tin số 2") < main.index("Tin mới nhất</h2>")
    assert main.index("Tin mới nhất</h2>") < main.index("Tin số 1") < main.index("Tin số 0")


def test_home_paginates_twenty_a_page(client):
    base = datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)
    for n in range(45):
        ArticleFactory(title=f"Tin {n:02}", published_at=base + datetime.timedelta(minutes=n))
    first = client.get(HOME)
    assert titles(first) == [f"Tin {n:02}" for n in range(44, 24, -1)]
    assert 'rel="next" href="?page=2"' in first.content.decode()
    third = client.get(HOME, {"page": 3})
    assert titles(third) == [f"Tin {n:02}" for n in range(4, -1, -1)]
    html = third.content.decode()
    assert "summary--lead" not in html
    assert "Trang 3" in html
    assert 'rel="next"' not in html
    assert f'<link rel="canonical" href="http://testserver{HOME}?page=3">' in html
    assert "<title>Trang 3 — " in html


@pytest.mark.parametrize("number", ["abc", "0", "-1", "99999", "1.5", "9" * 5000, "last'--"])
def test_a_bad_page_number_gives_the_styled_404(client, number):
    tag, author = TagFactory(), AuthorFactory()
    ArticleFactory(tags=[tag], authors=[author])
    listings = (HOME, tag.get_absolute_url(), author.get_absolute_url())
    for url in (*listings, reverse("articles:search") + "?q=duong&"):
        response = client.get(f"{url}{'&' if '?' in url else '?'}page={number}")
        assert response.status_code == 404
        assert "Không tìm thấy trang" in response.content.decode()


def test_the_last_page_keyword_and_an_empty_site_both_work(client):
    assert client.get(HOME).status_code == 200
    ArticleFactory()
    assert client.get(HOME, {"page": "last"}).status_code == 200


def test_unpublished_articles_are_on_no_listing(client):
    tag, author = TagFactory(name="Biển đảo"), AuthorFactory(name="Lê Hà")
    ArticleFactory(title="Công khai", tags=[tag], authors=[author])
    hidden = [
        ArticleFactory(title="Nháp", draft=True, tags=[tag], authors=[author]),
        ArticleFactory(title="Hẹn giờ", scheduled=True, tags=[tag], authors=[author]),
        ArticleFactory(title="Đã gỡ", status=Article.State.WITHDRAWN, tags=[tag], authors=[author]),
    ]
    for url in (HOME, tag.get_absolute_url(), author.get_absolute_url()):
        response = client.get(url)
        assert titles(response) == ["Công khai"]
        for article in hidden:
            assert article.title not in response.content.decode()


def test_tag_page_lists_the_tag_and_links_its_feed(client):
    tag = TagFactory(name="Du lịch")
    ArticleFactory(title="Vịnh Vĩnh Hy", tags=[tag])
    ArticleFactory(title="Không gắn tag")
    response = client.get(tag.get_absolute_url())
    html = response.content.decode()
    assert titles(response) == ["Vịnh Vĩnh Hy"]
    assert "<h1>Tag: Du lịch</h1>" in html
    assert f'href="{reverse("articles:tag_feed", args=[tag.slug])}"' in html


def test_author_page_shows_bio_avatar_and_their_articles(client):
    author = AuthorFactory(name="Phạm Quỳnh", bio="Phóng viên thường trú.", avatar=image_file())
    ArticleFactory(title="Bài của Quỳnh", authors=[author])
    ArticleFactory(title="Bài người khác")
    response = client.get(author.get_absolute_url())
    html = response.content.decode()
    assert titles(response) == ["Bài của Quỳnh"]
    assert "<h1>Phạm Quỳnh</h1>" in html
    assert "Phóng viên thường trú." in html
    # Shown as its renditions (issue 5), never the uploaded original.
    assert f"/media/renditions/{author.avatar.name.rsplit('.', 1)[0]}-" in html


def test_listing_bylines_link_to_author_pages(client):
    author = AuthorFactory(name="Võ Minh")
    ArticleFactory(authors=[author])
    assert f'href="{author.get_absolute_url()}" rel="author">Võ Minh</a>' in (
        client.get(HOME).content.decode()
    )


def test_each_summary_shows_its_own_authors_in_byline_order(client, no_page_cache):
    lan, binh, chi = (AuthorFactory(name=name) for name in ("Lan", "Bình", "Chi"))
    ArticleFactory(title="Bài hai tác giả", authors=[chi, lan], published_at=hours_ago(1))
    ArticleFactory(title="Bài một tác giả", authors=[binh], published_at=hours_ago(2))
    html = client.get(HOME).content.decode()
    two = html[html.index("Bài hai tác giả") : html.index("Bài một tác giả")]
    one = html[html.index("Bài một tác giả") :]
    assert two.index(">Chi</a>, ") < two.index(">Lan</a>")
    assert ">Bình<" not in two
    assert ">Bình</a>" in one and ">Lan<" not in one and ">Chi<" not in one


def test_unknown_tag_and_author_give_the_styled_404(client):
    for url in ("/tags/khong-co/", "/authors/khong-co/", "/tags/khong-co/feed/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "css/site.css" in response.content.decode()


def _fill(count: int):
    tags = [TagFactory() for _ in range(count)]
    authors = [AuthorFactory() for _ in range(count)]
    for _ in range(count):
        ArticleFactory(tags=tags, authors=authors, cover_image=image_file())
    return tags[0], authors[0]


@pytest.mark.parametrize("count", [1, 8])
def test_listings_run_a_fixed_number_of_queries(
    client, count, django_assert_num_queries, no_page_cache
):
    tag, author = _fill(count)
    # the page of articles, their bylines with authors (+ the tag or author itself; the
    # most-read box on the home page)
    for url, queries in ((HOME, 3), (tag.get_absolute_url(), 3), (author.get_absolute_url(), 3)):
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert len(response.context["article_list"]) == count


def test_listings_never_count_the_table(client, no_page_cache):
    _fill(3)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(HOME).status_code == 200
    assert not [q["sql"] for q in captured if "COUNT(" in q["sql"].upper()]


def test_a_full_last_page_has_no_next_link_and_page_numbers_stop_at_the_cap(client):
    for n in range(PAGE_SIZE):
        ArticleFactory(title=f"Tin {n:02}")
    html = client.get(HOME).content.decode()
    assert 'rel="next"' not in html
    assert client.get(HOME, {"page": 2}).status_code == 404
    # Offsets never grow with the table: past MAX_PAGES a page does not exist.
    assert client.get(HOME, {"page": MAX_PAGES + 1}).status_code == 404


def test_home_listing_reads_the_index_in_order_without_sorting():
    ArticleFactory()
    queryset = Article.objects.published().values("pk")[:20]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "article_public_order" in plan and "Sort" not in plan, plan
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = "\n".join(str(row[-1]) for row in cursor.fetchall())
            assert "article_public_order" in plan and "TEMP B-TREE" not in plan, plan


def test_links_follow_the_address_the_site_is_served_under(no_page_cache):
    """Paths are built once per worker (newsroom/reverse.py), yet a site mounted under a
    prefix still links under it, and the same worker serving both gives each its own."""
    tag, author = TagFactory(), AuthorFactory()
    article = ArticleFactory(tags=[tag], authors=[author])
    handler = WSGIHandler()  # the test client ignores SCRIPT_NAME; a server does not

    def get(path: str, prefix: str) -> str:
        environ = RequestFactory()._base_environ(PATH_INFO=path, SCRIPT_NAME=prefix)
        response = handler(environ, lambda status, headers: None)
        assert response.status_code == 200
        return response.content.decode()

    article_path = article.get_absolute_url()
    # As the test client does: the test's transaction holds the connection open.
    request_started.disconnect(close_old_connections)
    try:
        for prefix in ("", "/tin", ""):
            html = get(HOME, prefix)
            assert f'href="{prefix}/articles/{article.slug}/"' in html
            assert f'href="{prefix}/authors/{author.slug}/"' in html
            html = get(article_path, prefix)
            assert f'href="{prefix}/tags/{tag.slug}/"' in html
            if not prefix:
                assert "/tin/" not in html
    finally:
        request_started.connect(close_old_connections)
        set_script_prefix("/")  # the handler leaves the last request's prefix behind
