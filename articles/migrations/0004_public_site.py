"""The public reading site: accent-insensitive search, old addresses, listing order.

Search on PostgreSQL: the `unaccent` extension, a `vi_unaccent` text search
configuration (unaccent, then the `simple` dictionary's lower-casing; no stemming,
no stop words, so every Vietnamese syllable counts) and a GIN index over the weighted
vector of title, lead and body (0006 replaces it with a stored column). On SQLite only
the folded `search_text` column is used; the SQL below runs on PostgreSQL only.
"""

import django.db.models.deletion
from django.db import migrations, models

SEARCH_SQL = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vi_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION vi_unaccent (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION vi_unaccent
      ALTER MAPPING FOR hword, hword_part, word, numword, numhword, hword_numpart
      WITH unaccent, simple;
  END IF;
END $$;
CREATE INDEX IF NOT EXISTS article_search ON articles_article USING gin ((
  (setweight(to_tsvector('vi_unaccent'::regconfig, COALESCE(title, '')), 'A')
   || setweight(to_tsvector('vi_unaccent'::regconfig, COALESCE(summary, '')), 'B'))
   || setweight(to_tsvector('vi_unaccent'::regconfig, COALESCE(body, '')), 'C')
));
"""
# The configuration and extension stay: other database objects may use them.
UNDO_SEARCH_SQL = "DROP INDEX IF EXISTS article_search;"


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_SQL)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNDO_SEARCH_SQL)


def fill_search_text(apps, schema_editor):
    # The historical model has no save() logic: the column is filled here, once.
    from articles.search import search_text

    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only("title", "summary", "body").iterator(chunk_size=500):
        Article.objects.filter(pk=article.pk).update(
            search_text=search_text(article.title, article.summary, article.body)
        )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0003_workflow"),
    ]

    operations = [
        migrations.CreateModel(
            name="OldSlug",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("slug", models.SlugField(max_length=200, unique=True, verbose_name="slug")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="old_slugs", to="articles.article")),
            ],
            options={
                "verbose_name": "old address",
                "verbose_name_plural": "old addresses",
            },
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_status_pub",
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["status", "-published_at", "-id"], name="article_public_order"),
        ),
        migrations.AddField(
            model_name="article",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
