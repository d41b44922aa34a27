import logging
import sys

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

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


def server_error(request):
    """Django's 500 handler: a styled page, and a 503 when the database is the cause.

    Neither page touches the database or the session, so both render while it is down.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        logger.error("Database unavailable: %s", error)
        response = render_to_response("503.html", status=503)
        response["Retry-After"] = "30"
        return response
    return render_to_response("500.html", status=500)


def render_to_response(template_name: str, *, status: int) -> HttpResponse:
    body = loader.get_template(template_name).render()
    response = HttpResponse(body, status=status)
    add_never_cache_headers(response)
    return response


@never_cache
def constant_bytes(request):
    """The benchmark's baseline: the cheapest page the full middleware stack can serve."""
    return HttpResponse(b"newsroom " * 512, content_type="text/plain")
