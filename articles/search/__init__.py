"""Article search that knows Vietnamese: found with or without diacritics, ranked by them.

"thap cham", "Tháp Chàm" and "THÁP CHÀM" find the same articles: every word of the query,
folded (articles/search/words.py), as a whole word of the title, lead or body. They are
ordered by articles/search/ranking.py: the words as typed (with their diacritics) above
words that only match folded, together above apart, title over lead over body, then newer
first. Results show the matching words marked (articles/search/highlight.py).

Stored on each save (`search_columns()`, called by `Article.prepare_for_bulk()`):
`search_text`, the folded words of title, lead and body, one line each, and `search_exact`,
the same words as written. SQLite matches `search_text` with LIKE and ranks with the
`newsroom_search_rank()` function this module gives each connection. PostgreSQL has two
generated columns of its own, unknown to the model (migration 0014): `search_vector`, the
folded lines as a tsvector weighted A, B, C with a GIN index that finds the matches, and
`search_exact_vector`, the written lines; both are kept in the row, where the ranking reads them.
"""

import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import F, Func, IntegerField, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.dispatch import receiver

from articles.search import ranking
from articles.search.words import body_text, folded_form, line, words

# A reader's query is a few words; anything longer is cut, never an error.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12


@dataclass(frozen=True)
class Query:
    """A reader's query: its words as typed, and folded."""

    written: tuple[str, ...]
    folded: tuple[str, ...]

    @classmethod
    def parse(cls, text: str | None) -> "Query":
        found = words(unicodedata.normalize("NFC", text or "")[:MAX_QUERY_CHARS])
        found = found[:MAX_QUERY_WORDS]
        return cls(tuple(found), tuple(folded_form(word) for word in found))

    def __bool__(self) -> bool:
        return bool(self.written)

    @property
    def accented(self) -> bool:
        """Typed with diacritics (Đ included): each word means what it says, "phan" too."""
        return self.written != self.folded

    @property
    def typed(self) -> tuple[str, ...]:
        """The forms that count as typed: without any diacritics a word means any of them."""
        return self.written if self.accented else self.folded


def search_columns(title: str, summary: str, body_html: str) -> tuple[str, str]:
    """(search_text, search_exact): the folded and the written words, a line per field."""
    fields = [words(title), words(summary), words(body_text(body_html))]
    folded = "\n".join(line(folded_form(word) for word in field) for field in fields)
    return folded, "\n".join(line(field) for field in fields)


def search_text(title: str, summary: str, body_html: str) -> str:
    """The folded column alone (migration 0004 fills it with this)."""
    return search_columns(title, summary, body_html)[0]


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Articles of `queryset` that contain every word of `text`, most relevant first."""
    query = Query.parse(text)
    if not query:
        return queryset.none()
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, query)
    return _search_sqlite(queryset, query)


def _search_postgresql(queryset: QuerySet, query: Query) -> QuerySet:
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    vector = RawSQL(f"{table}.search_vector", [], output_field=SearchVectorField())
    # The words are letters and digits only: no operator of to_tsquery's can come with them.
    matches = SearchQuery(" & ".join(query.folded), config="simple", search_type="raw")
    # Each test reads the vectors in the row (STORAGE MAIN, migration 0014): no copy to make.
    key, params = ranking.key_sql(query, f"{table}.search_vector", f"{table}.search_exact_vector")
    return (
        queryset.alias(search=vector, rank=RawSQL(key, params, output_field=IntegerField()))
        .filter(search=matches)
        .order_by("-rank", "-published_at", "-id")
    )


def _search_sqlite(queryset: QuerySet, query: Query) -> QuerySet:
    for word in set(query.folded):
        queryset = queryset.filter(search_text__contains=f" {word} ")
    rank = Func(
        F("search_text"),
        F("search_exact"),
        Value(ranking.plan_for(query)),
        function="newsroom_search_rank",
        output_field=IntegerField(),
    )
    return queryset.alias(rank=rank).order_by(F("rank").desc(), "-published_at", "-id")


@receiver(connection_created, dispatch_uid="articles.search.sqlite_rank")
def give_sqlite_the_rank_function(sender, connection, **kwargs):
    """SQLite ranks with ranking.rank(), a function of each connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "newsroom_search_rank", 3, ranking.rank, deterministic=True
        )
