import logging
import sys

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from newsroom.error_pages import bad_request_context, render_error_page

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness and database check: 200 when the database answers, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


# Django's error handlers (newsroom/urls.py). No page touches the database or the session.


def bad_request(request, exception):
    """400: what was sent is too large, names a host that is not ours, or cannot be read."""
    return render_error_page(request, "400.html", status=400, **bad_request_context(exception))


def permission_denied(request, exception):
    """403: the person's role does not allow this page or action."""
    return render_error_page(request, "403.html", status=403)


def server_error(request):
    """500: a styled page, and a 503 when the database is the cause."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        logger.error("Database unavailable: %s", error)
        response = render_error_page(request, "503.html", status=503)
        response["Retry-After"] = "30"
        return response
    return render_error_page(request, "500.html", status=500)


@never_cache
def constant_bytes(request):
    """The benchmark's baseline: the cheapest page the full middleware stack can serve."""
    return HttpResponse(b"newsroom " * 512, content_type="text/plain")
