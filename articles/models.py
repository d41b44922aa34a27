import mimetypes
import os
import unicodedata
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from accounts.models import Author
from articles.sanitize import sanitize_html
from articles.widgets import RichTextField
from newsroom.images import validate_image
from newsroom.text import unique_slug


class Tag(models.Model):
    name = models.CharField("tên", max_length=80)
    # Tag names are unique whatever their case: "Kinh tế" and "KINH TẾ" are one tag.
    # SQLite's lower() folds ASCII only, so the key is folded in Python on save.
    name_key = models.CharField(max_length=80, unique=True, editable=False)
    slug = models.SlugField("đường dẫn", max_length=100, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "tag"
        verbose_name_plural = "tag"

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
        return reverse("articles:tag", kwargs={"slug": self.slug})

    @staticmethod
    def key_for(name: str) -> str:
        return unicodedata.normalize("NFC", name.strip()).casefold()

    def clean(self):
        clash = Tag.objects.filter(name_key=self.key_for(self.name)).exclude(pk=self.pk)
        if self.name and clash.exists():
            raise ValidationError(
                {"name": "Đã có tag với tên này (không phân biệt hoa thường)."}, code="unique"
            )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Publicly visible: published, and its publication time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """What a listing shows of each article, in a fixed number of queries."""
        return self.prefetch_related(
            models.Prefetch(
                "bylines", queryset=Byline.objects.select_related("author").order_by("position")
            )
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Bản nháp"
        REVIEW = "review", "Chờ duyệt"
        PUBLISHED = "published", "Đã xuất bản"
        WITHDRAWN = "withdrawn", "Đã gỡ"

    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề (không dấu).",
    )
    summary = models.TextField(
        "sapo", blank=True, help_text="Đoạn dẫn đầu bài, văn bản thuần, hiện dưới tiêu đề."
    )
    body = RichTextField("nội dung", blank=True)
    cover_image = models.ImageField(
        "ảnh bìa", upload_to="covers/%Y/%m/", blank=True, validators=[validate_image]
    )
    cover_caption = models.CharField("chú thích ảnh bìa", max_length=300, blank=True)
    cover_alt = models.CharField(
        "mô tả ảnh bìa (alt)",
        max_length=300,
        blank=True,
        help_text="Mô tả ảnh cho người đọc không nhìn thấy ảnh; cần có trước khi xuất bản.",
    )
    authors = models.ManyToManyField(
        Author, through="Byline", related_name="articles", verbose_name="tác giả"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name="tag")
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        "thời điểm xuất bản",
        null=True,
        blank=True,
        help_text=(
            "Giờ Việt Nam. Một thời điểm trong tương lai là lên lịch: bài tự hiện đúng phút đó."
        ),
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa cuối",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Lost-update protection: a save must name the version it started from.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        indexes = [models.Index(fields=["status", "-published_at"], name="article_status_pub")]
        permissions = [("publish_article", "Có thể xuất bản, lên lịch, trả lại và gỡ bài")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.title, instance_pk=self.pk, max_length=200)
        # Whoever saves (admins included), the body is sanitized before it is stored.
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def is_published(self) -> bool:
        """Return True if the article is publicly visible."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def ordered_authors(self) -> list[Author]:
        return [byline.author for byline in self.bylines.all()]


class Byline(models.Model):
    """An author's place in an article's byline (first listed first)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        Author, verbose_name="tác giả", on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "tác giả"
        verbose_name_plural = "tác giả (theo thứ tự)"
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_unique_author")
        ]

    def __str__(self) -> str:
        return self.author.name


def attachment_path(attachment: "Attachment", filename: str) -> str:
    """A generated storage name: never a path the uploader chose."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"attachments/{timezone.now():%Y/%m}/{uuid4().hex}{extension}"


class Attachment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("tệp", upload_to=attachment_path)
    title = models.CharField("tên hiển thị", max_length=255, blank=True)
    original_filename = models.CharField("tên tệp gốc", max_length=255, blank=True, editable=False)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0, editable=False)
    content_type = models.CharField("kiểu tệp", max_length=120, blank=True, editable=False)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        upload = getattr(self.file, "file", None)
        if upload is not None and not self.file._committed:
            self.original_filename = os.path.basename(upload.name)[:255]
            self.size = upload.size
            self.content_type = guess_type(upload.name)
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


def guess_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"
