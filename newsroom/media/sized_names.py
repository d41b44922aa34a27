"""Stored names that carry the image's size: "uploads/2024/04/19/thap-cham-1a2b3c4d-1600x900.jpg".

The editor's uploads (and the demo's inline images) are named so, because a body holds
only an image's address: the public page then knows its size, and so its renditions,
without opening the file or asking the database. This module is the one place that
writes the convention and the one that reads it.
"""

import os
import re

from newsroom.media.images import ALLOWED_FORMATS, max_image_pixels

_SIZED = re.compile(r"-([1-9][0-9]{0,4})x([1-9][0-9]{0,4})\.([a-z]+)$")
# No stored image is wider or taller than this (WebP's own limit is 16,383).
MAX_SIDE = 65_535
EXTENSIONS = {extension.lstrip(".") for extension in ALLOWED_FORMATS.values()}


def sized_name(name: str, width: int, height: int) -> str:
    """ "uploads/a/thap-cham.jpg", 1600, 900 -> "uploads/a/thap-cham-1600x900.jpg"."""
    root, extension = os.path.splitext(name)
    return f"{root}-{width}x{height}{extension}"


def size_in_name(name: str) -> tuple[int, int] | None:
    """The (width, height) a stored name carries, or None for any name that does not
    carry a believable one (no size, a zero, a size no accepted image can have)."""
    match = _SIZED.search(name or "")
    if not match or match.group(3) not in EXTENSIONS:
        return None
    width, height = int(match.group(1)), int(match.group(2))
    if width > MAX_SIDE or height > MAX_SIDE or width * height > max_image_pixels():
        return None
    return width, height
