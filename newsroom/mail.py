"""Outgoing mail: queued in the database during the request, sent outside it.

EMAIL_BACKEND is `QueuedEmailBackend`, so `send_mail()` anywhere only stores a
django-post-office `Email` row: a slow or dead mail server never delays or fails a request,
and nothing is lost when it is down. `manage.py deliver_mail` (README, "Mail") sends the
queue through the transport EMAIL_URL names (POST_OFFICE["BACKENDS"]), with EMAIL_TIMEOUT
on every connection, and tries a failed mail again every EMAIL_RETRY_MINUTES.
"""

import fcntl
from contextlib import contextmanager
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from post_office.mail import send_queued
from post_office.models import PRIORITY, STATUS, Email
from post_office.settings import get_batch_size
from post_office.utils import create_attachments

from newsroom.text import one_line

# Any fixed number: the PostgreSQL advisory lock held by the one sender at work.
SENDER_LOCK_KEY = 0x6E657773


class QueuedEmailBackend(BaseEmailBackend):
    """Store every message as a queued post_office Email, exactly as written."""

    def send_messages(self, email_messages):
        for message in email_messages:
            queue(message)
        return len(email_messages)


def queue(message) -> Email:
    """The queued Email for a Django EmailMessage; its subject is made one line."""
    # Not post_office's own backend: it renders subject and body as Django templates
    # (ui/django-post_office#478), so "{{" in an article title would vanish or fail.
    html = next(
        (c for c, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
    )
    headers = dict(message.extra_headers)
    if message.reply_to:
        headers.setdefault("Reply-To", ", ".join(str(a) for a in message.reply_to))
    email = Email(
        from_email=message.from_email,
        to=message.to,
        cc=message.cc,
        bcc=message.bcc,
        subject=one_line(message.subject),
        message=message.body,
        html_message=html,
        headers=headers or None,
        status=STATUS.queued,
        priority=PRIORITY.medium,
    )
    email.save()
    if message.attachments:
        email.attachments.add(
            *create_attachments(dict(_attachment(a) for a in message.attachments))
        )
    return email


def _attachment(attachment):
    if isinstance(attachment, MIMEBase):
        content = ContentFile(attachment.get_payload(decode=True))
        return attachment.get_filename(), {
            "file": content,
            "mimetype": attachment.get_content_type(),
        }
    filename, content, mimetype = attachment
    return filename, {"file": ContentFile(content), "mimetype": mimetype}


@contextmanager
def sender_lock():
    """Yield True for the one sender at work, on any machine (else False): see README, "Mail"."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [SENDER_LOCK_KEY])
            locked = cursor.fetchone()[0]
        try:
            yield locked
        finally:
            if locked:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [SENDER_LOCK_KEY])
        return
    # SQLite serves one machine: a lock on a file beside the code is enough.
    with open(settings.MAIL_LOCK_FILE, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def send_due() -> tuple[int, int, int]:
    """Send every queued mail that is due: (sent, given up, to be tried again)."""
    totals = (0, 0, 0)
    while True:
        batch = send_queued(processes=1)
        totals = tuple(a + b for a, b in zip(totals, batch, strict=True))
        # A batch smaller than the batch size was the last one due.
        if sum(batch) < get_batch_size():
            return totals
