"""The editor's image uploads: CKEditor's uploader, behind our own checks.

ckeditor_uploader stores whatever it is given and never checks who may upload;
this wrapper lets only staff who may edit articles upload, and only real images.
"""

import json
import os
from uuid import uuid4

from ckeditor_uploader.views import upload as ckeditor_upload
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from newsroom.images import validate_image
from newsroom.text import vn_slugify


def editor_image_filename(filename: str, request=None) -> str:
    """A readable, unique name: "Ảnh Tháp Chàm.JPG" -> "anh-thap-cham-1a2b3c4d.jpg"."""
    stem, extension = os.path.splitext(os.path.basename(filename))
    return f"{vn_slugify(stem)[:60] or 'anh'}-{uuid4().hex[:8]}{extension.lower()[:5]}"


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


@require_POST
@xframe_options_sameorigin
def editor_image_upload(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_staff and request.user.has_perm("articles.change_article")):
        return HttpResponseForbidden(_("You may not upload images."))
    upload = request.FILES.get("upload")
    if upload is None:
        return _refuse(request, _("Choose an image file to upload."))
    try:
        extension = validate_image(upload)
    except ValidationError as error:
        return _refuse(request, " ".join(error.messages))
    # Stored under the extension of what the file is, not what it claims to be.
    upload.name = os.path.splitext(os.path.basename(upload.name))[0] + extension
    return ckeditor_upload(request)
