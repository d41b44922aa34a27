"""Images inside an article's body: alt text on save, renditions on the public page.

Both work on the body as nh3 wrote it (articles.sanitize), so attributes are
double-quoted and escaped.
"""

import re
from html import unescape

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.html import escape, strip_tags

from newsroom.media.renditions import renditions_for

IMG = re.compile(r"<img\b([^>]*)>")
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.S)
FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
# The editor's uploads carry their size in their name: "…-1600x900.jpg".
SIZED_UPLOAD = re.compile(r"-(\d{1,5})x(\d{1,5})\.(jpg|png|webp|gif)$")
BODY_SIZES = "(min-width: 46rem) 44rem, 100vw"


def _attributes(raw: str) -> dict[str, str]:
    return {name.lower(): unescape(value) for name, value in ATTRIBUTE.findall(raw)}


def _tag(name: str, attributes: dict[str, str]) -> str:
    parts = "".join(f' {key}="{escape(value)}"' for key, value in attributes.items())
    return f"<{name}{parts}>"


def fill_missing_alt(html: str) -> str:
    """A figure's image without alt text gets its caption as alt text."""

    def figure(match: re.Match) -> str:
        block = match.group(0)
        caption = FIGCAPTION.search(block)
        if not caption:
            return block
        text = " ".join(unescape(strip_tags(caption.group(1))).split())

        def image(img: re.Match) -> str:
            attributes = _attributes(img.group(1))
            if attributes.get("alt", "").strip() or not text:
                return img.group(0)
            return _tag("img", {**attributes, "alt": text})

        return IMG.sub(image, block)

    return FIGURE.sub(figure, html)


def responsive_images(html: str) -> str:
    """Serve the body's uploaded images as <picture> with their renditions, lazily."""
    prefix = f"{settings.MEDIA_URL}{settings.CKEDITOR_UPLOAD_PATH}"

    def picture(match: re.Match) -> str:
        attributes = _attributes(match.group(1))
        src = attributes.get("src", "")
        sized = SIZED_UPLOAD.search(src)
        attributes.setdefault("alt", "")
        attributes.update(loading="lazy", decoding="async")
        if not (src.startswith(prefix) and sized):
            return _tag("img", attributes)
        name = src[len(settings.MEDIA_URL) :]
        width, height = int(sized.group(1)), int(sized.group(2))
        renditions = renditions_for(name, width, height)
        url = default_storage.url
        webp = [r for r in renditions if r.format == "webp"]
        fallback = [r for r in renditions if r.format != "webp"]
        largest = fallback[-1]
        if "width" not in attributes:  # keep a size the editor gave; else the real one
            attributes.update(width=str(largest.width), height=str(largest.height))
        attributes.update(
            src=url(largest.name),
            srcset=", ".join(f"{url(r.name)} {r.width}w" for r in fallback),
            sizes=BODY_SIZES,
        )
        source = _tag(
            "source",
            {
                "type": "image/webp",
                "srcset": ", ".join(f"{url(r.name)} {r.width}w" for r in webp),
                "sizes": BODY_SIZES,
            },
        )
        return f"<picture>{source}{_tag('img', attributes)}</picture>"

    return IMG.sub(picture, html)


def uploaded_names(html: str) -> set[str]:
    """Storage names of the editor's uploads that a body shows."""
    prefix = f"{settings.MEDIA_URL}{settings.CKEDITOR_UPLOAD_PATH}"
    sources = (_attributes(m.group(1)).get("src", "") for m in IMG.finditer(html or ""))
    return {src[len(settings.MEDIA_URL) :] for src in sources if src.startswith(prefix)}


def connect_inline_image_cleanup(article_model) -> None:
    """When an article goes, so do its body's uploads that no other article shows."""
    from ckeditor_uploader.utils import get_thumb_filename
    from django.db import transaction
    from django.db.models.signals import post_delete

    from newsroom.media.files import delete_stored

    def delete_unshared(sender, instance, **kwargs):
        names = uploaded_names(instance.body)

        def delete():
            for name in names:
                if not article_model.objects.filter(body__contains=name).exists():
                    delete_stored(default_storage, name)
                    default_storage.delete(get_thumb_filename(name))

        if names:
            transaction.on_commit(delete)

    post_delete.connect(
        delete_unshared, sender=article_model, dispatch_uid="inline-image-cleanup", weak=False
    )
