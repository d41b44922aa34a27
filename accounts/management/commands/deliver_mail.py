"""`manage.py deliver_mail`: send the mail queue (newsroom/mail.py), once or for good.

Once, for a timer that runs it every minute; `--loop` for a long-lived process that makes
a pass every `--interval` seconds (`make run` starts one beside the development server).
A pass queues the links asked for on the password-reset page, then sends what is due.
Only one sender works at a time, on any number of machines; a second one skips its pass.
"""

import logging
import signal
import threading

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from accounts import password_links
from newsroom.mail import send_due, sender_lock

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send the queued mail: once, or every few seconds with --loop."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep going until stopped")
        parser.add_argument(
            "--interval", type=float, default=5, help="seconds between passes with --loop"
        )

    def handle(self, *args, loop=False, interval=5, **options):
        stopped = threading.Event()
        if loop:
            # systemd stops the sender with SIGTERM: the pass under way ends first.
            signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        while True:
            self.deliver(raise_errors=not loop)
            if not loop:
                return
            # A long-lived process: drop a connection the database closed meanwhile.
            close_old_connections()
            if stopped.wait(interval):
                return

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
