"""The photographer's credit, read from an upload's IPTC, XMP and EXIF before they are stripped.

Cameras, phones and agencies' desks write the photographer and the agency into the file:
IPTC By-line (2:80), Credit (2:110) and Copyright Notice (2:116); XMP dc:creator,
photoshop:Credit and dc:rights; EXIF Artist and Copyright. `read_credit` reads them from the
image Pillow opened (newsroom.media.images.strip_metadata calls it on the original, then
drops every piece of metadata), so the credit is kept on the image's row, editable, while
GPS positions and serial numbers still never reach storage.

XMP is read with regular expressions, not an XML parser: an uploader's XML is never parsed.
"""

import contextlib
import re
from html import unescape

from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, IptcImagePlugin

MAX_CREDIT_LENGTH = 200
EXIF_ARTIST, EXIF_COPYRIGHT = 0x013B, 0x8298
IPTC_BYLINE, IPTC_CREDIT, IPTC_COPYRIGHT = (2, 80), (2, 110), (2, 116)
# <dc:creator><rdf:Seq><rdf:li>Name</rdf:li>…, and photoshop:Credit="…" or as an element.
_XMP_LIST = r"<{tag}\b[^>]*>\s*<rdf:(?:Seq|Bag|Alt)\b[^>]*>\s*<rdf:li\b[^>]*>([^<]*)</rdf:li>"
_XMP_VALUE = r'{tag}="([^"]*)"|<{tag}\b[^>]*>([^<]*)</{tag}>'
_COPYRIGHT_WORDS = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?", re.I)


def credit_field(verbose_name) -> models.CharField:
    """The credit kept on an image's row: read from the photo when empty, then editable."""
    return models.CharField(
        verbose_name,
        max_length=MAX_CREDIT_LENGTH,
        blank=True,
        help_text=_("Shown as “Ảnh: …” after the caption; read from the photo when it is empty."),
    )


def read_credit(image: Image.Image) -> str:
    """ "Photographer / Credit" from the file's metadata, or its copyright, or ""."""
    try:
        iptc = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # noqa: BLE001 - a malformed IPTC block gives no credit, not a refusal
        iptc = {}
    xmp = _xmp_text(image)
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - likewise for a broken EXIF block
        exif = {}
    photographer = _iptc(iptc, IPTC_BYLINE) or _xmp(xmp, "dc:creator") or _exif(exif, EXIF_ARTIST)
    agency = _iptc(iptc, IPTC_CREDIT) or _xmp(xmp, "photoshop:Credit")
    parts = [part for part in (photographer, agency) if part]
    if len(parts) == 2 and parts[0].casefold() == parts[1].casefold():
        parts = parts[:1]
    if not parts:
        rights = (
            _iptc(iptc, IPTC_COPYRIGHT) or _xmp(xmp, "dc:rights") or _exif(exif, EXIF_COPYRIGHT)
        )
        rights = _COPYRIGHT_WORDS.sub("", rights).strip()
        parts = [rights] if rights else []
    return " / ".join(parts)[:MAX_CREDIT_LENGTH]


def _clean(text: str) -> str:
    """One line of printable text."""
    text = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(text.split())


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _iptc(iptc: dict, key: tuple[int, int]) -> str:
    value = iptc.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return _clean(_decode(value)) if isinstance(value, bytes) else ""


def _exif(exif, tag: int) -> str:
    value = exif.get(tag) if exif else None
    if isinstance(value, bytes):
        return _clean(_decode(value.rstrip(b"\0")))
    if not isinstance(value, str):
        return ""
    # Pillow reads EXIF text as Latin-1; phones write UTF-8 ("Trần" arrives as "Tráº§n").
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        value = value.encode("latin-1").decode("utf-8")
    return _clean(value.rstrip("\0"))


def _xmp_text(image: Image.Image) -> str:
    raw = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(raw, str):
        return raw
    return _decode(raw) if isinstance(raw, bytes) else ""


def _xmp(xmp: str, tag: str) -> str:
    if not xmp:
        return ""
    name = re.escape(tag)
    listed = re.search(_XMP_LIST.format(tag=name), xmp)
    if listed:
        return _clean(unescape(listed.group(1)))
    single = re.search(_XMP_VALUE.format(tag=name), xmp)
    if single:
        return _clean(unescape(single.group(1) or single.group(2) or ""))
    return ""
