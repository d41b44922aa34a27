"""`manage.py count_reads`: fold the reads counted since the last pass into the most-read lists.

Once, for a timer that runs it every minute; `--loop` for a long-lived process that makes a
pass every `--interval` seconds (`make run` starts one beside the development server). Any
number may run, on any number of machines: a pass copies totals, so two passes count
nothing twice, and the lists are rebuilt by one pass at a time.
"""

import logging
import signal
import threading

import redis
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from articles.public import most_read

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Count the reads into the most-read lists: once, or every minute with --loop."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep going until stopped")
        parser.add_argument(
            "--interval", type=float, default=60, help="seconds between passes with --loop"
        )

    def handle(self, *args, loop=False, interval=60, **options):
        stopped = threading.Event()
        if loop:
            # systemd stops it with SIGTERM: the pass under way ends first.
            signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        while True:
            try:
                copied = most_read.fold()
            except (DatabaseError, redis.RedisError):
                if not loop:
                    raise
                # Redis keeps the counts two days, the database its rows: the next pass catches up.
                logger.exception("Could not count the reads")
            else:
                if options["verbosity"] > 1:
                    self.stdout.write(f"Hourly counts copied: {copied}")
            if not loop:
                return
            close_old_connections()
            if stopped.wait(interval):
                return
