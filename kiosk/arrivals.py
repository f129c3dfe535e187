"""Live arrival figures: who has checked in, by list, kind of institution, kiosk and hour.

Only live check-ins count (an undone one is kept in the store, but nobody arrived). Counting is
grouped in SQL; the hours are bucketed in Python from the bare `at` column, since truncating a
time to the hour of the event's zone has no portable SQL spelling. Every hour is an hour of the
event's zone, never the machine's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from peewee import JOIN, fn

from kiosk.checkin import lists_of, open_list
from kiosk.clock import UTC, in_zone, load_zone
from models import INSTITUTION_KINDS, Attendee, Checkin, CheckinList, Event, Institution

NO_INSTITUTION = "none"
HOUR = timedelta(hours=1)


@dataclass(frozen=True)
class ArrivalStats:
    total: int  # live check-ins of the list
    registered: int  # attendees the list admits
    by_list: list[tuple[str, str, int]]  # (code, name, live check-ins) of every list of the event
    by_kind: list[tuple[str, int]]  # institution kind -> live check-ins; "none" last, only if any
    by_terminal: list[tuple[str, int]]  # busiest first
    by_hour: list[tuple[str, int]]  # "08:00" in the event's zone, first to last check-in, zeros included


def arrival_stats(event: Event, checkin_list: CheckinList | None = None) -> ArrivalStats:
    """The figures for CHECKIN_LIST, or for every list of the event when it is None.

    With no list, `registered` is every attendee of the event (a person may arrive on several
    lists, so `total` can then exceed it). `by_list` always covers every list of the event.
    """
    if checkin_list is not None and checkin_list.event_id != event.id:
        raise ValueError(f"check-in list {checkin_list.code} is not a list of event {event.slug}")
    live = _live(event, checkin_list)
    return ArrivalStats(
        total=Checkin.select().where(live).count(),
        registered=registered_for(event, checkin_list),
        by_list=by_list(event),
        by_kind=_by_kind(live),
        by_terminal=_by_terminal(live),
        by_hour=_by_hour(live, load_zone(event.time_zone)),
    )


@dataclass(frozen=True)
class ArrivalsView:
    """What the desk's arrivals screen shows: the list's names (empty when every list) and its figures."""

    name: str
    name_en: str
    stats: ArrivalStats


def desk_list(event: Event, now: datetime) -> CheckinList | None:
    """The list a desk starts on: the one open at NOW, else the event's first."""
    return open_list(event, now) or next(iter(lists_of(event)), None)


def arrivals_view(event: Event, list_id: int | None, now: datetime | None = None) -> ArrivalsView:
    """The figures of the list LIST_ID; with no LIST_ID but NOW, of the desk's list then (desk_list);
    of every list of the event when neither (or when the list is gone)."""
    checkin_list = None
    if list_id is not None:
        checkin_list = CheckinList.get_or_none((CheckinList.id == list_id) & (CheckinList.event == event))
    elif now is not None:
        checkin_list = desk_list(event, now)
    stats = arrival_stats(event, checkin_list)
    if checkin_list is None:
        return ArrivalsView("", "", stats)
    return ArrivalsView(checkin_list.name, checkin_list.name_en, stats)


def registered_for(event: Event, checkin_list: CheckinList | None) -> int:
    """Attendees the list admits: everyone of the event, or only the list's categories."""
    query = Attendee.select().where(Attendee.event == event)
    admitted = checkin_list.category_list if checkin_list is not None else []
    if admitted:
        query = query.where(Attendee.category.in_(admitted))
    return query.count()


def _live(event: Event, checkin_list: CheckinList | None):
    """The WHERE clause for live check-ins of the list (or of every list of the event)."""
    if checkin_list is not None:
        scope = Checkin.checkin_list == checkin_list.id
    else:
        scope = Checkin.checkin_list.in_(CheckinList.select(CheckinList.id).where(CheckinList.event == event))
    return scope & Checkin.undone_at.is_null()


def by_list(event: Event) -> list[tuple[str, str, int]]:
    on = (Checkin.checkin_list == CheckinList.id) & Checkin.undone_at.is_null()
    query = (CheckinList.select(CheckinList.code, CheckinList.name, fn.COUNT(Checkin.id))
             .join(Checkin, JOIN.LEFT_OUTER, on=on)
             .where(CheckinList.event == event)
             .group_by(CheckinList.id, CheckinList.code, CheckinList.name, CheckinList.opens_at)
             .order_by(CheckinList.opens_at, CheckinList.code))
    return [(code, name, count) for code, name, count in query.tuples()]


def _by_kind(live) -> list[tuple[str, int]]:
    query = (Checkin.select(Institution.kind, fn.COUNT(Checkin.id))
             .join(Attendee, on=Checkin.attendee == Attendee.id)
             .join(Institution, JOIN.LEFT_OUTER, on=Attendee.institution == Institution.id)
             .where(live)
             .group_by(Institution.kind))
    counted = dict(query.tuples())
    without = counted.pop(None, 0)
    figures = [(kind, counted.pop(kind, 0)) for kind in INSTITUTION_KINDS]
    figures += sorted(counted.items())  # a kind the program does not know, should one be stored
    if without:
        figures.append((NO_INSTITUTION, without))
    return figures


def _by_terminal(live) -> list[tuple[str, int]]:
    count = fn.COUNT(Checkin.id)
    query = (Checkin.select(Checkin.terminal, count).where(live)
             .group_by(Checkin.terminal).order_by(count.desc(), Checkin.terminal))
    return [(terminal, n) for terminal, n in query.tuples()]


def _by_hour(live, zone: ZoneInfo) -> list[tuple[str, int]]:
    """Hours of the event's zone from the first to the last live check-in, zeros included."""
    # Every zone's offset is a whole number of quarter hours, so quarter hours of UTC fall inside
    # one hour of the zone: bucket the (UTC) times by quarter hour first, then convert only
    # those few buckets, not every check-in.
    quarters: Counter[datetime] = Counter()
    for (at,) in Checkin.select(Checkin.at).where(live).tuples().iterator():
        quarters[at.replace(minute=at.minute - at.minute % 15, second=0, microsecond=0)] += 1
    if not quarters:
        return []
    hours: Counter[datetime] = Counter()  # keyed by the UTC instant the zone's hour starts
    for quarter, n in quarters.items():
        local_hour = in_zone(quarter, zone).replace(minute=0)
        hours[in_zone(local_hour, UTC)] += n
    first, last = min(hours), max(hours)
    label = "%H:00" if last - first < timedelta(hours=24) else "%Y-%m-%d %H:00"  # labels stay unique
    figures = []
    moment = first
    while moment <= last:
        figures.append((in_zone(moment, zone).strftime(label), hours.get(moment, 0)))
        moment += HOUR
    return figures
