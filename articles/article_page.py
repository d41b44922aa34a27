"""What the article page shows around an article: its authors, tags and attachments.

Every uncached article view runs these three queries. Built by the ORM on each view, they
took about 0.5 ms of Python apiece, several times what PostgreSQL spends running them.
Their SQL never changes, so each worker has the ORM write it once and then runs it with
the article's id (docs/benchmarks.md).
"""

from functools import cache

from django.db import connection

from accounts.models import Author
from articles.models import Article, Attachment, Tag

_ANY_ID = -1  # stands for the article's id while the ORM writes the SQL


def with_related(article: Article) -> Article:
    """The article with `page_authors` (byline order), `page_tags` and `page_attachments`."""
    for name, (model, sql) in _queries(connection.vendor).items():
        setattr(article, f"page_{name}", list(model.objects.raw(sql, [article.pk])))
    return article


@cache
def _queries(vendor: str) -> dict:
    authors = Author.objects.filter(bylines__article=_ANY_ID).only("name", "slug")
    return {
        "authors": _written(authors.order_by("bylines__position", "bylines__id")),
        "tags": _written(Tag.objects.filter(articles=_ANY_ID).order_by("name")),
        "attachments": _written(Attachment.objects.filter(article=_ANY_ID)),  # in position order
    }


def _written(queryset) -> tuple:
    sql, params = queryset.query.sql_with_params()
    if list(params) != [_ANY_ID]:  # raw() would put the article's id in the wrong place
        raise ValueError(f"the article's id must be the only parameter, not {params!r}")
    return queryset.model, sql
