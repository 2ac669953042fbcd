"""Creates .env from .env.example on first run, with fresh random secrets; later runs add the
settings that newer versions of .env.example brought, keeping every value already there. Stdlib only."""

import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _with_secret(line: str) -> str:
    key, sep, value = line.partition("=")
    if sep and not line.startswith("#") and value == "generate":
        return f"{key}={secrets.token_urlsafe(32)}"
    return line


def _key(line: str) -> str | None:
    key, sep, _ = line.partition("=")
    return key.strip() if sep and not line.lstrip().startswith("#") else None


def main() -> int:
    target = ROOT / ".env"
    example = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    if not target.exists():
        target.write_text("\n".join(_with_secret(line) for line in example) + "\n", encoding="utf-8")
        target.chmod(0o600)
        print("Created .env with fresh secrets.")
        return 0
    current = target.read_text(encoding="utf-8")
    present = {_key(line) for line in current.splitlines()}
    missing = [_with_secret(line) for line in example if _key(line) and _key(line) not in present]
    if missing:
        with target.open("a", encoding="utf-8") as env:
            env.write(("" if current.endswith("\n") else "\n") + "\n".join(missing) + "\n")
        print(f"Added {len(missing)} new setting(s) to .env: {', '.join(_key(line) or '' for line in missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
