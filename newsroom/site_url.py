"""The site's own address (SITE_URL), for every absolute URL it gives out.

Canonical links, Open Graph, JSON-LD, robots.txt, sitemaps, feeds and emails name the
site by its configured address, never by the Host, port or scheme of the request that
happened to build them: those are the client's to choose, and a public page is cached and
served to everyone (articles/public/page_cache.py).

SITE_URL is an origin (`https://news.example.vn`, no path). Paths are joined as the site
links them, so a site mounted under a prefix (SCRIPT_NAME from the server, or
FORCE_SCRIPT_NAME outside a request) keeps it: `absolute_url(reverse(...))`.
"""

from functools import lru_cache
from urllib.parse import SplitResult, urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def absolute_url(path: str) -> str:
    """The site's absolute URL of a path ('/articles/x/' -> 'https://news.example.vn/articles/x/');
    a URL that is absolute already (media on a CDN) is kept as it is."""
    return urljoin(site_origin() + "/", path)


def site_origin() -> str:
    """'https://news.example.vn': scheme and host (with a port if not the default)."""
    address = _parse(settings.SITE_URL)
    return f"{address.scheme}://{address.netloc}"


def site_scheme() -> str:
    """'https' or 'http', for frameworks that take the protocol apart (sitemaps)."""
    return _parse(settings.SITE_URL).scheme


def site_domain() -> str:
    """'news.example.vn' (with ':port' if there is one), where frameworks want a domain."""
    return _parse(settings.SITE_URL).netloc


def validated(value: str) -> str:
    """SITE_URL as settings accept it, without a trailing slash; anything else stops start-up."""
    try:
        address = _parse(value.rstrip("/"))
    except ValueError as error:
        raise ImproperlyConfigured(f"SITE_URL: {error}") from None
    return f"{address.scheme}://{address.netloc}"


@lru_cache(maxsize=4)
def _parse(value: str) -> SplitResult:
    address = urlsplit(value.rstrip("/"))
    if address.scheme not in ("http", "https") or not address.hostname:
        raise ValueError(f"{value!r} is not an address like https://news.example.vn")
    if address.path or address.query or address.fragment or address.username:
        raise ValueError(
            f"{value!r} must be only the site's origin, like https://news.example.vn; a site "
            "mounted under a path gets it from the server (SCRIPT_NAME) or FORCE_SCRIPT_NAME"
        )
    _ = address.port  # a port that is not a number raises ValueError
    if address.netloc.endswith(":"):
        raise ValueError(f"{value!r} has an empty port")
    return address
