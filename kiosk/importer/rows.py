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
    changed = [name for name, value in values.items() if row.__data__.get(name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(only=[getattr(type(row), name) for name in changed])
    return bool(changed)
