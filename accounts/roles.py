"""The newsroom's roles: Django Groups created by articles/migrations/0002_roles.py.

A staff user has exactly one role; superusers exist for set-up only.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    WRITER = "Writer", _("Writer")
    EDITOR = "Editor", _("Editor")
    ADMIN = "Admin", _("Admin")


def role_of(user) -> str:
    """The user's role (a Role value), or "" when they have none."""
    names = {group.name for group in user.groups.all()}
    # Highest first, so a leftover second group never hides the stronger role.
    for role in (Role.ADMIN, Role.EDITOR, Role.WRITER):
        if role.value in names:
            return role.value
    return ""


def role_group(role: str) -> Group:
    return Group.objects.get(name=Role(role).value)


def manages_staff(user) -> bool:
    """Admins (and superusers) create, change and deactivate staff accounts."""
    return user.is_active and user.has_perm("auth.change_user")
