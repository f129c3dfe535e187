"""event.toml: loading it once, and reporting a bad value at its line."""
from __future__ import annotations

from pathlib import Path

from kiosk.importer.problems import Problems
from kiosk.importer.sources import TomlLines, read_toml, toml_column

FILE = "event.toml"


def load_event_toml(folder: Path, problems: Problems) -> "TomlChecker | None":
    loaded = read_toml(folder / FILE, problems)
    return None if loaded is None else TomlChecker(*loaded, problems)


class TomlChecker:
    """event.toml's data, and problems reported at the line of a TOML path."""

    def __init__(self, data: dict, lines: TomlLines, problems: Problems, file: str = FILE):
        self.data, self.lines, self.problems, self.file = data, lines, problems, file

    def report(self, path: tuple, reason: str | None) -> bool:
        if reason:
            self.problems.add(self.file, self.lines.line(*path), toml_column(path), reason)
        return bool(reason)

    def text(self, table: dict, path: tuple, key: str, required: bool = False) -> str:
        value = table.get(key, "")
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.report(path + (key,), "must be text")
            return ""
        value = str(value).strip()
        if required and not value:
            self.report(path + (key,), "missing")
        return value
