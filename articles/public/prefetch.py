"""The rows shown around articles, loaded before the page is drawn: the article page's
authors, tags and attachments, and the bylines of a listing's 20 summaries.

The contract: these functions set attributes on the Article objects they are given, and the
templates read them instead of querying:

    page_authors      list[Author], byline order   with_related(), with_listed_authors()
                                                   (read through Article.ordered_authors)
    page_tags         list[Tag], by name           with_related()
    page_attachments  list[Attachment], in order   with_related()
    page_pieces       {(kind, id): card} of the    with_related() (one query, none when
                      embeds, video/audio and       the article names no piece and has no
                      galleries it names, and the   captioned image; articles.
                      body images' credits          body_references.load_pieces)
    page_corrections  list[Correction], oldest 1st with_related() (read only for an article
                                                   that has a correction: corrected_at)

An article that did not come through here has none of them: use `ordered_authors`,
`tags.all()` and `attachments.all()`.

Every uncached page view runs these queries. Built by the ORM on each view, they took
about 0.5 ms of Python apiece, several times what PostgreSQL spends running them. Their
SQL never changes, so each worker has the ORM write it once and then runs it with the
articles' ids (docs/benchmarks.md).
"""

from functools import cache

from django.db import connection
from django.db.models import F

from accounts.models import Author
from articles.body_references import load_pieces
from articles.models import Article, Attachment, Correction, Tag

_ANY_ID = -1  # stands for the article's id while the ORM writes the SQL
LISTING_SIZE = 20  # ids per listing query; a shorter page repeats _ANY_ID (no article has it)


def with_related(article: Article) -> Article:
    """The article with `page_authors` (byline order), `page_tags`, `page_attachments` and
    `page_pieces`."""
    for name, (model, sql) in _article_queries(connection.vendor).items():
        if name == "corrections" and article.corrected_at is None:
            article.page_corrections = []  # never corrected: no query
            continue
        setattr(article, f"page_{name}", list(model.objects.raw(sql, [article.pk])))
    load_pieces([article], credits=True)
    return article


def with_listed_authors(articles: list[Article]) -> list[Article]:
    """The articles, each with `page_authors` in byline order, in one query per 20."""
    model, sql = _listing_query(connection.vendor)
    by_article = {article.pk: [] for article in articles}
    ids = list(by_article)
    for start in range(0, len(ids), LISTING_SIZE):
        chunk = ids[start : start + LISTING_SIZE]
        for author in model.objects.raw(sql, chunk + [_ANY_ID] * (LISTING_SIZE - len(chunk))):
            by_article[author.listed_article_id].append(author)
    for article in articles:
        article.page_authors = by_article[article.pk]
    return articles


@cache
def _article_queries(vendor: str) -> dict:
    authors = Author.objects.filter(bylines__article=_ANY_ID).only("name", "slug")
    return {
        "authors": _written(authors.order_by("bylines__position", "bylines__id"), [_ANY_ID]),
        "tags": _written(Tag.objects.filter(articles=_ANY_ID).order_by("name"), [_ANY_ID]),
        # in position order (Attachment.Meta)
        "attachments": _written(Attachment.objects.filter(article=_ANY_ID), [_ANY_ID]),
        # oldest first (Correction.Meta)
        "corrections": _written(
            Correction.objects.filter(article=_ANY_ID).only("note", "at"), [_ANY_ID]
        ),
    }


@cache
def _listing_query(vendor: str) -> tuple:
    # Distinct stand-ins, or the ORM would fold them into one placeholder.
    stand_ins = [_ANY_ID - n for n in range(LISTING_SIZE)]
    authors = (
        Author.objects.filter(bylines__article__in=stand_ins)
        .annotate(listed_article_id=F("bylines__article_id"))
        .only("name", "slug")
        .order_by("bylines__position", "bylines__id")
    )
    return _written(authors, stand_ins)


def _written(queryset, stand_ins: list[int]) -> tuple:
    sql, params = queryset.query.sql_with_params()
    if list(params) != stand_ins:  # raw() would put the ids in the wrong places
        raise ValueError(f"the articles' ids must be the only parameters, not {params!r}")
    return queryset.model, sql
