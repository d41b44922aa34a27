"""A reader's browser counts the read with the page's script, under the strict policy, from a
page the cache served; the box then lists the article, readable on a phone."""

import pytest
from django.test import Client
from playwright.sync_api import Page

from articles.models import MostRead
from articles.public import most_read
from tests.factories import ArticleFactory
from tests.test_browser_reading import assert_readable_on_a_phone
from tests.test_most_read import BROWSER

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def browser_context_args(browser_context_args):
    # Headless Chromium names itself HeadlessChrome, a bot's name: a reader's phone instead.
    return {**browser_context_args, "user_agent": BROWSER}


@pytest.fixture(autouse=True)
def memory_counter(settings):
    settings.READ_COUNTER_URL = ""
    settings.PUBLIC_PAGE_CACHE_DIAGNOSTICS = True
    most_read._counter = None
    yield
    most_read._counter = None


def wait_for_reads(expected: int) -> None:
    for _ in range(100):
        most_read.fold()
        place = MostRead.objects.filter(period=MostRead.Period.DAY).first()
        if place and place.reads == expected:
            return
        most_read.counter().flush()
    raise AssertionError(f"expected {expected} reads, found {place and place.reads}")


def test_a_reader_on_a_cached_page_is_counted_by_the_script(live_server, page: Page):
    errors = []  # script errors and anything the policy refused (not the missing favicon)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: "Refused" in m.text and errors.append(m.text))
    page.set_viewport_size({"width": 360, "height": 740})
    article = ArticleFactory(title="Mùa nho chín ở Ninh Thuận")
    url = live_server.url + article.get_absolute_url()
    assert Client().get(article.get_absolute_url())["X-Cache"] == "MISS"  # now in the cache
    with page.expect_response(lambda r: "/read/" in r.url) as beacon:
        assert page.goto(url).headers["x-cache"] == "HIT"
    assert beacon.value.status == 204
    # Again: the browser revalidates its copy (304) and runs the script all the same.
    with page.expect_response(lambda r: "/read/" in r.url):
        page.goto(url)
    wait_for_reads(2)
    page.goto(live_server.url + "/")
    assert page.locator(".most-read li").first.inner_text() == "Mùa nho chín ở Ninh Thuận"
    assert_readable_on_a_phone(page)
    assert errors == []
