from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import set_language

from accounts.two_factor.views import AdminSignInView
from newsroom import views
from newsroom.media.editor_uploads import editor_image_browse, editor_image_upload

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Newsroom")

urlpatterns = [
    # The admin's login page links here ("Forgotten your password?"): the public reset page.
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="password_reset"),
        name="admin_password_reset",
    ),
    # The admin's sign-in, with the code step of two-factor sign-in (before the admin's own).
    path("admin/login/", AdminSignInView.as_view(), name="admin_sign_in"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    # The editor's image upload and file browser, only through our checks and records:
    # ckeditor_uploader's own urls are not included, as its `^upload/` pattern would also
    # take /ckeditor/upload/<anything>, and its browser shows everyone every upload.
    path("ckeditor/upload/", editor_image_upload, name="ckeditor_upload"),
    path(
        "ckeditor/browse/",
        never_cache(staff_member_required(editor_image_browse)),
        name="ckeditor_browse",
    ),
    # Choosing a language needs no CSRF token: a forged switch harms nobody, and public
    # pages stay free of per-visitor tokens (cacheable) while offering the switch.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("articles.urls")),
]

handler400 = "newsroom.views.bad_request"
handler403 = "newsroom.views.permission_denied"
handler500 = "newsroom.views.server_error"

if settings.BENCHMARK_VIEWS:  # bench/run.py's baseline; off unless asked for
    urlpatterns += [path("bench/constant", views.constant_bytes)]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
