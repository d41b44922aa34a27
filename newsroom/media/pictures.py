"""The one builder of a stored image's <picture>, and the one rule for its default source.

Every image a reader gets goes through here: covers and avatars (`{% picture %}`,
articles/templatetags/renditions.py), the body's inline images (articles.body_images),
the share image for social cards and JSON-LD (`share_image`) and the RSS enclosure
(articles/public/feeds.py). Nothing here opens a file or asks storage anything but a
URL: sizes come from the row (covers, avatars) or the stored name (newsroom.media.sized_names),
the renditions' names from newsroom.media.renditions.
"""

from dataclasses import dataclass
from functools import cached_property, lru_cache

from django.utils.safestring import SafeString, mark_safe

from newsroom.markup import escape
from newsroom.media.renditions import (
    CENTRE,
    SHAPES,
    Focus,
    Rendition,
    renditions_for,
    shaped_renditions,
)

# The <img src> for browsers without srcset, the share image and the feed's enclosure:
# the largest JPEG/PNG rendition no wider than this.
DEFAULT_SRC_WIDTH = 1280
MIME_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@dataclass(frozen=True)
class Sources:
    """What a <picture> names: the default <img src> with its size, and both srcsets."""

    src: str
    width: int
    height: int
    srcset: str
    webp_srcset: str

    @cached_property
    def escaped(self) -> tuple[str, str, str]:
        """src, srcset and the WebP srcset as attribute values (worked out once: cached)."""
        return escape(self.src), escape(self.srcset), escape(self.webp_srcset)


def default_rendition(renditions: list[Rendition]) -> Rendition:
    """The largest JPEG/PNG rendition no wider than DEFAULT_SRC_WIDTH (else the smallest)."""
    fallback = [r for r in renditions if r.format != "webp"]
    fitting = [r for r in fallback if r.width <= DEFAULT_SRC_WIDTH]
    if fitting:
        return max(fitting, key=lambda r: r.width)
    return min(fallback, key=lambda r: r.width)


@lru_cache(maxsize=8192)
def sources(
    storage,
    name: str,
    width: int,
    height: int,
    max_width: int | None = None,
    shape: str | None = None,
    focus: Focus = CENTRE,
) -> Sources:
    """The sources of an image of this size (or of its crop to `shape` around `focus`):
    the same inputs, the same answer, so each worker works them out once per image rather
    than on every page view."""
    if shape:
        renditions = shaped_renditions(name, width, height, SHAPES[shape], focus, max_width)
    else:
        renditions = renditions_for(name, width, height, max_width)
    url = storage.url
    default = default_rendition(renditions)

    def srcset(formats: tuple[str, ...]) -> str:
        return ", ".join(f"{url(r.name)} {r.width}w" for r in renditions if r.format in formats)

    return Sources(
        src=url(default.name),
        width=default.width,
        height=default.height,
        srcset=srcset(("jpg", "png")),
        webp_srcset=srcset(("webp",)),
    )


def picture_html(found: Sources | None, *, sizes: str, img: dict[str, str]) -> SafeString:
    """<picture>: a WebP <source> and a JPEG/PNG <img>, every value escaped.

    `img` holds the <img>'s other attributes in order (alt, class, loading, …); its
    `src`, `width` and `height` are used when there are no renditions to name, and a
    width and height given there are kept (the editor sized the image so).
    """
    # Built as strings, not through a template or dicts: listings call this 20 times a page.
    source, parts, size = "", [], ""
    if found is not None:
        src, srcset, webp_srcset = found.escaped
        sizes = escape(sizes)
        source = f'<source type="image/webp" srcset="{webp_srcset}" sizes="{sizes}">'
        parts.append(f' src="{src}" srcset="{srcset}" sizes="{sizes}"')
        if img.get("width") and img.get("height"):
            size = f' width="{escape(img["width"])}" height="{escape(img["height"])}"'
        else:
            size = f' width="{found.width}" height="{found.height}"'
    for key, value in img.items():
        if key == "decoding" or (found is not None and key in ("src", "width", "height")):
            continue
        if value or key == "alt":  # alt="" says "decorative"; other empty values say nothing
            parts.append(f' {key}="{escape(value)}"')
        if key == "alt":  # the size straight after alt: no layout shift, read in order
            parts.append(size)
            size = ""
    parts.append(size)
    return mark_safe(f'<picture>{source}<img{"".join(parts)} decoding="async"></picture>')  # noqa: S308


@dataclass(frozen=True)
class ShareImage:
    """The rendition that stands for an image outside the page (og:image, JSON-LD, RSS)."""

    name: str
    url: str
    width: int
    height: int
    mime_type: str


def share_image(storage, name: str, width: int, height: int, focus: Focus = CENTRE) -> ShareImage:
    """The 1200×630 crop around the focus, a JPEG or PNG (social cards take no WebP): what
    og:image, the Twitter card, JSON-LD and the feed's enclosure name."""
    return shaped_image(storage, name, width, height, "share", focus)


def shaped_image(
    storage, name: str, width: int, height: int, shape: str, focus: Focus = CENTRE
) -> ShareImage:
    """The largest JPEG or PNG crop of one shape (JSON-LD lists 1:1, 16:9 and the card)."""
    made = shaped_renditions(name, width, height, SHAPES[shape], focus)
    rendition = [r for r in made if r.format != "webp"][-1]
    return ShareImage(
        name=rendition.name,
        url=storage.url(rendition.name),
        width=rendition.width,
        height=rendition.height,
        mime_type=MIME_TYPES[rendition.format],
    )
