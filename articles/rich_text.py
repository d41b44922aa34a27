"""The rich-text editor, behind one field so it can be swapped without touching the rest.

Today it is CKEditor 4 (django-ckeditor) with image uploads; the stored value is
HTML that Article.save() sanitizes whatever editor produced it.
"""

from ckeditor_uploader.fields import RichTextUploadingField


class RichTextField(RichTextUploadingField):
    def deconstruct(self):
        # Migrations see a plain TextField: they outlive any editor choice.
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("config_name", None)
        kwargs.pop("extra_plugins", None)
        kwargs.pop("external_plugin_resources", None)
        return name, "django.db.models.TextField", args, kwargs
