import os
import re

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def record_stored_uploads(apps, schema_editor):
    """The editor's uploads already in storage, recorded with no uploader: editors see them."""
    from django.core.files.storage import default_storage

    EditorUpload = apps.get_model("media", "EditorUpload")
    sized = re.compile(r"-([1-9][0-9]{0,4})x([1-9][0-9]{0,4})\.(jpg|png|webp|gif)$")

    def walk(folder):
        try:
            folders, files = default_storage.listdir(folder)
        except (FileNotFoundError, NotImplementedError):
            return
        for name in files:
            if sized.search(name):
                yield f"{folder}/{name}"
        for sub in folders:
            yield from walk(f"{folder}/{sub}")

    rows = []
    for name in walk(settings.CKEDITOR_UPLOAD_PATH.strip("/")):
        width, height = sized.search(name).group(1, 2)
        rows.append(
            EditorUpload(
                file=name,
                original_name=os.path.basename(name),
                size=default_storage.size(name),
                width=int(width),
                height=int(height),
                uploaded_at=default_storage.get_modified_time(name),
            )
        )
    EditorUpload.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='EditorUpload',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(max_length=255, unique=True, upload_to='', verbose_name='file')),
                ('original_name', models.CharField(blank=True, max_length=255, verbose_name='original file name')),
                ('size', models.PositiveBigIntegerField(default=0, verbose_name='size (bytes)')),
                ('width', models.PositiveIntegerField(verbose_name='width')),
                ('height', models.PositiveIntegerField(verbose_name='height')),
                ('uploaded_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='uploaded at')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'editor upload',
                'verbose_name_plural': 'editor uploads',
                'ordering': ['-uploaded_at', '-id'],
            },
        ),
        migrations.RunPython(record_stored_uploads, migrations.RunPython.noop),
    ]
