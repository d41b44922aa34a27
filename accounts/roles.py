"""The newsroom's roles, their permissions, and the questions asked about a person's role.

Roles are Django Groups. GRANTS is the one table of what each role may do (the model
permissions DESIGN.md's table implies); object-level rules (a writer edits only their own
drafts) live in articles/workflow.py. The data migrations that first made the groups
(articles 0002, accounts 0003) keep frozen copies, as migrations must; a test checks that a
migrated database matches GRANTS, and a change to GRANTS needs a data migration that calls
`sync_role_groups(apps)`. A staff user has exactly one role; superusers exist for set-up only.
"""

from django.apps import apps as installed_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    WRITER = "Writer", _("Writer")
    EDITOR = "Editor", _("Editor")
    # An editor who may also lift an embargo early (articles/workflow.py): a role, so that
    # an admin grants it in the user form like any other, and the account events record it.
    EDITOR_IN_CHIEF = "Editor-in-chief", _("Editor-in-chief")
    ADMIN = "Admin", _("Admin")


# Holding it is what makes an editor: publishing, scheduling, returning, withdrawing.
PUBLISH_PERMISSION = "articles.publish_article"
# Lifting an embargo before its time (Editor-in-chief, Admin).
LIFT_EMBARGO_PERMISSION = "articles.lift_embargo"
# Admins manage staff accounts (and superusers, who hold every permission).
MANAGE_STAFF_PERMISSION = "auth.change_user"

_WRITER = {
    "articles.article": ["add", "change", "view"],
    "articles.attachment": ["add", "change", "delete", "view"],
    "articles.byline": ["add", "change", "delete", "view"],
    "articles.tag": ["add", "view"],
    "accounts.author": ["change", "view"],
    # The pieces of a story (newsroom.media): writers add them and change them.
    "media.editorupload": ["change", "view"],
    "media.embed": ["change", "view"],
    "media.mediaitem": ["add", "change", "view"],
    "media.gallery": ["add", "change", "view"],
    "media.galleryimage": ["add", "change", "delete", "view"],
}
_EDITOR = {
    "articles.article": ["add", "change", "view", "publish"],
    "articles.attachment": ["add", "change", "delete", "view"],
    "articles.byline": ["add", "change", "delete", "view"],
    "articles.tag": ["add", "change", "delete", "view"],
    "accounts.author": ["add", "change", "delete", "view"],
    "media.editorupload": ["change", "delete", "view"],
    "media.embed": ["change", "delete", "view"],
    "media.mediaitem": ["add", "change", "delete", "view"],
    "media.gallery": ["add", "change", "delete", "view"],
    "media.galleryimage": ["add", "change", "delete", "view"],
}
_EDITOR_IN_CHIEF = {
    **_EDITOR,
    "articles.article": [*_EDITOR["articles.article"], "lift_embargo"],
}
GRANTS = {
    Role.WRITER: _WRITER,
    Role.EDITOR: _EDITOR,
    Role.EDITOR_IN_CHIEF: _EDITOR_IN_CHIEF,
    Role.ADMIN: {
        **_EDITOR_IN_CHIEF,
        "auth.user": ["add", "change", "view"],
        "auth.group": ["view"],
        "accounts.accountevent": ["view"],
        "accounts.secondfactorrule": ["view", "change"],
        "articles.auditentry": ["view"],
        "axes.accessattempt": ["view"],
    },
}


def codenames(grants: dict[str, list[str]]) -> set[tuple[str, str]]:
    """{("articles", "add_article"), ...}: (app label, codename) of each grant."""
    pairs = set()
    for label, actions in grants.items():
        app_label, model = label.split(".")
        # A model's own permission ("lift_embargo") is named whole, not after the model.
        pairs.update(
            (app_label, action if "_" in action else f"{action}_{model}") for action in actions
        )
    return pairs


def sync_role_groups(apps=installed_apps) -> None:
    """Make each role's Group hold exactly GRANTS' permissions (`apps`: a migration's)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = codenames(grants)
        held = [
            p
            for p in Permission.objects.select_related("content_type")
            if (p.content_type.app_label, p.codename) in wanted
        ]
        group.permissions.set(held)


def role_of(user) -> str:
    """The user's role (a Role value), or "" when they have none."""
    names = {group.name for group in user.groups.all()}
    # Highest first, so a leftover second group never hides the stronger role.
    for role in (Role.ADMIN, Role.EDITOR_IN_CHIEF, Role.EDITOR, Role.WRITER):
        if role.value in names:
            return role.value
    return ""


def role_group(role: str) -> Group:
    return Group.objects.get(name=Role(role).value)


def is_editor(user) -> bool:
    """Editors (and admins) publish, and manage every article, tag and byline."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def editors():
    """Active users who hold the publish permission, through a role or directly."""
    app_label, codename = PUBLISH_PERMISSION.split(".")
    permission = Permission.objects.filter(
        codename=codename, content_type__app_label=app_label
    ).first()
    return (
        get_user_model()
        .objects.filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .filter(is_active=True)
        .distinct()
    )


def may_lift_embargo(user) -> bool:
    """Editors-in-chief (and admins) may lift an embargo before its time."""
    return user.is_active and user.has_perm(LIFT_EMBARGO_PERMISSION)


def manages_staff(user) -> bool:
    """Admins (and superusers) create, change and deactivate staff accounts."""
    return user.is_active and user.has_perm(MANAGE_STAFF_PERMISSION)
