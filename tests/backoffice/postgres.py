"""A throwaway PostgreSQL cluster for the PostgreSQL half of the search tests and the benchmark.

It runs Debian's binaries (`make postgres` installs them) in a temporary directory: initdb, then
pg_ctl on a free port with a Unix socket in that directory and no TCP listener, and it is
stopped and removed afterwards. initdb refuses to run as root, so as root the cluster runs as
the `postgres` user that Debian's package creates.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DATABASE = "wegwijs"


class PostgresUnavailableError(RuntimeError):
    pass


def find_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin that has initdb, or the one on PATH."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _runner() -> tuple[dict, int | None]:
    """How to run the server's commands: as ourselves, or (as root) as the postgres user."""
    if os.geteuid() != 0:
        return {}, None
    try:
        account = pwd.getpwnam("postgres")
    except KeyError as error:
        raise PostgresUnavailableError("running as root and there is no postgres user to run the cluster") from error

    def demote() -> None:
        os.setgid(account.pw_gid)
        os.setuid(account.pw_uid)

    return {"preexec_fn": demote}, account.pw_uid


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Starts a cluster and yields a SQLAlchemy URL of an empty database in it."""
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailableError("PostgreSQL's binaries are not installed (make postgres installs them)")
    options, uid = _runner()
    root = Path(tempfile.mkdtemp(prefix="wegwijs-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    if uid is not None:
        for path in (root, sockets):
            os.chown(path, uid, -1)
    port = _free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True, **options}
    started = False
    try:
        subprocess.run(
            [bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
            **quiet,
        )
        server_options = f"-p {port} -k {sockets} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        subprocess.run(
            [bindir / "pg_ctl", "-D", data, "-l", root / "server.log", "-o", server_options, "-w", "start"], **quiet
        )
        started = True
        subprocess.run([bindir / "createdb", "-h", sockets, "-p", str(port), "-U", "postgres", DATABASE], **quiet)
        yield f"postgresql+psycopg://postgres@/{DATABASE}?host={sockets}&port={port}"
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or b"").decode(errors="replace").strip().splitlines()[-1:]
        raise PostgresUnavailableError(f"could not start PostgreSQL: {' '.join(detail)}") from error
    finally:
        if started:
            subprocess.run(
                [bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], **{**quiet, "check": False}
            )
        shutil.rmtree(root, ignore_errors=True)
