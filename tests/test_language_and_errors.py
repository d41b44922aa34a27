"""Vietnamese by default, English on request; styled error pages; complete translations."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import include, path, reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_public_pages_are_vietnamese_by_default(client):
    ArticleFactory()
    response = client.get(reverse("articles:home"))
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Bỏ qua, đến nội dung chính" in html or "Chuyển đến nội dung chính" in html
    assert "Tìm kiếm" in html
    assert response["Content-Language"] == "vi"


def test_reader_switches_to_english_and_back(client):
    article = ArticleFactory(
        published_at=datetime.datetime(2024, 4, 19, 13, 15, tzinfo=datetime.UTC)
    )
    home = client.get(reverse("articles:home")).content.decode()
    assert 'name="language" value="en"' in home

    response = client.post(
        reverse("set_language"), {"language": "en", "next": article.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()

    html = client.get(article.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html
    assert "Sign in" in html and "Đăng nhập" not in html
    assert "Search" in html
    assert "20:15, 19 Apr 2024" in html  # English date format, still Vietnam's time
    assert '<meta property="og:locale" content="en_US">' in html

    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<html lang="vi">' in html
    assert "20:15 19/04/2024" in html


def test_the_language_switch_needs_no_csrf_token_and_ignores_unknown_languages(client):
    client = type(client)(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="vi">' in client.get("/").content.decode()
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.test/"}
    )
    assert response["Location"] == "/"


def test_the_language_cookie_is_same_site_and_hidden_from_scripts(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    assert not cookie["secure"]  # plain http (development): a secure cookie would not come back


SET_LANGUAGE_OVER_HTTPS = """
from django.test import Client
response = Client().post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)
print(response.cookies["django_language"].output())
"""


def test_the_language_cookie_is_secure_in_production(tmp_path):
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DEBUG": "0",
        "HTTPS": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", SET_LANGUAGE_OVER_HTTPS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    cookie = result.stdout.strip()
    assert cookie.startswith("Set-Cookie: django_language=en;"), cookie
    assert "Secure" in cookie and "SameSite=Lax" in cookie and "HttpOnly" in cookie


def test_styled_404_in_both_languages(client):
    response = client.get("/articles/khong-co/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Không tìm thấy trang</h1>" in html
    assert "site.css" in html and 'class="skip-link"' in html
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "<h1>Page not found</h1>" in client.get("/tags/khong-co/").content.decode()


def broken_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", broken_view), path("", include("newsroom.urls"))]


@pytest.mark.urls(__name__)
def test_styled_500_in_the_readers_language(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "site.css" in html
    assert "<h1>Xin lỗi, đã có lỗi xảy ra</h1>" in html


def test_every_message_has_a_vietnamese_translation():
    text = PO_FILE.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]  # the first is the header
    untranslated = [
        entry
        for entry in entries
        if re.search(r'^msgstr(\[\d\])? ""\n(?!")', entry + "\n", re.M) or "#, fuzzy" in entry
    ]
    assert untranslated == []
