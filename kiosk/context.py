"""What every screen needs to know: the store, the event, the venue, the clock, this terminal."""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from kiosk.clock import Clock, load_zone, parse_moment, use_event_clock
from kiosk.errors import Phrase
from kiosk.i18n import N_
from kiosk.search import lower_code
from kiosk.store import StoreError, StoreInfo
from models import Event, Venue

DEFAULT_ZONE = "Asia/Jakarta"


@dataclass
class Context:
    store: StoreInfo
    clock: Clock
    event: Event | None
    venue: Venue | None = None
    terminal: str = ""
    badge_dir: Path = field(default_factory=lambda: default_badge_dir())


def default_badge_dir() -> Path:
    """Where the desk writes the badges it issues (walk-ins, reissues), one folder per badge."""
    return Path(user_data_dir("event-kiosk", appauthor=False)) / "badges"


def find_event(slug: str | None = None) -> Event | None:
    """The event named by SLUG, else the most recently created one (None in an empty store)."""
    if slug:
        event = Event.get_or_none(Event.slug == lower_code(slug))
        if event is None:
            raise StoreError(N_("error.event.unknown"), slug=slug)
        return event
    return Event.select().order_by(Event.id.desc()).first()


def find_venue(event: Event | None, code: str | None) -> Venue | None:
    if not code:
        return None
    code = lower_code(code)  # venue codes are stored in lower case; a kiosk may be told SHERATON
    venue = Venue.get_or_none((Venue.event == event) & (Venue.code == code)) if event else None
    if venue is None:
        known = ", ".join(v.code for v in event.venues) if event else ""
        raise StoreError(N_("error.event.no_venue"), code=code, known=known or Phrase(N_("error.none")))
    return venue


def make_clock(event: Event | None, now: str | None) -> Clock:
    """The event's clock, registered as the process's (kiosk.clock.event_now); --now / KIOSK_NOW
    starts it at that moment (read in the event's zone)."""
    return zone_clock(event.time_zone if event else DEFAULT_ZONE, now)


def zone_clock(zone_name: str, now: str | None) -> Clock:
    """make_clock for an event known by its zone alone (one not in the store yet: the demo's)."""
    zone = load_zone(zone_name)
    start = now or os.environ.get("KIOSK_NOW")
    clock = Clock(zone, parse_moment(start, zone) if start else None)
    use_event_clock(clock)
    return clock


def default_terminal() -> str:
    """A name a person can read and that stays the same when the kiosk restarts: the host and the
    terminal it runs on ("lobi-1/tty1", "meja/pts-3"), or the host alone."""
    host = socket.gethostname().split(".")[0] or "kiosk"
    for stream in (0, 1, 2):
        try:
            return f"{host}/{os.ttyname(stream).removeprefix('/dev/').replace('/', '-')}"
        except OSError:
            continue
    return host


def build_context(store: StoreInfo, *, event_slug=None, venue_code=None, now=None, terminal=None,
                  badge_dir=None) -> Context:
    event = find_event(event_slug)
    return Context(
        store=store,
        clock=make_clock(event, now),
        event=event,
        venue=find_venue(event, venue_code),
        terminal=terminal or default_terminal(),
        badge_dir=Path(badge_dir) if badge_dir else default_badge_dir(),
    )
