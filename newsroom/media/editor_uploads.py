"""The editor's image uploads, in place of ckeditor_uploader's own view.

ckeditor_uploader stores whatever it is given and never checks who may upload;
this view lets only staff who may edit articles upload, and only real images, which
are stored upright and without metadata (newsroom.media.images), with their renditions.
The stored name carries the image's size ("…-1600x900.jpg"), so the public page can
offer the renditions of an inline image without opening it (articles.body_images).
"""

import json
import os

from ckeditor_uploader import utils as ckeditor_utils
from ckeditor_uploader.backends.pillow_backend import PillowBackend
from ckeditor_uploader.views import get_upload_filename
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsroom.media.files import readable_unique_name
from newsroom.media.images import strip_metadata
from newsroom.media.renditions import make_renditions


def editor_image_filename(filename: str, request=None) -> str:
    """A readable, unique name: "Ảnh Tháp Chàm.JPG" -> "anh-thap-cham-1a2b3c4d.jpg"."""
    return readable_unique_name(filename, os.path.splitext(filename)[1].lower()[:5])


def _refuse(request, message: str, status: int = 400) -> HttpResponse:
    func_num = request.GET.get("CKEditorFuncNum", "")
    if func_num.isdigit():
        # The dialog's upload tab posts into a frame and expects this callback.
        script = (
            "<script>window.parent.CKEDITOR.tools.callFunction("
            f"{func_num}, '', {json.dumps(message)});</script>"
        )
        return HttpResponse(script)
    return JsonResponse({"uploaded": 0, "error": {"message": message}}, status=status)


def _from_this_site(request) -> bool:
    """A browser names the page a POST comes from; a forged cross-site upload is refused."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return True  # not a browser form: it still needs a staff session
    if source == "null":
        return False  # sandboxed frames and privacy redirects: not provably this site
    return url_has_allowed_host_and_scheme(
        source, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


# CKEditor's upload dialog cannot send Django's CSRF token (it posts a form of its own
# into a frame), so the view checks the request's origin instead, plus sign-in and rights.
@csrf_exempt
@require_POST
@xframe_options_sameorigin
def editor_image_upload(request):
    if not _from_this_site(request):
        return HttpResponseForbidden(_("Uploads are accepted only from this site's editor."))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_staff and request.user.has_perm("articles.change_article")):
        return HttpResponseForbidden(_("You may not upload images."))
    upload = request.FILES.get("upload")
    if upload is None:
        return _refuse(request, _("Choose an image file to upload."))
    try:
        clean = strip_metadata(upload)
    except ValidationError as error:
        return _refuse(request, " ".join(error.messages))
    # Stored under the extension of what the file is, not what it claims to be.
    stem = os.path.splitext(os.path.basename(upload.name))[0]
    root, extension = os.path.splitext(get_upload_filename(f"{stem}{clean.extension}", request))
    name = f"{root}-{clean.width}x{clean.height}{extension}"
    storage = ckeditor_utils.storage
    saved = storage.save(name, ContentFile(clean.data))
    PillowBackend(storage, ContentFile(clean.data)).create_thumbnail(
        ContentFile(clean.data), saved
    )  # for the editor's "browse server" view
    make_renditions(saved, storage)
    url = ckeditor_utils.get_media_url(saved)
    func_num = request.GET.get("CKEditorFuncNum", "")
    if func_num.isdigit():
        return HttpResponse(
            "<script>window.parent.CKEDITOR.tools.callFunction("
            f"{func_num}, {json.dumps(url)});</script>"
        )
    return JsonResponse({"uploaded": "1", "url": url, "fileName": os.path.basename(saved)})
