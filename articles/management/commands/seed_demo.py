"""`manage.py seed_demo`: demo staff accounts, authors, tags and articles for a local run
(articles/demo/seeding.py; idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.demo.seeding import DemoSeeder


class Command(BaseCommand):
    help = "Create demo staff accounts, authors, tags and articles (DEBUG only; idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create demo accounts with known passwords while DEBUG is off; "
                "run with DEBUG=1 (make run does)"
            )
        seeder = DemoSeeder()
        seeder.seed()
        first, *rest = seeder.report()
        self.stdout.write(self.style.SUCCESS(first))
        for line in rest:
            self.stdout.write(line)
