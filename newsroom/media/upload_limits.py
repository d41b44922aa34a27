"""How much a request may send, checked before it is read: files and each endpoint's form data.

Files. Django's own handlers keep reading an oversized file to the end. The first handler
stops passing a file's chunks on once it is over the largest allowed size; the form then
receives an empty stand-in that knows the size the file had, and says so on the field.

Form data. Django has one limit for every endpoint (DATA_UPLOAD_MAX_MEMORY_SIZE), and over
it answers a bare English "Bad Request (400)". Here each kind of endpoint has its own,
checked from Content-Length before anything reads the body, and over it the person gets
a page (or, for scripts, JSON) that says what was too large and that nothing was saved:

    anyone not signed in as staff    MAX_PUBLIC_POST_BYTES (256 KB: a sign-in, a reset)
    the article form and autosave    MAX_ARTICLE_POST_BYTES (a long body with pasted
                                     pictures; also Django's own limit, the largest)
    any other staff page             MAX_STAFF_POST_BYTES (Django's 2.5 MB), files aside
"""

import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_PUBLIC_POST_BYTES = 256 * 1024
DEFAULT_MAX_STAFF_POST_BYTES = 2_621_440  # Django's DATA_UPLOAD_MAX_MEMORY_SIZE default
# The views whose form carries the article's body (newsroom.media.pasted_images).
ARTICLE_BODY_VIEWS = {
    "admin:articles_article_add",
    "admin:articles_article_change",
    "admin:articles_article_autosave",
}


def max_attachment_bytes() -> int:
    return getattr(settings, "MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES)


# The views that take video and audio files (newsroom.media.av), up to MAX_MEDIA_BYTES.
MEDIA_UPLOAD_VIEWS = {"admin:media_mediaitem_add", "admin:media_mediaitem_change"}


def max_upload_bytes(request=None) -> int:
    """The largest file this request's endpoint takes (its fields then hold each kind's own
    limit): video and audio only where media items are uploaded."""
    from newsroom.media.av import max_media_bytes
    from newsroom.media.images import max_image_bytes

    largest = max(max_attachment_bytes(), max_image_bytes())
    if request is not None and _view_name(request) in MEDIA_UPLOAD_VIEWS:
        largest = max(largest, max_media_bytes())
    return largest


def _view_name(request) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""


class OversizedUpload(UploadedFile):
    """What arrives instead of a file that was too large: its name and size, no content."""

    oversized = True

    def __init__(self, name, content_type, size, charset=None):
        super().__init__(io.BytesIO(b""), name, content_type, size, charset)


class SizeLimitUploadHandler(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.limit = max_upload_bytes(self.request)
        self.oversized = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.oversized = True
        # None keeps the chunk from the handlers below: nothing more is buffered.
        return None if self.oversized else raw_data

    def file_complete(self, file_size):
        if self.oversized:
            return OversizedUpload(self.file_name, self.content_type, file_size, self.charset)
        return None


def max_public_post_bytes() -> int:
    return getattr(settings, "MAX_PUBLIC_POST_BYTES", DEFAULT_MAX_PUBLIC_POST_BYTES)


def max_staff_post_bytes() -> int:
    return getattr(settings, "MAX_STAFF_POST_BYTES", DEFAULT_MAX_STAFF_POST_BYTES)


def max_article_post_bytes() -> int:
    return getattr(settings, "MAX_ARTICLE_POST_BYTES", settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


def is_article_body_view(request) -> bool:
    return _view_name(request) in ARTICLE_BODY_VIEWS


def post_limit(request) -> int | None:
    """What this request may send, files aside; None: no limit of ours (Django's holds)."""
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return max_public_post_bytes()
    if is_article_body_view(request):
        return max_article_post_bytes()
    if request.content_type == "multipart/form-data":
        return None  # files are held by SizeLimitUploadHandler, fields by Django's limit
    return max_staff_post_bytes()


class RequestSizeLimitMiddleware:
    """Refuse, with a clear message, a request larger than its endpoint accepts.

    After AuthenticationMiddleware (the limit depends on who asks) and before anything
    reads the body (CsrfViewMiddleware reads it in process_view).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        # Small requests, the very most, pay for nothing: no session, no URL lookup.
        if length > max_public_post_bytes():
            limit = post_limit(request)
            if limit is not None and length > limit:
                return too_large(request, length, limit)
        return self.get_response(request)


def too_large(request, size: int, limit: int) -> HttpResponse:
    """413: the styled "too large" page (newsroom.error_pages), saying how much is accepted."""
    from newsroom.error_pages import render_error_page

    message = _("What was sent is %(size)s; this page accepts at most %(limit)s.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(limit),
    }
    if "json" in request.headers.get("Accept", "") or request.path_info.endswith("/autosave/"):
        response = JsonResponse({"error": message}, status=413)
        add_never_cache_headers(response)
        return response
    return render_error_page(
        request, "400.html", status=413, reason="too_large", limit_message=message
    )
