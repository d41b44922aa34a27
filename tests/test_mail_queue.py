"""Mail and slow mail servers: no request waits for one, and no mail is lost.

Real SMTP servers on 127.0.0.1 (tests/mail.py): one that accepts and never answers, and
aiosmtpd, which works. Requests that must not wait run in a thread and must be done well
before the SMTP timeout: a hang check, not a benchmark.
"""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from post_office.models import STATUS, Email, Log

from articles import workflow
from articles.models import Article
from newsroom.mail import sender_lock
from tests.admin_post import article_form_data, change_url
from tests.factories import ArticleFactory
from tests.mail import WorkingSMTPServer, deliver_mail, use_smtp

pytestmark = pytest.mark.django_db

SMTP_TIMEOUT = 10


def answered_in_time(request):
    """The response of `request()`, run in a thread that must finish well before SMTP_TIMEOUT."""
    result = {}

    def run():
        try:
            result["response"] = request()
        except Exception as error:  # noqa: BLE001 - handed to the test below
            result["error"] = error
        finally:
            connection.close()  # this thread's own database connection

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=SMTP_TIMEOUT / 2)
    assert not thread.is_alive(), "the request waited for the mail server"
    if "error" in result:
        raise result["error"]
    return result["response"]


# Requests never wait for the mail server.


@pytest.mark.django_db(transaction=True)
def test_a_publish_answers_at_once_while_the_mail_server_never_answers(
    roles, writer, editor, settings, silent_smtp
):
    use_smtp(settings, silent_smtp.port, timeout=SMTP_TIMEOUT)
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None, created_by=writer)
    client = Client()
    client.force_login(editor)
    data = article_form_data(article, _workflow="publish")

    response = answered_in_time(lambda: client.post(change_url(article), data))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.state == Article.State.PUBLISHED
    [email] = Email.objects.all()
    assert email.to == [writer.email] and email.status == STATUS.queued


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_answers_at_once_while_the_mail_server_never_answers(
    roles, writer, settings, silent_smtp
):
    use_smtp(settings, silent_smtp.port, timeout=SMTP_TIMEOUT)
    response = answered_in_time(
        lambda: Client().post(reverse("password_reset"), {"email": writer.email})
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")


# Mail waits in the queue until the mail server takes it.


def test_mail_queued_while_the_server_hangs_is_delivered_once_it_is_back(
    client, writer, editor, settings, silent_smtp, django_capture_on_commit_callbacks
):
    use_smtp(settings, silent_smtp.port, timeout=1)
    settings.POST_OFFICE = {**settings.POST_OFFICE, "RETRY_INTERVAL": timedelta(0)}
    article = ArticleFactory(
        status=Article.State.REVIEW, published_at=None, created_by=writer, title="Bão số 3"
    )
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform("publish", article=article, by=editor)
    client.post(reverse("password_reset"), {"email": writer.email})

    # Two passes against the hanging server: each attempt ends at the SMTP timeout.
    deliver_mail()
    deliver_mail()
    emails = Email.objects.all()
    assert len(emails) == 2  # the writer's notice and their reset link
    assert {(e.status, e.number_of_retries) for e in emails} == {(STATUS.requeued, 2)}
    assert Log.objects.filter(status=STATUS.failed).count() == 4

    port = silent_smtp.port
    silent_smtp.stop()
    server = WorkingSMTPServer(port=port)  # the mail server is back
    try:
        deliver_mail()
    finally:
        server.stop()

    assert sorted(recipients for recipients, _ in server.messages) == [[writer.email]] * 2
    subjects = sorted(message["Subject"] for _, message in server.messages)
    assert "Bão số 3" in subjects[0] and "xuất bản" in subjects[0]
    assert "Đặt lại mật khẩu" in subjects[1]
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}


def test_every_smtp_exchange_has_the_configured_timeout(settings, silent_smtp):
    use_smtp(settings, silent_smtp.port, timeout=0.5)
    send_mail("Thử", "Nội dung", None, ["ai-do@example.test"])
    deliver_mail()  # returns: the hanging server costs half a second, not for ever
    [log] = Log.objects.all()
    assert "timed out" in log.message
    assert Email.objects.get().status == STATUS.requeued


def test_only_one_sender_works_at_a_time():
    send_mail("Thử", "Nội dung", None, ["ai-do@example.test"])
    held, release = threading.Event(), threading.Event()

    def other_sender():
        try:
            with sender_lock() as mine:
                assert mine
                held.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_sender)
    thread.start()
    try:
        assert held.wait(10)
        assert deliver_mail() == []  # this pass skips: another sender is at work
        assert Email.objects.get().status == STATUS.queued
    finally:
        release.set()
        thread.join()
    assert len(deliver_mail()) == 1


def test_in_development_each_mail_is_printed_on_the_console(settings, capsys):
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.console.EmailBackend"},
    }
    send_mail("Bai moi da xuat ban", "Noi dung thu", None, ["bientap@example.test"])
    out = StringIO()
    call_command("deliver_mail", stdout=out)
    console = capsys.readouterr().out
    assert "Subject: Bai moi da xuat ban" in console and "To: bientap@example.test" in console
    assert "mails sent: 1" in out.getvalue()


# What a mail says is what was written.


def test_a_subject_with_a_line_break_goes_out_on_one_line():
    send_mail("Dòng một\r\nDòng hai", "Nội dung", None, ["ai-do@example.test"])
    [message] = deliver_mail()
    assert message.subject == "Dòng một Dòng hai"


def test_a_title_with_template_braces_reaches_the_mail_as_typed(
    writer, editor, django_capture_on_commit_callbacks
):
    # post_office's own backend would render "{{ ... }}" as a template and lose it.
    title = "Giá vàng {{ tăng }} {% mạnh %}"
    article = ArticleFactory(status=Article.State.REVIEW, published_at=None, created_by=writer)
    Article.objects.filter(pk=article.pk).update(title=title)
    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform("publish", article=article, by=editor)
    [message] = deliver_mail()
    assert title in message.subject


def test_a_title_typed_with_a_line_break_is_kept_on_one_line_and_its_mail_goes_out(
    client, writer, editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory(draft=True, created_by=writer)
    client.force_login(writer)
    data = article_form_data(article, title="Lũ về\r\nmiền Trung", _workflow="submit")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Lũ về miền Trung"
    [message] = deliver_mail()
    assert message.to == [editor.email]
    assert "Lũ về miền Trung" in message.subject


def test_an_article_title_is_stored_on_one_line_however_it_is_saved():
    article = ArticleFactory(title="  Một\nHai\u2028Ba\tBốn  ")
    article.refresh_from_db()
    assert article.title == "Một Hai Ba Bốn"
