"""The media package's admin: the editor's images (credit, focal point), embeds, our own
video and audio, and galleries. Each item's page shows the line to type in a body
([media:3], [gallery:5]) or in an article's lead field (media:3, gallery:5)."""

from django import forms
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.media import focal_point
from newsroom.media.models import EditorUpload, Embed, Gallery, GalleryImage, MediaItem
from newsroom.media.stories import duration_text


class StaffMediaAdmin(admin.ModelAdmin):
    """Who may add, change and delete each piece: the roles' model permissions
    (accounts.roles.GRANTS: writers add and change, editors delete too)."""

    @admin.display(description=_("to place it"))
    def placing(self, obj) -> str:
        if not obj or not obj.pk:
            return ""
        kind = {MediaItem: "media", Gallery: "gallery", Embed: "embed"}[type(obj)]
        return format_html(
            "<code>[{0}:{1}]</code> {2} · <code>{0}:{1}</code> {3}",
            kind,
            obj.pk,
            _("alone on a line of the body"),
            _("in an article's lead media"),
        )


class FocusForm:
    """A model form whose image gets the clickable focal point (newsroom.media.focal_point)."""

    image_field, across, down = "image", "focus_x", "focus_y"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        image = getattr(instance, self.image_field, None)
        width = getattr(instance, "width", None)
        height = getattr(instance, "height", None)
        focal_point.attach_widget(self, self.across, self.down, image, width, height)


@admin.register(EditorUpload)
class EditorUploadAdmin(StaffMediaAdmin):
    list_display = ["original_name", "credit", "width", "height", "uploaded_by", "uploaded_at"]
    search_fields = ["original_name", "file", "credit"]
    fields = ["file", "original_name", "credit", ("focus_x", "focus_y"), "size"]
    readonly_fields = ["file", "original_name", "size"]

    def has_add_permission(self, request):
        return False  # they come from the editor's image dialog

    def get_form(self, request, obj=None, **kwargs):
        base = super().get_form(request, obj, **kwargs)
        return type("EditorUploadForm", (FocusForm, base), {"image_field": "file"})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if {"focus_x", "focus_y"} & set(form.changed_data):
            from django.core.files.storage import default_storage

            from newsroom.media.renditions import delete_renditions, write_renditions

            focus = (obj.focus_x, obj.focus_y)
            write_renditions(obj.file.name, default_storage, focus=focus, widths=False)
            delete_renditions(obj.file.name, default_storage, keep_focus=focus)


@admin.register(Embed)
class EmbedAdmin(StaffMediaAdmin):
    list_display = ["title", "provider", "author_name", "fetched_at"]
    list_filter = ["provider"]
    search_fields = ["title", "url", "author_name"]
    fields = ["url", "title", "author_name", "thumbnail", "placing"]
    readonly_fields = ["url", "placing"]

    def has_add_permission(self, request):
        return False  # made from a link pasted into an article


@admin.register(MediaItem)
class MediaItemAdmin(StaffMediaAdmin):
    list_display = ["title", "kind", "length", "human_size", "uploaded_by", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "credit"]
    fields = [
        "title",
        "file",
        "poster",
        "captions",
        "captions_language",
        "credit",
        "placing",
        "kind",
        "length",
        "human_size",
    ]
    readonly_fields = ["placing", "kind", "length", "human_size"]

    @admin.display(description=_("duration"))
    def length(self, item) -> str:
        return duration_text(item.duration) if item.pk else ""

    @admin.display(description=_("size"))
    def human_size(self, item) -> str:
        return filesizeformat(item.size) if item.pk else ""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


class GalleryImageForm(FocusForm, forms.ModelForm):
    class Meta:
        model = GalleryImage
        fields = ["image", "caption", "alt", "credit", "focus_x", "focus_y", "position"]


class GalleryImageInline(admin.StackedInline):
    model = GalleryImage
    form = GalleryImageForm
    extra = 3
    fields = ["image", "caption", "alt", "credit", ("focus_x", "focus_y"), "position"]


@admin.register(Gallery)
class GalleryAdmin(StaffMediaAdmin):
    list_display = ["title", "photos", "created_by", "created_at"]
    search_fields = ["title"]
    fields = ["title", "placing"]
    readonly_fields = ["placing"]
    inlines = [GalleryImageInline]

    @admin.display(description=_("photos"))
    def photos(self, gallery) -> int:
        return len(gallery.card.get("images", []))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_card()
