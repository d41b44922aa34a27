"""What search engines and social networks read in a page's <head>."""

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from articles.templatetags.renditions import share_image

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's one address: its path, the search words and the page number past page 1."""
    request = context["request"]
    params = {}
    if context.get("query"):
        params["q"] = context["query"]
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        params["page"] = page_obj.number
    query = f"?{urlencode(params)}" if params else ""
    return request.build_absolute_uri(request.path + query)


@register.simple_tag
def og_locale(language_code: str) -> str:
    return {"vi": "vi_VN", "en": "en_US"}.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def article_json_ld(context, article) -> str:
    """schema.org NewsArticle as JSON-LD: a data block, which the CSP does not execute."""
    request = context["request"]
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": localtime(article.published_at).isoformat(timespec="seconds"),
        "dateModified": localtime(article.modified_at).isoformat(timespec="seconds"),
        "inLanguage": settings.LANGUAGE_CODE,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in article.ordered_authors
        ],
        "keywords": [tag.name for tag in article.page_tags],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": request.build_absolute_uri("/"),
        },
    }
    if article.cover_image:
        data["image"] = [request.build_absolute_uri(share_image(article.cover_image)["url"])]
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped just above)
    )


@register.filter
def w3c_datetime(value) -> str:
    """'2024-04-19T20:15:00+07:00': local time to the second, as sitemaps and Open Graph expect."""
    return localtime(value).isoformat(timespec="seconds") if value else ""
