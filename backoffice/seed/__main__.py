"""`python -m backoffice.seed`: load the demo data if the database is empty."""

import logging
import sys

from backoffice.clock import get_clock
from backoffice.db import get_sessionmaker
from backoffice.seed.service import seed_demo_data


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with get_sessionmaker()() as session:
        seeded = seed_demo_data(session=session, today=get_clock().today)
    logging.info("Demo data loaded." if seeded else "Database already holds data; seed skipped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
