"""Alembic environment: migrates the database named by the backoffice settings."""

from alembic import context

from backoffice.db import make_engine
from backoffice.models import Base

target_metadata = Base.metadata
# Search indexes the engines own (migration 0003), not the models: autogenerate leaves them be.
ENGINE_OWNED = ("vacancy_fts", "search_vector", "ix_vacancies_search_vector")


def include_name(name: str | None, type_: str, _parents: dict) -> bool:
    del type_
    return not (name or "").startswith(ENGINE_OWNED)


def _database_url() -> str:
    # A URL set on the Alembic config (tests) wins over the environment.
    configured = context.config.get_main_option("sqlalchemy.url")
    if configured:
        return configured
    from backoffice.config import get_settings

    return get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=_database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(_database_url())
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True, include_name=include_name
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
