"""Keep PostgreSQL's search vector inside the case's row (STORAGE MAIN) instead of in the TOAST table.

A case's row (title, summary, body, body_text, results and the vector) passes PostgreSQL's ~2 kB threshold, and
the vector, being the widest value, was moved out of line. A search reads the vector of every candidate, once to
match and once to rank, so each read became a TOAST index lookup: ~6 buffer reads per case, 40 ms for a word
that most of 5,000 cases contain. With MAIN the long texts (which a search never reads) are moved out first
and the vector stays in the row; a value too large for the row still goes out of line as before. The UPDATE
rewrites the existing rows so the vector is stored again under the new rule (a generated column is
recomputed on every UPDATE); updated_at is left alone. SQLite has no such column, so nothing happens there.
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE catalogue_case ALTER COLUMN search_vector SET STORAGE MAIN")
    schema_editor.execute("UPDATE catalogue_case SET title = title")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE catalogue_case ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_vocabularies")]
    operations = [migrations.RunPython(forward, backward)]
