"""Checks shared by every import section; each returns a reason, or None when the value is fine."""
from __future__ import annotations

import re

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
INSTITUTION_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,15}")
ATTENDEE_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,11}")
MAX_NAME = 200


def slug_problem(value: str) -> str | None:
    if not value:
        return "missing"
    if not SLUG.fullmatch(value):
        return f"'{value}' must be letters, digits and '-' (at most 40)"
    return None


def code_problem(value: str, pattern: re.Pattern, longest: int) -> str | None:
    if not value:
        return "missing code"
    if not pattern.fullmatch(value):
        return f"'{value}' must be letters, digits and '-' (at most {longest})"
    return None


def name_problem(value: str, what: str = "name", required: bool = True) -> str | None:
    """A name or another short text: present (when REQUIRED) and not too long. (Control characters
    are refused for every text as the files are read: kiosk.importer.sources.)"""
    if not value:
        return f"missing {what}" if required else None
    if len(value) > MAX_NAME:
        return f"{what} is {len(value)} characters; at most {MAX_NAME}"
    return None


def choice_problem(value: str, choices: tuple[str, ...], what: str) -> str | None:
    if value not in choices:
        return f"'{value}' is not a {what}: use one of {', '.join(choices)}"
    return None


def positive_int_problem(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return f"'{value}' must be a whole number above zero"
    return None
