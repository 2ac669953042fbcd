"""the embedded search index keyed by place

SQLite only (PostgreSQL's search index is a column of `vacancies` and does not change). The
FTS5 table's rowid was the vacancy id; it becomes a key that starts with the vacancy's place:

    key = lon_cell << 47 | lat_cell << 32 | id
    lon_cell = int((longitude + 180) * 100), 0..36000      (cells of 0.01 degree)
    lat_cell = int((latitude + 90) * 100), 0..18000

so the index lists a word's vacancies west to east, and a text search in a radius reads only the
band of longitude of the radius (an FTS5 rowid range) and tests the latitude on the key itself,
before any row of `vacancies` is read. `vacancy_fts_keys` remembers each vacancy's key, so a
vacancy can be indexed again after its place changed. The FTS5 table holds the same documents
(same columns, tokenizer, text), so the BM25 scores are the same too.

Prefix indexes for 4 to 15 characters (`prefix=`): a query word of that length reads one list
for "word*" instead of FTS5 merging the lists of every term it starts (for the match, and again
for BM25's IDF). They store each token's first 4..15 characters once more: the index grows from
about 32 to 137 MB at 100,000 vacancies. For longer words, `vacancy_fts_terms` (fts5vocab, one
row per occurrence, in the order of the terms) lets the engine see with two seeks whether the
prefix stands for one term only, and then ask for that term.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 16:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Literal SQL, not the engine's code: a migration must keep meaning what it meant.
FTS = "CREATE VIRTUAL TABLE {name} USING fts5(title, terms, body, tokenize = 'unicode61 remove_diacritics 2'{prefix})"
PREFIXES = ", prefix = '4 5 6 7 8 9 10 11 12 13 14 15'"
KEYS = "CREATE TABLE vacancy_fts_keys (id INTEGER NOT NULL PRIMARY KEY, fts_rowid INTEGER NOT NULL)"
TERMS = "CREATE VIRTUAL TABLE vacancy_fts_terms USING fts5vocab(vacancy_fts, instance)"
KEY = (
    "(CAST(MIN(MAX((v.longitude + 180.0) * 100.0, 0), 36000) AS INTEGER) << 47)"
    " | (CAST(MIN(MAX((v.latitude + 90.0) * 100.0, 0), 18000) AS INTEGER) << 32) | v.id"
)


def _copy(select_rows: str, *, prefix: str) -> None:
    """Fills a new FTS5 table from the old one, in the order of its new rowids, and puts it in its place."""
    op.execute(FTS.format(name="vacancy_fts_new", prefix=prefix))
    op.execute(f"INSERT INTO vacancy_fts_new (rowid, title, terms, body) {select_rows}")
    op.execute("DROP TABLE vacancy_fts")
    op.execute("ALTER TABLE vacancy_fts_new RENAME TO vacancy_fts")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(KEYS)
    op.execute(
        f"INSERT INTO vacancy_fts_keys (id, fts_rowid) SELECT v.id, {KEY}"  # noqa: S608
        " FROM vacancies v WHERE v.id IN (SELECT rowid FROM vacancy_fts)"
    )
    _copy(
        "SELECT k.fts_rowid, f.title, f.terms, f.body FROM vacancy_fts f"
        " JOIN vacancy_fts_keys k ON k.id = f.rowid ORDER BY k.fts_rowid",
        prefix=PREFIXES,
    )
    op.execute(TERMS)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS vacancy_fts_terms")
    _copy(
        "SELECT k.id, f.title, f.terms, f.body FROM vacancy_fts f"
        " JOIN vacancy_fts_keys k ON k.fts_rowid = f.rowid ORDER BY k.id",
        prefix="",
    )
    op.execute("DROP TABLE vacancy_fts_keys")
