"""Vietnamese text helpers: slugs and accent folding.

Django's `slugify` drops "Đ" and `unicodedata` does not decompose it, so both
are mapped to "D"/"d" before anything else.
"""

import unicodedata

from django.utils.text import slugify

_VIETNAMESE_D = str.maketrans({"Đ": "D", "đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case `text` without diacritics: "Đảng bộ Tháp Chàm" -> "dang bo thap cham"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_VIETNAMESE_D))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold()


def vn_slugify(text: str | None) -> str:
    """ASCII slug: "Đảng bộ Tp. Phan Rang - Tháp Chàm" -> "dang-bo-tp-phan-rang-thap-cham"."""
    return slugify((text or "").translate(_VIETNAMESE_D))


def unique_slug(
    model, text: str, *, instance_pk=None, max_length: int = 200, fallback="bai-viet", taken=None
):
    """A slug from `text` that no other row of `model` uses, suffixed -2, -3... if needed.

    `taken(slug=...)`, when given, returns a queryset of other reservations (old addresses).
    """
    base = vn_slugify(text)[:max_length].strip("-") or fallback
    slug, n = base, 2
    others = (
        model._default_manager.exclude(pk=instance_pk) if instance_pk else model._default_manager
    )
    while others.filter(slug=slug).exists() or (taken and taken(slug=slug).exists()):
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)].rstrip('-')}{suffix}"
        n += 1
    return slug


def one_line(text: str | None) -> str:
    """`text` on one line: every run of whitespace, line breaks included, becomes one space.

    For titles and mail subjects: a line break in a header is refused by Django's mail.
    """
    return " ".join((text or "").split())
