"""What is wrong with an import, as `file:line: column: reason` lines."""
from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.i18n import number, tn
from kiosk.text import inert


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        """One line that is safe to print: a reason may quote a value that holds control characters."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return inert(f"{where}: {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}")


@dataclass
class Problems:
    found: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, column: str, reason: str) -> None:
        self.found.append(Problem(file, line, column, reason))

    def __bool__(self) -> bool:
        return bool(self.found)

    def lines(self) -> list[str]:
        return [str(problem) for problem in sorted(self.found)]


class ImportFailed(Exception):
    """Nothing was written; `problems` says why, row by row (each `file:line: column: reason`, in
    English for now), and `summary()` sums it up in the reader's language."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(self.summary("en"))

    def summary(self, lang: str | None = None) -> str:
        """"3 problems found; nothing was imported." in LANG (the current language by default)."""
        count = len(self.problems.found)
        return tn("cli.import.problem", "cli.import.problems", count, lang, n=number(count, lang))
