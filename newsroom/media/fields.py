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
from django.db import models, transaction

from newsroom.media.files import readable_unique_name
from newsroom.media.images import CleanImage, strip_metadata
from newsroom.media.pictures import share_image
from newsroom.media.renditions import CENTRE, Focus, delete_renditions, write_renditions


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
    `focus_fields` name the focal point's two columns (percent across, down): the fixed
    shapes are cropped around it, at upload and again when it moves (a save-time check of
    one name in storage). `credit_field` names the column that gets the credit the upload's
    metadata names (newsroom.media.credits), when it is empty.
    """

    def __init__(
        self,
        *args,
        share_size_field: str | None = None,
        focus_fields: tuple[str, str] | None = None,
        credit_field: str | None = None,
        **kwargs,
    ):
        self.share_size_field = share_size_field
        self.focus_fields = focus_fields
        self.credit_field = credit_field
        super().__init__(*args, **kwargs)

    def focus(self, instance) -> Focus:
        if not self.focus_fields:
            return CENTRE
        x, y = (getattr(instance, name) for name in self.focus_fields)
        return (CENTRE[0] if x is None else int(x), CENTRE[1] if y is None else int(y))

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        focus = self.focus(model_instance)
        if file and not file._committed:
            upload = clean_upload(file.file)  # as is when a form cleaned it
            if self.credit_field and not getattr(model_instance, self.credit_field):
                setattr(model_instance, self.credit_field, upload.image.credit)
            # A named ContentFile: Django reads the new width and height from it.
            file.save(upload.name, upload, save=False)
            written = write_renditions(file.name, file.storage, focus=focus)
            self.record_share_size(model_instance, file, upload.image, focus, written)
        elif file and self.focus_fields:
            self.follow_focus(model_instance, file, focus)
        elif not file and self.share_size_field:
            setattr(model_instance, self.share_size_field, None)
        return super().pre_save(model_instance, add)

    def follow_focus(self, instance, file, focus: Focus) -> None:
        """A moved focus: crop the shapes around it now, and drop the old crops once the
        save is committed (a restored revision's focus gets its crops back the same way)."""
        size = (getattr(instance, self.width_field), getattr(instance, self.height_field))
        if not all(size):
            return
        card = share_image(file.storage, file.name, *size, focus)
        if file.storage.exists(card.name):
            return
        written = write_renditions(file.name, file.storage, focus=focus, widths=False)
        self.record_share_size(instance, file, size, focus, written)
        name, storage = file.name, file.storage
        transaction.on_commit(lambda: delete_renditions(name, storage, keep_focus=focus))

    def record_share_size(self, instance, file, size, focus: Focus, written: dict) -> None:
        if not self.share_size_field:
            return
        width, height = (size.width, size.height) if hasattr(size, "width") else size
        card = share_image(file.storage, file.name, width, height, focus)
        setattr(instance, self.share_size_field, written.get(card.name))

    def formfield(self, **kwargs):
        # max_length None: a long name is shortened on save, not refused.
        return super().formfield(**{"form_class": ImageUploadField, **kwargs, "max_length": None})

    def deconstruct(self):
        # Migrations see a plain ImageField: the clean-up is behaviour, not schema.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
