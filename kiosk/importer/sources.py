"""Reading the files of an event folder: strict UTF-8, size limits, CSV rows and TOML with line numbers."""
from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.importer.problems import Problems

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_BAD_ENCODING_LINES = 20


@dataclass(frozen=True)
class Row:
    """One CSV record: its first line in the file and its cells by lower-case column name."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()


def read_text(path: Path, problems: Problems) -> str | None:
    """The file's text, or None after reporting why it cannot be read."""
    name = path.name
    if not path.is_file():
        problems.add(name, 0, "", "file is missing")
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(
            name, 0, "",
            f"file is {size // (1024 * 1024)} MB; files over {MAX_FILE_BYTES // (1024 * 1024)} MB are refused",
        )
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _report_bad_lines(name, data, problems)
        return None


def _report_bad_lines(name: str, data: bytes, problems: Problems) -> None:
    bad = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad += 1
            if bad <= MAX_BAD_ENCODING_LINES:
                byte = raw[exc.start]
                problems.add(
                    name, number, "encoding",
                    f"not UTF-8 (byte 0x{byte:02X} at byte {exc.start + 1} of the line); save the file as UTF-8",
                )
    if bad > MAX_BAD_ENCODING_LINES:
        problems.add(name, 0, "encoding", f"{bad - MAX_BAD_ENCODING_LINES} more lines are not UTF-8")


def read_csv(
    path: Path, required: tuple[str, ...], optional: tuple[str, ...], problems: Problems
) -> list[Row] | None:
    """Rows of a CSV file with a header row; None when the file or its header is unusable."""
    text = read_text(path, problems)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        problems.add(path.name, 1, "", "file is empty; it needs a header row")
        return None
    missing = [column for column in required if column not in header]
    if missing:
        problems.add(path.name, 1, ", ".join(missing), "missing column in the header row")
        return None
    return _rows(path.name, reader, header, problems)


def _rows(name: str, reader, header: list[str], problems: Problems) -> list[Row]:
    rows: list[Row] = []
    first_line = 2
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(record) > len(header):
                    problems.add(name, first_line, "", f"{len(record)} cells but the header has {len(header)}")
                rows.append(Row(first_line, dict(zip(header, record))))
            first_line = reader.line_num + 1
    except csv.Error as exc:
        problems.add(name, reader.line_num, "", f"not valid CSV: {exc}")
    return rows


def read_toml(path: Path, problems: Problems) -> tuple[dict, "TomlLines"] | None:
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        return tomllib.loads(text), TomlLines(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        problems.add(path.name, int(match.group(1)) if match else 0, "", f"not valid TOML: {exc}")
        return None


HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


class TomlLines:
    """Line numbers of tables and keys, so a bad value can be reported as file:line.

    Paths look like ("event", "time_zone") or ("venues", 0, "rooms", 2, "capacity").
    """

    def __init__(self, text: str):
        self._lines: dict[tuple, int] = {}
        self._counts: dict[tuple, int] = {}
        table: tuple = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = HEADER.match(line)
            if header:
                table = self._open(header.group(1) == "[[", header.group(2).split("."), number)
                continue
            key = KEY.match(line)
            if key:
                self._lines.setdefault(table + (key.group(1),), number)

    def _open(self, is_array: bool, names: list[str], number: int) -> tuple:
        path: tuple = ()
        for position, name in enumerate(names):
            path += (name,)
            last = position == len(names) - 1
            if (path in self._counts) and not (last and is_array):
                path += (self._counts[path] - 1,)
            elif last and is_array:
                self._counts[path] = self._counts.get(path, 0) + 1
                path += (self._counts[path] - 1,)
        self._lines[path] = number
        return path

    def line(self, *path) -> int:
        """The line of the deepest known part of PATH (0 when none is known)."""
        path = tuple(path)
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return 0
