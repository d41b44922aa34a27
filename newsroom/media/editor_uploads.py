"""The editor's image uploads and its file browser, in place of ckeditor_uploader's views.

ckeditor_uploader stores whatever it is given, never checks who may upload and shows
every upload to everyone; these views let only staff who may edit articles upload, and
only real images, stored upright and without metadata (newsroom.media.images), with
their renditions and a record of who uploaded them (EditorUpload). The same path serves
the image dialog, images pasted or dropped into the editor (CKEditor's uploadimage
plugin) and pasted images still inside a saved body (newsroom.media.pasted_images).
The stored name carries the image's size ("…-1600x900.jpg", newsroom.media.sized_names),
so the public page can offer the renditions of an inline image without opening it.
"""

import json
import os

from ckeditor_uploader import utils as ckeditor_utils
from ckeditor_uploader.backends.pillow_backend import PillowBackend
from ckeditor_uploader.forms import SearchForm
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models import Q
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsroom.media.files import clean_filename, readable_unique_name
from newsroom.media.images import CleanImage, strip_metadata
from newsroom.media.models import EditorUpload
from newsroom.media.renditions import make_renditions
from newsroom.media.sized_names import sized_name


def editor_image_filename(filename: str, request=None) -> str:
    """A readable, unique name: "Ảnh Tháp Chàm.JPG" -> "anh-thap-cham-1a2b3c4d.jpg"."""
    return readable_unique_name(filename, os.path.splitext(filename)[1].lower()[:5])


def may_upload(user) -> bool:
    """Staff who may edit articles may put images in them."""
    return user.is_active and user.is_staff and user.has_perm("articles.change_article")


def store_editor_image(image: CleanImage, filename: str, *, by_id: int | None) -> EditorUpload:
    """Store a checked, stripped image as an editor upload: sized name, thumbnail for the
    file browser, renditions, and the record of who uploaded it."""
    stem = os.path.splitext(os.path.basename(filename))[0]
    folder = os.path.join(settings.CKEDITOR_UPLOAD_PATH, timezone.localdate().strftime("%Y/%m/%d"))
    name = os.path.join(folder, editor_image_filename(f"{stem}{image.extension}"))
    storage = ckeditor_utils.storage
    saved = storage.save(sized_name(name, image.width, image.height), ContentFile(image.data))
    PillowBackend(storage, ContentFile(image.data)).create_thumbnail(
        ContentFile(image.data), saved
    )  # ckeditor's file browser shows these
    make_renditions(saved, storage)
    return EditorUpload.objects.create(
        file=saved,
        original_name=clean_filename(filename, fallback=_("image")),
        size=len(image.data),
        width=image.width,
        height=image.height,
        credit=image.credit,
        uploaded_by_id=by_id,
    )


def _answer(request, *, url="", name="", error="", status=200) -> HttpResponse:
    """The answer each CKEditor upload expects: a callback for the dialog, JSON otherwise."""
    func_num = request.GET.get("CKEditorFuncNum", "")
    if func_num.isdigit():
        # The dialog's upload tab posts into a frame and expects this callback.
        arguments = f"{json.dumps(url)}" if url else f"'', {json.dumps(error)}"
        return HttpResponse(
            f"<script>window.parent.CKEDITOR.tools.callFunction({func_num}, {arguments});</script>"
        )
    if error:
        # A refused image answers 200: CKEditor shows the message only from a successful
        # response, and turns any other status into its own English "HTTP error".
        return JsonResponse({"uploaded": 0, "error": {"message": error}}, status=status)
    return JsonResponse({"uploaded": "1", "url": url, "fileName": name})


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
    if not may_upload(request.user):
        return HttpResponseForbidden(_("You may not upload images."))
    upload = request.FILES.get("upload")
    if upload is None:  # not something CKEditor sends
        return _answer(request, error=_("Choose an image file to upload."), status=400)
    try:
        image = strip_metadata(upload)
    except ValidationError as error:
        return _answer(request, error=" ".join(error.messages))
    # Stored under the extension of what the file is, not what it claims to be.
    stored = store_editor_image(image, upload.name, by_id=request.user.pk)
    name = stored.file.name
    return _answer(request, url=ckeditor_utils.get_media_url(name), name=os.path.basename(name))


def visible_uploads(user):
    """Editors see every upload; a writer their own, and the images of articles they may see."""
    # Who may see which article is the articles app's rule, asked when the browser opens.
    from articles.body_images import uploads_shown_to

    uploads = EditorUpload.objects.all()
    shown = uploads_shown_to(user)
    if shown is None:
        return uploads
    return uploads.filter(Q(uploaded_by=user) | Q(file__in=shown))


@xframe_options_sameorigin
def editor_image_browse(request):
    """The image dialog's "browse server": the uploads this person may see, newest first."""
    if not may_upload(request.user):
        return HttpResponseForbidden(_("You may not upload images."))
    uploads = visible_uploads(request.user)
    form = SearchForm(request.POST or None)
    if form.is_valid() and form.cleaned_data.get("q"):
        query = form.cleaned_data["q"]
        uploads = uploads.filter(Q(original_name__icontains=query) | Q(file__icontains=query))
    storage = ckeditor_utils.storage
    files = [
        {
            "src": storage.url(upload.file.name),
            "thumb": storage.url(ckeditor_utils.get_thumb_filename(upload.file.name)),
            "is_image": True,
            "visible_filename": upload.original_name[:40],
        }
        for upload in uploads.only("file", "original_name")
    ]
    context = {"show_dirs": False, "dirs": [], "files": files, "form": form}
    return render(request, "ckeditor/browse.html", context)
