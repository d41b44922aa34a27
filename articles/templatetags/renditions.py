"""`{% picture %}`: an uploaded image as a responsive <picture> of its renditions.

    {% load renditions %}
    {% picture article.cover_image alt=article.cover_alt sizes="(min-width: 44rem) 44rem, 100vw" %}

gives a WebP <source> and a JPEG/PNG <img> with `srcset`, `sizes`, `width`/`height`
(no layout shift) and `loading="lazy"` unless told `loading="eager"` (above the fold).
`max_width` keeps listings to small thumbnails. Nothing is read from storage.

    {{ article.body|with_renditions }}

serves the body's uploaded images the same way (the body is sanitized when saved).
"""

from functools import lru_cache

from django import template
from django.utils.safestring import mark_safe

from articles.body_images import responsive_images
from newsroom.markup import escape
from newsroom.media.renditions import renditions_for, share_rendition

register = template.Library()

# The <img src> for browsers without srcset: a rendition, never the original.
DEFAULT_SRC_WIDTH = 1280


@register.simple_tag
def picture(
    image,
    alt="",
    sizes="100vw",
    loading="lazy",
    css_class="",
    max_width=None,
    fetchpriority="",
):
    if not image:
        return ""
    width, height = dimensions(image)
    if not (width and height):
        # Sizes not recorded yet (rebuild_renditions records them): the stored image itself.
        sources = {"src": image.url}
    else:
        sources = responsive_sources(image.storage, image.name, width, height, max_width)
    # Built in Python rather than an inclusion template: listings call it 20 times a page.
    return picture_html(
        alt=alt,
        sizes=sizes,
        loading=loading,
        css_class=css_class,
        fetchpriority=fetchpriority,
        **sources,
    )


def picture_html(
    *,
    src,
    alt,
    sizes,
    loading,
    css_class,
    fetchpriority,
    webp_srcset="",
    srcset="",
    width=None,
    height=None,
) -> str:
    """<picture>: a WebP <source> and a JPEG/PNG <img>, every value escaped."""
    img = [f'<img src="{escape(src)}"']
    if srcset:
        img.append(f' srcset="{escape(srcset)}" sizes="{escape(sizes)}"')
    img.append(f' alt="{escape(alt)}"')
    if width:
        img.append(f' width="{escape(width)}" height="{escape(height)}"')
    for name, value in (
        ("class", css_class),
        ("loading", loading),
        ("fetchpriority", fetchpriority),
    ):
        if value:
            img.append(f' {name}="{escape(value)}"')
    source = (
        f'<source type="image/webp" srcset="{escape(webp_srcset)}" sizes="{escape(sizes)}">'
        if webp_srcset
        else ""
    )
    return mark_safe(f'<picture>{source}{"".join(img)} decoding="async"></picture>')  # noqa: S308


@lru_cache(maxsize=8192)
def responsive_sources(storage, name: str, width: int, height: int, max_width) -> dict:
    """src, srcset and size of an image's renditions: the same inputs, the same markup,
    so each worker builds them once per image rather than on every page view."""
    renditions = renditions_for(name, width, height, max_width and int(max_width))
    url = storage.url
    webp = [r for r in renditions if r.format == "webp"]
    fallback = [r for r in renditions if r.format != "webp"]
    src = max(
        (r for r in fallback if r.width <= DEFAULT_SRC_WIDTH), key=lambda r: r.width, default=None
    ) or min(fallback, key=lambda r: r.width)
    return {
        "src": url(src.name),
        "width": src.width,
        "height": src.height,
        "webp_srcset": ", ".join(f"{url(r.name)} {r.width}w" for r in webp),
        "srcset": ", ".join(f"{url(r.name)} {r.width}w" for r in fallback),
    }


@register.simple_tag
def share_image(image) -> dict:
    """`{% share_image article.cover_image as card %}`: url, width, height for og:image."""
    if not image:
        return {}
    width, height = dimensions(image)
    if not (width and height):
        return {"url": image.url}
    rendition = share_rendition(image.name, width, height)
    url = image.storage.url(rendition.name)
    return {"url": url, "width": rendition.width, "height": rendition.height}


def dimensions(image) -> tuple[int | None, int | None]:
    """Width and height as recorded on the row (ImageField width_field/height_field)."""
    field, instance = image.field, image.instance
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    return width, height


@register.filter
def with_renditions(body: str) -> str:
    # Safe: Article.save() stored the body through the sanitizer.
    return mark_safe(responsive_images(body or ""))  # noqa: S308
