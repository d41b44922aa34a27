"""The Admin role reads the account log and the sign-in lockouts; every staff user gets a byline.

Unlocking goes through the user admin (recorded), so the role only views lockouts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsroom.text import unique_slug

ADMIN_GRANTS = {
    "accounts.accountevent": ["view"],
    "axes.accessattempt": ["view"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_role, _ = Group.objects.get_or_create(name="Admin")
    for model_label, actions in ADMIN_GRANTS.items():
        app_label, model = model_label.split(".")
        codenames = [f"{action}_{model}" for action in actions]
        admin_role.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )

    User = apps.get_model("auth", "User")
    Author = apps.get_model("accounts", "Author")
    for user in User.objects.filter(is_staff=True, author__isnull=True):
        name = f"{user.first_name} {user.last_name}".strip() or user.username
        slug = unique_slug(Author, name, max_length=140, fallback="author")
        Author.objects.create(name=name, slug=slug, user=user)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_role = Group.objects.filter(name="Admin").first()
    if admin_role:
        for model_label, actions in ADMIN_GRANTS.items():
            app_label, model = model_label.split(".")
            codenames = [f"{action}_{model}" for action in actions]
            admin_role.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_account_events"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
