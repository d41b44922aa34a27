"""`manage.py rebuild_renditions`: make the renditions of every stored image again.

Covers, avatars and the editor's uploads, with their crops around each one's focal point;
after changing the widths or the quality in newsroom/media/renditions.py, or to repair
storage. `--missing` only fills gaps. Images whose size was never recorded on their row get
it recorded, so pages can use renditions, and each cover's share rendition has its byte
size recorded again (the feed's enclosure length).
"""

import os
from collections.abc import Iterator

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from PIL import Image, UnidentifiedImageError

from accounts.models import Author
from articles.models import Article
from newsroom.media.models import EditorUpload, Embed, GalleryImage, MediaItem
from newsroom.media.pictures import share_image
from newsroom.media.renditions import CENTRE, STORED_FORMATS, Focus, make_renditions
from newsroom.media.sized_names import size_in_name

BAR_WIDTH = 30
# The image fields whose rows record size (and focal point, share size where they have them).
IMAGE_FIELDS = [
    (Article, "cover_image"),
    (Author, "avatar"),
    (GalleryImage, "image"),
    (Embed, "thumbnail"),
    (MediaItem, "poster"),
]


class Command(BaseCommand):
    help = (
        "Make the renditions of every stored image (covers, avatars, editor uploads, gallery "
        "photos, embed thumbnails, video posters) again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="only make renditions that do not exist yet"
        )

    def handle(self, *args, missing=False, **options):
        jobs = list(self.images())
        written, failed = 0, []
        self.show_bar = options["verbosity"] > 0
        for done, (name, row, focus) in enumerate(jobs, start=1):
            try:
                made = make_renditions(name, default_storage, force=not missing, focus=focus)
                written += made
                if row is not None and (made or row[-1]):
                    record_size(*row[:-1], name, focus)
            except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
                failed.append(f"{name}: {error}")
            self.progress(done, len(jobs), name)
        if self.show_bar and jobs:
            self.stdout.write("")
        for failure in failed:
            self.stderr.write(f"Could not read {failure}")
        self.stdout.write(
            self.style.SUCCESS(f"{len(jobs)} images, {written} renditions written")
            + (self.style.ERROR(f", {len(failed)} unreadable") if failed else ".")
        )

    def images(self) -> Iterator[tuple[str, tuple | None, Focus]]:
        """Each stored image, with (model, pk, width field, height field, share size field,
        whether any is unknown) when it has a row, and its focal point."""
        for model, field in IMAGE_FIELDS:
            image = model._meta.get_field(field)
            width, height = image.width_field, image.height_field
            share = getattr(image, "share_size_field", None)
            focus = list(getattr(image, "focus_fields", None) or ())
            known = [width, share] if share else [width]
            rows = model.objects.exclude(**{field: ""}).values_list("pk", field, *focus, *known)
            for pk, name, *values in rows.order_by("pk").iterator():
                point = tuple(values[: len(focus)]) or CENTRE
                unknown = any(value is None for value in values[len(focus) :])
                yield name, (model, pk, width, height, share, unknown), point
        uploads = settings.CKEDITOR_UPLOAD_PATH.strip("/")
        rows = EditorUpload.objects.values_list("file", "focus_x", "focus_y")
        focus = {name: (x, y) for name, x, y in rows}
        for name in editor_uploads(uploads):
            yield name, None, focus.get(name, CENTRE)

    def progress(self, done: int, total: int, name: str) -> None:
        if not self.show_bar:
            return
        filled = round(BAR_WIDTH * done / total)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"\r[{bar}] {done}/{total} {os.path.basename(name)[:40]:<40}"
        self.stdout.write(line, ending="")
        self.stdout.flush()


def editor_uploads(folder: str) -> Iterator[str]:
    """The editor's uploaded images that carry their size in their name."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for file in sorted(files):
        if size_in_name(file):
            yield f"{folder}/{file}"
    for sub in sorted(folders):
        yield from editor_uploads(f"{folder}/{sub}")


def record_size(
    model, pk, width_field: str, height_field: str, share_field, name: str, focus: Focus
) -> None:
    """The image's size, and its share rendition's bytes, as pages and feeds read them."""
    opened = default_storage.open(name, "rb")
    with opened as handle, Image.open(handle, formats=STORED_FORMATS) as image:
        width, height = image.size
    sizes = {width_field: width, height_field: height}
    if share_field:
        card = share_image(default_storage, name, width, height, focus)
        sizes[share_field] = default_storage.size(card.name)
    model.objects.filter(pk=pk).update(**sizes)
