import os
import unicodedata
from uuid import uuid4

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Author
from articles.body_images import fill_missing_alt
from articles.rich_text import RichTextField
from articles.sanitize import sanitize_html
from articles.search import search, search_columns
from newsroom.media.credits import credit_field
from newsroom.media.documents import kind_of, validate_attachment
from newsroom.media.fields import CleanImageField
from newsroom.media.files import DeletesFilesOfFailedSave, clean_filename
from newsroom.media.focal_point import focus_fields
from newsroom.media.images import strip_metadata
from newsroom.media.pasted_images import store_pasted_images
from newsroom.reverse import reverse_slug
from newsroom.text import one_line, unique_slug


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=80)
    # Tag names are unique whatever their case: "Kinh tế" and "KINH TẾ" are one tag.
    # SQLite's lower() folds ASCII only, so the key is folded in Python on save.
    name_key = models.CharField(max_length=80, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.name.strip()
        self.name_key = self.key_for(self.name)
        if not self.slug:
            self.slug = unique_slug(
                Tag, self.name, instance_pk=self.pk, max_length=100, fallback="tag"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse_slug("articles:tag", self.slug)

    @staticmethod
    def key_for(name: str) -> str:
        return unicodedata.normalize("NFC", name.strip()).casefold()

    def clean(self):
        clash = Tag.objects.filter(name_key=self.key_for(self.name)).exclude(pk=self.pk)
        if self.name and clash.exists():
            raise ValidationError(
                {"name": _("A tag with this name already exists (case is ignored).")}, code="unique"
            )


class ArticleQuerySet(models.QuerySet):
    # The clock splits a published article into live and scheduled; these three are the
    # only places that say how (Article.state_at says it for one article).

    def live(self):
        """Published, and its publication time has come: what readers may see."""
        return self.filter(status=Article.State.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published with a publication time still to come: public on that minute."""
        return self.filter(status=Article.State.PUBLISHED, published_at__gt=timezone.now())

    def in_state(self, state: "Article.State"):
        """The articles whose `state` is `state` (the admin's filter, the desk's lists)."""
        if state == Article.State.PUBLISHED:
            return self.live()
        if state == Article.State.SCHEDULED:
            return self.scheduled()
        return self.filter(status=state)

    def published(self):
        """Publicly visible (live()), newest first: every public page, feed and sitemap."""
        # Public rows always have a time, so this order walks the article_public_order index
        # (the default order's NULLS LAST would make PostgreSQL sort instead).
        return self.live().order_by("-published_at", "-id")

    def published_with_tag(self, tag):
        """published() articles with this tag, newest first, read through TagListing's index."""
        return (
            self.published()
            .filter(tag_listings__tag=tag, tag_listings__published_at__lte=timezone.now())
            .order_by("-tag_listings__published_at", "-tag_listings__article_id")
        )

    def withdrawn_with_notice(self):
        """Withdrawn articles whose address tells readers so (410, with the reason)."""
        return self.filter(status=Article.State.WITHDRAWN, takedown=Article.Takedown.NOTICE)

    def search(self, query: str):
        """Articles containing every word of `query`, with or without diacritics."""
        return search(self, query)

    def for_summaries(self):
        """Only the columns a summary shows (articles/templatetags/summaries.py): no body, and
        one date-time a row rather than four (each is parsed in Python). The bylines come
        after pagination (articles.public.prefetch.with_listed_authors)."""
        return self.only(
            "title",
            "slug",
            "summary",
            "cover_image",
            "cover_width",
            "cover_height",
            "cover_focus_x",
            "cover_focus_y",
            "published_at",
        )


@reversion.register(follow=["bylines"])
class Article(DeletesFilesOfFailedSave, models.Model):
    class State(models.TextChoices):
        """Where an article stands in its lifecycle (articles/workflow.py moves it).

        Four are stored in `status`; SCHEDULED never is: it is a published article whose
        publication time is still to come, and it becomes PUBLISHED (live) on that minute
        by the clock alone, with no write and no worker.
        """

        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Awaiting review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Takedown(models.TextChoices):
        """What the address of a withdrawn article answers."""

        NOTICE = "notice", _("Public notice (410 Gone, with the date and the reason)")
        SILENT = "silent", _("Silent (404 Not Found, for legal cases)")

    # The choices of `status`: every state but SCHEDULED.
    STORED_STATES = [choice for choice in State.choices if choice[0] != "scheduled"]

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Leave empty to make it from the title (without diacritics)."),
    )
    summary = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("The opening paragraph, plain text, shown under the title."),
    )
    body = RichTextField(_("body"), blank=True)
    cover_image = CleanImageField(
        _("cover image"),
        upload_to="covers/%Y/%m/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        share_size_field="cover_share_size",
        focus_fields=("cover_focus_x", "cover_focus_y"),
        credit_field="cover_credit",
        help_text=_(
            "JPEG, PNG, WebP or GIF. Location and camera data are removed when it is saved; "
            "an animation is kept as its first frame, a still picture."
        ),
    )
    # Known without opening the file, so pages can list the renditions' sizes.
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The share rendition's bytes: the feed's enclosure length, with no call to storage.
    cover_share_size = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_caption = models.CharField(_("cover caption"), max_length=300, blank=True)
    cover_credit = credit_field(_("cover credit"))
    # Where the cover's subject is (percent): listings and share cards are cropped around it.
    cover_focus_x, cover_focus_y = focus_fields()
    cover_alt = models.CharField(
        _("cover alt text"),
        max_length=300,
        blank=True,
        help_text=_("Describes the image for readers who cannot see it; needed before publishing."),
    )
    # An embed, a video/audio item or a gallery shown in the cover's place, as a reference
    # "embed:12", "media:3" or "gallery:5" (articles.body_references; the form takes a link).
    lead_media = models.CharField(
        _("lead media"),
        max_length=40,
        blank=True,
        help_text=_(
            "Optional, shown at the top in the cover's place: paste a link to a video or post "
            "(YouTube, Facebook, TikTok, X, Vimeo), or media:N or gallery:N from the item's page. "
            "The cover still stands for the article in listings and on social networks."
        ),
    )
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", verbose_name=_("authors")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    status = models.CharField(
        _("status"), max_length=16, choices=STORED_STATES, default=State.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=(
            _("Local time. A time in the future schedules the article: it appears on that minute.")
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last edited by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Lost-update protection: a save must name the version it started from.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Until then nobody may publish it (articles/workflow.py's embargo rule); lifting it
    # earlier is the Editor-in-chief's, with a reason.
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Local time. Nobody can publish the article before it; it can be scheduled for it. "
            "Only an editor-in-chief can lift it earlier."
        ),
    )
    # How a withdrawal shows to readers (articles/workflow.py sets these on WITHDRAW).
    takedown = models.CharField(
        _("takedown"), max_length=8, choices=Takedown.choices, blank=True, editable=False
    )
    takedown_reason = models.TextField(_("takedown reason"), blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    # The latest public correction ("Đính chính"); articles/workflow.py sets both, and
    # keeps every one as a Correction (articles/corrections.py).
    correction_note = models.TextField(_("correction note"), blank=True, editable=False)
    corrected_at = models.DateTimeField(_("corrected at"), null=True, blank=True, editable=False)
    # The words of title, lead and body, folded and as written, for search (articles.search).
    search_text = models.TextField(editable=False, blank=True, default="")
    search_exact = models.TextField(editable=False, blank=True, default="")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        # Drafts (no publication time) last on PostgreSQL as on SQLite.
        ordering = [models.F("published_at").desc(nulls_last=True), "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Public listings filter on status and walk this index newest first, with no sort.
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_order")
        ]
        # A published article without a time is neither live nor scheduled: readers would
        # not see it while the newsroom's list called it published.
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published article needs a publication time."),
            )
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule, return and withdraw articles")),
            ("lift_embargo", _("Can lift an embargo before its time")),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Article,
                self.title,
                instance_pk=self.pk,
                max_length=200,
                taken=OldSlug.objects.exclude(article_id=self.pk).filter,
            )
        self.prepare_for_bulk()
        # Every save is a new version: a form started from an older one is refused.
        if self.pk is not None:
            self.version += 1
        # Whole seconds, so the admin's date-time inputs round-trip the value exactly.
        if self.published_at is not None:
            self.published_at = self.published_at.replace(microsecond=0)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "search_exact"}
        super().save(*args, **kwargs)
        self._remember_old_slug()

    def get_absolute_url(self) -> str:
        return reverse_slug("articles:detail", self.slug)

    def prepare_for_bulk(self) -> None:
        """The derived columns save() stores; bulk_create skips save(), so call this first."""
        # A title is one line: it heads pages, feeds and mail subjects (where a break fails).
        self.title = one_line(self.title)
        # Pictures pasted as data become uploads first: the sanitizer would drop them.
        self.body = store_pasted_images(self.body, by_id=self.updated_by_id)
        # Whoever saves (admins included), the body is sanitized before it is stored.
        self.body = fill_missing_alt(sanitize_html(self.body))
        self.search_text, self.search_exact = search_columns(self.title, self.summary, self.body)

    def state_at(self, now) -> "Article.State":
        """The article's state at the moment `now` (see State)."""
        if self.status == self.State.PUBLISHED and self.published_at and self.published_at > now:
            return self.State.SCHEDULED
        return self.State(self.status)

    @property
    def state(self) -> "Article.State":
        return self.state_at(timezone.now())

    def is_published(self) -> bool:
        """Return True if the article is publicly visible."""
        return self.state == self.State.PUBLISHED

    def is_scheduled(self) -> bool:
        """Return True if the article is published with a time still to come."""
        return self.state == self.State.SCHEDULED

    def is_embargoed(self, now=None) -> bool:
        """Return True while the embargo holds: nobody may publish the article yet."""
        return self.embargo_until is not None and self.embargo_until > (now or timezone.now())

    @property
    def ordered_authors(self) -> list[Author]:
        """The byline's authors, first listed first (prefetched ones when a page loaded them)."""
        if hasattr(self, "page_authors"):  # see articles/public/prefetch.py
            return self.page_authors
        return [byline.author for byline in self.bylines.select_related("author")]

    @property
    def modified_at(self):
        """What readers are told was the last change: the latest correction, else publication."""
        return self.corrected_at or self.published_at

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What readers may have linked to, so that a changed slug can redirect (OldSlug).
        instance._stored_slug = instance.__dict__.get("slug")
        return instance

    def _remember_old_slug(self) -> None:
        stored = getattr(self, "_stored_slug", None)
        # Only an article that has gone out (or is scheduled to) has links to keep alive.
        if stored and stored != self.slug and self.published_at is not None:
            OldSlug.objects.update_or_create(slug=stored, defaults={"article": self})
        self._stored_slug = self.slug


