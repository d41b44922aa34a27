"""Demo pictures drawn at seed time with Pillow: covers and the body's figures."""

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from articles.demo.content import TAGS
from articles.demo.documents import ascii_text

COVER_SIZE = (1200, 675)
FIGURE_SIZE = (800, 450)
# Pillow's built-in font (Aileron) has no Vietnamese glyphs beyond Latin-1, so prefer
# a system font that has them and fold the text to ASCII only if none is installed.
FONT_CANDIDATES = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf")


def cover_jpeg(title: str, tag_names: list[str]) -> bytes:
    """A cover picture: the tags' colour, the tags and the title written on it."""
    color = tag_color(tag_names[0])
    image = gradient(COVER_SIZE, color, darken(color, 0.55), vertical=True)
    draw = ImageDraw.Draw(image)
    label_font, label = font(30), " · ".join(name.upper() for name in tag_names)
    draw.text((60, 56), printable(label), font=label_font, fill="#f1f5f9")
    title_font = font(56)
    lines = wrap(draw, printable(title), title_font, COVER_SIZE[0] - 120)
    y = COVER_SIZE[1] - 60 - 70 * len(lines)
    for line in lines:
        draw.text((60, y), line, font=title_font, fill="white")
        y += 70
    return jpeg_bytes(image)


def figure_jpeg(caption: str, tag_name: str) -> bytes:
    """A figure for the body: the tag's colour, sideways, with its caption written on it."""
    color = tag_color(tag_name)
    image = gradient(FIGURE_SIZE, color, darken(color, 0.35), vertical=False)
    draw_caption(image, caption, size=22)
    return jpeg_bytes(image)


def tag_color(tag_name: str) -> str:
    """The colour the demo gives a tag's pictures."""
    colors = {t["name"].casefold(): t["color"] for t in TAGS}
    return colors.get(tag_name.casefold(), "#334155")


def darken(hex_color: str, amount: float) -> tuple[int, int, int]:
    rgb = Image.new("RGB", (1, 1), hex_color).getpixel((0, 0))
    return tuple(round(c * (1 - amount)) for c in rgb)


def gradient(size: tuple[int, int], start, end, *, vertical: bool) -> Image.Image:
    mask = Image.linear_gradient("L")  # 256x256, black at the top to white at the bottom
    if not vertical:
        mask = mask.rotate(90)  # black on the left to white on the right
    mask = mask.resize(size)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


@lru_cache
def font_file() -> str | None:
    """The first installed font with Vietnamese glyphs, or None."""
    for name in FONT_CANDIDATES:
        try:
            ImageFont.truetype(name, 12)
        except OSError:
            continue
        return name
    return None


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = font_file()
    return ImageFont.truetype(name, size) if name else ImageFont.load_default(size=size)


def printable(text: str) -> str:
    return text if font_file() else ascii_text(text)


def wrap(draw: ImageDraw.ImageDraw, text: str, text_font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=text_font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines[:4]


def draw_caption(image: Image.Image, text: str, *, size: int) -> None:
    draw = ImageDraw.Draw(image)
    caption_font = font(size)
    lines = wrap(draw, printable(text), caption_font, image.width - 80)
    y = image.height - 40 - (size + 10) * len(lines)
    for line in lines:
        draw.text((40, y), line, font=caption_font, fill="white")
        y += size + 10


def jpeg_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()
