from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import staff
from accounts.forms import (
    AdminSignInForm,
    StaffChangeForm,
    StaffCreationForm,
    SuperuserStaffChangeForm,
)
from accounts.models import AccountEvent, Author, SecondFactorRule
from accounts.roles import Role, is_editor, manages_staff, role_of
from accounts.two_factor import devices as second_factor

User = get_user_model()

# A second factor is removed only by the recorded reset (StaffUserAdmin), not as a row.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)

# The admin's own login form gets the same bounds as the public one (django-axes guards both).
admin.site.login_form = AdminSignInForm


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    """Editors manage every byline; a writer changes only their own (all stay visible for
    the byline picker)."""

    list_display = ["name", "slug", "user"]
    search_fields = ["name", "slug", "user__username"]
    raw_id_fields = ["user"]

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or is_editor(request.user):
            return True
        return obj.user_id == request.user.pk

    def get_readonly_fields(self, request, obj=None):
        # Linking a byline to an account is staff management, for admins only.
        return [] if manages_staff(request.user) else ["user"]


class RecordAdminMixin:
    """A record's admin page: read only, for everyone (superusers too)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccountEvent)
class AccountEventAdmin(RecordAdminMixin, admin.ModelAdmin):
    """Who did what to whose account, and when; nobody edits or deletes it."""

    list_display = ["created_at", "actor", "action", "subject", "detail"]
    list_filter = ["action", "created_at"]
    search_fields = ["subject__username", "actor__username", "detail"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "subject"]


@admin.register(SecondFactorRule)
class SecondFactorRuleAdmin(admin.ModelAdmin):
    """Which roles must sign in with a second factor: one row a role, made by the migration."""

    list_display = ["role_name", "required"]
    list_editable = ["required"]
    list_display_links = None

    @admin.display(description=_("role"))
    def role_name(self, rule):
        return Role(rule.role).label if rule.role in Role.values else rule.role

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}


class RoleListFilter(admin.SimpleListFilter):
    title = _("role")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return Role.choices

    def queryset(self, request, queryset):
        if self.value() in Role.values:
            return queryset.filter(groups__name=self.value())
        return queryset


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Staff accounts for the Admin role: create with a role, change, deactivate, never delete.

    Admins cannot touch superusers, make anyone a superuser or grant raw permissions:
    their forms have no such fields, and every change goes through accounts.staff.
    """

    add_form = StaffCreationForm
    add_form_template = None
    form = StaffChangeForm
    list_display = [
        "username",
        "full_name",
        "email",
        "role",
        "is_active",
        "two_factor",
        "locked",
        "last_login",
    ]
    list_filter = [RoleListFilter, "is_active", "is_superuser"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["username"]
    actions = [
        "deactivate",
        "reactivate",
        "send_password_link",
        "unlock_sign_in",
        "reset_second_factor",
    ]
    add_fieldsets = [
        (None, {"fields": ["username", "first_name", "last_name", "email", "role"]}),
        (_("Password"), {"fields": ["password1", "password2"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        account = ["is_active", "is_superuser"] if request.user.is_superuser else ["is_active"]
        # The password field links to "set password"; view-only pages would show the hash.
        password = ["password"] if self.has_change_permission(request, obj) else []
        return [
            (None, {"fields": ["username", *password]}),
            (_("Person"), {"fields": ["first_name", "last_name", "email"]}),
            (_("Role and access"), {"fields": ["role", *account]}),
            (_("Dates"), {"fields": ["last_login", "date_joined"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return ["last_login", "date_joined"] if obj else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            kwargs["form"] = (
                SuperuserStaffChangeForm if request.user.is_superuser else StaffChangeForm
            )
        form = super().get_form(request, obj, change=change, **kwargs)
        form.editing_user = request.user
        return form

    def get_queryset(self, request):
        now = timezone.now()
        lockouts = AccessAttempt.objects.filter(
            username=OuterRef("username"),
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
            attempt_time__gte=now - settings.AXES_COOLOFF_TIME,
        )
        # The account's own pause (accounts/lockout.py): failures from every address.
        account_failures = (
            AccessAttempt.objects.filter(
                username=OuterRef("username"),
                attempt_time__gte=now - settings.AXES_ACCOUNT_COOLOFF_TIME,
            )
            .values("username")
            .annotate(total=Sum("failures_since_start"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(account_failures=Coalesce(Subquery(account_failures), 0))
            .annotate(
                is_locked=Exists(lockouts)
                | Q(account_failures__gte=settings.AXES_ACCOUNT_FAILURE_LIMIT)
            )
            .annotate(
                has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
            )
            .prefetch_related("groups")
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # Permissions: never delete; only superusers change superusers.

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or not obj.is_superuser or request.user.is_superuser

    def _changeable(self, request, queryset):
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    # Columns

    @admin.display(description=_("name"), ordering="last_name")
    def full_name(self, obj):
        return obj.get_full_name()

    @admin.display(description=_("role"))
    def role(self, obj):
        role = role_of(obj)
        return Role(role).label if role else "—"

    @admin.display(description=_("two-factor"), boolean=True, ordering="has_app")
    def two_factor(self, obj):
        return obj.has_app

    @admin.display(description=_("sign-in locked"), boolean=True, ordering="is_locked")
    def locked(self, obj):
        return obj.is_locked

    # Saving: every change is recorded by accounts.staff.

    def save_model(self, request, obj, form, change):
        if not change:
            staff.create_staff_user(
                user=obj,
                role=form.cleaned_data["role"],
                password=form.cleaned_data.get("password1") or None,
                by=request.user,
            )
            if obj.has_usable_password():
                return
            if staff.send_password_link(user=obj, by=request.user, new_account=True):
                messages.info(
                    request,
                    _(
                        "The email with the password link is queued: it leaves within a "
                        "minute, and is tried again until the mail server takes it."
                    ),
                )
            else:
                messages.warning(
                    request,
                    _(
                        "The account was created without a password link: it has no email "
                        "address or is deactivated."
                    ),
                )
            return
        changed = [name for name in form.changed_data if name not in ("role", "is_active")]
        was_active = User.objects.values_list("is_active", flat=True).get(pk=obj.pk)
        wants_active, obj.is_active = obj.is_active, was_active
        obj.save()
        staff.change_role(user=obj, role=form.cleaned_data["role"], by=request.user)
        if "is_superuser" in changed:
            changed.remove("is_superuser")
            staff.record_superuser_changed(user=obj, by=request.user)
        labels = [str(form.fields[name].label) for name in changed]
        staff.record_details_changed(user=obj, by=request.user, fields=labels)
        if wants_active and not was_active:
            staff.reactivate_user(user=obj, by=request.user)
        elif was_active and not wants_active:
            staff.deactivate_user(user=obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        # Roles are set in save_model; the forms carry no many-to-many fields of their own.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            target = User.objects.filter(pk=id).first()
            if target is not None:
                staff.record_password_set(user=target, by=request.user)
        return response

    # Actions

    @admin.action(description=_("Deactivate selected users (they keep their articles)"))
    def deactivate(self, request, queryset):
        done = 0
        for user in self._changeable(request, queryset).exclude(pk=request.user.pk):
            done += staff.deactivate_user(user=user, by=request.user)
        if queryset.filter(pk=request.user.pk).exists():
            messages.warning(request, _("You cannot deactivate your own account."))
        self.message_user(
            request,
            ngettext("%(count)d user deactivated.", "%(count)d users deactivated.", done)
            % {"count": done},
        )

    @admin.action(description=_("Reactivate selected users"))
    def reactivate(self, request, queryset):
        done = sum(
            staff.reactivate_user(user=user, by=request.user)
            for user in self._changeable(request, queryset)
        )
        self.message_user(
            request,
            ngettext("%(count)d user reactivated.", "%(count)d users reactivated.", done)
            % {"count": done},
        )

    @admin.action(description=_("Email a password-reset link"))
    def send_password_link(self, request, queryset):
        sent, skipped = 0, 0
        for user in self._changeable(request, queryset):
            if staff.send_password_link(user=user, by=request.user):
                sent += 1
            else:
                skipped += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d link queued: it leaves within a minute, and is tried again until "
                "the mail server takes it.",
                "%(count)d links queued: they leave within a minute, and are tried again until "
                "the mail server takes them.",
                sent,
            )
            % {"count": sent},
        )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "No link for %(count)d user: no email address, or a deactivated account.",
                    "No link for %(count)d users: no email address, or a deactivated account.",
                    skipped,
                )
                % {"count": skipped},
            )

    @admin.action(description=_("Unlock sign-in"))
    def unlock_sign_in(self, request, queryset):
        users = list(self._changeable(request, queryset))
        for user in users:
            staff.unlock_sign_in(user=user, by=request.user)
        self.message_user(
            request,
            ngettext(
                "Sign-in unlocked for %(count)d user.",
                "Sign-in unlocked for %(count)d users.",
                len(users),
            )
            % {"count": len(users)},
        )

    @admin.action(description=_("Reset two-factor sign-in (a lost phone)"))
    def reset_second_factor(self, request, queryset):
        users = list(self._changeable(request, queryset))
        for user in users:
            second_factor.reset(user=user, by=request.user)
        self.message_user(
            request,
            ngettext(
                "Two-factor sign-in reset for %(count)d user: they set it up again at their "
                "next sign-in.",
                "Two-factor sign-in reset for %(count)d users: they set it up again at their "
                "next sign-in.",
                len(users),
            )
            % {"count": len(users)},
        )
