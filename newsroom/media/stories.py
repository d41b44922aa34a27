"""The pieces of a story beside its text, as readers get them: cards written on save, drawn
on the page without asking storage, the database (beyond the one query that reads the
cards, articles.body_references) or any provider.

    embed_card / media_card / gallery_card   what each row's `card` holds (written on save)
    render(kind, card)                       the piece's HTML, in the reader's language

An embed is a link to the original with its stored thumbnail, title and provider and a play
button; static/media/embeds.js turns a click into the provider's player (no request leaves
for the provider before). Our own video and audio are <video preload="none"> / <audio>
with captions, duration and a download link. A gallery is every photo as a captioned,
lazy-loaded figure; static/media/gallery.js adds the full-screen viewer.
"""

from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from newsroom.media import oembed, pictures
from newsroom.media.renditions import CENTRE

KINDS = ("embed", "media", "gallery")
GALLERY_SIZES = "(min-width: 46rem) 44rem, 100vw"
CARD_SIZES = "(min-width: 46rem) 44rem, 100vw"


def _image(file, width, height) -> list | None:
    return [file.name, width, height] if file and width and height else None


def embed_card(embed) -> dict:
    spec = oembed.BY_KEY.get(embed.provider)
    return {
        "url": embed.url,
        "title": embed.title,
        "provider": spec.name if spec else embed.provider,
        "key": embed.provider,
        "shape": spec.shape if spec else "video",
        "author": embed.author_name,
        "player": embed.player_url,
        "thumb": _image(embed.thumbnail, embed.thumbnail_width, embed.thumbnail_height),
    }


def media_card(item) -> dict:
    return {
        "kind": item.kind,
        "title": item.title,
        "file": item.file.name,
        "type": item.content_type,
        "size": item.size,
        "duration": item.duration,
        "width": item.width,
        "height": item.height,
        "poster": _image(item.poster, item.poster_width, item.poster_height),
        "captions": item.captions.name or None,
        "lang": item.captions_language or "vi",
        "credit": item.credit,
    }


def gallery_card(gallery) -> dict:
    return {
        "title": gallery.title,
        "images": [
            {
                "image": _image(photo.image, photo.width, photo.height),
                "caption": photo.caption,
                "alt": photo.alt or photo.caption,
                "credit": photo.credit,
                "focus": [photo.focus_x, photo.focus_y],
            }
            for photo in gallery.images.all()
            if photo.image and photo.width and photo.height
        ],
    }


def duration_text(seconds: float) -> str:
    """3:25, or 1:02:03 past an hour."""
    total = round(seconds or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _picture(image: list, *, alt: str, sizes: str, shape=None, focus=CENTRE, css_class=""):
    name, width, height = image
    found = pictures.sources(default_storage, name, width, height, None, shape, tuple(focus))
    img = {"alt": alt, "class": css_class, "loading": "lazy"}
    return pictures.picture_html(found, sizes=sizes, img=img), found


def render(kind: str, card: dict, *, lead: bool = False) -> SafeString:
    """A piece's HTML from its card (nothing is read but the card and storage's URLs)."""
    url = default_storage.url
    if not card:
        return mark_safe("")
    if kind == "embed":
        thumb = card.get("thumb")
        picture = ""
        if thumb:
            shape = "16x9" if card.get("shape") == "video" else None
            picture, _found = _picture(thumb, alt="", sizes=CARD_SIZES, shape=shape)
        context = {**card, "picture": picture}
        return mark_safe(render_to_string("media/embed.html", context))  # noqa: S308
    if kind == "media":
        poster = ""
        if card.get("poster"):
            name, width, height = card["poster"]
            poster = pictures.sources(default_storage, name, width, height).src
        context = {
            **card,
            "src": url(card["file"]),
            "poster_src": poster,
            "captions_src": url(card["captions"]) if card.get("captions") else "",
            "duration_text": duration_text(card.get("duration")),
            "duration_iso": f"PT{round(card.get('duration') or 0)}S",
            "size_text": filesizeformat(card.get("size") or 0),
            "format": card["file"].rsplit(".", 1)[-1].upper(),
        }
        return mark_safe(render_to_string("media/player.html", context))  # noqa: S308
    if kind == "gallery":
        photos = []
        for photo in card.get("images", []):
            picture, found = _picture(
                photo["image"], alt=photo["alt"], sizes=GALLERY_SIZES, css_class="gallery__image"
            )
            photos.append({**photo, "picture": picture, "full": found})
        context = {"title": card.get("title", ""), "photos": photos, "lead": lead}
        return mark_safe(render_to_string("media/gallery.html", context))  # noqa: S308
    return mark_safe("")
