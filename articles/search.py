"""Accent-insensitive article search: "thap cham", "Tháp Chàm" and "THÁP CHÀM" are one query.

PostgreSQL: full-text search through the `vi_unaccent` text search configuration
(unaccent, then lower-case) over title (weight A), lead (B) and body (C), stored in the
generated column `search_vector` with a GIN index (migrations 0004 and 0006), and ranked
on `search_rank_vector`, the title and lead alone (0008); both columns are PostgreSQL's
own, unknown to the model. SQLite has neither, so each article also
stores `search_text`: its words folded with `newsroom.text.fold`, one line each for
title, lead and body.
Both match every word of the query, whole words only, and rank title over lead over body,
then newer first.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import strip_tags

from newsroom.text import fold

SEARCH_CONFIG = "vi_unaccent"
# A reader's query is a few words; anything longer is cut, never an error.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12
_WORD = re.compile(r"\w+")


def query_words(query: str) -> list[str]:
    """The words of a query (composed Unicode), without punctuation, quotes or operators."""
    text = unicodedata.normalize("NFC", query or "")[:MAX_QUERY_CHARS]
    return _WORD.findall(text)[:MAX_QUERY_WORDS]


def folded_words(text: str) -> str:
    """' dang bo tp phan rang ': folded words between single spaces, for whole-word LIKE."""
    return " " + " ".join(_WORD.findall(fold(text))) + " "


def search_text(title: str, summary: str, body_html: str) -> str:
    """The stored SQLite search column: title, lead and body text, one folded line each."""
    return "\n".join(folded_words(part) for part in (title, summary, strip_tags(body_html or "")))


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Articles of `queryset` that contain every word of `query`, most relevant first."""
    words = query_words(query)
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, words)
    return _search_folded(queryset, words)


def _search_postgresql(queryset: QuerySet, words: list[str]) -> QuerySet:
    # Words, not the raw query: quotes and operators never reach to_tsquery's parser.
    tsquery = SearchQuery(" ".join(words), config=SEARCH_CONFIG, search_type="plain")
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    vector = RawSQL(f"{table}.search_vector", [], output_field=SearchVectorField())
    # Ranked on title and lead only (migration 0008): small enough to sit in the row,
    # where the whole vector is read back from TOAST for every match.
    rank_vector = RawSQL(f"{table}.search_rank_vector", [], output_field=SearchVectorField())
    # alias(), not annotate(): neither the vector nor the rank is sent back with the rows.
    return (
        queryset.alias(search=vector, rank=SearchRank(rank_vector, tsquery))
        .filter(search=tsquery)  # rank is above zero even for rows that do not match
        .order_by("-rank", "-published_at", "-id")
    )


def _search_folded(queryset: QuerySet, words: list[str]) -> QuerySet:
    rank = Value(0)
    for word in {fold(w) for w in words}:
        queryset = queryset.filter(search_text__contains=f" {word} ")
        # The first line is the title, the second the lead: the same weights as PostgreSQL's.
        pattern = re.escape(f" {word} ")
        rank = rank + Case(
            When(search_text__regex=rf"^[^\n]*{pattern}", then=Value(4)),
            When(search_text__regex=rf"^[^\n]*\n[^\n]*{pattern}", then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return queryset.alias(rank=rank).order_by(F("rank").desc(), "-published_at", "-id")
