"""The production path: settings, headers, health, and what readers get when a service is down."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-production-like-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "news.example,127.0.0.1",
    "SITE_URL": "https://news.example",
    "HTTPS": "1",
}


# The test process's own settings must not leak into the server under test.
UNSET = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def environment(*, unset=(), **overrides):
    env = {k: v for k, v in os.environ.items() if k not in {*UNSET, *unset}}
    env.update(overrides)
    return env


def manage(*args, unset=(), **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(unset=unset, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION.items() if k != "ALLOWED_HOSTS"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_to_start_without_the_site_address():
    env = {k: v for k, v in PRODUCTION.items() if k != "SITE_URL"}
    result = manage("check", unset={"SITE_URL"}, **env)
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


@pytest.mark.parametrize(
    ("value", "says"),
    [("https://news.example/tin", "SCRIPT_NAME"), ("news.example", "https://news.example.vn")],
)
def test_a_site_address_that_is_not_an_origin_stops_start_up_saying_what_to_write(value, says):
    result = manage("check", **{**PRODUCTION, "SITE_URL": value})
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr and says in result.stderr


@pytest.mark.django_db
def test_public_pages_carry_a_strict_policy_and_security_headers(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


@pytest.mark.django_db
def test_the_admin_policy_is_relaxed_only_as_far_as_ckeditor_needs(client, editor):
    client.force_login(editor)
    policy = client.get("/admin/articles/article/add/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "unsafe-eval" not in policy
    assert "object-src 'none'" in policy


@pytest.mark.django_db
def test_hsts_is_sent_over_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def site_without_database(tmp_path):
    """The real server (gunicorn, production settings) pointed at a PostgreSQL that is down."""
    port = free_port()
    env = environment(
        **{**PRODUCTION, "HTTPS": "0"},
        DATABASE_URL="postgres://postgres@127.0.0.1:1/newsroom",
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_ACCESS_LOG="",
    )
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--config",
            "newsroom/gunicorn_conf.py",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)
    log.close()


def fetch(url: str):
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_readers_get_a_styled_503_when_the_database_is_down(site_without_database):
    status, headers, html = fetch(f"{site_without_database}/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "css/site.css" in html
    assert "tạm thời" in html.lower()  # "temporarily" in Vietnamese


def test_healthz_answers_503_when_the_database_is_down(site_without_database):
    status, _headers, body = fetch(f"{site_without_database}/healthz")
    assert status == 503
    assert '"database": "unavailable"' in body
