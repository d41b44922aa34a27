"""Pieces of the public site's frame (header and footer)."""

import unicodedata

from django import template
from django.conf import settings
from django.utils.translation import get_language_info

register = template.Library()


@register.simple_tag
def language_choices() -> list[dict]:
    """Each language in its own name, for the switch: [{"code": "vi", "name": "Tiếng Việt"}]."""
    # Django's "Tiếng Việt" is stored decomposed; composed text renders and matches reliably.
    return [
        {"code": code, "name": unicodedata.normalize("NFC", get_language_info(code)["name_local"])}
        for code, _name in settings.LANGUAGES
    ]
