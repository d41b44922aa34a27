"""The video/audio field, form side and model side, and the captions' check.

As with images (newsroom.media.fields): the form's `MediaUploadField` prepares the upload
once when it cleans it (newsroom.media.av: probe, copy without metadata, poster) and hands
on a PreparedMedia; `MediaFileField` stores that, records what it measured on the row
(kind, type, duration, size, dimensions) and gives the row its poster. A file saved by a
script goes through the same steps on save.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from newsroom.media.av import prepare_media

MAX_CAPTIONS_BYTES = 512 * 1024


class MediaUploadField(forms.FileField):
    def to_python(self, data):
        if data in self.empty_values:
            return None
        # An upload stopped while streaming in (upload_limits) is refused by its size here.
        return forms.FileField.to_python(self, prepare_media(data))


class MediaFileField(models.FileField):
    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            prepared = prepare_media(file.file)
            try:
                file.save(prepared.name, prepared, save=False)
            finally:
                prepared.cleanup()
            model_instance.kind = prepared.format.kind
            model_instance.content_type = prepared.format.content_type
            model_instance.duration = round(prepared.duration, 3)
            model_instance.size = prepared.size
            model_instance.width, model_instance.height = prepared.width, prepared.height
            if prepared.poster is not None and not model_instance.poster:
                model_instance.poster = prepared.poster
        return super().pre_save(model_instance, add)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": MediaUploadField, **kwargs, "max_length": None})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


def validate_webvtt(upload) -> None:
    """A captions file is WebVTT: UTF-8 text starting "WEBVTT", at most 512 KB."""
    if getattr(upload, "_committed", True) and not hasattr(upload, "chunks"):
        return
    size = getattr(upload, "size", 0) or 0
    if size > MAX_CAPTIONS_BYTES:
        raise ValidationError(
            _("The captions file is too large (%(size)s); the limit is %(limit)s."),
            code="captions_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_CAPTIONS_BYTES)},
        )
    upload.seek(0)
    head = upload.read(MAX_CAPTIONS_BYTES + 1)
    upload.seek(0)
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    if not text.startswith("WEBVTT") or not (upload.name or "").lower().endswith(".vtt"):
        raise ValidationError(
            _("Captions must be a WebVTT file (.vtt, UTF-8 text that starts with “WEBVTT”)."),
            code="not_webvtt",
        )
