"""Two-factor sign-in by HTTP: enrolment, the code step on both sign-in pages, replays,
recovery codes, the lockout, the rules by role, an admin's reset, the account events."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from accounts.models import AccountEvent, RecoveryCode, SecondFactorRule
from tests import otp
from tests.factories import UserFactory, role_group

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-an-toan-2024"
LOGIN = "/accounts/login/"
CODE_STEP = "/accounts/login/code/"
SETUP = "/accounts/two-factor/setup/"
ADMIN = "/admin/"
Action = AccountEvent.Action


def staff(username: str, role: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(role_group(role))
    return user


def password_step(client, username, password=PASSWORD, url=LOGIN, ip="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def code_step(client, code, ip="203.0.113.7"):
    return client.post(CODE_STEP, {"code": code}, REMOTE_ADDR=ip)


def sign_in(client, user, code, url=LOGIN):
    assert password_step(client, user.username, url=url)["Location"] == CODE_STEP
    return code_step(client, code)


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def events(user) -> list[str]:
    return list(
        AccountEvent.objects.filter(subject=user).order_by("id").values_list("action", flat=True)
    )


# Enrolment.


def test_an_editor_without_a_second_factor_is_sent_to_enrolment_and_reaches_nothing_else(client):
    editor = staff("bientap", "Editor")
    response = password_step(client, "bientap")
    assert response.status_code == 302  # signed in with the password...
    assert signed_in(client)
    for url in [ADMIN, "/admin/articles/article/", "/accounts/profile/", "/ckeditor/browse/"]:
        response = client.get(url)  # ...but every staff page sends them to enrolment
        assert response.status_code == 302, url
        assert response["Location"].startswith(SETUP), url
    article_preview = client.get(reverse("articles:preview", args=[1]))
    assert article_preview["Location"].startswith(SETUP)
    assert client.get(SETUP).status_code == 200
    assert client.get("/").status_code == 200  # the public site is the public's
    assert client.post(reverse("logout")).status_code == 200  # and they can sign out
    assert not editor.totpdevice_set.filter(confirmed=True).exists()


def test_enrolment_shows_a_qr_code_and_the_secret_and_is_confirmed_by_a_first_code(client):
    editor = staff("bientap", "Editor")
    password_step(client, "bientap")
    page = client.get(SETUP + "?next=/admin/articles/article/")
    html = page.content.decode()
    assert "Thiết lập đăng nhập hai bước" in html
    # The QR code is drawn in the page (no request to anyone else, as the CSP wants).
    assert "<svg" in html and "<img" not in html.split('class="qr-code"', 1)[1][:200]
    app = otp.app_of(editor)
    assert not app.confirmed
    secret = page.context["secret"].replace(" ", "")
    assert len(secret) == 32 and re.fullmatch(r"[A-Z2-7]+", secret)
    # A reload keeps the same secret: the phone that scanned the first QR still works.
    assert client.get(SETUP).context["secret"].replace(" ", "") == secret

    wrong = client.post(SETUP, {"code": otp.code(app, steps=-5)})
    assert wrong.status_code == 200 and "không đúng" in wrong.content.decode()
    response = client.post(SETUP, {"code": otp.code(app), "next": "/admin/articles/article/"})
    assert response["Location"] == reverse("two_factor_recovery_codes")
    app.refresh_from_db()
    assert app.confirmed
    codes = client.get(response["Location"]).context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    # Done: on to where they were going, and the newsroom is open in this session.
    done = client.post(reverse("two_factor_recovery_codes"))
    assert done["Location"] == "/admin/articles/article/"
    assert client.get(ADMIN).status_code == 200
    assert events(editor) == [Action.TWO_FACTOR_ENROLLED]


def test_recovery_codes_are_shown_once_downloadable_and_stored_hashed(client):
    editor = staff("bientap", "Editor")
    password_step(client, "bientap")
    client.get(SETUP)
    client.post(SETUP, {"code": otp.code(otp.app_of(editor))})
    codes = client.get(reverse("two_factor_recovery_codes")).context["codes"]
    download = client.get(reverse("two_factor_recovery_codes_download"))
    assert download["Content-Type"].startswith("text/plain")
    assert "attachment" in download["Content-Disposition"]
    text = download.content.decode()
    assert all(code in text for code in codes)
    stored = list(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert not any(code.replace("-", "") in value for code in codes for value in stored)
    client.post(reverse("two_factor_recovery_codes"))  # "I have kept them"
    assert client.get(reverse("two_factor_recovery_codes"))["Location"] == reverse("two_factor")
    assert client.get(reverse("two_factor_recovery_codes_download")).status_code == 302


def test_the_code_that_confirmed_the_app_cannot_sign_in_again(client):
    editor = staff("bientap", "Editor")
    password_step(client, "bientap")
    client.get(SETUP)
    code = otp.code(otp.app_of(editor))
    client.post(SETUP, {"code": code})
    client.post(reverse("logout"))
    sign_in(client, editor, code)
    assert not signed_in(client)


# The code step.


def test_with_a_second_factor_the_password_alone_does_not_sign_in(client):
    editor = staff("bientap", "Editor")
    app = otp.enrol(editor)
    response = password_step(client, "bientap")
    assert response["Location"] == CODE_STEP
    assert not signed_in(client)
    assert client.get(ADMIN)["Location"].startswith(reverse("admin:login"))
    page = client.get(CODE_STEP)
    assert "Mã đăng nhập" in page.content.decode()
    response = code_step(client, otp.code(app))
    assert response["Location"] == ADMIN
    assert signed_in(client)
    assert client.get(ADMIN).status_code == 200


def test_the_admin_sign_in_page_asks_for_the_code_too(client):
    editor = staff("bientap", "Editor")
    app = otp.enrol(editor)
    response = password_step(client, "bientap", url="/admin/login/?next=/admin/articles/")
    assert response["Location"] == CODE_STEP
    page = client.get(CODE_STEP)
    assert page.templates[0].name == "admin/sign_in_code.html"
    assert not signed_in(client)
    assert code_step(client, otp.code(app))["Location"] == "/admin/articles/"
    assert signed_in(client)


def test_a_wrong_password_is_answered_the_same_with_or_without_a_second_factor(client):
    otp.enrol(staff("bientap", "Editor"))
    staff("bientap2", "Editor")  # no second factor
    pages = [password_step(client, name, "sai-mat-khau-roi") for name in ("bientap", "bientap2")]
    assert [p.status_code for p in pages] == [200, 200]
    errors = [p.context["form"].non_field_errors() for p in pages]
    assert errors[0] == errors[1]
    assert pages[0].content.decode().count("Mã") == pages[1].content.decode().count("Mã")
    assert CODE_STEP not in pages[0].content.decode()


def test_the_code_step_without_a_right_password_first_goes_back_to_sign_in(client):
    staff("bientap", "Editor")
    response = code_step(client, "123456")
    assert response["Location"] == LOGIN
    assert not signed_in(client)


def test_a_used_code_cannot_be_used_again(client):
    editor = staff("bientap", "Editor")
    app = otp.enrol(editor)
    code = otp.code(app)
    sign_in(client, editor, code)
    assert signed_in(client)
    client.post(reverse("logout"))
    response = sign_in(client, editor, code)  # replayed within its 30 seconds
    assert response.status_code == 200
    assert not signed_in(client)
    assert "đã được dùng" in response.content.decode()


def test_a_code_from_the_wrong_time_window_is_refused(client):
    editor = staff("bientap", "Editor")
    app = otp.enrol(editor)
    for steps in (-3, 3):  # 90 seconds early or late: outside the tolerance of one step
        response = sign_in(client, editor, otp.code(app, steps=steps))
        assert response.status_code == 200
        assert not signed_in(client)
        client.session.flush()
    assert events(editor).count(Action.TWO_FACTOR_FAILED) == 2


def test_a_recovery_code_signs_in_once_and_is_then_used_up(client):
    editor = staff("bientap", "Editor")
    password_step(client, "bientap")
    client.get(SETUP)
    client.post(SETUP, {"code": otp.code(otp.app_of(editor))})
    codes = client.get(reverse("two_factor_recovery_codes")).context["codes"]
    client.post(reverse("two_factor_recovery_codes"))
    client.post(reverse("logout"))

    assert sign_in(client, editor, codes[3].upper())["Location"] == ADMIN  # a lost phone
    assert signed_in(client)
    client.post(reverse("logout"))
    response = sign_in(client, editor, codes[3])
    assert response.status_code == 200 and not signed_in(client)
    assert Action.RECOVERY_CODE_USED in events(editor)
    used = AccountEvent.objects.get(subject=editor, action=Action.RECOVERY_CODE_USED)
    assert used.detail == "codes left: 9"


def test_wrong_codes_count_toward_the_lockout_like_wrong_passwords(client):
    editor = staff("bientap", "Editor")
    app = otp.enrol(editor)
    for _ in range(3):
        password_step(client, "bientap", "sai-mat-khau-roi")
    password_step(client, "bientap")
    assert code_step(client, "000000").status_code == 200  # failure 4
    response = code_step(client, "111111")  # failure 5: the same pause as for passwords
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    # The right password and the right code are refused until the pause ends.
    assert password_step(client, "bientap").status_code == 429
    assert code_step(client, otp.code(app)).status_code in (302, 429)
    assert not signed_in(client)
    # From another address (the real person at the office), sign-in still works.
    client.cookies.clear()
    assert password_step(client, "bientap", ip="198.51.100.9")["Location"] == CODE_STEP
    assert code_step(client, otp.code(app), ip="198.51.100.9")["Location"] == ADMIN


def test_the_code_step_expires(client, settings):
    settings.TWO_FACTOR_STEP_SECONDS = 0
    editor = staff("bientap", "Editor")
    app = otp.enrol(editor)
    password_step(client, "bientap")
    assert code_step(client, otp.code(app))["Location"] == LOGIN
    assert not signed_in(client)


def test_a_session_signed_in_before_the_person_enrolled_elsewhere_must_give_a_code(client):
    editor = staff("bientap", "Editor")
    client.force_login_password_only(editor)  # signed in with the password, long ago
    otp.enrol(editor)  # then set up an app in another browser
    response = client.get(ADMIN)
    assert response["Location"].startswith(LOGIN)
    assert not signed_in(client)


# Who must.


def test_a_writer_may_work_without_a_second_factor_until_an_admin_requires_it(client):
    writer = staff("phongvien", "Writer")
    password_step(client, "phongvien")
    assert client.get(ADMIN).status_code == 200
    admin = staff("quantri", "Admin")
    admin_client = type(client)()
    admin_client.force_login(admin)
    rules = reverse("admin:accounts_secondfactorrule_changelist")
    page = admin_client.get(rules)
    assert page.status_code == 200
    formset = page.context["cl"].formset
    data = {
        "form-TOTAL_FORMS": len(formset.forms),
        "form-INITIAL_FORMS": len(formset.forms),
        "_save": "1",
    }
    for i, form in enumerate(formset.forms):
        data[f"form-{i}-id"] = form.instance.pk
        if form.instance.required or form.instance.role == "Writer":
            data[f"form-{i}-required"] = "on"
    assert admin_client.post(rules, data).status_code == 302
    assert SecondFactorRule.objects.get(role="Writer").required
    assert client.get(ADMIN)["Location"].startswith(SETUP)
    assert writer.is_active


def test_the_default_rules_require_editors_and_admins_not_writers():
    rules = dict(SecondFactorRule.objects.values_list("role", "required"))
    assert rules == {"Writer": False, "Editor": True, "Editor-in-chief": True, "Admin": True}


def test_only_admins_change_the_rules(client):
    client.force_login(staff("bientap", "Editor"))
    rules = reverse("admin:accounts_secondfactorrule_changelist")
    assert client.get(rules).status_code == 403


# An admin's reset.


def test_an_admin_resets_a_lost_second_factor_and_it_is_recorded(client):
    editor = staff("bientap", "Editor")
    app = otp.enrol(editor)
    editor_client = type(client)()
    sign_in(editor_client, editor, otp.code(app))
    assert editor_client.get(ADMIN).status_code == 200

    admin = staff("quantri", "Admin")
    client.force_login(admin)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [editor.pk]},
    )
    assert response.status_code == 302
    assert not editor.totpdevice_set.filter(confirmed=True).exists()
    event = AccountEvent.objects.get(subject=editor, action=Action.TWO_FACTOR_RESET)
    assert event.actor == admin
    # Their sessions ended; at the next sign-in they enrol again.
    assert editor_client.get(ADMIN).status_code == 302
    assert password_step(editor_client, "bientap")["Location"] == ADMIN
    assert editor_client.get(ADMIN)["Location"].startswith(SETUP)


def test_an_editor_cannot_reset_anyones_second_factor(client):
    editor = staff("bientap", "Editor")
    other = staff("bientap2", "Editor")
    otp.enrol(other)
    client.force_login(editor)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [other.pk]},
    )
    assert response.status_code == 403
    assert other.totpdevice_set.exists()


def test_the_user_list_shows_who_has_a_second_factor(client):
    editor = staff("bientap", "Editor")
    otp.enrol(editor)
    client.force_login(staff("quantri", "Admin"))
    page = client.get(reverse("admin:auth_user_changelist"))
    assert "Hai bước" in page.content.decode() or "hai bước" in page.content.decode()
