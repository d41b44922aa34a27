"""Images inside an article's body: alt text on save, renditions on the public page,
which of the editor's uploads a person's articles show, and their clean-up.

All work on the body as nh3 wrote it (articles.sanitize), so attributes are
double-quoted and escaped. The <picture> markup is newsroom.media.pictures'.
"""

import re
from html import unescape

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.html import escape, strip_tags

from newsroom.media import pictures
from newsroom.media.sized_names import size_in_name

IMG = re.compile(r"<img\b([^>]*)>")
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.S)
FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
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
    """Serve the body's uploaded images as <picture> with their renditions, lazily.

    The editor's uploads carry their size in their name (newsroom.media.sized_names); any
    other image, or a name without a believable size, stays the <img> it was.
    """
    prefix = f"{settings.MEDIA_URL}{settings.CKEDITOR_UPLOAD_PATH}"

    def picture(match: re.Match) -> str:
        attributes = _attributes(match.group(1))
        src = attributes.get("src", "")
        size = size_in_name(src) if src.startswith(prefix) else None
        attributes.setdefault("alt", "")
        attributes.update(loading="lazy", decoding="async")
        if size is None:
            return _tag("img", attributes)
        name = src[len(settings.MEDIA_URL) :]
        found = pictures.sources(default_storage, name, *size)
        return pictures.picture_html(found, sizes=BODY_SIZES, img=attributes)

    return IMG.sub(picture, html)


def uploaded_names(html: str) -> set[str]:
    """Storage names of the editor's uploads that a body shows."""
    prefix = f"{settings.MEDIA_URL}{settings.CKEDITOR_UPLOAD_PATH}"
    sources = (_attributes(m.group(1)).get("src", "") for m in IMG.finditer(html or ""))
    return {src[len(settings.MEDIA_URL) :] for src in sources if src.startswith(prefix)}


def uploads_shown_to(user) -> set[str] | None:
    """The editor's uploads in the bodies of the articles this person may see in the
    admin (articles.workflow.can_view); None for editors, who see every article."""
    from articles import workflow
    from articles.models import Article

    if workflow.is_editor(user):
        return None
    bodies = Article.objects.filter(created_by=user).values_list("body", flat=True)
    return set().union(*(uploaded_names(body) for body in bodies.iterator()))


def connect_inline_image_cleanup(article_model) -> None:
    """When an article goes, so do its body's uploads that no other article shows."""
    from ckeditor_uploader.utils import get_thumb_filename
    from django.db import transaction
    from django.db.models.signals import post_delete

    from newsroom.media.files import delete_stored
    from newsroom.media.models import EditorUpload

    def delete_unshared(sender, instance, **kwargs):
        names = uploaded_names(instance.body)

        def delete():
            for name in names:
                if not article_model.objects.filter(body__contains=name).exists():
                    delete_stored(default_storage, name)
                    default_storage.delete(get_thumb_filename(name))
                    EditorUpload.objects.filter(file=name).delete()

        if names:
            transaction.on_commit(delete)

    post_delete.connect(
        delete_unshared, sender=article_model, dispatch_uid="inline-image-cleanup", weak=False
    )
