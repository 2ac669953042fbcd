"""Vacancy search: one interface (`SearchEngine`), two engines, chosen from the database URL."""

from sqlalchemy.orm import Session

from backoffice.vacancies.search.base import Centre, SearchEngine, SearchHits, SearchQuery
from backoffice.vacancies.search.postgres import PostgresFtsEngine
from backoffice.vacancies.search.sqlite import SqliteFtsEngine

__all__ = ["Centre", "SearchEngine", "SearchHits", "SearchQuery", "engine_for", "engine_for_dialect"]


def engine_for_dialect(dialect: str) -> SearchEngine:
    if dialect == "sqlite":
        return SqliteFtsEngine()
    if dialect == "postgresql":
        return PostgresFtsEngine()
    raise ValueError(f"no vacancy search engine for the {dialect} database")


def engine_for(session: Session) -> SearchEngine:
    """The engine of the session's database: SQLite FTS5 embedded, PostgreSQL full text in production."""
    return engine_for_dialect(session.get_bind().dialect.name)
