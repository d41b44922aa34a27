"""`{% article_summary article %}`: one article in a listing (home, tag, author, search).

    {% load summaries %}
    {% article_summary article lead=True %}
    {% article_summary article marks=search_query %}

gives its cover (a small responsive picture), title, time, byline and the start of its lead.
Built in Python rather than an included template: a listing shows 20 of them, and the
included template was half of a listing page's time (docs/benchmarks.md).
With `marks` (a search's `Query`), the words of title and lead that match are marked.
The article needs its authors loaded (`articles.public.prefetch.with_listed_authors`).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.search.highlight import highlight
from articles.templatetags.bylines import byline_links
from articles.templatetags.renditions import picture
from newsroom.markup import escape
from newsroom.timezones import iso_datetime, local_datetime

register = template.Library()

LEAD_WORDS = 40
# The first story spans the page; the others sit beside a thumbnail. Both are 16:9 crops
# around the cover's focal point, so a portrait phone photo keeps its subject.
COVER = {
    True: {
        "sizes": "(min-width: 64rem) 62rem, 100vw",
        "loading": "eager",
        "max_width": 1280,
        "shape": "16x9",
    },
    False: {
        "sizes": "(min-width: 40rem) 14rem, 100vw",
        "loading": "lazy",
        "max_width": 640,
        "shape": "16x9",
    },
}


@register.simple_tag
def article_summary(article, lead=False, marks=None) -> str:
    lead = bool(lead)
    url = escape(article.get_absolute_url())
    title = highlight(article.title, marks) if marks else escape(article.title)
    cover = ""
    if article.cover_image:
        image = picture(article.cover_image, alt="", css_class="summary__image", **COVER[lead])
        cover = f'<a href="{url}" tabindex="-1" aria-hidden="true">{image}</a>'
    lead_html = lead_paragraph(article.summary, marks)
    modifier = " summary--lead" if lead else ""
    title_modifier = " summary__title--lead" if lead else ""
    return mark_safe(  # noqa: S308 (every value above and below is escaped)
        f'<article class="summary{modifier}">{cover}<div class="summary__text">'
        f'<h2 class="summary__title{title_modifier}"><a href="{url}">{title}</a></h2>'
        f'<p class="summary__meta">{publication_time(article.published_at)}'
        f"{byline(article.ordered_authors)}</p>{lead_html}</div></article>"
    )


def publication_time(value) -> str:
    """<time> in the reader's language: `20:15 19/04/2024` in Vietnamese."""
    if value is None:
        return ""
    return f'<time datetime="{iso_datetime(value)}">{escape(local_datetime(value))}</time>'


def byline(authors) -> str:
    links = byline_links(authors)
    return f" — {links}" if links else ""


def lead_paragraph(summary: str, marks=None) -> str:
    if not summary:
        return ""
    lead = Truncator(summary).words(LEAD_WORDS, truncate=" …")
    return f'<p class="summary__lead">{highlight(lead, marks) if marks else escape(lead)}</p>'
