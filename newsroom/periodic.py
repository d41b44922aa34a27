"""Management commands that make a pass once, or for good with `--loop`.

Once, for a timer; with `--loop`, a long-lived process that makes a pass every `--interval`
seconds and, stopped with SIGTERM (as systemd does), ends the pass under way first.
"""

import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections


class PeriodicCommand(BaseCommand):
    interval = 5  # seconds between passes with --loop, unless --interval says otherwise

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep going until stopped")
        parser.add_argument(
            "--interval",
            type=float,
            default=self.interval,
            help="seconds between passes with --loop",
        )

    def handle(self, *args, loop=False, interval=None, **options):
        stopped = threading.Event()
        if loop:
            signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        while True:
            self.make_pass(raise_errors=not loop, **options)
            if not loop:
                return
            # A long-lived process: drop a connection the database closed meanwhile.
            close_old_connections()
            if stopped.wait(self.interval if interval is None else interval):
                return

    def make_pass(self, *, raise_errors: bool, **options) -> None:
        raise NotImplementedError
