"""`python -m backoffice.seed [--vacancies N]`: load the demo data if the database is empty."""

import argparse
import logging
import sys

from backoffice.clock import get_clock
from backoffice.config import get_settings
from backoffice.db import get_sessionmaker
from backoffice.seed.accounts import seed_demo_accounts
from backoffice.seed.complaints import add_to_demo_database
from backoffice.seed.service import seed_demo_data
from backoffice.seed.vacancies import DEFAULT_COUNT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backoffice.seed", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--vacancies",
        type=int,
        default=DEFAULT_COUNT,
        metavar="N",
        help=f"how many invented vacancies (default {DEFAULT_COUNT}; 100000 for a benchmark)",
    )
    args = parser.parse_args(argv)
    if args.vacancies < 0:
        parser.error("--vacancies must be 0 or more")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with get_sessionmaker()() as session:
        seeded = seed_demo_data(
            session=session, today=get_clock().today, vacancy_count=args.vacancies, progress=args.vacancies > 10_000
        )
    logging.info("Demo data loaded." if seeded else "Database already holds data; seed skipped.")
    with get_sessionmaker()() as session:  # a demo database from before the complaints module
        if add_to_demo_database(session=session, today=get_clock().today):
            logging.info("Demo register of career centres and demo complaints added.")
    settings = get_settings()
    if settings.demo_login_enabled and settings.inbox_demo_password:
        # Also for a database seeded before the inbox existed, and after a new .env.
        with get_sessionmaker()() as session:
            changed = seed_demo_accounts(session=session, password=settings.inbox_demo_password, clock=get_clock())
        logging.info("Inbox demo accounts ready (%d created or updated).", changed)
    else:
        logging.info("No inbox demo accounts: DEMO_LOGIN_ENABLED is off or INBOX_DEMO_PASSWORD is empty.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
