"""`{% load stories %}`: the pieces an article places beside its text (articles.body_references).

    {% lead_piece article %}       the lead embed, video/audio or gallery, in the cover's place
    {% story_scripts article %}    the same-origin scripts its pieces need (players, viewer)

The article needs its pieces loaded (`articles.body_references.load_pieces`).
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from articles.body_references import lead_piece as draw_lead_piece

register = template.Library()

SCRIPTS = {"embed": "media/embeds.js", "gallery": "media/gallery.js"}


@register.simple_tag
def lead_piece(article) -> SafeString:
    return draw_lead_piece(article)


@register.simple_tag
def story_scripts(article) -> SafeString:
    kinds = {kind for kind, _pk in getattr(article, "page_pieces", {})}
    paths = [static(path) for kind, path in SCRIPTS.items() if kind in kinds]
    return format_html_join("", '<script src="{}" defer></script>', ((p,) for p in paths))
