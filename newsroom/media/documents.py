"""Which documents an article may carry: by extension AND by what the bytes say.

A file is accepted only when its extension is on the list and its content is that
kind of file (an executable renamed .pdf, or a ZIP renamed .docx without a Word
document inside, is refused). The size limit is `MAX_ATTACHMENT_BYTES` (25 MB by
default), enforced while the upload streams in (newsroom.media.upload_limits).
"""

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from newsroom.media.files import clean_filename
from newsroom.media.images import validate_image
from newsroom.media.upload_limits import max_attachment_bytes

SNIFF_BYTES = 64 * 1024
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (DOC, XLS, PPT)
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# Content that must never be served under a harmless-looking extension.
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xcf", b"#!")


def _starts(*magic: bytes) -> Callable:
    return lambda head, upload: head.startswith(magic)


def _zip_with(test: Callable[[zipfile.ZipFile], bool]) -> Callable:
    def check(head: bytes, upload) -> bool:
        if not head.startswith(ZIP):
            return False
        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:  # reads the directory, extracts nothing
                return test(archive)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
            return False
        finally:
            upload.seek(0)

    return check


def _office_open_xml(folder: str) -> Callable:
    return _zip_with(
        lambda z: (
            "[Content_Types].xml" in (names := z.namelist())
            and any(n.startswith(folder) for n in names)
        )
    )


def _open_document(kind: str) -> Callable:
    def test(archive: zipfile.ZipFile) -> bool:
        with archive.open("mimetype") as member:
            return member.read(100) == f"application/vnd.oasis.opendocument.{kind}".encode()

    return _zip_with(test)


def _text(head: bytes, upload) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Excel's "Unicode text"
        return True
    if head.startswith(EXECUTABLE_MAGIC + (b"%PDF", OLE2) + ZIP):
        return False
    controls = set(range(32)) - {9, 10, 12, 13, 26}
    return not controls.intersection(head)


def _image(image_format: str) -> Callable:
    def check(head: bytes, upload) -> bool:
        try:
            return validate_image(upload) == {"JPEG": ".jpg", "PNG": ".png"}[image_format]
        except ValidationError:
            return False

    return check


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    matches: Callable[[bytes, object], bool]


_PDF = Kind("PDF", "application/pdf", _starts(b"%PDF-"))
_JPEG = Kind("JPEG", "image/jpeg", _image("JPEG"))
KINDS: dict[str, Kind] = {
    ".pdf": _PDF,
    ".doc": Kind("Word (DOC)", "application/msword", _starts(OLE2)),
    ".xls": Kind("Excel (XLS)", "application/vnd.ms-excel", _starts(OLE2)),
    ".ppt": Kind("PowerPoint (PPT)", "application/vnd.ms-powerpoint", _starts(OLE2)),
    ".docx": Kind(
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _office_open_xml("word/"),
    ),
    ".xlsx": Kind(
        "Excel (XLSX)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _office_open_xml("xl/"),
    ),
    ".pptx": Kind(
        "PowerPoint (PPTX)",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _office_open_xml("ppt/"),
    ),
    ".odt": Kind("ODT", "application/vnd.oasis.opendocument.text", _open_document("text")),
    ".ods": Kind(
        "ODS", "application/vnd.oasis.opendocument.spreadsheet", _open_document("spreadsheet")
    ),
    ".odp": Kind(
        "ODP", "application/vnd.oasis.opendocument.presentation", _open_document("presentation")
    ),
    ".txt": Kind("TXT", "text/plain", _text),
    ".csv": Kind("CSV", "text/csv", _text),
    ".zip": Kind("ZIP", "application/zip", _zip_with(lambda z: True)),
    ".jpg": _JPEG,
    ".jpeg": _JPEG,
    ".png": Kind("PNG", "image/png", _image("PNG")),
}
ALLOWED_LIST = "PDF, DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ODP, TXT, CSV, ZIP, JPG, PNG"


def validate_attachment(upload) -> Kind:
    """Refuse, with the reason and the fix, anything but an allowed document of sensible size."""
    if getattr(upload, "_committed", False):
        return kind_of(upload.name)  # already stored and checked
    name = clean_filename(getattr(upload, "name", ""))
    size = getattr(upload, "size", None) or 0
    limit = max_attachment_bytes()
    if getattr(upload, "oversized", False) or size > limit:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s."),
            code="attachment_too_large",
            params={"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    if size == 0:
        raise ValidationError(
            _("“%(name)s” is empty."), code="empty_attachment", params={"name": name}
        )
    extension = os.path.splitext(name)[1].lower()
    kind = KINDS.get(extension)
    if kind is None:
        raise ValidationError(
            _("Files of this type (%(extension)s) cannot be attached; allowed: %(allowed)s."),
            code="attachment_type",
            params={"extension": extension or _("no extension"), "allowed": ALLOWED_LIST},
        )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not kind.matches(head, upload):
        raise ValidationError(
            _(
                "“%(name)s” is not really a %(kind)s file: its content does not match its "
                "extension. Save it again as %(kind)s, or attach the original file."
            ),
            code="content_mismatch",
            params={"name": name, "kind": kind.label},
        )
    return kind


def kind_of(name: str) -> Kind | None:
    return KINDS.get(os.path.splitext(name)[1].lower())
