"""The demo accounts of the inbox (invented people). No imports: scripts/announce.py reads this list.

They exist only in demo data and share one password, INBOX_DEMO_PASSWORD, which `make run`
generates into .env (never a fixed value in the repository).
"""

# (e-mail, role, werkwinkel or None, name or None: a consultant's account takes the seeded
# consultant's name)
DEMO_ACCOUNTS: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("bemiddelaar.gent@demo.wegwijs.invalid", "consultant", "Werkwinkel Gent", None),
    ("bemiddelaar.antwerpen@demo.wegwijs.invalid", "consultant", "Werkwinkel Antwerpen", None),
    ("servicelijn@demo.wegwijs.invalid", "servicelijn", None, "Sam Servicelijn"),
    ("klachten@demo.wegwijs.invalid", "complaint_handler", None, "Kim Klachtendienst"),
    ("beheer@demo.wegwijs.invalid", "admin", None, "Bo Beheer"),
)
