"""The event clock: always in the event's time zone, optionally started at a pinned moment."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Indonesia's zones carry their own names; elsewhere the zone's abbreviation is used.
INDONESIAN_ZONE_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def utc_now() -> datetime:
    """Naive UTC, as the store keeps times: real time, never a pinned event clock."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def to_utc(moment: datetime) -> datetime:
    """An aware time to the naive UTC the store keeps."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def in_zone(moment: datetime, zone: ZoneInfo) -> datetime:
    """A stored time (aware, or naive read as UTC) in ZONE: the one conversion for what people read."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone)


def from_stored(stored: datetime, zone: ZoneInfo) -> datetime:
    """A stored (naive UTC) time in ZONE."""
    return stored.replace(tzinfo=timezone.utc).astimezone(zone)


class ClockError(ValueError):
    pass


def load_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ClockError(f"'{name}' is not a known time zone (try Asia/Jakarta)") from exc


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """An ISO time; without an offset it is read in the event's zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ClockError(f"'{text}' is not an ISO time such as 2018-07-05T10:00") from exc
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


class Clock:
    """Now, in the event's zone. Started at `start` it runs on from there; `frozen` stays put."""

    def __init__(self, zone: ZoneInfo, start: datetime | None = None, frozen: bool = False):
        self.zone = zone
        self._start = start.astimezone(zone) if start else None
        self._started_at = time.monotonic()
        self._frozen = frozen

    @classmethod
    def fixed(cls, zone_name: str, iso: str) -> "Clock":
        zone = load_zone(zone_name)
        return cls(zone, parse_moment(iso, zone), frozen=True)

    def now(self) -> datetime:
        if self._start is None:
            return datetime.now(timezone.utc).astimezone(self.zone)
        if self._frozen:
            return self._start
        elapsed = timedelta(seconds=time.monotonic() - self._started_at)
        return (self._start.astimezone(timezone.utc) + elapsed).astimezone(self.zone)  # UTC: no DST jumps

    def zone_label(self) -> str:
        return zone_label(self.zone, self.now())


def zone_label(zone: ZoneInfo, moment: datetime) -> str:
    """'WIB (UTC+7)' for Jakarta; 'EST (UTC-5)' elsewhere."""
    offset = moment.astimezone(zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    name = INDONESIAN_ZONE_NAMES.get(zone.key) or moment.astimezone(zone).tzname() or zone.key
    return f"{name} ({utc})"
