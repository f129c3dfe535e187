"""awards.toml (optional): the award categories in running order, their nominees and sealed winners."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.importer.fields import INSTITUTION_CODE, code_problem, name_problem
from kiosk.importer.problems import Problems
from kiosk.importer.sources import read_toml
from kiosk.importer.toml_check import TomlChecker
from kiosk.search import upper_code

AWARDS = "awards.toml"
NOMINEE_KINDS = ("institution", "attendee", "text")
MULTI_LINE = ("categories.description",)
NOMINEE_EXAMPLE = '[{ institution = "KAB-GUNUNGKIDUL" }, { attendee = "P0001" }, { text = "Video: …" }]'


@dataclass
class NomineePlan:
    institution: str = ""  # an institution code, or ""
    attendee: str = ""  # an attendee code, or ""
    text: str = ""
    winner: bool = False

    @property
    def label(self) -> str:
        return self.institution or self.attendee or self.text


@dataclass
class CategoryPlan:
    code: str
    title: str
    title_en: str = ""
    description: str = ""
    presenter: str = ""
    nominees: list[NomineePlan] = field(default_factory=list)


def read_awards(folder: Path, institution_codes: set[str] | None, attendee_codes: set[str] | None,
                problems: Problems) -> list[CategoryPlan] | None:
    """The categories in file order ([] without an awards.toml), or None when the file is unusable.
    A code set is None when its file is unusable (that problem is reported already)."""
    if not (folder / AWARDS).exists():
        return []
    loaded = read_toml(folder / AWARDS, problems, lines=MULTI_LINE)
    if loaded is None:
        return None
    check = TomlChecker(*loaded, problems, file=AWARDS)
    tables = check.data.get("categories", [])
    if not isinstance(tables, list):
        check.report(("categories",), "each category must be a [[categories]] table")
        return []
    categories, codes = [], set()
    for index, table in enumerate(tables):
        path = ("categories", index)
        if not isinstance(table, dict):
            check.report(path, "each category must be a [[categories]] table")
            continue
        category = _category(check, table, path, institution_codes, attendee_codes)
        if category.code and category.code in codes:
            check.report(path + ("code",), f"duplicate code '{category.code}'")
        codes.add(category.code)
        categories.append(category)
    return categories


def _category(check: TomlChecker, table: dict, path: tuple, institution_codes: set[str] | None,
              attendee_codes: set[str] | None) -> CategoryPlan:
    code = upper_code(check.text(table, path, "code"))
    check.report(path + ("code",), code_problem(code, INSTITUTION_CODE, 16))
    title = check.text(table, path, "title")
    check.report(path + ("title",), name_problem(title, "title"))
    presenter = check.text(table, path, "presenter")
    check.report(path + ("presenter",), name_problem(presenter, "presenter", required=False))
    title_en = check.text(table, path, "title_en")
    check.report(path + ("title_en",), name_problem(title_en, "title_en", required=False))
    category = CategoryPlan(code, title, title_en, check.text(table, path, "description"), presenter)
    category.nominees = _nominees(check, table.get("nominees"), path + ("nominees",),
                                  institution_codes, attendee_codes)
    _mark_winners(check, table.get("winners"), path + ("winners",), category)
    return category


def _nominees(check: TomlChecker, entries: object, path: tuple, institution_codes: set[str] | None,
              attendee_codes: set[str] | None) -> list[NomineePlan]:
    if not isinstance(entries, list) or not entries:
        check.report(path, f"needs a list of nominees such as {NOMINEE_EXAMPLE}")
        return []
    nominees, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        nominee = _nominee(check, entry, path, number, institution_codes, attendee_codes)
        if nominee is None:
            continue
        key = (nominee.institution, nominee.attendee, nominee.text)
        if key in seen:
            check.report(path, f"'{nominee.label}' is nominated twice")
            continue
        seen.add(key)
        nominees.append(nominee)
    return nominees


def _nominee(check: TomlChecker, entry: object, path: tuple, number: int, institution_codes: set[str] | None,
             attendee_codes: set[str] | None) -> NomineePlan | None:
    if not isinstance(entry, dict):
        check.report(path, f"nominee {number} must be a table such as {{ institution = \"KAB-GUNUNGKIDUL\" }}")
        return None
    given = [kind for kind in NOMINEE_KINDS if entry.get(kind) not in (None, "")]
    if len(given) != 1:
        has = " and ".join(given) if given else "none"
        check.report(path, f"nominee {number} needs exactly one of institution, attendee or text (it has {has})")
        return None
    kind = given[0]
    value = entry[kind]
    if not isinstance(value, str):
        check.report(path, f"nominee {number}: {kind} must be text")
        return None
    value = value.strip()
    if kind == "institution":
        value = upper_code(value)
        if institution_codes is not None and value not in institution_codes:
            check.report(path, f"unknown institution '{value}' (not in institutions.csv)")
    elif kind == "attendee":
        value = upper_code(value)
        if attendee_codes is not None and value not in attendee_codes:
            check.report(path, f"unknown attendee '{value}' (not in attendees.csv)")
    else:
        check.report(path, name_problem(value, f"nominee {number}'s text", required=False))
    return NomineePlan(**{kind: value})


def _mark_winners(check: TomlChecker, names: object, path: tuple, category: CategoryPlan) -> None:
    """Mark the nominees that WINNERS names (each an institution code, attendee code or text)."""
    if names is None or names == []:
        check.report(path, "no winner: name at least one nominee")
        return
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        check.report(path, 'needs a list such as ["KAB-GUNUNGKIDUL"]: the institution code, attendee code '
                           "or text of a nominee")
        return
    named = set()
    for name in (name.strip() for name in names):
        matches = [nominee for nominee in category.nominees if _is_named(nominee, name)]
        if not matches:
            where = f" of {category.code}" if category.code else ""
            check.report(path, f"'{name}' is not among the nominees{where}")
        elif len(matches) > 1:
            check.report(path, f"'{name}' matches more than one nominee")
        elif id(matches[0]) in named:
            check.report(path, f"'{name}' is named twice")
        else:
            named.add(id(matches[0]))
            matches[0].winner = True


def _is_named(nominee: NomineePlan, name: str) -> bool:
    """A code names its institution or attendee (in any case); a text names a text nominee exactly."""
    if not name:
        return False
    return nominee.text == name if nominee.text else (nominee.institution or nominee.attendee) == upper_code(name)
