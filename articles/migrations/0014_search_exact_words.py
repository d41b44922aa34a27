"""Search ranks by the words as written: the stored `search_exact` and the vectors built from
the stored lines (articles/search/).

Every article's `search_text` (folded) and new `search_exact` (as written) are computed
again here, in Python, as saves do. On PostgreSQL `search_vector` is now built from the
folded lines and `search_exact_vector` from the written ones, with the `simple`
configuration: the words are already folded and split in Python, so both databases see the
same words at the same positions, and PostgreSQL's parser and `unaccent` no longer decide
(the `vi_unaccent` configuration stays, unused). `search_rank_vector` (0008) is gone: the
ranking tests each match's two vectors, which stay in the row (STORAGE MAIN: the body and
the search lines go to TOAST first), so that each test reads them where they are: out of
line they were read back from TOAST for every test, three times slower.

The generated columns depend on `search_text` and `search_exact` only: a later migration may
alter title, summary or body freely (0006's warning no longer holds), but one altering the
search columns must drop the vectors first and add them back after (the SQL below).
"""

from django.db import migrations, models


def lines_vector(column: str) -> str:
    return " || ".join(
        f"setweight(to_tsvector('simple'::regconfig, split_part({column}, E'\\n', {n})), '{w}')"
        for n, w in ((1, "A"), (2, "B"), (3, "C"))
    )


# Before the columns are filled: PostgreSQL computes every generated column again on each
# UPDATE, and the old ones parse the whole body.
DROP_OLD = """
ALTER TABLE articles_article
  DROP COLUMN IF EXISTS search_rank_vector,
  DROP COLUMN IF EXISTS search_vector;
"""
ADD_NEW = f"""
ALTER TABLE articles_article
  ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({lines_vector("search_text")}) STORED,
  ADD COLUMN search_exact_vector tsvector
    GENERATED ALWAYS AS ({lines_vector("search_exact")}) STORED,
  ALTER COLUMN search_vector SET STORAGE MAIN,
  ALTER COLUMN search_exact_vector SET STORAGE MAIN;
CREATE INDEX article_search_vector ON articles_article USING gin (search_vector);
"""
DROP_NEW = """
ALTER TABLE articles_article
  DROP COLUMN IF EXISTS search_exact_vector,
  DROP COLUMN IF EXISTS search_vector;
"""
# 0006's and 0008's columns, from title, summary and body again.
OLD_VECTOR = """
  setweight(to_tsvector('vi_unaccent'::regconfig, COALESCE(title, '')), 'A')
  || setweight(to_tsvector('vi_unaccent'::regconfig, COALESCE(summary, '')), 'B')"""
ADD_OLD = f"""
ALTER TABLE articles_article
  ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({OLD_VECTOR}
    || setweight(to_tsvector('vi_unaccent'::regconfig, COALESCE(body, '')), 'C')) STORED,
  ADD COLUMN search_rank_vector tsvector GENERATED ALWAYS AS ({OLD_VECTOR}) STORED;
CREATE INDEX article_search_vector ON articles_article USING gin (search_vector);
"""


def on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


def fill_search_columns(apps, schema_editor):
    # The historical model has no save() logic: the columns are computed here, once.
    from articles.search import search_columns

    Article = apps.get_model("articles", "Article")
    batch = []
    for article in Article.objects.only("title", "summary", "body").iterator(chunk_size=1000):
        article.search_text, article.search_exact = search_columns(
            article.title, article.summary, article.body
        )
        batch.append(article)
        if len(batch) == 1000:
            Article.objects.bulk_update(batch, ["search_text", "search_exact"])
            batch = []
    Article.objects.bulk_update(batch, ["search_text", "search_exact"])


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0013_roles_rules_and_corrections"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_exact",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(on_postgresql(DROP_OLD), on_postgresql(ADD_OLD)),
        migrations.RunPython(fill_search_columns, migrations.RunPython.noop),
        migrations.RunPython(on_postgresql(ADD_NEW), on_postgresql(DROP_NEW)),
    ]
