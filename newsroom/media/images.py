"""Image checks and clean-up shared by covers, avatars, the editor's and pasted images.

Every uploaded image is checked (`check_image`), then re-encoded by Pillow with its
EXIF orientation applied and every piece of metadata dropped (`strip_metadata`): EXIF
with GPS and camera serials, XMP, IPTC, comments. Re-encoding also means what we store
is pixels Pillow wrote, never the bytes an uploader crafted.

Pillow is only ever asked to open JPEG, PNG, WebP and GIF (`formats=`), so no other
decoder (EPS and its Ghostscript, above all) sees an upload. Sizes, pixels and frames
are checked from the header before anything is decoded. An animation (GIF, WebP, APNG)
is stored as its first frame: readers only ever see a still through the renditions.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from newsroom.media.credits import read_credit

# Codes differ from Django form fields' own ("empty", "invalid"): a ModelForm would
# show its generic message instead of ours.
# Pillow format name -> the file extension we store it under.
ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
# Phones and cameras write MPO: a JPEG with a second picture after it. Pillow's JPEG
# decoder opens it and names it MPO; its first picture is the photo.
SAME_FORMAT = {"MPO": "JPEG"}
DEFAULT_MAX_IMAGE_BYTES = 15 * 1024 * 1024
# Pillow's decompression-bomb guard: refuse images larger than this many pixels.
DEFAULT_MAX_IMAGE_PIXELS = 50_000_000
# Frames × canvas: what decoding every frame of an animation would cost.
DEFAULT_MAX_ANIMATION_PIXELS = 1_000_000_000
Image.MAX_IMAGE_PIXELS = getattr(settings, "MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)

# What survives re-encoding: only what is needed to draw the still picture right.
KEPT_INFO = {"transparency", "background"}
# What Pillow raises on data it cannot decode.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError)
JPEG_QUALITY = 88
SRGB = ImageCms.createProfile("sRGB")


def max_image_bytes() -> int:
    return getattr(settings, "MAX_IMAGE_BYTES", DEFAULT_MAX_IMAGE_BYTES)


def max_image_pixels() -> int:
    return getattr(settings, "MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)


def max_animation_pixels() -> int:
    return getattr(settings, "MAX_ANIMATION_PIXELS", DEFAULT_MAX_ANIMATION_PIXELS)


@dataclass(frozen=True)
class CheckedImage:
    format: str  # one of ALLOWED_FORMATS: what it is stored as
    extension: str
    width: int
    height: int


def open_allowed(upload) -> Image.Image:
    """Pillow's Image.open, trying only the allowed formats' decoders."""
    upload.seek(0)
    return Image.open(upload, formats=list(ALLOWED_FORMATS))


def check_image(upload, *, decode: bool = True) -> CheckedImage:
    """Accept only a real JPEG, PNG, WebP or GIF of sensible size; say why otherwise.

    Size, pixels and frames are checked from the header, before anything is decoded;
    then the first frame is decoded, which catches truncated data (`decode=False`
    leaves that to the caller, who decodes it anyway).
    """
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
        with open_allowed(upload) as image:
            image_format = SAME_FORMAT.get(image.format, image.format)
            width, height = image.size
            if not (width and height):
                raise _not_an_image()
            if width * height > max_image_pixels():
                raise Image.DecompressionBombError
            _check_frames(image, upload)
            image.verify()
        if decode:  # verify() misses truncated data; decoding the first frame does not
            with open_allowed(upload) as image:
                image.load()
    except Image.DecompressionBombError:
        raise ValidationError(
            _("The image has too many pixels; make it smaller and upload it again."),
            code="pixel_bomb",
        ) from None
    except UnidentifiedImageError:
        other = format_named_by_header(upload)
        if other:
            raise ValidationError(
                _("Images in %(format)s format are not accepted; use JPEG, PNG, WebP or GIF."),
                code="image_format",
                params={"format": other},
            ) from None
        raise _not_an_image() from None
    except DECODE_ERRORS:
        raise _not_an_image() from None
    finally:
        upload.seek(0)
    return CheckedImage(image_format, ALLOWED_FORMATS[image_format], width, height)


def validate_image(upload) -> str:
    """The extension of what the image really is (check_image); old migrations name it."""
    return check_image(upload).extension


def _not_an_image() -> ValidationError:
    return ValidationError(
        _("The file is not a valid image (JPEG, PNG, WebP or GIF are accepted)."),
        code="not_an_image",
    )


def _check_frames(image: Image.Image, upload) -> None:
    """Refuse an animation whose frames × canvas exceed MAX_ANIMATION_PIXELS.

    Counted from the file's structure (WebP, APNG and MPO declare their frames; a GIF's
    blocks are walked, stopping once over), never by decoding a frame.
    """
    canvas = image.width * image.height
    at_most = max_animation_pixels() // max(canvas, 1)
    if image.format == "GIF":
        upload.seek(0)
        frames = gif_frames(upload.read(), stop_after=at_most)
        upload.seek(0)
    else:
        frames = getattr(image, "n_frames", 1)
    if frames > at_most:
        raise ValidationError(
            _(
                "This animation is too large to accept (%(width)s×%(height)s pixels, more "
                "than %(frames)s frames). Upload a still picture, or a smaller, shorter "
                "animation: only its first frame is kept."
            ),
            code="animation_bomb",
            params={"width": image.width, "height": image.height, "frames": at_most},
        )


def gif_frames(data: bytes, *, stop_after: int) -> int:
    """The frames of a GIF, counted from its block structure without decoding any.

    Stops counting once past `stop_after`, so a file of a million tiny frames costs no
    more than the frames the budget allows.
    """

    def colour_table(flags: int) -> int:
        return 3 << ((flags & 7) + 1) if flags & 0x80 else 0

    def after_sub_blocks(pos: int) -> int:
        while pos < len(data) and data[pos]:
            pos += data[pos] + 1
        return pos + 1

    if len(data) < 13:
        return 0
    pos, frames = 13 + colour_table(data[10]), 0
    while pos < len(data) and frames <= stop_after:
        if data[pos] == 0x2C and pos + 10 <= len(data):  # image: descriptor, table, LZW data
            frames += 1
            pos = after_sub_blocks(pos + 10 + colour_table(data[pos + 9]) + 1)
        elif data[pos] == 0x21:  # extension: label, then data sub-blocks
            pos = after_sub_blocks(pos + 2)
        else:  # trailer, or the end of what is readable
            break
    return frames


def format_named_by_header(upload) -> str | None:
    """The name of a format we do not accept, from the file's first bytes alone.

    Each Pillow plugin's signature test is a comparison of bytes: no decoder runs.
    """
    upload.seek(0)
    prefix = upload.read(16)
    upload.seek(0)
    Image.init()
    for name, (_factory, accept) in Image.OPEN.items():
        if name in ALLOWED_FORMATS or name in SAME_FORMAT or accept is None:
            continue
        try:
            if accept(prefix):
                return name
        except Exception:  # noqa: BLE001, S112 - a signature test that cannot read this prefix
            continue
    return None


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    extension: str
    width: int
    height: int
    # The photographer and agency the original's metadata named (newsroom.media.credits).
    credit: str = ""


def strip_metadata(upload) -> CleanImage:
    """Check the image, turn it upright and re-encode its first frame without metadata;
    the credit its metadata names is read first, and kept beside the pixels."""
    checked = check_image(upload, decode=False)
    with open_allowed(upload) as image:
        credit = read_credit(image)
        try:
            image.load()  # the first frame: an animation is stored as a still
        except DECODE_ERRORS:
            raise _not_an_image() from None
        still = upright_srgb(image)
        still.info = {k: v for k, v in image.info.items() if k in KEPT_INFO}
        options: dict = {}
        if checked.format == "JPEG":
            if still.mode not in ("RGB", "L", "CMYK"):
                still = still.convert("RGB")
            options.update(quality=JPEG_QUALITY, optimize=True, progressive=True)
        elif checked.format == "PNG":
            options.update(optimize=True)
        elif checked.format == "WEBP":
            options.update(quality=JPEG_QUALITY)
        buffer = io.BytesIO()
        still.save(buffer, checked.format, **options)
        width, height = still.size
    upload.seek(0)
    return CleanImage(buffer.getvalue(), checked.extension, width, height, credit)


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
