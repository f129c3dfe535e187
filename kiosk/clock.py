"""The event clock: always in the event's time zone, optionally started at a pinned moment.

Two clocks, one rule. The event's clock (`Clock`, started at `--now` / KIOSK_NOW, or real time read
in the event's zone) stamps everything a person reads as a time of the event: check-ins, sales, audit
entries, reveal times, the "today" of reports. Real time (`utc_now`) is for what must not stand
still when the clock is pinned: lock-outs, timers, ordering, backups.

The process's event clock is registered here (`use_event_clock`, done where the clock is built:
kiosk.context.make_clock, and the tests' make_app), so a use case with no clock argument, such as
kiosk.audit.record, stamps with it (`event_now`). Stored times are UTC and handed out aware by
models.fields.UTCDateTimeField; `in_zone` is the one conversion into the event's zone.
"""
from __future__ import annotations

import difflib
import re
import time
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from kiosk.errors import Phrase, Told
from kiosk.i18n import N_

UTC = timezone.utc

# Indonesia's zones carry their own names; elsewhere the zone's abbreviation is used.
INDONESIAN_ZONE_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
# What an organiser writes for those zones (in any case), and the IANA name it stands for.
ZONE_ABBREVIATIONS = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
# Places an organiser may write for a zone, and the zone they are in (for the hint of an unknown zone).
INDONESIAN_PLACES = {
    "Asia/Jakarta": ("aceh", "banda aceh", "bandar lampung", "bandung", "banten", "bekasi", "bengkulu", "bogor",
                     "cirebon", "depok", "jambi", "jawa", "java", "jogja", "jogjakarta", "lampung", "malang",
                     "medan", "padang", "palembang", "pekanbaru", "semarang", "serang", "solo", "sumatera",
                     "sumatra", "surabaya", "surakarta", "tangerang", "yogya", "yogyakarta"),
    "Asia/Pontianak": ("palangkaraya", "palangka raya", "pontianak"),
    "Asia/Makassar": ("bali", "balikpapan", "banjarmasin", "denpasar", "gorontalo", "kendari", "kupang",
                      "labuan bajo", "lombok", "makasar", "manado", "mataram", "palu", "samarinda", "sulawesi",
                      "tarakan", "ujung pandang"),
    "Asia/Jayapura": ("ambon", "maluku", "manokwari", "merauke", "papua", "sorong", "ternate", "timika"),
}
# The Indonesian zone of each whole-hour offset, for a zone written as "UTC+8".
INDONESIAN_OFFSETS = {7: "Asia/Jakarta", 8: "Asia/Makassar", 9: "Asia/Jayapura"}
OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


