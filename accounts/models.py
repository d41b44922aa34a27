import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, TimestampMixin

from newsroom.media.fields import CleanImageField
from newsroom.media.files import DeletesFilesOfFailedSave
from newsroom.reverse import reverse_slug
from newsroom.text import unique_slug


class Author(DeletesFilesOfFailedSave, models.Model):
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
    avatar = CleanImageField(
        _("avatar"),
        upload_to="authors/%Y/",
        blank=True,
        width_field="avatar_width",
        height_field="avatar_height",
        help_text=_(
            "A square photo looks best. Location and camera data are removed; an animation "
            "is kept as its first frame."
        ),
    )
    avatar_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    avatar_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
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
        return reverse_slug("articles:author", self.slug)


class AccountEvent(models.Model):
    """Who did what to whose account, and when: every change made to a staff account."""

    class Action(models.TextChoices):
        CREATED = "created", _("Account created")
        CHANGED = "changed", _("Details changed")
        ROLE_CHANGED = "role_changed", _("Role changed")
        DEACTIVATED = "deactivated", _("Deactivated")
        REACTIVATED = "reactivated", _("Reactivated")
        PASSWORD_LINK_SENT = "password_link_sent", _("Password link sent")
        PASSWORD_SET = "password_set", _("Password set by an admin")
        UNLOCKED = "unlocked", _("Sign-in unlocked")
        SUPERUSER_CHANGED = "superuser_changed", _("Superuser status changed")
        TWO_FACTOR_ENROLLED = "2fa_enrolled", _("Two-factor sign-in set up")
        TWO_FACTOR_RESET = "2fa_reset", _("Two-factor sign-in reset by an admin")
        TWO_FACTOR_FAILED = "2fa_failed", _("Wrong sign-in code")
        RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
        RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("New recovery codes made")

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="account_events",
    )
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("account event")
        verbose_name_plural = _("account events")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.subject}"


class PasswordResetRequest(models.Model):
    """Somebody asked for a reset link for this address; the mail sender finds the account.

    Recorded alike for every address, so the reset page cannot tell which have accounts;
    the rows also count requests for the limits (accounts/password_links.py).
    """

    email = models.EmailField(_("email address"))
    client_ip = models.GenericIPAddressField(_("client address"), null=True)
    requested_at = models.DateTimeField(_("asked at"), default=timezone.now)
    handled_at = models.DateTimeField(_("handled at"), null=True)

    class Meta:
        verbose_name = _("password reset request")
        verbose_name_plural = _("password reset requests")
        indexes = [
            models.Index(fields=["email", "requested_at"]),
            models.Index(fields=["client_ip", "requested_at"]),
            models.Index(fields=["handled_at"]),
        ]

    def __str__(self) -> str:
        return self.email


class SecondFactorRule(models.Model):
    """Whether one role must sign in with a second factor (a site setting admins change)."""

    # Not accounts.roles.Role: the rows are the roles' names, and roles.py imports this app.
    role = models.CharField(_("role"), max_length=40, unique=True)
    required = models.BooleanField(
        _("two-factor sign-in required"),
        default=True,
        help_text=_(
            "People of this role who have not set up an authenticator app are sent to set it "
            "up right after their password, and reach nothing else until they do."
        ),
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("two-factor sign-in rule")
        verbose_name_plural = _("two-factor sign-in rules")

    def __str__(self) -> str:
        return self.role


def hash_recovery_code(code: str) -> str:
    """The stored form of a recovery code: SHA-256 of its letters, lower case, no dashes.

    The codes are 80 random bits, so a plain fast hash leaves nothing to guess from a copy of
    the table, and a code is found by its hash in one query (a slow password hash would have
    to be tried against each of the ten).
    """
    letters = "".join(ch for ch in (code or "").lower() if ch.isalnum())
    return hashlib.sha256(letters.encode()).hexdigest()


class RecoveryCodeDevice(TimestampMixin, Device):
    """A person's ten one-time recovery codes, as a django-otp device; only hashes are kept
    (django-otp's own static device stores its codes as they are)."""

    class Meta(Device.Meta):
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def verify_token(self, token) -> bool:
        """A code not used before: it is used up now."""
        used = self.codes.filter(code_hash=hash_recovery_code(token), used_at__isnull=True)
        if not used.update(used_at=timezone.now()):
            return False
        self.set_last_used_timestamp(commit=True)
        return True

    def remaining(self) -> int:
        return self.codes.filter(used_at__isnull=True).count()


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.device_id}: {'used' if self.used_at else 'unused'}"
