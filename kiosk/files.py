"""Writing files whole and private: through a temporary file in the same folder, then renamed into place.

What the program writes is for its owner and group only (kiosks and staff accounts may share a
group): files 0660, folders 0770. CSV cells that a spreadsheet would run as a formula are defused.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TextIO

PRIVATE_FILE_MODE = 0o660
PRIVATE_FOLDER_MODE = 0o770
OPEN_TO_OTHERS = 0o007
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list for CSV injection


def make_private_folder(folder: Path) -> None:
    """Make FOLDER and any missing parents, each 0770; folders already there are left as they are."""
    folder = Path(folder)
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER_MODE)
        except FileExistsError:  # made meanwhile by another process: not ours to change
            continue
        path.chmod(PRIVATE_FOLDER_MODE)  # mkdir's mode is cut by the umask


def replace_file(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write PATH (UTF-8, 0660) so that readers see the old file or the new one, never half of it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, PRIVATE_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def spreadsheet_safe(cell):
    """A text cell that a spreadsheet would read as a formula, with a leading ' so it stays text."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def write_csv(path: Path, header: tuple[str, ...], rows: Iterable[tuple]) -> int:
    """Write a UTF-8 CSV whole (the folder made if missing), formulas defused; the number of rows."""
    path = Path(path)
    make_private_folder(path.parent)
    counted = 0

    def write(stream) -> None:
        nonlocal counted
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([spreadsheet_safe(cell) for cell in row])
            counted += 1

    replace_file(path, write)
    return counted
