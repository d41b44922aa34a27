from django.conf import settings
from django.db import models
from django.urls import reverse

from newsroom.images import validate_image
from newsroom.text import unique_slug


class Author(models.Model):
    """A byline: a staff member's, or a contributor's or pen name with no account."""

    name = models.CharField("tên", max_length=120)
    slug = models.SlugField(
        "đường dẫn",
        max_length=140,
        unique=True,
        blank=True,
        help_text="Để trống để tạo tự động từ tên.",
    )
    bio = models.TextField("giới thiệu", blank=True)
    avatar = models.ImageField(
        "ảnh đại diện", upload_to="authors/%Y/", blank=True, validators=[validate_image]
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text="Để trống cho cộng tác viên hoặc bút danh không có tài khoản.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "tác giả"
        verbose_name_plural = "tác giả"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Author, self.name, instance_pk=self.pk, max_length=140, fallback="tac-gia"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})
