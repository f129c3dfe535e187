"""Who is logged in at a staff screen, as plain values (never a store row on a screen)."""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.staff import login


@dataclass(frozen=True)
class Staff:
    name: str
    role: str
    stall_id: int | None = None  # a seller's own stall


def log_in(name: str, pin: str, terminal: str) -> Staff:
    """The staff member, or LoginRefused (kiosk.staff): counted, audited, locked out as login() does."""
    user = login(name, pin, terminal)
    return Staff(user.name, user.role, user.stall_id)
