"""Image checks shared by covers, avatars and the editor's uploads."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Pillow format name -> the file extension we store it under.
ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MAX_IMAGE_BYTES = getattr(settings, "MAX_IMAGE_BYTES", 15 * 1024 * 1024)
# Pillow's decompression-bomb guard: refuse images larger than this many pixels.
MAX_IMAGE_PIXELS = getattr(settings, "MAX_IMAGE_PIXELS", 50_000_000)
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


def validate_image(upload) -> str:
    """Accept only a real JPEG, PNG, WebP or GIF of sensible size; say why otherwise.

    Returns the extension that matches what the file really is.
    """
    size = getattr(upload, "size", None)
    if size == 0:
        raise ValidationError(_("The image file is empty."), code="empty")
    if size and size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)s); the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise Image.DecompressionBombError
            image.verify()
    except Image.DecompressionBombError:
        raise ValidationError(
            _("The image has too many pixels; make it smaller and upload it again."), code="bomb"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("The file is not a valid image (JPEG, PNG, WebP or GIF are accepted)."),
            code="invalid",
        ) from None
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Images in %(format)s format are not accepted; use JPEG, PNG, WebP or GIF."),
            code="format",
            params={"format": image_format or "?"},
        )
    return ALLOWED_FORMATS[image_format]
