"""Model fields for uploaded images."""

import os

from django.core.files.base import ContentFile
from django.db import models

from newsroom.media.files import readable_unique_name
from newsroom.media.images import ImageUploadField, strip_metadata
from newsroom.media.renditions import make_renditions


class CleanImageField(models.ImageField):
    """An image upload that is stored checked, upright, without metadata, with renditions.

    It happens on save, whoever saves (admin, a script, seed_demo), so no original with
    a reporter's GPS position is ever written to storage.
    """

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            clean = strip_metadata(file.file)
            name = readable_unique_name(os.path.basename(file.name), clean.extension)
            # A named ContentFile: Django reads the new width and height from it.
            file.save(name, ContentFile(clean.data, name=name), save=False)
            make_renditions(file.name, file.storage)
        return super().pre_save(model_instance, add)

    def formfield(self, **kwargs):
        # max_length None: a long name is shortened on save, not refused.
        return super().formfield(**{"form_class": ImageUploadField, **kwargs, "max_length": None})

    def deconstruct(self):
        # Migrations see a plain ImageField: the clean-up is behaviour, not schema.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
