"""Reading the files of an event folder: strict UTF-8, size limits, CSV rows and TOML with line numbers.

Every text a file holds, CSV cell or TOML string, is refused here when it has a control character
(kiosk.text.control_problem), so no section can forget one; only the columns or keys a reader names
as multi-line may keep line breaks."""
from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.importer.problems import Problems
from kiosk.text import NEWLINE, control_problem

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
    path: Path, required: tuple[str, ...], optional: tuple[str, ...], problems: Problems,
    lines: tuple[str, ...] = (),
) -> list[Row] | None:
    """Rows of a CSV file with a header row; None when the file or its header is unusable.
    The cells may be separated by commas, semicolons (what a spreadsheet writes where the decimal
    mark is a comma, as in Indonesia) or tabs: the header row says which (`sniff_delimiter`), and
    an Excel "sep=;" first line is obeyed. The cells of the LINES columns (multi-line descriptions)
    may hold line breaks."""
    text = read_text(path, problems)
    if text is None:
        return None
    delimiter, skipped = _declared_delimiter(text)
    if delimiter is None:
        delimiter = sniff_delimiter(text, required)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for _ in range(skipped):
            next(reader)
        titles = next(reader)
    except StopIteration:
        problems.add(path.name, 1 + skipped, "", "file is empty; it needs a header row")
        return None
    header_line = reader.line_num
    _report_bad_titles(path.name, header_line, titles, problems)
    header = [title.strip().lower() for title in titles]
    missing = [column for column in required if column not in header]
    if missing:
        problems.add(path.name, header_line, ", ".join(missing),
                     f"missing column in the header row: {_header_seen(delimiter, titles)}")
        return None
    return _rows(path.name, reader, header, lines, problems)


DELIMITERS = (",", ";", "\t")  # in order of preference when the header row does not decide
DELIMITER_NAMES = {",": "','", ";": "';'", "\t": "a tab"}
SEP_LINE = re.compile(r"sep=(.)\r?\n", re.IGNORECASE)  # Excel's own note of the separator, on line 1
SHOWN_TITLES = 8
SNIFFED_CHARS = 64 * 1024  # the header row is looked for in the file's start only


def sniff_delimiter(text: str, required: tuple[str, ...] = ()) -> str:
    """The separator of TEXT's header row: of ',' ';' and tab, the one that splits it into the most
    REQUIRED columns, then into the most columns (a quoted title may hold any of them); ',' when
    none splits it."""
    best, best_score, start = DELIMITERS[0], (-1, -1), text[:SNIFFED_CHARS]
    for delimiter in DELIMITERS:
        try:
            titles = next(csv.reader(io.StringIO(start, newline=""), delimiter=delimiter))
        except (StopIteration, csv.Error):
            continue
        header = {title.strip().lower() for title in titles}
        score = (sum(column in header for column in required), len(titles))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _declared_delimiter(text: str) -> tuple[str | None, int]:
    """The separator an Excel "sep=X" first line declares and the lines it takes (1), else (None, 0)."""
    declared = SEP_LINE.match(text)
    if declared and declared.group(1) in DELIMITERS:
        return declared.group(1), 1
    return None, 0


def _header_seen(delimiter: str, titles: list[str]) -> str:
    """What the header row was read as, for a file whose header lacks a column: its separator and
    its titles, so a file saved with another separator or other titles is recognised at once."""
    shown = ", ".join(f"'{title.strip()}'" for title in titles[:SHOWN_TITLES])
    more = f" and {len(titles) - SHOWN_TITLES} more" if len(titles) > SHOWN_TITLES else ""
    hint = "; separate the columns with ',', ';' or a tab" if len(titles) == 1 else ""
    return f"read with {DELIMITER_NAMES[delimiter]} between the columns, it has {len(titles)}: {shown}{more}{hint}"


def _report_bad_titles(name: str, line: int, titles: list[str], problems: Problems) -> None:
    for number, title in enumerate(titles, start=1):
        reason = control_problem(title)
        if reason:
            problems.add(name, line, "", f"column {number} of the header row {reason}")


def _rows(name: str, reader, header: list[str], lines: tuple[str, ...], problems: Problems) -> list[Row]:
    rows: list[Row] = []
    first_line = reader.line_num + 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(record) > len(header):
                    problems.add(name, first_line, "", f"{len(record)} cells but the header has {len(header)}")
                cells = _cells(header, record, lines)
                _report_control_characters(name, first_line, cells, lines, problems)
                rows.append(Row(first_line, cells))
            first_line = reader.line_num + 1
    except csv.Error as exc:
        problems.add(name, reader.line_num, "", f"not valid CSV: {exc}")
    return rows


def _cells(header: list[str], record: list[str], lines: tuple[str, ...]) -> dict[str, str]:
    """RECORD by column name; in a LINES column a line break is "\n" even where the file has "\r\n"."""
    return {column: cell.replace("\r\n", NEWLINE) if column in lines else cell
            for column, cell in zip(header, record)}


def _report_control_characters(name: str, line: int, cells: dict[str, str], lines: tuple[str, ...],
                               problems: Problems) -> None:
    for column, cell in cells.items():
        reason = control_problem(cell, lines=column in lines)
        if reason:
            problems.add(name, line, column, reason)


def read_toml(path: Path, problems: Problems, lines: tuple[str, ...] = ()) -> tuple[dict, "TomlLines"] | None:
    """The file's tables and line numbers, or None when it is unreadable or not TOML. The strings
    under the LINES columns (such as "categories.description") may hold line breaks."""
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        problems.add(path.name, int(match.group(1)) if match else 0, "", f"not valid TOML: {exc}")
        return None
    key_lines = TomlLines(text)
    _report_toml_control_characters(path.name, data, key_lines, lines, problems)
    return data, key_lines


def _report_toml_control_characters(name: str, data: dict, key_lines: "TomlLines", lines: tuple[str, ...],
                                    problems: Problems) -> None:
    for where, value in toml_strings(data):
        column = toml_column(where)
        reason = control_problem(value, lines=column in lines)
        if reason:
            problems.add(name, key_lines.line(*where), column, reason)


def toml_strings(data: dict) -> list[tuple[tuple, str]]:
    """Every string value in DATA (however deep in tables and arrays), with its path."""
    found, pending = [], [((), data)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, str):
            found.append((where, value))
        elif isinstance(value, dict):
            pending.extend((where + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend((where + (index,), item) for index, item in enumerate(value))
    return found


def toml_column(path: tuple) -> str:
    """The column a problem at PATH is reported under: its keys, without array positions."""
    return ".".join(part for part in path if isinstance(part, str))


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
        # TOML lines end at "\n" only: splitlines() would also end one at a U+2028 or U+0085 in a string.
        for number, line in enumerate(text.split(NEWLINE), start=1):
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
