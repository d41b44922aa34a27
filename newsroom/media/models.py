"""What the media package records: each image uploaded through the editor, and the pieces
of a story beside the text: embedded videos and posts, our own video and audio, galleries.

EditorUpload is the seed of the media library: who uploaded which image, when, under what
name and how large, so the editor's file browser shows each person what they may see.
Embed, MediaItem and Gallery are placed in an article's body by a reference element, or as
its lead (articles.body_references); each keeps a `card`, what a page shows, written on save.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.media.av_fields import MediaFileField, validate_webvtt
from newsroom.media.credits import credit_field
from newsroom.media.fields import CleanImageField
from newsroom.media.files import DeletesFilesOfFailedSave
from newsroom.media.focal_point import focus_fields


def staff_member(verbose_name) -> models.ForeignKey:
    """Who uploaded or made a piece; None once their account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


class EditorUpload(models.Model):
    """An image uploaded through the rich-text editor (its dialog, a paste or a drop)."""

    file = models.FileField(_("file"), max_length=255, unique=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    # Read from the photo's metadata at upload (newsroom.media.credits); editable.
    credit = credit_field(_("credit"))
    focus_x, focus_y = focus_fields()
    # None: uploaded before uploads were recorded, or by an account since deleted.
    uploaded_by = staff_member(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("editor upload")
        verbose_name_plural = _("editor uploads")

    def __str__(self) -> str:
        return self.file.name


def write_card(row, card: dict) -> None:
    """Keep the row's card: written after the save, since the files' pre_save (inside it)
    gives them their stored names and sizes."""
    if card != row.card:
        row.card = card
        type(row).objects.filter(pk=row.pk).update(card=card)


class Embed(DeletesFilesOfFailedSave, models.Model):
    """A video or post on another site (YouTube, Facebook, TikTok, X, Vimeo), as its provider
    described it once, at save time (newsroom.media.embeds): readers are shown this, and
    nothing is asked of the provider until a reader clicks play."""

    url = models.URLField(_("link"), max_length=2000, unique=True)
    provider = models.CharField(_("provider"), max_length=32)
    title = models.CharField(_("title"), max_length=300, blank=True)
    author_name = models.CharField(_("author"), max_length=200, blank=True)
    author_url = models.URLField(_("author's link"), max_length=2000, blank=True)
    # Built from the item's id by our own pattern (never the provider's HTML).
    player_url = models.URLField(_("player"), max_length=2000, editable=False)
    thumbnail = CleanImageField(
        _("thumbnail"),
        upload_to="embeds/%Y/%m/",
        blank=True,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    fetched_at = models.DateTimeField(_("asked at"), default=timezone.now, editable=False)
    # What an article page shows, from the columns above (stories.card_data): read in the
    # one query that resolves a body's references (articles.body_references).
    card = models.JSONField(default=dict, editable=False)

    class Meta:
        ordering = ["-fetched_at", "-id"]
        verbose_name = _("embedded video or post")
        verbose_name_plural = _("embedded videos and posts")

    def __str__(self) -> str:
        return self.title or self.url

    def save(self, *args, **kwargs):
        from newsroom.media import stories

        super().save(*args, **kwargs)
        write_card(self, stories.embed_card(self))


class MediaItem(DeletesFilesOfFailedSave, models.Model):
    """A video or audio file of our own: probed, stripped and given a poster at upload
    (newsroom.media.av), played by the reader's browser with no third party."""

    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")

    title = models.CharField(_("title"), max_length=255)
    file = MediaFileField(
        _("file"),
        upload_to="av/%Y/%m/",
        max_length=255,
        help_text=_(
            "MP4 (H.264/AAC) or WebM video, MP3 or M4A audio. Location and device data are "
            "removed without re-encoding; a video gets a poster frame."
        ),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, editable=False)
    content_type = models.CharField(_("content type"), max_length=40, editable=False)
    duration = models.FloatField(_("duration (seconds)"), default=0, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0, editable=False)
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster = CleanImageField(
        _("poster"),
        upload_to="posters/%Y/%m/",
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
        help_text=_("Taken from the video at upload; upload another picture to replace it."),
    )
    poster_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="captions/%Y/%m/",
        blank=True,
        max_length=255,
        validators=[validate_webvtt],
        help_text=_("Optional: a .vtt file of captions for viewers who cannot hear it."),
    )
    captions_language = models.CharField(
        _("language of the captions"), max_length=8, default="vi", blank=True
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    uploaded_by = staff_member(_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)
    card = models.JSONField(default=dict, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("video or audio")
        verbose_name_plural = _("videos and audio")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from newsroom.media import stories

        super().save(*args, **kwargs)
        write_card(self, stories.media_card(self))


class Gallery(models.Model):
    """A photo story: an ordered set of captioned, credited photos."""

    title = models.CharField(_("title"), max_length=255)
    created_by = staff_member(_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    card = models.JSONField(default=dict, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        from newsroom.media import stories

        if self.pk:
            self.card = stories.gallery_card(self)
        super().save(*args, **kwargs)

    def refresh_card(self) -> None:
        """Write the card again from the photos as stored (after one is saved or removed)."""
        from newsroom.media import stories

        self.card = stories.gallery_card(self)
        Gallery.objects.filter(pk=self.pk).update(card=self.card)


class GalleryImage(DeletesFilesOfFailedSave, models.Model):
    gallery = models.ForeignKey(Gallery, on_delete=models.CASCADE, related_name="images")
    image = CleanImageField(
        _("photo"),
        upload_to="galleries/%Y/%m/",
        width_field="width",
        height_field="height",
        focus_fields=("focus_x", "focus_y"),
        credit_field="credit",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it (the caption if empty)."),
    )
    credit = credit_field(_("credit"))
    focus_x, focus_y = focus_fields()
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.gallery.refresh_card()

    def delete(self, *args, **kwargs):
        gallery = self.gallery
        result = super().delete(*args, **kwargs)
        gallery.refresh_card()
        return result
