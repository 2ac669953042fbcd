"""The embedded engine: SQLite FTS5 over Snowball-stemmed text, BM25 for the text score.

FTS5 tokenises on its own but cannot stem Dutch, so the text is stemmed in Python
(backoffice/vacancies/text.py) before it goes into `vacancy_fts`, and a query's words are
stemmed the same way. Every term must match (AND); a term of four letters or more also
matches longer words that start with it, so "heftruck" finds "heftruckchauffeur".

The FTS5 rowid is not the vacancy id but a key that starts with the vacancy's place (migration
0006, `fts_key`): the index lists a word's vacancies west to east. A text search in a radius
asks FTS5 for the band of longitude only (a rowid range) and tests the latitude on the key, so a
common word no longer costs a look-up of every vacancy it is in across the country; the exact
box and circle are then tested on the vacancy as before. `vacancy_fts_keys` holds each vacancy's
key, for indexing it again.

Without help FTS5 answers "word*" by merging the list of every term the word starts into one,
for the match and again for BM25's IDF, even to read a few rows of a band. The table has prefix
indexes for words of 4 to 15 characters (migration 0006, PREFIX_INDEXED), so those read one list;
a longer word that only one indexed term starts with is asked for as that term (`_phrases`):
the same rows, positions and BM25 either way.
"""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from backoffice.vacancies import text as dutch
from backoffice.vacancies.models import Vacancy
from backoffice.vacancies.search.base import SearchHits, SearchQuery, filter_parts, run

# Title over the occupation's words over the description.
BM25_WEIGHTS = (4.0, 2.0, 1.0)
PREFIX_FROM_LENGTH = 4
# The lengths of the prefix indexes (migration 0006: prefix = '4 5 ... 15').
PREFIX_INDEXED = range(PREFIX_FROM_LENGTH, 16)
_BATCH = 2000

# The key (migration 0006): cells of 0.01 degree of longitude and latitude above the id's 32 bits.
CELLS_PER_DEGREE = 100
LON_CELLS, LAT_CELLS = 360 * CELLS_PER_DEGREE, 180 * CELLS_PER_DEGREE
LON_SHIFT, LAT_SHIFT = 47, 32
ID_MASK = (1 << LAT_SHIFT) - 1
LAT_MASK = (1 << (LON_SHIFT - LAT_SHIFT)) - 1


def lon_cell(longitude: float) -> int:
    # The same operations as the migration's SQL (IEEE doubles, truncated): the same cell.
    return int(min(max((longitude + 180.0) * CELLS_PER_DEGREE, 0), LON_CELLS))


def lat_cell(latitude: float) -> int:
    return int(min(max((latitude + 90.0) * CELLS_PER_DEGREE, 0), LAT_CELLS))


def fts_key(vacancy_id: int, latitude: float, longitude: float) -> int:
    if not 0 < vacancy_id <= ID_MASK:
        raise ValueError("vacancy id out of the search key's range")
    return lon_cell(longitude) << LON_SHIFT | lat_cell(latitude) << LAT_SHIFT | vacancy_id


# The first indexed term at or after :at (fts5vocab seeks to it; LIMIT 1 reads one occurrence).
_NEXT_TERM = text("SELECT term FROM vacancy_fts_terms WHERE term >= :at LIMIT 1")


def match_expression(terms: list[str]) -> str:
    # Terms are [a-z0-9] only (text.words), and quoting them keeps FTS5's own syntax out.
    return " AND ".join(f'"{term}"*' if len(term) >= PREFIX_FROM_LENGTH else f'"{term}"' for term in terms)


def _phrases(session: Session, terms: list[str]) -> str:
    """The MATCH expression; a prefix longer than the prefix indexes that stands for a single indexed
    term is asked as that term."""
    phrases = []
    for term in terms:
        phrase = match_expression([term])
        if len(term) > PREFIX_INDEXED[-1]:
            first = session.execute(_NEXT_TERM, {"at": term}).scalar()
            if first is not None and first.startswith(term):
                # The least string above `first`: no token holds a control character.
                second = session.execute(_NEXT_TERM, {"at": first + "\x01"}).scalar()
                if second is None or not second.startswith(term):
                    phrase = '"{}"'.format(first.replace('"', '""'))
        phrases.append(phrase)
    return " AND ".join(phrases)


