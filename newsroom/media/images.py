"""Image checks and clean-up shared by covers, avatars and the editor's uploads.

Every uploaded image is checked (`validate_image`), then re-encoded by Pillow with its
EXIF orientation applied and every piece of metadata dropped (`strip_metadata`): EXIF
with GPS and camera serials, XMP, IPTC, comments. Re-encoding also means what we store
is pixels Pillow wrote, never the bytes an uploader crafted.
"""

import contextlib
import io
import os
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Codes differ from Django form fields' own ("empty", "invalid"): a ModelForm would
# show its generic message instead of ours.
# Pillow format name -> the file extension we store it under.
ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
DEFAULT_MAX_IMAGE_BYTES = 15 * 1024 * 1024
# Pillow's decompression-bomb guard: refuse images larger than this many pixels.
DEFAULT_MAX_IMAGE_PIXELS = 50_000_000
Image.MAX_IMAGE_PIXELS = getattr(settings, "MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)

# What survives re-encoding: only what is needed to draw the pixels right.
KEPT_INFO = {"transparency", "duration", "loop", "background", "disposal"}
JPEG_QUALITY = 88
SRGB = ImageCms.createProfile("sRGB")


def max_image_bytes() -> int:
    return getattr(settings, "MAX_IMAGE_BYTES", DEFAULT_MAX_IMAGE_BYTES)


def max_image_pixels() -> int:
    return getattr(settings, "MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)


def validate_image(upload) -> str:
    """Accept only a real JPEG, PNG, WebP or GIF of sensible size; say why otherwise.

    Returns the extension that matches what the file really is. Sizes and pixel
    counts are checked from the header, before the whole image is decoded.
    """
    if getattr(upload, "_committed", False):
        return os.path.splitext(upload.name)[1].lower()  # already stored and checked
    checked = getattr(_upload_object(upload), "checked_image_extension", None)
    if checked:
        return checked  # the form field checked this very upload already
    size = getattr(upload, "size", None)
    if size == 0:
        raise ValidationError(_("The image file is empty."), code="empty_image")
    limit = max_image_bytes()
    if size and size > limit:
        raise ValidationError(
            _("The image is too large (%(size)s); the limit is %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if width * height > max_image_pixels():
                raise Image.DecompressionBombError
            image.verify()
        # verify() misses truncated data; decoding the first frame does not.
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
    except Image.DecompressionBombError:
        raise ValidationError(
            _("The image has too many pixels; make it smaller and upload it again."),
            code="pixel_bomb",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(
            _("The file is not a valid image (JPEG, PNG, WebP or GIF are accepted)."),
            code="not_an_image",
        ) from None
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Images in %(format)s format are not accepted; use JPEG, PNG, WebP or GIF."),
            code="image_format",
            params={"format": image_format or "?"},
        )
    extension = ALLOWED_FORMATS[image_format]
    with contextlib.suppress(AttributeError):
        _upload_object(upload).checked_image_extension = extension
    return extension


def _upload_object(upload):
    """The uploaded file itself, whether given directly or through a model's FieldFile."""
    return upload.file if isinstance(upload, FieldFile) else upload


class ImageUploadField(forms.ImageField):
    """The form side: our messages (size, bomb, format) before Django's generic one."""

    def to_python(self, data):
        if data and hasattr(data, "size"):
            validate_image(data)
        return super().to_python(data)


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    extension: str
    width: int
    height: int


def strip_metadata(upload) -> CleanImage:
    """Check the image, turn it upright and re-encode it without any metadata."""
    extension = validate_image(upload)
    upload.seek(0)
    with Image.open(upload) as image:
        image_format = image.format
        animated = getattr(image, "is_animated", False)
        if animated:
            frames = image  # GIF/WebP animations: keep the frames, drop the rest
        else:
            image.load()
            frames = upright_srgb(image)
        frames.info = {k: v for k, v in frames.info.items() if k in KEPT_INFO}
        buffer = io.BytesIO()
        options: dict = {"save_all": True} if animated else {}
        if image_format == "JPEG":
            if frames.mode not in ("RGB", "L", "CMYK"):
                frames = frames.convert("RGB")
            options.update(quality=JPEG_QUALITY, optimize=True, progressive=True)
        elif image_format == "PNG":
            options.update(optimize=True)
        elif image_format == "WEBP":
            options.update(quality=JPEG_QUALITY)
        frames.save(buffer, image_format, **options)
        width, height = frames.size
    upload.seek(0)
    return CleanImage(buffer.getvalue(), extension, width, height)


def upright_srgb(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation, and convert an embedded colour profile to sRGB."""
    image = ImageOps.exif_transpose(image) or image
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, source, SRGB, outputMode=image.mode)
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: keep the pixels as they are
    return image
