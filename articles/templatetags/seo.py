"""What search engines and social networks read in a page's <head>."""

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import corrections
from articles.templatetags.renditions import shaped_urls
from newsroom.site_url import absolute_url
from newsroom.timezones import iso_datetime

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(name="absolute_url")
def absolute_url_tag(path: str) -> str:
    """The site's absolute URL of a path: from SITE_URL, whatever Host the request named."""
    return absolute_url(path)


def page_parameters(context, number: int | None) -> dict:
    """The parameters that make this listing page different: the search words and the page
    number past page 1. Nothing else a request carries (utm_source, fbclid…) is kept, so the
    page is the same for the page cache's one entry (page_cache.PAGE_PARAMETERS)."""
    params = {}
    if context.get("query"):
        params["q"] = context["query"]
    if number is not None and number > 1:
        params["page"] = number
    return params


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's one address: its path, the search words and the page number past page 1."""
    page_obj = context.get("page_obj")
    params = page_parameters(context, page_obj.number if page_obj is not None else None)
    query = f"?{urlencode(params)}" if params else ""
    return absolute_url(context["request"].path + query)


@register.simple_tag(takes_context=True)
def page_link(context, number: int) -> str:
    """A link to another page of this listing ('?q=…&page=3'), with only its own parameters."""
    params = page_parameters(context, None)
    params["page"] = number
    return f"?{urlencode(params)}"


@register.simple_tag
def og_locale(language_code: str) -> str:
    return {"vi": "vi_VN", "en": "en_US"}.get(language_code, language_code)


@register.simple_tag
def article_json_ld(article) -> str:
    """schema.org NewsArticle as JSON-LD: a data block, which the CSP does not execute."""
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": iso_datetime(article.published_at),
        "dateModified": iso_datetime(article.modified_at),
        "inLanguage": settings.LANGUAGE_CODE,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(author.get_absolute_url()),
            }
            for author in article.ordered_authors
        ],
        "keywords": [tag.name for tag in article.page_tags],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute_url(reverse("articles:home")),
        },
    }
    if notes := corrections.json_ld(article):
        data["correction"] = notes
    if article.cover_image:
        data["image"] = [absolute_url(url) for url in shaped_urls(article.cover_image)]
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped just above)
    )
