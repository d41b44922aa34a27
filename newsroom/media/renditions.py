"""Responsive renditions of stored images: several widths, WebP plus a JPEG/PNG fallback.

Names are derived from the original's name and width, so a template can list them
without touching storage or the database: "covers/2024/04/ab12.jpg" at 640 pixels is
"renditions/covers/2024/04/ab12-640w.webp" and "…-640w.jpg". They are made once, when
the image is uploaded (newsroom.media.fields.CleanImageField, the editor's uploads),
and `manage.py rebuild_renditions` makes them again for every image. Which of them a
page names is newsroom.media.pictures' business.
"""

import io
import os
import re
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from PIL import Image

from newsroom.media.images import ALLOWED_FORMATS

WIDTHS = (320, 640, 960, 1280, 1920)
PREFIX = "renditions/"
WEBP_QUALITY = 80
JPEG_QUALITY = 82
# Only what the upload checks let in is ever opened.
STORED_FORMATS = list(ALLOWED_FORMATS)


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    format: str  # "webp", "jpg" or "png"


def widths_for(original_width: int, max_width: int | None = None) -> list[int]:
    """The widths made for an image: the standard ones below it, and its own (capped)."""
    cap = min(original_width, max(WIDTHS))
    if max_width:
        cap = min(cap, max_width)
    return [w for w in WIDTHS if w < cap] + [cap]


def fallback_format(name: str) -> str:
    """PNG keeps the transparency of PNG and GIF originals; photos fall back to JPEG."""
    return "png" if os.path.splitext(name)[1].lower() in (".png", ".gif") else "jpg"


def renditions_for(
    name: str, width: int, height: int, max_width: int | None = None
) -> list[Rendition]:
    stem = PREFIX + os.path.splitext(name)[0]
    made = []
    for w in widths_for(width, max_width):
        h = max(1, round(height * w / width))
        for fmt in ("webp", fallback_format(name)):
            made.append(Rendition(f"{stem}-{w}w.{fmt}", w, h, fmt))
    return made


def make_renditions(name: str, storage: Storage = default_storage, force: bool = False) -> int:
    """Write the missing renditions of a stored image (all of them with force); return how many."""
    return len(write_renditions(name, storage, force=force))


def write_renditions(
    name: str, storage: Storage = default_storage, *, force: bool = False
) -> dict[str, int]:
    """Write the missing renditions (all with force): {rendition name: bytes written}."""
    with storage.open(name, "rb") as handle, Image.open(handle, formats=STORED_FORMATS) as original:
        original.seek(0)  # an animation's first frame (stored before animations were stills)
        width, height = original.size  # from the header: decode only if there is work
        wanted = [
            r for r in renditions_for(name, width, height) if force or not storage.exists(r.name)
        ]
        if not wanted:
            return {}
        original.load()
        source = displayable(original)
    written = {}
    # Largest first: each smaller size is resized from the one above, which is faster.
    for rendition in sorted(wanted, key=lambda r: -r.width):
        if source.width != rendition.width:
            source = source.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
        if force and storage.exists(rendition.name):
            storage.delete(rendition.name)
        data = encode(source, rendition.format)
        storage.save(rendition.name, ContentFile(data))
        written[rendition.name] = len(data)
    return written


def delete_renditions(name: str, storage: Storage = default_storage) -> None:
    """Remove every rendition of an image, whatever widths it once had."""
    stem = PREFIX + os.path.splitext(name)[0]
    folder, base = os.path.split(stem)
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    pattern = re.compile(rf"{re.escape(base)}-\d+w\.(webp|jpg|png)")
    for file in files:
        if pattern.fullmatch(file):
            storage.delete(f"{folder}/{file}")


def displayable(image: Image.Image) -> Image.Image:
    """8-bit RGB or RGBA pixels; a 16-bit grey (PNG) is scaled down, never clipped to white."""
    if image.mode.startswith("I"):
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    return image.convert("RGBA" if has_alpha(image) else "RGB")


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "webp":
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    elif fmt == "png":
        image.save(buffer, "PNG", optimize=True)
    else:
        if image.mode == "RGBA":  # JPEG has no transparency: lay it on white
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()
