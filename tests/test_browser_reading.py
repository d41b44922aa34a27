"""A reader on a 360-px phone: home → article → tag → search, in Chromium, checked by axe-core."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.factories import ArticleFactory, AuthorFactory, TagFactory, image_file

pytestmark = pytest.mark.django_db(transaction=True)

# axe-core 4.14.1 (MPL-2.0, Deque Systems), vendored so a fresh machine needs no npm.
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PHONE = {"width": 360, "height": 740}


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page; one readable line per violation and element."""
    # Injected through evaluate, which the page's strict CSP (script-src 'self') allows.
    page.evaluate(AXE)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {node['target']}"
        for v in results["violations"]
        for node in v["nodes"]
    ]


def assert_readable_on_a_phone(page: Page) -> None:
    assert axe_violations(page) == []
    # Nothing wider than the screen: no sideways scrolling.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide"


@pytest.fixture
def reader_page(page: Page) -> Page:
    page.set_viewport_size(PHONE)
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.errors = errors
    return page


def test_reader_goes_home_article_tag_search_on_a_phone(live_server, reader_page: Page):
    page = reader_page
    tag = TagFactory(name="Du lịch biển")
    author = AuthorFactory(name="Nguyễn Thị Lan", bio="Phóng viên mảng du lịch.")
    article = ArticleFactory(
        title="Vịnh Vĩnh Hy vào mùa đẹp nhất năm",
        summary="Nước trong xanh, san hô rực rỡ: du khách đổ về Vĩnh Hy.",
        body=(
            "<p>Từ tháng Tư, biển lặng.</p>"
            '<figure class="image"><img src="/static/missing.jpg" alt="Thuyền đáy kính">'
            "<figcaption>Thuyền đáy kính đưa khách xem san hô.</figcaption></figure>"
        ),
        tags=[tag],
        authors=[author],
        cover_image=image_file("vinh-hy.jpg", size=(1200, 675)),
        cover_alt="Vịnh Vĩnh Hy nhìn từ đèo",
        cover_caption="Vịnh Vĩnh Hy buổi sáng.",
    )
    for n in range(3):
        ArticleFactory(title=f"Tin ngắn số {n}", cover_image=image_file(f"tin-{n}.jpg"))

    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    # Keyboard first: the skip link is the first stop and takes the reader to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    assert_readable_on_a_phone(page)

    page.get_by_role("link", name="Vịnh Vĩnh Hy vào mùa đẹp nhất năm").click()
    expect(page).to_have_url(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    json_ld = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert json_ld["@type"] == "NewsArticle"
    assert json_ld["headline"] == article.title
    assert_readable_on_a_phone(page)

    # On paper: the article without the site's navigation and forms.
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".article__cover img")).to_be_visible()
    for chrome in (".site-search", ".user-nav", ".language-switch", ".article__tags"):
        expect(page.locator(chrome)).to_be_hidden()
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Du lịch biển").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tag: Du lịch biển")
    assert_readable_on_a_phone(page)

    page.get_by_role("searchbox", name="Tìm bài viết").fill("vinh hy")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("1 kết quả cho “vinh hy”.")
    expect(page.get_by_role("link", name=article.title)).to_be_visible()
    assert_readable_on_a_phone(page)

    # The only console errors allowed are the body image that does not exist; no CSP report.
    assert [e for e in page.errors if "missing.jpg" not in e and "404" not in e] == []


def test_reader_switches_the_site_to_english_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    ArticleFactory(title="Tin thử")
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("link", name="Đăng nhập")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.get_by_role("button", name="Tiếng Việt")).to_be_visible()
    context.close()


def test_styled_404_has_no_accessibility_violations(live_server, reader_page: Page):
    response = reader_page.goto(f"{live_server.url}/articles/khong-co/")
    assert response.status == 404
    expect(reader_page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")
    assert_readable_on_a_phone(reader_page)
