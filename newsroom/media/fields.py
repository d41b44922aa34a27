"""The image field, form side and model side: each upload is checked and stripped once.

A form's `ImageUploadField` runs the image steps (newsroom.media.images) when it cleans
the upload and hands on a `CleanUpload`; `CleanImageField` stores that as it is, with its
renditions. An upload that did not come through a form (a script, seed_demo) is not a
CleanUpload, so the model field runs the same steps itself on save: no original with a
reporter's GPS position is ever written to storage, whoever saves.
"""

import os

from django import forms
from django.core.files.base import ContentFile
from django.db import models

from newsroom.media.files import readable_unique_name
from newsroom.media.images import CleanImage, strip_metadata
from newsroom.media.pictures import share_image
from newsroom.media.renditions import write_renditions


class CleanUpload(ContentFile):
    """An image upload already checked, upright and without metadata, under a new name."""

    def __init__(self, image: CleanImage, name: str):
        super().__init__(image.data, name=name)
        self.image = image


def clean_upload(upload) -> CleanUpload:
    """Check and strip an uploaded image (ValidationError says why it is refused)."""
    if isinstance(upload, CleanUpload):
        return upload
    image = strip_metadata(upload)
    name = readable_unique_name(os.path.basename(upload.name or ""), image.extension)
    return CleanUpload(image, name)


class ImageUploadField(forms.ImageField):
    """The form side: our messages (size, bomb, format), and the clean-up done here, once."""

    def to_python(self, data):
        # Not forms.ImageField's: that would open the file in Pillow again, any format.
        if data in self.empty_values:
            return None
        return forms.FileField.to_python(self, clean_upload(data))


class CleanImageField(models.ImageField):
    """An image upload that is stored checked, upright, without metadata, with renditions.

    `share_size_field` names a column that keeps the byte size of the share rendition
    (newsroom.media.pictures.share_image), so a feed can give its length without storage.
    """

    def __init__(self, *args, share_size_field: str | None = None, **kwargs):
        self.share_size_field = share_size_field
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            upload = clean_upload(file.file)  # as is when a form cleaned it
            # A named ContentFile: Django reads the new width and height from it.
            file.save(upload.name, upload, save=False)
            written = write_renditions(file.name, file.storage)
            if self.share_size_field:
                image = upload.image
                card = share_image(file.storage, file.name, image.width, image.height)
                setattr(model_instance, self.share_size_field, written.get(card.name))
        elif not file and self.share_size_field:
            setattr(model_instance, self.share_size_field, None)
        return super().pre_save(model_instance, add)

    def formfield(self, **kwargs):
        # max_length None: a long name is shortened on save, not refused.
        return super().formfield(**{"form_class": ImageUploadField, **kwargs, "max_length": None})

    def deconstruct(self):
        # Migrations see a plain ImageField: the clean-up is behaviour, not schema.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
