import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_stale_form_gets_a_styled_page_that_says_to_reload(writer):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/accounts/login/", {"username": "phongvien", "password": "mat-khau-an-toan-2024"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Vui lòng tải lại trang" in html
    assert 'class="site-header"' in html
    assert "CSRF verification failed" not in html and "Forbidden" not in html


def test_signing_out_from_a_stale_page_gets_the_same_page(writer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    response = client.post("/accounts/logout/")
    assert response.status_code == 403
    assert "tải lại trang (F5)" in response.content.decode()
