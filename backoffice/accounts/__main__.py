"""`python -m backoffice.accounts save --email … --name … --role … [--office-id N]`: create or update
an inbox account. The password comes from INBOX_ACCOUNT_PASSWORD or is asked for (never an argument,
which other users could read in the process list)."""

import argparse
import getpass
import os
import sys

from backoffice.accounts import service
from backoffice.accounts.models import ROLES
from backoffice.clock import get_clock
from backoffice.db import get_sessionmaker
from backoffice.errors import DomainError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backoffice.accounts", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    save = commands.add_parser("save", help="create an account, or update the one with this e-mail")
    save.add_argument("--email", required=True)
    save.add_argument("--name", required=True)
    save.add_argument("--role", required=True, choices=ROLES)
    save.add_argument("--office-id", type=int, default=None, help="the werkwinkel (required for a consultant)")
    save.add_argument("--keep-password", action="store_true", help="update an existing account, password unchanged")
    args = parser.parse_args(argv)

    password = None
    if not args.keep_password:
        password = os.environ.get("INBOX_ACCOUNT_PASSWORD") or getpass.getpass("Wachtwoord: ")
    with get_sessionmaker()() as session:
        try:
            account = service.save_account(
                session=session,
                email=args.email,
                display_name=args.name,
                role=args.role,
                password=password,
                office_id=args.office_id,
                clock=get_clock(),
            )
        except DomainError as error:
            print(f"Not saved: {error.detail}", file=sys.stderr)
            return 1
        session.commit()
        print(f"Account {account.id} saved ({account.role}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
