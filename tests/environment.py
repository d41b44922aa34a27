"""Loaded by pytest before Django's settings (see `-p` in pyproject.toml).

The settings refuse to start with DEBUG off and no SECRET_KEY, ALLOWED_HOSTS or SITE_URL,
as production must;
the test suite runs with DEBUG off too, so it brings its own throwaway key and hosts.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
# The address absolute URLs are built from (the test client's default host).
os.environ.setdefault("SITE_URL", "http://testserver")
# Sync Playwright runs an event loop in the test thread; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
