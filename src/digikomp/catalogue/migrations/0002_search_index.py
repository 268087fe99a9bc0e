"""The full-text index of cases, one per database (see catalogue/search.py).

PostgreSQL: a generated tsvector column with the Danish configuration and a GIN index over it, so the index is
always in step with the row, whoever writes it. SQLite: an FTS5 table of Snowball Danish stems, filled by
Case.save(); on an existing database this migration fills it from the cases already there.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    """ALTER TABLE catalogue_case ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') ||
         setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B') ||
         setweight(to_tsvector('danish'::regconfig, coalesce(body_text, '')), 'C')
       ) STORED""",
    "CREATE INDEX catalogue_case_search_vector ON catalogue_case USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS catalogue_case_search_vector",
    "ALTER TABLE catalogue_case DROP COLUMN IF EXISTS search_vector",
]
# Stems are kept as they are (no diacritics folding): æ, ø and å are letters of their own in Danish.
SQLITE_FORWARD = ["CREATE VIRTUAL TABLE catalogue_case_fts USING fts5("
                  "title, summary, body, tokenize = 'unicode61 remove_diacritics 0')"]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS catalogue_case_fts"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = POSTGRES_FORWARD if vendor == "postgresql" else SQLITE_FORWARD if vendor == "sqlite" else []
    for statement in statements:
        schema_editor.execute(statement)
    if vendor == "sqlite":
        from digikomp.lib.danish import stemmed

        Case = apps.get_model("catalogue", "Case")
        rows = [(pk, stemmed(t), stemmed(s), stemmed(b))
                for pk, t, s, b in Case.objects.values_list("pk", "title", "summary", "body_text")]
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany("INSERT INTO catalogue_case_fts (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                               rows)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in POSTGRES_BACKWARD if vendor == "postgresql" else SQLITE_BACKWARD if vendor == "sqlite" else []:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
