"""`manage.py deliver_mail`: send the mail queue (newsroom/mail.py), once or for good.

Once, for a timer that runs it every minute; `--loop` for a long-lived process that makes
a pass every `--interval` seconds (`make run` starts one beside the development server).
A pass queues the links asked for on the password-reset page, then sends what is due.
Only one sender works at a time, on any number of machines; a second one skips its pass.
"""

import logging

from django.db import DatabaseError

from accounts import password_links
from newsroom.mail import send_due, sender_lock
from newsroom.periodic import PeriodicCommand

logger = logging.getLogger(__name__)


class Command(PeriodicCommand):
    help = "Send the queued mail: once, or every few seconds with --loop."
    interval = 5

    def make_pass(self, *, raise_errors: bool, **options) -> None:
        self.deliver(raise_errors=raise_errors)

    def deliver(self, *, raise_errors: bool) -> None:
        try:
            with sender_lock() as mine:
                if not mine:
                    return
                links = password_links.queue_requested_links()
                sent, failed, later = send_due()
        except DatabaseError:
            if raise_errors:
                raise
            # The database is down: the queue is safe in it; the next pass tries again.
            logger.exception("Could not reach the mail queue")
            return
        if links or sent or failed or later:
            self.stdout.write(
                f"Reset links queued: {links}; mails sent: {sent}, "
                f"to try again: {later}, given up: {failed}"
            )
