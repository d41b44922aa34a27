"""The styled error pages (400, 403, 405, 500, 503): how they are chosen and rendered.

They never touch the database or the session, so they render whatever went wrong (the
database is down, the Host header is not ours). Under the staff's paths they take the
admin's look, with a way back to the newsroom; elsewhere the public site's.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from newsroom.paths import EDITOR_PREFIXES

TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)
# Statuses whose bare responses (an empty body, as require_POST's 405) get the styled page.
RESTYLED = {400: "400.html", 403: "403.html", 405: "405.html"}


def render_error_page(request, template_name: str, *, status: int, **context) -> HttpResponse:
    """The page in the person's language, in the admin's look under the staff's paths."""
    in_admin = request is not None and request.path_info.startswith(EDITOR_PREFIXES)
    context.update(
        error_base="admin/error_page.html" if in_admin else "error_page.html",
        in_admin=in_admin,
        site_header=admin.site.site_header,
        site_title=admin.site.site_title,
        SITE_NAME=settings.SITE_NAME,
        SITE_URL=settings.SITE_URL,
    )
    # The language SiteLanguageMiddleware chose, if the error came after it.
    language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.get_template(template_name).render(context)
    response = HttpResponse(body, status=status)
    add_never_cache_headers(response)
    return response


def bad_request_context(exception) -> dict:
    """What the 400 page says: too large, not our address, or a request it cannot read."""
    if isinstance(exception, TOO_LARGE):
        return {"reason": "too_large"}
    if isinstance(exception, DisallowedHost):
        return {"reason": "unknown_host"}
    return {"reason": "unreadable"}


class ErrorPageMiddleware:
    """A bare 400, 403 or 405 (no body, as require_POST's) gets the styled page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        template_name = RESTYLED.get(response.status_code)
        if template_name is None or response.streaming or response.content:
            return response
        # The page replaces the empty body; the response's own headers (Allow…) stay.
        styled = render_error_page(request, template_name, status=response.status_code)
        response.content = styled.content
        response["Content-Type"] = styled["Content-Type"]
        if "Content-Length" in response:  # CommonMiddleware counted the empty body
            response["Content-Length"] = str(len(response.content))
        add_never_cache_headers(response)
        return response