class OldSlug(models.Model):
    """An address an article had: /articles/<old slug>/ redirects permanently to its new one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self) -> str:
        return self.slug


@reversion.register()
class Byline(models.Model):
    """An author's place in an article's byline (first listed first)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("byline")
        verbose_name_plural = _("byline (in order)")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_unique_author")
        ]

    def __str__(self) -> str:
        return self.author.name


class TagListing(models.Model):
    """A published article's entry in one of its tags' listings (articles/tag_listings.py).

    Its publication time is copied beside the tag, so that a tag page reads its 20 entries
    from one index, newest first, instead of walking every public article to find those
    with the tag (3 ms of SQL a tag page at 100,000 articles; docs/benchmarks.md).
    """

    # No index of its own: both below start with the tag.
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+", db_index=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tag_listings")
    published_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "article"], name="tag_listing_unique")
        ]
        indexes = [
            models.Index(fields=["tag", "-published_at", "-article"], name="tag_listing_order")
        ]

    def __str__(self) -> str:
        return f"{self.tag_id}: {self.article_id} @ {self.published_at}"


class Transition(models.Model):
    """One step of an article's lifecycle: who moved it, when, from where to where, why."""

    class Action(models.TextChoices):
        """What a person can do to an article (articles/workflow.py says who and when)."""

        SUBMIT = "submit", _("Submit for review")
        RETURN = "return", _("Return to writer")
        PUBLISH = "publish", _("Publish now")
        SCHEDULE = "schedule", _("Schedule")
        WITHDRAW = "withdraw", _("Withdraw")
        REPUBLISH = "republish", _("Publish again")
        CORRECT = "correct", _("Publish correction")
        SCHEDULE_AT_EMBARGO = "at_embargo", _("Schedule for the embargo's end")
        LIFT_EMBARGO = "lift_embargo", _("Lift the embargo now")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=16, choices=Article.STORED_STATES)
    to_status = models.CharField(_("to"), max_length=16, choices=Article.STORED_STATES)
    note = models.TextField(_("note"), blank=True)
    # What else the record needs: a withdrawal's kind, the embargo time an early lift ended.
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"


