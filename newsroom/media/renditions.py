"""Responsive renditions of stored images: several widths, WebP plus a JPEG/PNG fallback.

Names are derived from the original's name and width, so a template can list them
without touching storage or the database: "covers/2024/04/ab12.jpg" at 640 pixels is
"renditions/covers/2024/04/ab12-640w.webp" and "…-640w.jpg". They are made once, when
the image is uploaded (newsroom.media.fields.CleanImageField, the editor's uploads),
and `manage.py rebuild_renditions` makes them again for every image. Which of them a
page names is newsroom.media.pictures' business.

Fixed shapes (SHAPES: 16:9 for listings, 1:1, and the 1200×630 share card) are cropped
around the image's focal point, a percentage of its width and height that an editor sets
by clicking the image (newsroom.media.focal_point): "ab12-16x9-640w-f50-30.webp" is the
16:9 crop centred as near 50 % across and 30 % down as the picture allows. The focus is
in the name, so a page knows the names from the row alone, and a moved focus gets new
names (no cache anywhere keeps the old crop); its crops are made when the focus is saved.
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


# Where the subject is, in percent of the width and height; the middle unless an editor says.
Focus = tuple[int, int]
CENTRE: Focus = (50, 50)


@dataclass(frozen=True)
class Shape:
    """A fixed aspect ratio made for every image, at these widths (never enlarged)."""

    name: str
    ratio: tuple[int, int]
    widths: tuple[int, ...]
    webp: bool = True  # the share card goes to social networks, which take no WebP


SHAPES = {
    "16x9": Shape("16x9", (16, 9), (320, 640, 960, 1280)),
    "1x1": Shape("1x1", (1, 1), (320, 640)),
    "share": Shape("share", (1200, 630), (1200,), webp=False),
}


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    format: str  # "webp", "jpg" or "png"
    # The part of the original it shows (left, top, right, bottom); None: all of it.
    box: tuple[int, int, int, int] | None = None


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


def crop_box(width: int, height: int, shape: Shape, focus: Focus) -> tuple[int, int, int, int]:
    """The largest part of the image with the shape's ratio, centred on the focus as far as
    the edges allow: a portrait photo's 16:9 crop keeps the face an editor clicked."""
    ratio_w, ratio_h = shape.ratio
    crop_w = min(width, max(1, round(height * ratio_w / ratio_h)))
    crop_h = min(height, max(1, round(crop_w * ratio_h / ratio_w)))
    fx, fy = (min(max(value, 0), 100) / 100 for value in focus)
    left = min(max(round(fx * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(fy * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def shaped_renditions(
    name: str,
    width: int,
    height: int,
    shape: Shape,
    focus: Focus = CENTRE,
    max_width: int | None = None,
) -> list[Rendition]:
    """The renditions of one shape around this focus: names from the row alone, no storage."""
    box = crop_box(width, height, shape, focus)
    crop_w, crop_h = box[2] - box[0], box[3] - box[1]
    stem = f"{PREFIX}{os.path.splitext(name)[0]}-{shape.name}"
    ratio_w, ratio_h = shape.ratio
    formats = ("webp", fallback_format(name)) if shape.webp else (fallback_format(name),)
    cap = min(crop_w, max(shape.widths), max_width or crop_w)
    made = []
    for w in [w for w in shape.widths if w < cap] + [cap]:
        h = max(1, round(w * ratio_h / ratio_w)) if w != crop_w else crop_h
        for fmt in formats:
            made.append(Rendition(f"{stem}-{w}w-f{focus[0]}-{focus[1]}.{fmt}", w, h, fmt, box))
    return made


def all_shaped(name: str, width: int, height: int, focus: Focus = CENTRE) -> list[Rendition]:
    return [
        r for shape in SHAPES.values() for r in shaped_renditions(name, width, height, shape, focus)
    ]


def make_renditions(
    name: str, storage: Storage = default_storage, force: bool = False, focus: Focus = CENTRE
) -> int:
    """Write the missing renditions of a stored image (all of them with force); return how many."""
    return len(write_renditions(name, storage, force=force, focus=focus))


def write_renditions(
    name: str,
    storage: Storage = default_storage,
    *,
    force: bool = False,
    focus: Focus = CENTRE,
    widths: bool = True,
) -> dict[str, int]:
    """Write the missing renditions (all with force): {rendition name: bytes written}.

    The widths (unless `widths=False`: only the focus moved) and every shape around `focus`.
    """
    with storage.open(name, "rb") as handle, Image.open(handle, formats=STORED_FORMATS) as original:
        original.seek(0)  # an animation's first frame (stored before animations were stills)
        width, height = original.size  # from the header: decode only if there is work
        every = renditions_for(name, width, height) if widths else []
        every += all_shaped(name, width, height, focus)
        wanted = [r for r in every if force or not storage.exists(r.name)]
        if not wanted:
            return {}
        original.load()
        whole = displayable(original)
    written = {}
    # By part shown, largest first: each smaller size is resized from the one above.
    for box in dict.fromkeys(r.box for r in wanted):
        source = whole.crop(box) if box else whole
        for rendition in sorted((r for r in wanted if r.box == box), key=lambda r: -r.width):
            if source.size != (rendition.width, rendition.height):
                size = (rendition.width, rendition.height)
                source = source.resize(size, Image.Resampling.LANCZOS)
            if force and storage.exists(rendition.name):
                storage.delete(rendition.name)
            data = encode(source, rendition.format)
            storage.save(rendition.name, ContentFile(data))
            written[rendition.name] = len(data)
    return written


_SHAPED = "|".join(SHAPES)
RENDITION_NAME = r"{base}-(?:\d+w|(?:{shapes})-\d+w-f(\d+)-(\d+))\.(?:webp|jpg|png)"


def delete_renditions(
    name: str, storage: Storage = default_storage, *, keep_focus: Focus | None = None
) -> None:
    """Remove every rendition of an image, whatever widths and focus it once had; with
    `keep_focus`, only the crops around another focus (the focus moved)."""
    stem = PREFIX + os.path.splitext(name)[0]
    folder, base = os.path.split(stem)
    try:
        _dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    pattern = re.compile(RENDITION_NAME.format(base=re.escape(base), shapes=_SHAPED))
    for file in files:
        match = pattern.fullmatch(file)
        if not match:
            continue
        focus = (int(match.group(1)), int(match.group(2))) if match.group(1) else None
        if keep_focus is not None and focus in (None, keep_focus):
            continue
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
