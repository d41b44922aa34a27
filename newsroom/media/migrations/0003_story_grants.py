"""Writers add and change the pieces of a story (video and audio, galleries, embeds, the
editor's images: credit and focal point); editors delete them too (accounts.roles.GRANTS)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    from accounts.roles import sync_role_groups

    # The new models' permissions are otherwise only made after every migration has run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0002_stories"),
        ("accounts", "0007_two_factor"),
        ("articles", "0016_stories"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