class Autosave(models.Model):
    """What one person was typing in one article's form, kept between saves (no revision)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # None: the add form, before the article exists.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="autosaves"
    )
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"], name="autosave_one_per_user_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} / {self.article_id or '-'} @ {self.saved_at:%H:%M:%S}"


def attachment_path(attachment: "Attachment", filename: str) -> str:
    """A generated storage name: never a path the uploader chose."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"attachments/{timezone.now():%Y/%m}/{uuid4().hex}{extension}"


class Attachment(DeletesFilesOfFailedSave, models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"),
        upload_to=attachment_path,
        validators=[validate_attachment],
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, TXT, CSV, ZIP, JPG or PNG."),
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    original_filename = models.CharField(
        _("original file name"), max_length=255, blank=True, editable=False
    )
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0, editable=False)
    content_type = models.CharField(_("content type"), max_length=120, blank=True, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        # Only a new upload is measured; `self.file.file` would reopen a stored file.
        upload = self.file.file if self.file and not self.file._committed else None
        if upload is not None:
            self.original_filename = clean_filename(upload.name, fallback=gettext("attachment"))
            kind = validate_attachment(upload)
            if kind.content_type.startswith("image/"):
                # Photos attached as files lose their location data like every other image.
                upload = ContentFile(strip_metadata(upload).data, name=self.original_filename)
                self.file = upload
            self.size = upload.size
            self.content_type = kind.content_type
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:attachment", kwargs={"pk": self.pk})

    @property
    def display_name(self) -> str:
        return self.title or self.original_filename or os.path.basename(self.file.name)

    @property
    def extension(self) -> str:
        name = self.original_filename or self.file.name
        return os.path.splitext(name)[1].lstrip(".").upper()

    @property
    def kind_label(self) -> str:
        kind = kind_of(self.original_filename or self.file.name)
        return kind.label if kind else self.extension


class ReadCount(models.Model):
    """How many times readers opened an article in one hour (articles/public/most_read.py)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField()  # its start
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="read_count_unique_hour")
        ]
        indexes = [models.Index(fields=["hour"], name="read_count_hour")]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}: {self.count}"


class MostRead(models.Model):
    """One place in a most-read list (the last 24 hours or 7 days), as the last count made it."""

    class Period(models.TextChoices):
        DAY = "day", _("Last 24 hours")
        WEEK = "week", _("Last 7 days")

    period = models.CharField(max_length=8, choices=Period.choices)
    position = models.PositiveSmallIntegerField()
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="most_read")
    reads = models.PositiveIntegerField()

    class Meta:
        ordering = ["period", "position"]
        constraints = [
            models.UniqueConstraint(fields=["period", "position"], name="most_read_unique_place")
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.position}: {self.article_id} ({self.reads})"


class Correction(models.Model):
    """One public correction of an article, kept for good: the page lists them all, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    note = models.TextField(_("correction note"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.at}: {self.note[:40]}"


class PreviewLink(models.Model):
    """A signed address showing an unpublished article's preview to someone outside the
    newsroom until it expires or is revoked (articles/editorial/preview_links.py)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    recipient = models.CharField(
        _("for"),
        max_length=200,
        help_text=_(
            "Who it is for, e.g. “Báo Thanh Niên, desk” or “the source, to check a quote”."
        ),
    )
    expires_at = models.DateTimeField(_("expires at"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self) -> str:
        return f"{self.article_id} → {self.recipient}"

    def is_open(self, now=None) -> bool:
        """Neither revoked nor past its expiry."""
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class PreviewLinkOpening(models.Model):
    """Somebody opened a preview link (whether or not it still worked)."""

    link = models.ForeignKey(PreviewLink, on_delete=models.CASCADE, related_name="openings")
    at = models.DateTimeField(_("at"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("address"), null=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    shown = models.BooleanField(_("shown"), default=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("preview link opening")
        verbose_name_plural = _("preview link openings")

    def __str__(self) -> str:
        return f"{self.link_id} @ {self.at}"


class AuditEntry(Transition):
    """The audit log's admin page (articles/editorial/audit.py); its view permission is who
    may read it. Its rows are transitions, account events and preview links together."""

    class Meta:
        proxy = True
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        default_permissions = ["view"]