def _rows(vacancies: Sequence[Vacancy]) -> list[dict[str, object]]:
    return [
        {
            "id": vacancy.id,
            "key": fts_key(vacancy.id, vacancy.latitude, vacancy.longitude),
            "title": dutch.index_text(vacancy.title),
            "terms": dutch.index_text(vacancy.keywords or ""),
            "body": dutch.index_text(vacancy.description),
        }
        for vacancy in vacancies
    ]


class SqliteFtsEngine:
    name = "sqlite-fts5"

    def index(self, session: Session, vacancy_ids: Sequence[int]) -> None:
        ids = list(vacancy_ids)
        if not ids:
            return
        session.flush()
        for statement in (
            "DELETE FROM vacancy_fts WHERE rowid IN (SELECT fts_rowid FROM vacancy_fts_keys WHERE id IN :ids)",
            "DELETE FROM vacancy_fts_keys WHERE id IN :ids",
        ):
            session.execute(text(statement).bindparams(bindparam("ids", expanding=True)), {"ids": ids})
        vacancies = session.scalars(select(Vacancy).where(Vacancy.id.in_(ids))).all()
        self._insert(session, _rows(vacancies))

    def rebuild(self, session: Session) -> None:
        session.flush()
        session.execute(text("DELETE FROM vacancy_fts"))
        session.execute(text("DELETE FROM vacancy_fts_keys"))
        # In the order of the keys: FTS5 appends each word's vacancies to its index as they come,
        # and must start a new segment whenever a key is lower than the one before.
        columns = (Vacancy.id, Vacancy.latitude, Vacancy.longitude)
        places = session.execute(select(*columns)).all()
        ordered = [vacancy_id for _, vacancy_id in sorted((fts_key(*place), place[0]) for place in places)]
        columns += (Vacancy.title, Vacancy.keywords, Vacancy.description)
        for start in range(0, len(ordered), _BATCH):
            chunk = ordered[start : start + _BATCH]
            found = {row.id: row for row in session.execute(select(*columns).where(Vacancy.id.in_(chunk)))}
            self._insert(session, _rows([found[vacancy_id] for vacancy_id in chunk]))
        session.execute(text("ANALYZE"))  # statistics for the planner after a bulk load

    @staticmethod
    def _insert(session: Session, rows: list[dict[str, object]]) -> None:
        if rows:
            session.execute(
                text("INSERT INTO vacancy_fts (rowid, title, terms, body) VALUES (:key, :title, :terms, :body)"), rows
            )
            session.execute(text("INSERT INTO vacancy_fts_keys (id, fts_rowid) VALUES (:id, :key)"), rows)

    def search(self, session: Session, query: SearchQuery) -> SearchHits:
        terms = dutch.query_terms(query.text)
        # Without words the place index drives the search: a radius by its places (filter_parts).
        parts = filter_parts(query, day=date.isoformat, points=not terms)
        parts.count_open_by_difference = parts.materialize = True
        text_score = None
        if terms:
            # CROSS JOIN keeps this order: the text index answers once, then each hit's row is read.
            # The other way round SQLite may run the MATCH once per candidate row (seconds, not ms).
            parts.source = "vacancy_fts CROSS JOIN vacancies v"
            parts.where += ["vacancy_fts MATCH :match", f"v.id = (vacancy_fts.rowid & {ID_MASK})"]
            parts.params["match"] = _phrases(session, terms)
            if "lon_min" in parts.params:  # a radius: its box on the key first (see the module's docstring)
                parts.where += [
                    "vacancy_fts.rowid BETWEEN :key_min AND :key_max",
                    f"((vacancy_fts.rowid >> {LAT_SHIFT}) & {LAT_MASK}) BETWEEN :lat_cell_min AND :lat_cell_max",
                ]
                parts.params.update(
                    key_min=lon_cell(parts.params["lon_min"]) << LON_SHIFT,
                    key_max=((lon_cell(parts.params["lon_max"]) + 1) << LON_SHIFT) - 1,
                    lat_cell_min=lat_cell(parts.params["lat_min"]),
                    lat_cell_max=lat_cell(parts.params["lat_max"]),
                )
            text_score = "-bm25(vacancy_fts, {}, {}, {})".format(*BM25_WEIGHTS)
        elif query.text.strip():
            return SearchHits(total=0)  # only stop words or signs: nothing to look for
        age_days = "julianday(:today) - julianday(v.posted_on)"
        return run(session, parts, query=query, text_score=text_score, age_days=age_days)
