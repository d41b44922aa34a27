"""The newsroom's roles as Groups, with the model permissions DESIGN.md's table implies.

Object-level rules (a writer edits only their own drafts) live in the workflow code;
these are the ceilings each role can reach.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITER = {
    "articles.article": ["add", "change", "view"],
    "articles.attachment": ["add", "change", "delete", "view"],
    "articles.byline": ["add", "change", "delete", "view"],
    "articles.tag": ["add", "view"],
    "accounts.author": ["change", "view"],
}
EDITOR = {
    "articles.article": ["add", "change", "view", "publish"],
    "articles.attachment": ["add", "change", "delete", "view"],
    "articles.byline": ["add", "change", "delete", "view"],
    "articles.tag": ["add", "change", "delete", "view"],
    "accounts.author": ["add", "change", "delete", "view"],
}
ADMIN = {
    **EDITOR,
    "auth.user": ["add", "change", "view"],
    "auth.group": ["view"],
}
ROLES = {"Writer": WRITER, "Editor": EDITOR, "Admin": ADMIN}


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate finishes; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for model_label, actions in grants.items():
            app_label, model = model_label.split(".")
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            assert permissions.count() == len(codenames), (role, model_label)
            group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
