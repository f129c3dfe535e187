"""Throwaway PostgreSQL servers for the test suite.

From Python::

    with ThrowawayServer() as server:
        connect(server.url)

From the shell (run from the repository root)::

    python -m tests.pgserver start --dir DIR   # prints the URL, leaves it running
    python -m tests.pgserver stop --dir DIR    # stops it and removes DIR
"""

from __future__ import annotations

import argparse
import os
import pathlib
import pwd
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile

from tests.system import free_port

DBNAME = "kiosk_test"
RUN_AS = "postgres"  # initdb and postgres refuse to run as root
SERVER_SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
PG_ROOT = pathlib.Path("/usr/lib/postgresql")


def find_pg_bin() -> pathlib.Path | None:
    """Return the newest PostgreSQL bin directory holding initdb and pg_ctl."""
    candidates = sorted(PG_ROOT.glob("*/bin"), key=_version_key, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(pathlib.Path(initdb).resolve().parent)
    for bin_dir in candidates:
        if (bin_dir / "initdb").is_file() and (bin_dir / "pg_ctl").is_file():
            return bin_dir
    return None


def reset_database(url: str) -> None:
    """Empty the database at *url* by recreating its public schema."""
    import psycopg  # imported lazily so start/stop work without it

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '10s'")  # fail, don't hang, on leaked locks
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


class ThrowawayServer:
    """A private PostgreSQL server living in one directory, removed on stop()."""

    def __init__(self, directory: str | os.PathLike | None = None, dbname: str = DBNAME):
        self.directory = pathlib.Path(directory).absolute() if directory else None
        self.dbname = dbname
        self.port: int | None = None

    def __enter__(self) -> ThrowawayServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """URL of the test database (postgres superuser, trust auth)."""
        return self._url(self.dbname)

    @property
    def data_dir(self) -> pathlib.Path:
        return self.directory / "data"

    @property
    def log_file(self) -> pathlib.Path:
        return self.directory / "postgres.log"

    def start(self) -> ThrowawayServer:
        """Create the cluster, start the server and create the test database."""
        bin_dir = _require_pg_bin()
        self._prepare_directory()
        started = False
        try:
            self._initdb(bin_dir)
            self._start_server(bin_dir)
            self._create_database()
            started = True
        except Exception as exc:
            raise RuntimeError(
                f"could not start PostgreSQL: {exc}\n"
                f"--- tail of {self.log_file} ---\n{self._log_tail()}"
            ) from exc
        finally:
            if not started:
                self._stop_quietly()
        return self

    def stop(self) -> None:
        """Stop the server if it runs, then remove its directory."""
        if self.directory is None or not self.directory.exists():
            return
        if self._is_running():
            pg_ctl = _require_pg_bin() / "pg_ctl"
            self._run(pg_ctl, "-D", self.data_dir, "-m", "fast", "-w", "stop")
        shutil.rmtree(self.directory)

    # -- steps -------------------------------------------------------------

    def _prepare_directory(self) -> None:
        if self.directory is None:
            self.directory = pathlib.Path(tempfile.mkdtemp(prefix="kiosk-pg-", dir="/tmp"))
        else:
            self.directory.mkdir(parents=True, exist_ok=True)
            if any(self.directory.iterdir()):
                raise RuntimeError(f"{self.directory} is not empty")
        self.log_file.touch()
        if os.geteuid() == 0:
            _hand_over_to_postgres(self.directory, self.log_file)

    def _initdb(self, bin_dir: pathlib.Path) -> None:
        locale = "--locale=C.UTF-8" if _has_c_utf8_locale() else "--no-locale"
        self._run(
            bin_dir / "initdb", "-D", self.data_dir, "--auth=trust", "-U", "postgres",
            "--encoding=UTF8", locale, "--no-sync",
        )

    def _start_server(self, bin_dir: pathlib.Path) -> None:
        self.port = free_port()
        (self.directory / "port").write_text(f"{self.port}\n")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port}"
            f" -k {shlex.quote(str(self.directory))} {SERVER_SETTINGS}"
        )
        self._run(
            bin_dir / "pg_ctl", "-w", "-t", "60", "-D", self.data_dir,
            "-l", self.log_file, "-o", options, "start",
        )

    def _create_database(self) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self._url("postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.dbname)))

    # -- helpers -----------------------------------------------------------

    def _url(self, dbname: str) -> str:
        if self.port is None:
            raise RuntimeError("server not started")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: object, check: bool = True) -> int:
        """Run a command (as postgres when root), appending its output to the log."""
        cmd = [str(arg) for arg in args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", RUN_AS, "--", *cmd]
        with open(self.log_file, "a") as log:
            returncode = subprocess.run(
                cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                cwd=self.directory,
            ).returncode
        if check and returncode:
            raise RuntimeError(f"`{shlex.join(cmd)}` exited with {returncode}")
        return returncode

    def _is_running(self) -> bool:
        if not (self.data_dir / "postmaster.pid").exists():
            return False
        pg_ctl = _require_pg_bin() / "pg_ctl"
        return self._run(pg_ctl, "-D", self.data_dir, "status", check=False) == 0

    def _stop_quietly(self) -> None:
        try:
            self.stop()
        except (OSError, RuntimeError):
            pass

    def _log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _require_pg_bin() -> pathlib.Path:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    return bin_dir


def _version_key(bin_dir: pathlib.Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", bin_dir.parent.name))


def _has_c_utf8_locale() -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    except OSError:
        return False
    return any(name.lower().replace("-", "") == "c.utf8" for name in out.split())


def _hand_over_to_postgres(directory: pathlib.Path, *files: pathlib.Path) -> None:
    """Make *directory* owned by and reachable for the postgres user."""
    try:
        pwd.getpwnam(RUN_AS)
    except KeyError:
        raise RuntimeError(f"running as root needs a '{RUN_AS}' user") from None
    for path in (directory, *files):
        shutil.chown(path, user=RUN_AS)
    for parent in directory.parents:
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            parent.chmod(mode | stat.S_IXOTH)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: start or stop a server kept in --dir."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.pgserver", description="Throwaway PostgreSQL server."
    )
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--dir", required=True, type=pathlib.Path,
                        help="server directory (created by start, removed by stop)")
    args = parser.parse_args(argv)
    server = ThrowawayServer(args.dir)
    try:
        if args.action == "start":
            print(server.start().url, flush=True)
        else:
            server.stop()
    except RuntimeError as exc:
        print(f"pgserver: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
