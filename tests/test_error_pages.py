"""400, 403 and 405 are pages in the site's language and look, saying what to do next.

Inside the admin they take the admin's look with a way back to the newsroom; on the public
site, the site's. None of them reads the database or the session.
"""

import pytest
from django.urls import reverse

from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

BARE_PAGES = ("<h1>403 Forbidden</h1>", "<h1>Bad Request (400)</h1>", "<h1>Bad Request</h1>")


def assert_styled(response, status: int, heading: str, *, admin: bool) -> str:
    assert response.status_code == status
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="vi"' in html
    assert f"<h1>{heading}</h1>" in html, html
    assert not any(bare in html for bare in BARE_PAGES)
    if admin:
        assert "admin/css/base.css" in html and "site.css" not in html
        assert f'href="{reverse("admin:index")}"' in html  # back to the newsroom
    else:
        assert "css/site.css" in html and "admin/css" not in html
    assert "no-cache" in response["Cache-Control"]
    if "Content-Length" in response:  # a browser reads exactly this much of the page
        assert int(response["Content-Length"]) == len(response.content)
    return html


def test_a_writer_pressing_publish_sees_a_styled_403_inside_the_admin(client, writer):
    article = ArticleFactory(draft=True, created_by=writer)
    client.force_login(writer)
    response = client.post(change_url(article), article_form_data(article, _workflow="publish"))
    html = assert_styled(response, 403, "Bạn không được làm việc này", admin=True)
    assert "biên tập viên hoặc quản trị viên" in html  # whom to ask


def test_a_reader_without_a_staff_role_sees_the_403_in_the_sites_look(client):
    client.force_login(UserFactory(is_staff=False))
    response = client.get(reverse("author_profile"))
    assert_styled(response, 403, "Bạn không được làm việc này", admin=False)


def test_opening_the_sign_out_address_by_link_is_a_styled_405(client):
    response = client.get("/accounts/logout/")
    html = assert_styled(response, 405, "Không thể mở trang này theo cách này", admin=False)
    assert response["Allow"] == "POST, OPTIONS"
    assert "Đăng xuất" in html  # names the button to use instead


def test_a_post_only_admin_address_opened_by_link_is_a_styled_405(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_autosave"))
    assert_styled(response, 405, "Không thể mở trang này theo cách này", admin=True)
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"body": "x" * 20_000}, id="too-large"),
        pytest.param({f"field{n}": "x" for n in range(60)}, id="too-many-fields"),
    ],
)
def test_saving_more_than_the_site_accepts_says_what_to_do(client, editor, settings, data):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    article = ArticleFactory()
    client.force_login(editor)
    response = client.post(change_url(article), {**article_form_data(article), **data})
    html = assert_styled(response, 400, "Nội dung gửi đi quá lớn", admin=True)
    assert "chưa được lưu" in html  # nothing was saved…
    assert "nút chèn ảnh" in html  # …and how to send it instead


def test_a_host_that_is_not_ours_gets_a_styled_400_without_touching_the_database(
    client, settings, django_assert_num_queries, no_page_cache
):
    settings.SITE_URL = "https://bao.example.vn"
    with django_assert_num_queries(0):
        response = client.get("/", HTTP_HOST="evil.example")
    html = assert_styled(response, 400, "Website không hoạt động ở địa chỉ này", admin=False)
    assert 'href="https://bao.example.vn"' in html
    assert "evil.example" not in html


def test_error_pages_follow_the_readers_language(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get("/accounts/logout/")
    html = response.content.decode()
    assert response.status_code == 405
    assert '<html lang="en"' in html
    assert "<h1>This page cannot be opened this way</h1>" in html


def test_a_workflow_button_with_an_unknown_action_is_a_styled_400(client, editor):
    article = ArticleFactory(draft=True, created_by=editor)
    client.force_login(editor)
    response = client.post(change_url(article), article_form_data(article, _workflow="explode"))
    assert_styled(response, 400, "Không đọc được yêu cầu của bạn", admin=True)
