"""Uploaded files: safe names, and no file left behind in storage.

A stored file goes when its row is deleted (one by one, in bulk or by cascade) or when
a new upload replaces it, and only once the database change is committed, so a
rolled-back delete never loses a file. A replaced file that a kept revision still
refers to stays, so restoring that revision brings it back; it goes with its row. A
save that fails after its file was written removes that file again.
"""

import os
import unicodedata
from uuid import uuid4

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save

from newsroom.media.renditions import delete_renditions
from newsroom.text import vn_slugify

MAX_NAME_LENGTH = 255


def clean_filename(filename: str, *, fallback: str = "file") -> str:
    """The name a person gave the file, safe to show and to send back.

    No folders ("../../x.pdf" -> "x.pdf"), no control or direction-changing characters
    ("bill\\u202efdp.exe" cannot pose as a PDF), NFC (macOS sends decomposed letters),
    and at most 255 characters with the extension kept.
    """
    name = unicodedata.normalize("NFC", filename or "").replace("\\", "/")
    name = name.rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] not in ("C", "Z") or c == " ")
    name = " ".join(name.split()).rstrip(". ")
    stem, extension = os.path.splitext(name)
    if not extension and stem.startswith(".") and "." not in stem[1:]:
        stem, extension = "", stem  # ".pdf" is an extension with no name
    stem = stem.strip(". ") or fallback
    extension = extension.lower()[:16]
    return f"{stem[: MAX_NAME_LENGTH - len(extension)].rstrip()}{extension}"


def readable_unique_name(filename: str, extension: str, *, fallback: str = "anh") -> str:
    """A storage name from the person's: "Ảnh Tháp Chàm.JPG" -> "anh-thap-cham-1a2b3c4d.jpg"."""
    stem = os.path.splitext(clean_filename(filename))[0]
    return f"{vn_slugify(stem)[:60].strip('-') or fallback}-{uuid4().hex[:8]}{extension}"


def delete_stored(storage, name: str) -> None:
    """Remove a stored file and, for images, its renditions."""
    if not name:
        return
    storage.delete(name)
    delete_renditions(name, storage)


def _file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


class DeletesFilesOfFailedSave:
    """Model mixin: a save that raises removes the files it had just stored (those its
    fields' pre_save stored, such as a video's poster, included)."""

    def save(self, *args, **kwargs):
        fields = _file_fields(type(self))
        before = {f.attname: _stored_name(getattr(self, f.attname)) for f in fields}
        try:
            super().save(*args, **kwargs)
        except BaseException:
            for field in fields:
                stored = getattr(self, field.attname)
                new = _stored_name(stored)
                if new and new != before[field.attname]:
                    delete_stored(stored.storage, new)
            raise


def _stored_name(file) -> str:
    """The name a file field's value has in storage ("" for nothing, or not stored yet)."""
    return file.name if file and file._committed and file.name else ""


def connect_file_cleanup(model, *, in_revisions=None) -> None:
    """Remove `model`'s files from storage when rows go or their files are replaced.

    `in_revisions(instance, field)`, for a model with revisions, names the files of that
    field its kept revisions refer to: those are not deleted when replaced.
    """
    fields = _file_fields(model)

    def kept(instance, field) -> set[str]:
        return in_revisions(instance, field) if in_revisions else set()

    uid = f"file-cleanup-{model._meta.label}"

    def remember_old_names(sender, instance, raw=False, **kwargs):
        instance._stored_file_names = {}
        if raw or instance.pk is None:
            return
        old = sender._default_manager.filter(pk=instance.pk).values(*[f.attname for f in fields])
        instance._stored_file_names = old.first() or {}

    def delete_replaced(sender, instance, raw=False, **kwargs):
        for field in fields:
            old = getattr(instance, "_stored_file_names", {}).get(field.attname)
            current = getattr(instance, field.attname)
            if old and old != current.name and old not in kept(instance, field):
                _delete_on_commit(field.storage, old)

    def delete_with_row(sender, instance, **kwargs):
        for field in fields:
            stored = getattr(instance, field.attname)
            names = {stored.name} if stored and stored.name else set()
            for name in names | kept(instance, field):
                _delete_on_commit(field.storage, name)

    pre_save.connect(remember_old_names, sender=model, dispatch_uid=f"{uid}-pre", weak=False)
    post_save.connect(delete_replaced, sender=model, dispatch_uid=f"{uid}-post", weak=False)
    post_delete.connect(delete_with_row, sender=model, dispatch_uid=f"{uid}-del", weak=False)


def _delete_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: delete_stored(storage, name))
