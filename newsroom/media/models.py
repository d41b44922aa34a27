"""What the media package records: each image uploaded through the editor.

The seed of the media library: who uploaded which image, when, under what name and
how large, so the editor's file browser shows each person what they may see.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EditorUpload(models.Model):
    """An image uploaded through the rich-text editor (its dialog, a paste or a drop)."""

    file = models.FileField(_("file"), max_length=255, unique=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    # None: uploaded before uploads were recorded, or by an account since deleted.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("editor upload")
        verbose_name_plural = _("editor uploads")

    def __str__(self) -> str:
        return self.file.name
