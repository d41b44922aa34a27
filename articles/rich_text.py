"""The rich-text editor, behind one field so it can be swapped without touching the rest.

Today it is CKEditor 4 (django-ckeditor) with image uploads; the stored value is
HTML that Article.save() sanitizes whatever editor produced it. Pictures pasted into
the text as data are checked by the form field (newsroom.media.pasted_images), and links
to videos and posts become embeds there (articles.body_references).
"""

from ckeditor_uploader.fields import RichTextUploadingField, RichTextUploadingFormField

from articles.body_references import place_references
from newsroom.media.pasted_images import check_pasted_images


class RichTextFormField(RichTextUploadingFormField):
    def clean(self, value):
        # Pasted pictures are checked; a provider's link alone on its line becomes an embed
        # (asking the provider now, at save time), [media:N] / [gallery:N] a reference.
        return place_references(check_pasted_images(super().clean(value)))


class RichTextField(RichTextUploadingField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

    def deconstruct(self):
        # Migrations see a plain TextField: they outlive any editor choice.
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("config_name", None)
        kwargs.pop("extra_plugins", None)
        kwargs.pop("external_plugin_resources", None)
        return name, "django.db.models.TextField", args, kwargs
