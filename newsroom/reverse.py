"""reverse() for the slug addresses a listing prints dozens of times a page.

The same name, slug, script prefix and URLconf always give the same path, so each worker
builds it once (reverse() itself costs about as much as the rest of a summary).
The addresses carry no language prefix (the language is a cookie); were i18n_patterns
used, the language would have to be part of the key.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


def reverse_slug(viewname: str, slug: str) -> str:
    return _reverse_slug(viewname, slug, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=16384)
def _reverse_slug(viewname: str, slug: str, prefix: str, urlconf) -> str:
    return reverse(viewname, urlconf=urlconf, kwargs={"slug": slug})


@receiver(setting_changed)
def _forget_paths(*, setting, **kwargs) -> None:
    # Tests that swap the URLconf must not be handed paths from the old one.
    if setting == "ROOT_URLCONF":
        _reverse_slug.cache_clear()
