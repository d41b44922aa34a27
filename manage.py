#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # A wrong setting (DATABASE_URL, SECRET_KEY...) is one line to fix, not a traceback.
        sys.exit(f"Configuration error: {str(exc).strip().splitlines()[0]}")
    except OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        sys.exit(f"Cannot use the database in DATABASE_URL: {first_line}")


if __name__ == "__main__":
    main()
