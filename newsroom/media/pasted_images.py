"""Pictures pasted into a body as `data:` addresses become editor uploads, or are refused.

In the browser, CKEditor's uploadimage plugin sends what is pasted or dropped to the
editor's upload view as it happens (newsroom.media.editor_uploads). What still arrives
inside a body (the source view, an upload that failed, a script) goes through the same
image steps here, never silently through the sanitizer, which would drop its address:

    the body's form field   check_pasted_images: each one checked and stripped; a refusal
                            is a message on the body field, with everything typed kept
    Article.save()          store_pasted_images: each one stored as an editor upload
                            (renditions, record), its address put in its place

A body that comes from the form carries its checked pictures (`CheckedBody`), so they
are not checked twice; one from elsewhere is checked when it is stored.
"""

import base64
import binascii
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from newsroom.media.images import CleanImage, max_image_bytes, strip_metadata

# A src attribute holding a data: address, however it is quoted.
PASTED = re.compile(
    r"""(?<![\w-])src\s*=\s*(?:"\s*(data:[^"]*)"|'\s*(data:[^']*)'|(data:[^\s>"']*))""", re.I
)
DATA_IMAGE = re.compile(r"data:image/([a-z0-9.+-]+)(?:;[^,;]*=[^,;]*)*;base64,(.*)", re.I | re.S)
PASTED_NAME = "anh-dan"  # the uploads' readable name: "anh-dan-1a2b3c4d-1280x720.png"


class CheckedBody(str):
    """A body whose pasted pictures were checked and stripped by its form field."""

    pasted: dict[str, CleanImage]

    def __new__(cls, html: str, pasted: dict[str, CleanImage]):
        body = super().__new__(cls, html)
        body.pasted = pasted
        return body


def has_pasted_images(html: str | None) -> bool:
    return bool(html) and "data:" in html and PASTED.search(html) is not None


def _address(match: re.Match) -> str:
    return next(group for group in match.groups() if group is not None)


def clean_pasted(address: str, number: int) -> CleanImage:
    """The picture a data: address holds, checked and stripped like any upload."""
    found = DATA_IMAGE.fullmatch(address.strip())
    try:
        if not found:
            raise ValidationError(
                _("it is not a picture stored in the text in a way that can be kept."),
                code="pasted_not_an_image",
            )
        encoded = re.sub(r"\s+", "", found.group(2))
        if len(encoded) * 3 // 4 > max_image_bytes():  # refused before it is decoded
            size = len(encoded) * 3 // 4
            upload = ContentFile(b"", name=PASTED_NAME)
            upload.size = size
        else:
            upload = ContentFile(base64.b64decode(encoded, validate=True), name=PASTED_NAME)
        return strip_metadata(upload)
    except (binascii.Error, ValueError):
        reason = _("the file is not a valid image (JPEG, PNG, WebP or GIF are accepted).")
    except ValidationError as error:
        reason = " ".join(error.messages)
    raise ValidationError(
        _(
            "Picture %(number)s pasted into the text cannot be kept: %(reason)s Remove it, "
            "or insert the picture with the Image button."
        ),
        code="pasted_image",
        params={"number": number, "reason": reason},
    )


def check_pasted_images(html: str) -> str:
    """The body with its pasted pictures checked (a CheckedBody); refuses any that is not
    a picture we accept, naming it by its place in the text."""
    if not has_pasted_images(html):
        return html
    pasted, errors = {}, []
    for number, match in enumerate(PASTED.finditer(html), start=1):
        address = _address(match)
        if address in pasted:
            continue
        try:
            pasted[address] = clean_pasted(address, number)
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return CheckedBody(html, pasted)


def store_pasted_images(html: str, *, by_id: int | None) -> str:
    """Store each pasted picture of the body as an editor upload and put its address in
    place; one pasted twice is stored once. Outside a form (a script, an import) one that
    is refused is left to the sanitizer, which drops it: nobody is there to be told."""
    if not has_pasted_images(html):
        return html
    from newsroom.media.editor_uploads import store_editor_image

    checked = html.pasted if isinstance(html, CheckedBody) else {}
    stored: dict[str, str] = {}
    number = 0

    def replace(match: re.Match) -> str:
        nonlocal number
        number += 1
        address = _address(match)
        if address not in stored:
            try:
                image = checked.get(address) or clean_pasted(address, number)
            except ValidationError:
                return match.group(0)
            upload = store_editor_image(image, PASTED_NAME, by_id=by_id)
            stored[address] = upload.file.url
        return f'src="{stored[address]}"'

    return PASTED.sub(replace, str(html))
