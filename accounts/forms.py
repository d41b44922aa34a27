from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    UserChangeForm,
    UsernameField,
)
from django.core.validators import MaxLengthValidator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import Author
from accounts.roles import Role, role_of

User = get_user_model()

# Long enough for any passphrase; past it a password is refused before it is hashed.
PASSWORD_MAX_LENGTH = 4096


class BoundedCredentialsMixin:
    """Refuse over-long names and passwords with the usual field message.

    AuthenticationForm sets the username's max_length after the field is built, so the
    length is never checked and a 10,000-character name would reach the database
    (django-axes records every failed name: PostgreSQL refuses it with a 500).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
        password = self.fields["password"]
        password.max_length = PASSWORD_MAX_LENGTH
        password.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))


class SignInForm(BoundedCredentialsMixin, AuthenticationForm):
    pass


class AdminSignInForm(BoundedCredentialsMixin, AdminAuthenticationForm):
    pass


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        help_text=_(
            "Writers write and submit; editors review and publish; admins also manage staff."
        ),
    )


def _clean_unique_email(form, email: str) -> str:
    clash = User._default_manager.filter(email__iexact=email)
    if form.instance.pk:
        clash = clash.exclude(pk=form.instance.pk)
    if clash.exists():
        raise forms.ValidationError(
            _("Another account already uses this email address."), code="unique"
        )
    return email


class StaffCreationForm(forms.ModelForm):
    """One form for a new staff member: who they are, their role, and how they get a password."""

    role = _role_field()
    password1 = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Leave both password fields empty to email them a link to choose their own."),
    )
    password2 = forms.CharField(
        label=_("Password confirmation"),
        required=False,
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email"]
        field_classes = {"username": UsernameField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _("Password links and notices are sent here.")
        self.fields["password1"].help_text = format_html(
            "{}{}",
            self.fields["password1"].help_text,
            password_validation.password_validators_help_text_html(),
        )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User._default_manager.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                _("A user with that username already exists."), code="unique"
            )
        return username

    def clean_email(self):
        return _clean_unique_email(self, self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 != password2:
            self.add_error("password2", _("The two password fields didn’t match."))
        elif password1:
            # The validators compare the password with the name and email being created.
            for field in self._meta.fields:
                if field in cleaned:
                    setattr(self.instance, field, cleaned[field])
            try:
                password_validation.validate_password(password1, self.instance)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class StaffChangeForm(UserChangeForm):
    """What an admin changes on a staff account; never superuser status or raw permissions."""

    role = _role_field()

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]
        field_classes = {"username": UsernameField}

    # Set by the admin for the person filling the form in (see StaffUserAdmin.get_form).
    editing_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A view-only page builds this form with no fields at all.
        if "email" in self.fields:
            self.fields["email"].required = True
        if "role" in self.fields:
            self.fields["role"].initial = role_of(self.instance)
        if "is_active" in self.fields:
            self.fields["is_active"].help_text = _(
                "Untick to deactivate: they can no longer sign in and their sessions end at "
                "once; their articles and bylines stay."
            )

    def clean_email(self):
        return _clean_unique_email(self, self.cleaned_data["email"])

    def clean_username(self):
        username = self.cleaned_data["username"]
        clash = User._default_manager.filter(username__iexact=username).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                _("A user with that username already exists."), code="unique"
            )
        return username

    def clean_is_active(self):
        is_active = self.cleaned_data["is_active"]
        if not is_active and self.editing_user and self.editing_user.pk == self.instance.pk:
            raise forms.ValidationError(
                _("You cannot deactivate your own account; ask another admin."), code="self"
            )
        return is_active


class SuperuserStaffChangeForm(StaffChangeForm):
    class Meta(StaffChangeForm.Meta):
        fields = [*StaffChangeForm.Meta.fields, "is_superuser"]


class AuthorProfileForm(forms.ModelForm):
    class Meta:
        model = Author
        fields = ["name", "bio", "avatar"]
        help_texts = {
            "name": _("As it appears in your byline."),
            "bio": _("A sentence or two shown on your author page."),
        }
