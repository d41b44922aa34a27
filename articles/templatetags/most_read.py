"""`{% most_read_lists as lists %}` and `{% read_beacon_url article %}` for the most-read box
and the beacon that counts a read (articles/public/most_read.py)."""

from django import template

from articles.public import most_read

register = template.Library()


@register.simple_tag
def most_read_lists():
    """[(period, articles)]: each list's first public articles, in one query."""
    return most_read.box()


@register.simple_tag
def read_beacon_url(article) -> str:
    return most_read.beacon_url(article)
