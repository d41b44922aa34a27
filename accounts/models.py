from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.images import validate_image
from newsroom.text import unique_slug


class Author(models.Model):
    """A byline: a staff member's, or a contributor's or pen name with no account."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=140,
        unique=True,
        blank=True,
        help_text=_("Leave empty to make it from the name."),
    )
    bio = models.TextField(_("bio"), blank=True)
    avatar = models.ImageField(
        _("avatar"), upload_to="authors/%Y/", blank=True, validators=[validate_image]
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("Leave empty for a contributor or a pen name without an account."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Author, self.name, instance_pk=self.pk, max_length=140, fallback="author"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})
