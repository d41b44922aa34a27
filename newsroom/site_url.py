"""Absolute addresses on this site, from SITE_URL and never from the request's Host.

A mail or a page kept for everyone must not carry whatever host and port one client named.
"""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (as reverse() gives it) on the configured site: "https://bao.example.vn/..."."""
    return settings.SITE_URL.rstrip("/") + path
