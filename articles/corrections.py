"""Every correction of an article on the record: what its page lists and JSON-LD says.

A correction is made by the workflow's CORRECT action (articles/workflow.py), which keeps a
Correction row for each and the latest on the article (`correction_note`, `corrected_at`),
so `Article.modified_at` and the listings need no extra query. The article page reads the
rows through articles/public/prefetch.py (`page_corrections`).
"""

from articles.models import Article
from newsroom.timezones import iso_datetime


def of(article: Article) -> list:
    """The article's corrections, oldest first (the page's, when prefetched)."""
    if hasattr(article, "page_corrections"):
        return article.page_corrections
    return list(article.corrections.all())


def json_ld(article: Article) -> list[dict]:
    """schema.org `correction`: one CorrectionComment a correction, oldest first."""
    return [
        {"@type": "CorrectionComment", "text": c.note, "datePublished": iso_datetime(c.at)}
        for c in of(article)
    ]
