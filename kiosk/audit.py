"""The audit log: who did what, when (on the event's clock, stored in UTC). Called inside a use
case's write transaction; read for the audit screen as frozen lines (audit_lines) on a store thread."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.clock import event_now, from_stored

from models import AuditEntry


def record(actor: str, action: str, subject: str = "", detail: str = "") -> AuditEntry:
    """One entry, stamped with the process's event clock (kiosk.clock.event_now): the log is read as
    the event's time, so a demo running on 5 July 2018 logs 5 July 2018."""
    return AuditEntry.create(
        at=event_now(),
        actor=actor,
        action=action,
        subject=subject,
        detail=detail,
    )


def recent(limit: int = 200) -> list[AuditEntry]:
    return list(AuditEntry.select().order_by(AuditEntry.id.desc()).limit(limit))


RECENT = 200


@dataclass(frozen=True)
class AuditLine:
    at: datetime  # in the zone asked for
    actor: str
    action: str
    subject: str
    detail: str


def audit_lines(zone: ZoneInfo, limit: int = RECENT) -> tuple[AuditLine, ...]:
    """The latest LIMIT entries, newest first, their moments in ZONE."""
    query = (AuditEntry.select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.subject,
                               AuditEntry.detail).order_by(AuditEntry.id.desc()).limit(limit))
    return tuple(AuditLine(from_stored(at, zone), actor, action, subject or "", detail or "")
                 for at, actor, action, subject, detail in query.tuples())
