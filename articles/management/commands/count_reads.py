"""`manage.py count_reads`: fold the reads counted since the last pass into the most-read lists.

Once, for a timer that runs it every minute; `--loop` for a long-lived process that makes a
pass every `--interval` seconds (`make run` starts one beside the development server). Any
number may run, on any number of machines: a pass copies totals, so two passes count
nothing twice, and the lists are rebuilt by one pass at a time.
"""

import logging

import redis
from django.db import DatabaseError

from articles.public import most_read
from newsroom.periodic import PeriodicCommand

logger = logging.getLogger(__name__)


class Command(PeriodicCommand):
    help = "Count the reads into the most-read lists: once, or every minute with --loop."
    interval = 60

    def make_pass(self, *, raise_errors: bool, **options) -> None:
        try:
            copied = most_read.fold()
        except (DatabaseError, redis.RedisError):
            if raise_errors:
                raise
            # Redis keeps the counts two days, the database its rows: the next pass catches up.
            logger.exception("Could not count the reads")
            return
        if options["verbosity"] > 1:
            self.stdout.write(f"Hourly counts copied: {copied}")
