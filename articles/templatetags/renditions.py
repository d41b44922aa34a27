"""`{% picture %}`: an uploaded image as a responsive <picture> of its renditions.

    {% load renditions %}
    {% picture article.cover_image alt=article.cover_alt sizes="(min-width: 44rem) 44rem, 100vw" %}

gives a WebP <source> and a JPEG/PNG <img> with `srcset`, `sizes`, `width`/`height`
(no layout shift) and `loading="lazy"` unless told `loading="eager"` (above the fold).
`max_width` keeps listings to small thumbnails; `shape="16x9"` (or "1x1") gives the crops
around the image's focal point instead. Nothing is read from storage: the markup is
newsroom.media.pictures', like every other image's.

    {{ article.body|with_renditions:article.page_pieces }}

serves the body's uploaded images the same way (the body is sanitized when saved), and
draws its embeds, video/audio and galleries from their cards.
"""

import mimetypes

from django import template
from django.utils.safestring import mark_safe

from articles.body_images import responsive_images
from articles.body_references import with_credits, with_pieces
from newsroom.media import pictures
from newsroom.media.renditions import CENTRE, Focus

register = template.Library()


@register.simple_tag
def picture(
    image,
    alt="",
    sizes="100vw",
    loading="lazy",
    css_class="",
    max_width=None,
    fetchpriority="",
    shape=None,
):
    if not image:
        return ""
    width, height = dimensions(image)
    found = None
    if width and height:
        found = pictures.sources(
            image.storage,
            image.name,
            width,
            height,
            max_width and int(max_width),
            shape or None,
            focus(image) if shape else CENTRE,
        )
    # Built in Python rather than an inclusion template: listings call it 20 times a page.
    return pictures.picture_html(
        found,
        sizes=sizes,
        img={
            # Sizes not recorded yet (rebuild_renditions records them): the stored image itself.
            "src": "" if found else image.url,
            "alt": alt,
            "class": css_class,
            "loading": loading,
            "fetchpriority": fetchpriority,
        },
    )


@register.simple_tag
def share_image(image) -> dict:
    """`{% share_image article.cover_image as card %}`: url, width, height and type of the
    image that stands for this one on social cards, in JSON-LD and in feeds."""
    if not image:
        return {}
    width, height = dimensions(image)
    if not (width and height):  # sizes not recorded yet: the stored image itself
        return {"url": image.url, "mime_type": mimetypes.guess_type(image.name)[0] or ""}
    card = pictures.share_image(image.storage, image.name, width, height, focus(image))
    return {
        "url": card.url,
        "width": card.width,
        "height": card.height,
        "mime_type": card.mime_type,
    }


def shaped_urls(image) -> list[str]:
    """The URLs of the 1:1, 16:9 and share crops (what search engines ask JSON-LD for)."""
    width, height = dimensions(image)
    if not (width and height):
        return [image.url]
    return [
        pictures.shaped_image(image.storage, image.name, width, height, shape, focus(image)).url
        for shape in ("1x1", "16x9", "share")
    ]


def dimensions(image) -> tuple[int | None, int | None]:
    """Width and height as recorded on the row (ImageField width_field/height_field)."""
    field, instance = image.field, image.instance
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    return width, height


def focus(image) -> Focus:
    """The focal point recorded on the row (CleanImageField focus_fields), else the middle."""
    field = image.field
    return field.focus(image.instance) if hasattr(field, "focus") else CENTRE


@register.filter
def with_renditions(body: str, pieces=None) -> str:
    """The body's images as renditions, and its references drawn from `pieces` (the cards
    articles.body_references.load_pieces read)."""
    # Safe: Article.save() stored the body through the sanitizer.
    html = with_credits(body or "", pieces) if pieces else body or ""
    html = responsive_images(html)
    if pieces is not None and "data-" in html:
        html = with_pieces(html, pieces)
    return mark_safe(html)  # noqa: S308
