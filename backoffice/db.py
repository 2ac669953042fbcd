"""Database engine and session handling; nothing connects until first use."""

from collections.abc import Iterator
from functools import lru_cache

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from backoffice.config import get_settings


class Base(DeclarativeBase):
    pass


def _configure_sqlite_connection(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Vacancy search reads many index pages: map the file (no read call per page) and cache more
    # than SQLite's 2 MB default. Both are per connection and change nothing on disk.
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.execute("PRAGMA cache_size=-32768")
    # Readers never wait for the writer; a writer waits its turn (up to 15 s) instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()
    # pysqlite opens transactions late and on its own, so a SAVEPOINT could start (and its
    # release commit) a transaction of its own. SQLAlchemy emits BEGIN itself instead.
    dbapi_connection.isolation_level = None


def _begin_sqlite_transaction(connection) -> None:
    # IMMEDIATE takes the write lock up front. A deferred transaction that reads and then writes
    # while the background loop writes gets "database is locked" at once, without waiting
    # (SQLite cannot let it wait: that could deadlock); one that starts as a writer just waits.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(database_url: str) -> Engine:
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    return create_engine(database_url, pool_pre_ping=True)


@lru_cache
def get_engine() -> Engine:
    return make_engine(get_settings().database_url)


@lru_cache
def get_sessionmaker() -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(), expire_on_commit=False)


def get_session() -> Iterator[Session]:
    """FastAPI dependency: one session per request, rolled back on error."""
    session = get_sessionmaker()()
    try:
        yield session
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
