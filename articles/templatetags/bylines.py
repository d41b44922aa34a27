"""`{% byline_links authors %}`: an article's authors as links to their pages, in byline order.

    {% load bylines %}
    <span class="byline">— {% byline_links article.ordered_authors %}</span>

The one way a byline is written, on the article page and in every summary
(articles/templatetags/summaries.py calls `byline_links` directly).
"""

from django import template
from django.utils.safestring import mark_safe

from newsroom.markup import escape

register = template.Library()


@register.simple_tag
def byline_links(authors) -> str:
    return mark_safe(  # noqa: S308 (every value is escaped)
        ", ".join(
            f'<a href="{escape(author.get_absolute_url())}" rel="author">{escape(author.name)}</a>'
            for author in authors
        )
    )
