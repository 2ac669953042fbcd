"""The embedded engine: SQLite FTS5 over Snowball-stemmed text, BM25 for the text score.

FTS5 tokenises on its own but cannot stem Dutch, so the text is stemmed in Python
(backoffice/vacancies/text.py) before it goes into `vacancy_fts`, and a query's words are
stemmed the same way. Every term must match (AND); a term of four letters or more also
matches longer words that start with it, so "heftruck" finds "heftruckchauffeur".
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
_BATCH = 2000


def match_expression(terms: list[str]) -> str:
    # Terms are [a-z0-9] only (text.words), and quoting them keeps FTS5's own syntax out.
    return " AND ".join(f'"{term}"*' if len(term) >= PREFIX_FROM_LENGTH else f'"{term}"' for term in terms)


def _rows(vacancies: Sequence[Vacancy]) -> list[dict[str, object]]:
    return [
        {
            "id": vacancy.id,
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
        session.execute(
            text("DELETE FROM vacancy_fts WHERE rowid IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"ids": ids},
        )
        vacancies = session.scalars(select(Vacancy).where(Vacancy.id.in_(ids))).all()
        self._insert(session, _rows(vacancies))

    def rebuild(self, session: Session) -> None:
        session.flush()
        session.execute(text("DELETE FROM vacancy_fts"))
        columns = (Vacancy.id, Vacancy.title, Vacancy.keywords, Vacancy.description)
        result = session.execute(select(*columns).order_by(Vacancy.id)).yield_per(_BATCH)
        for chunk in result.partitions():
            self._insert(session, _rows(chunk))
        session.execute(text("ANALYZE"))  # statistics for the planner after a bulk load

    @staticmethod
    def _insert(session: Session, rows: list[dict[str, object]]) -> None:
        if rows:
            session.execute(
                text("INSERT INTO vacancy_fts (rowid, title, terms, body) VALUES (:id, :title, :terms, :body)"), rows
            )

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
            parts.where += ["vacancy_fts MATCH :match", "v.id = vacancy_fts.rowid"]
            parts.params["match"] = match_expression(terms)
            text_score = "-bm25(vacancy_fts, {}, {}, {})".format(*BM25_WEIGHTS)
        elif query.text.strip():
            return SearchHits(total=0)  # only stop words or signs: nothing to look for
        age_days = "julianday(:today) - julianday(v.posted_on)"
        return run(session, parts, query=query, text_score=text_score, age_days=age_days)
