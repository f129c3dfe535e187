"""Upserting rows by code: what the import sections share."""
from __future__ import annotations

from collections import Counter

BATCH = 100


def upsert_rows(model, scope: dict, plans: list[dict], tally: Counter, label: str) -> dict[str, int]:
    """Create or update MODEL rows (matched by code within SCOPE); return code -> id for all of them."""
    existing = {row.code: row for row in model.select().where(*[getattr(model, k) == v for k, v in scope.items()])}
    new_rows = []
    for values in plans:
        row = existing.get(values["code"])
        if row is None:
            new_rows.append({**scope, **values})
            tally[f"{label} added"] += 1
        elif update_row(row, values):
            tally[f"{label} updated"] += 1
    for start in range(0, len(new_rows), BATCH):
        model.insert_many(new_rows[start:start + BATCH]).execute()
    query = model.select(model.code, model.id).where(*[getattr(model, k) == v for k, v in scope.items()])
    return {code: row_id for code, row_id in query.tuples()}


def update_row(row, values: dict) -> bool:
    """Save the VALUES of ROW that differ from what it holds; whether any did."""
    changed = [name for name, value in values.items() if not _same(type(row), name, row.__data__.get(name), value)]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(only=[getattr(type(row), name) for name in changed])
    return bool(changed)


def _same(model, name: str, held: object, value: object) -> bool:
    """Whether HELD (read from the store) and VALUE (from the files) would be stored alike: compared
    as the field writes them, so a stored time handed out aware and a plan's UTC time agree."""
    field = model._meta.fields.get(name)
    if field is None:
        return held == value
    return field.db_value(held) == field.db_value(value)
