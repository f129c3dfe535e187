"""Writing files whole: through a temporary file in the same folder, then renamed into place."""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TextIO


def replace_file(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write PATH (UTF-8) so that readers see the old file or the new one, never half of it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_csv(path: Path, header: tuple[str, ...], rows: Iterable[tuple]) -> int:
    """Write a UTF-8 CSV whole (the folder made if missing); the number of rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    counted = 0

    def write(stream) -> None:
        nonlocal counted
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            counted += 1

    replace_file(path, write)
    return counted