def utc_now() -> datetime:
    """Real time, aware, in UTC: never a pinned event clock (lock-outs, timers, ordering, backups)."""
    return datetime.now(UTC)


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """A stored time (aware, or naive read as UTC) in ZONE: the one conversion for what people read
    (and, with ZONE = UTC, for a moment's UTC hour)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)


def from_stored(stored: datetime, zone: ZoneInfo) -> datetime:
    """Old name of `in_zone`, kept for code not yet moved to it; new code calls `in_zone`."""
    return in_zone(stored, zone)


def to_utc(moment: datetime) -> datetime:
    """MOMENT as the naive UTC the store's columns hold: only for SQL written by hand outside the
    models (the benchmarks' bare baselines). Code in kiosk/ hands aware times to the models and binds
    raw SQL through the field (`Field.db_value`)."""
    return moment.astimezone(UTC).replace(tzinfo=None)


class ClockError(Told, ValueError):
    """A time or a zone that cannot be read, told in one sentence (kiosk.errors.Told)."""


def zone_name(name: str) -> str:
    """The IANA name NAME stands for: WIB, WITA and WIT (any case) are Asia/Jakarta, Asia/Makassar
    and Asia/Jayapura; any other name as it is written (blanks around it dropped)."""
    name = name.strip()
    return ZONE_ABBREVIATIONS.get(name.upper(), name)


def load_zone(name: str) -> ZoneInfo:
    """The zone an organiser names: an IANA name (Asia/Makassar) or an Indonesian abbreviation
    (WITA). An unknown name is refused with a hint at the zone it most likely means."""
    key = zone_name(name)
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ClockError(N_("error.clock.unknown_zone"), name=name, hint=zone_hint(key)) from exc


def zone_hint(name: str) -> Phrase:
    """What to write instead of the unknown zone NAME, in a few words (put into the reader's language
    with the sentence that quotes it)."""
    offset = OFFSET.fullmatch(name.strip())
    if offset:
        sign, hours, minutes = offset.groups()
        zone = INDONESIAN_OFFSETS.get(int(hours)) if sign == "+" and not int(minutes or 0) else None
        if zone:
            return Phrase(N_("error.zone_hint.offset"), sign=sign, hours=int(hours), zone=zone,
                          abbreviation=INDONESIAN_ZONE_NAMES[zone])
        return Phrase(N_("error.zone_hint.not_offset"))
    place = _place(name)
    for zone, places in INDONESIAN_PLACES.items():
        if place in places:
            return Phrase(N_("error.zone_hint.place"), place=name.rsplit("/", 1)[-1].strip(), zone=zone,
                          abbreviation=INDONESIAN_ZONE_NAMES[zone])
    guess = _close_zone(name)
    if guess:
        return Phrase(N_("error.zone_hint.guess"), guess=guess)
    return Phrase(N_("error.zone_hint.example"))


def _place(name: str) -> str:
    """The last part of a zone-like NAME as a lower-case place name ("Asia/New_York" -> "new york")."""
    return " ".join(name.rsplit("/", 1)[-1].replace("_", " ").replace("-", " ").lower().split())


def _close_zone(name: str) -> str | None:
    """The known zone NAME most likely means: the same name in another case, a zone of the same
    city, or the nearest spelling."""
    by_lower = _zones_by_lower()
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    by_place = _zones_by_place()
    if _place(name) in by_place:
        return by_place[_place(name)]
    near = difflib.get_close_matches(name.lower(), by_lower, n=1, cutoff=0.8)
    if near:
        return by_lower[near[0]]
    near = difflib.get_close_matches(_place(name), by_place, n=1, cutoff=0.8)
    return by_place[near[0]] if near else None


@cache
def _zones_by_lower() -> dict[str, str]:
    return {zone.lower(): zone for zone in sorted(available_timezones())}


@cache
def _zones_by_place() -> dict[str, str]:
    places: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            places.setdefault(_place(zone), zone)
    return places


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """An ISO time; without an offset it is read in the event's zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ClockError(N_("error.clock.not_iso"), text=text) from exc
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
            return datetime.now(UTC).astimezone(self.zone)
        if self._frozen:
            return self._start
        elapsed = timedelta(seconds=time.monotonic() - self._started_at)
        return (self._start.astimezone(UTC) + elapsed).astimezone(self.zone)  # UTC: no DST jumps

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


# ---- the process's event clock --------------------------------------------------------------------
# One per process: the clock of the event the process serves, registered where it is built. It
# belongs to the store open then (models.database): a process that opens another store (a test,
# mostly) is back on real time until it registers that store's clock.

_registered: tuple[Clock, object] | None = None


def use_event_clock(clock: Clock | None) -> None:
    """Make CLOCK the process's event clock, for the store open now (None: real time again)."""
    global _registered
    from models.db import database

    _registered = None if clock is None else (clock, database.obj)


def event_clock() -> Clock | None:
    """The registered event clock of the open store, or None."""
    from models.db import database

    registered = _registered
    if registered is None or registered[1] is not database.obj:
        return None
    return registered[0]


def event_now() -> datetime:
    """Now on the process's event clock (aware, in the event's zone); real time in UTC when no clock
    was registered. What use cases without a clock argument stamp people-facing times with."""
    clock = event_clock()
    return clock.now() if clock is not None else utc_now()
