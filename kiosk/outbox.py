"""Scans a check-in kiosk took that the store has not recorded yet, kept on the kiosk's own disk.

The writer keeps what waits in memory, which a restart, a power cut or an exit while the store is
away would lose. So the kiosk writes each scan here (its text, its moment, its request id) before
handing it to the writer, and crosses it out once the store has recorded it (or refused it). When
the kiosk starts again it hands what is left to its writer first; the request id makes a scan that
did reach the store before the cut harmless. One file per store and kiosk: JSON lines, appended and
flushed to the disk one by one, so a cut leaves at most a torn last line, which is skipped.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from platformdirs import user_state_dir

from kiosk.errors import Refused
from kiosk.executor import DaemonExecutor
from kiosk.files import PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, replace_file
from kiosk.store import STORE_ERRORS, StoreInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeptScan:
    request_id: str
    at: datetime  # when it was scanned (aware), what it is recorded with
    text: str  # what the scanner typed
    event: str  # the event's slug
    list_code: str | None  # the kiosk's --list, else None (the list open at AT)
    terminal: str


def default_folder() -> Path:
    return Path(os.environ.get("KIOSK_OUTBOX_DIR") or Path(user_state_dir("event-kiosk", appauthor=False)) / "outbox")


def outbox_path(folder: Path, store: StoreInfo, terminal: str) -> Path:
    """This kiosk's file for this store: the kiosk's name, then a digest of where the store is (its
    file's absolute path, or host:port/database: not its URL, which a changed password or option
    would change)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", terminal)[:60] or "kiosk"
    where = str(Path(store.location).absolute()) if store.backend == "sqlite" else store.location
    digest = hashlib.sha256(where.encode()).hexdigest()[:10]
    return Path(folder) / f"{name}.{digest}.jsonl"


_OPEN: dict[Path, "Outbox"] = {}  # one per file in a process (a screen started again takes the same)


class Outbox:
    """The kept scans of one kiosk. Its file is written by a thread of its own, in the order asked
    (a scan's keeping before its crossing out), so neither the screen nor the writer waits for the
    disk; a file that cannot be written is logged, and the scan still goes to the store (told lost
    at an exit, not kept)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._disk = DaemonExecutor(max_threads=1, name="outbox")

    @classmethod
    def at(cls, path: Path) -> "Outbox":
        """The process's outbox for the file PATH."""
        path = Path(path).absolute()
        if path not in _OPEN:
            _OPEN[path] = cls(path)
        return _OPEN[path]

    def keep(self, scan: KeptScan) -> Future:
        """Write SCAN down; a Future of whether it is on the disk."""
        return self._disk.submit(self._append, _keep_entry(scan))

    def done(self, request_id: str) -> Future:
        return self._disk.submit(self._append, {"done": request_id})

    def recording(self, record: Callable) -> Callable:
        """RECORD (run on the writer's thread), crossing the scan out once the store has taken it, said
        no (a refusal would be the same at the next start) or met a fault of the program (replayed,
        it would end the kiosk at every start: the crash log has it). A store that failed keeps it."""
        def recorded(intent):
            try:
                result = record(intent)
            except STORE_ERRORS:
                raise
            except Refused:
                self.done(intent.request_id)
                raise
            except BaseException:
                log.warning("a kept scan (%s) ended in a fault and is crossed out", intent.request_id)
                self.done(intent.request_id)
                raise
            self.done(intent.request_id)
            return result
        return recorded

    def compact(self) -> Future:
        """Rewrite the file with only what is still pending (it grows by two lines a scan); a Future of
        the pending scans, oldest first."""
        return self._disk.submit(self._compact)

    def flush(self, timeout: float = 5.0) -> None:
        """Wait until what was asked so far is on the disk (or given up)."""
        try:
            self._disk.submit(lambda: None).result(timeout)
        except Exception:  # a disk that hangs: what is not written is told lost
            pass

    def pending(self) -> list[KeptScan]:
        """The kept scans not crossed out, oldest first (read on the calling thread)."""
        kept: dict[str, KeptScan] = {}
        for entry in self._entries():
            if "done" in entry:
                kept.pop(entry["done"], None)
                continue
            try:
                kept[entry["keep"]] = KeptScan(entry["keep"], datetime.fromisoformat(entry["at"]), entry["text"],
                                               entry["event"], entry["list"], entry["terminal"])
            except (KeyError, TypeError, ValueError):  # not a line this program wrote: skipped
                continue
        return list(kept.values())

    def _compact(self) -> list[KeptScan]:
        left = self.pending()
        try:
            if self.path.exists():
                replace_file(self.path, lambda stream: stream.writelines(
                    json.dumps(_keep_entry(scan), ensure_ascii=False) + "\n" for scan in left))
        except OSError as error:  # the file as it was still holds them
            log.warning("cannot compact the kept scans in %s: %s", self.path, error)
        return left

    def _append(self, entry: dict) -> bool:
        """ENTRY as a line at the end of the file, flushed to the disk; whether it got there."""
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode()
        try:
            folder_made = not self.path.parent.exists()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if folder_made:
                os.chmod(self.path.parent, PRIVATE_FOLDER_MODE)  # its parents keep the usual mode
            new = not self.path.exists()
            handle = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)
            try:
                if new:
                    os.fchmod(handle, PRIVATE_FILE_MODE)  # the umask may have cut the group's bits
                elif _torn(handle):
                    line = b"\n" + line  # a cut left half a line: this one starts on a line of its own
                os.write(handle, line)
                os.fsync(handle)
            finally:
                os.close(handle)
            return True
        except OSError as error:
            log.warning("cannot keep a scan in %s: %s", self.path, error)
            return False

    def _entries(self) -> list[dict]:
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        except OSError as error:
            log.warning("cannot read the kept scans in %s: %s", self.path, error)
            return []
        entries = []
        for line in lines:
            try:
                entries.append(json.loads(line))
            except ValueError:  # a line torn by a cut while it was written
                continue
        return entries


def _keep_entry(scan: KeptScan) -> dict:
    return {"keep": scan.request_id, "at": scan.at.isoformat(), "text": scan.text, "event": scan.event,
            "list": scan.list_code, "terminal": scan.terminal}


def _torn(handle: int) -> bool:
    """The file ends without a newline (a line cut short)."""
    size = os.fstat(handle).st_size
    return size > 0 and os.pread(handle, 1, size - 1) != b"\n"


def flush_all(timeout: float = 5.0) -> None:
    """Every outbox of the process on the disk, before an exit counts what was kept."""
    for outbox in list(_OPEN.values()):
        outbox.flush(timeout)
