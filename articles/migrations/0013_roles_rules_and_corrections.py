"""The Editor-in-chief role (lifting embargoes) and the audit log's permission for admins;
the two-factor rules by role (Editor, Editor-in-chief and Admin required, Writer not);
every article's latest correction becomes the first row of its correction history."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from accounts.roles import sync_role_groups

# Frozen here, as migrations must: accounts.two_factor.policy.REQUIRED_BY_DEFAULT.
SECOND_FACTOR_REQUIRED = {
    "Writer": False,
    "Editor": True,
    "Editor-in-chief": True,
    "Admin": True,
}


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(apps)

    SecondFactorRule = apps.get_model("accounts", "SecondFactorRule")
    for role, required in SECOND_FACTOR_REQUIRED.items():
        SecondFactorRule.objects.get_or_create(role=role, defaults={"required": required})

    Article = apps.get_model("articles", "Article")
    Correction = apps.get_model("articles", "Correction")
    Transition = apps.get_model("articles", "Transition")
    for article in Article.objects.filter(corrected_at__isnull=False).exclude(correction_note=""):
        last = (
            Transition.objects.filter(article=article, action="correct")
            .order_by("-at", "-id")
            .first()
        )
        Correction.objects.create(
            article=article,
            note=article.correction_note,
            at=article.corrected_at,
            by_id=last.by_id if last else None,
        )


def backwards(apps, schema_editor):
    apps.get_model("articles", "Correction").objects.all().delete()
    apps.get_model("accounts", "SecondFactorRule").objects.all().delete()
    apps.get_model("auth", "Group").objects.filter(name="Editor-in-chief").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_embargo_takedown_corrections_preview_links"),
        ("accounts", "0007_two_factor"),
        ("otp_totp", "0003_add_timestamps"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
