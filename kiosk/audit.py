"""The audit log: who did what, when (UTC). Called inside a use case's write transaction."""
from kiosk.clock import utc_now

from models import AuditEntry


def record(actor: str, action: str, subject: str = "", detail: str = "") -> AuditEntry:
    return AuditEntry.create(
        at=utc_now(),
        actor=actor,
        action=action,
        subject=subject,
        detail=detail,
    )


def recent(limit: int = 200) -> list[AuditEntry]:
    return list(AuditEntry.select().order_by(AuditEntry.id.desc()).limit(limit))
