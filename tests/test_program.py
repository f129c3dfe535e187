"""The programme as the directory reads it: now and next per room at the edges (a start, an end,
"just started", the gala across midnight), venues with "here" first, the same answers whatever the
machine's zone, search, and who is assigned where."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk.context import find_event
from kiosk.program import (
    JUST_STARTED, Programme, RoomNow, assigned_people, assigned_sessions, load_programme,
    sessions_of_institutions,
)
from models import Assignment, Attendee, Session, Venue
from tests.helpers import load_small_event

WIB = ZoneInfo("Asia/Jakarta")
LOBBY, KALASAN, PRAMBANAN = "Lobi Registrasi", "Ruang Kalasan", "Ruang Prambanan"
SHERATON, EASTPARC = "Hotel Sheraton Mustika Yogyakarta", "Hotel Eastparc"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of the small event (July 2018), in WIB."""
    return datetime(2018, 7, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def programme(store) -> Programme:
    load_small_event()
    return load_programme(find_event(), WIB)


def rooms_at(programme: Programme, now: datetime) -> dict[str, RoomNow]:
    return {room.place.room: room for venue in programme.now_next(now, None) for room in venue.rooms}


def summary(room: RoomNow) -> tuple:
    """(now, just started, next, done for today) with sessions by code."""
    return (room.now and room.now.code, room.just_started, room.next and room.next.code, room.done_for_today)


def venue_id(code: str) -> int:
    return Venue.get(Venue.code == code).id


def session_id(code: str) -> int:
    return Session.get(Session.code == code).id


# --- the loaded programme ---------------------------------------------------------------------


def test_slots_are_in_the_event_zone_by_start(programme):
    assert [slot.code for slot in programme.slots] == ["REG", "KOORD", "K1", "K2", "GALA", "K3"]
    k1 = next(slot for slot in programme.slots if slot.code == "K1")
    assert (k1.starts, k1.ends) == (at(5, 9, 30), at(5, 12))
    assert k1.starts.utcoffset() == timedelta(hours=7)
    assert (k1.place.room, k1.place.venue, k1.speakers, k1.capacity) == (PRAMBANAN, EASTPARC, "Sri Wahyuni", 40)
    assert not (k1.moved or k1.delayed or k1.retimed or k1.cancelled)
    assert [place.room for place in programme.places] == [LOBBY, KALASAN, PRAMBANAN]  # venue, room order


# --- now and next at the edges ---------------------------------------------------------------------


def test_a_session_that_starts_now_is_now_and_just_started(programme):
    rooms = rooms_at(programme, at(5, 9, 30))

    assert summary(rooms[PRAMBANAN]) == ("K1", True, "K2", False)


def test_a_session_that_ends_now_is_over(programme):
    rooms = rooms_at(programme, at(5, 9, 30))  # REG ends at 09:30: the lobby has nothing left today

    assert summary(rooms[LOBBY]) == (None, False, None, True)

    rooms = rooms_at(programme, at(5, 9))  # KOORD ends at 09:00: the gala is next in Kalasan
    assert summary(rooms[KALASAN]) == (None, False, "GALA", False)

    rooms = rooms_at(programme, at(5, 12))  # K1 ends at 12:00 and K2 starts at 13:00
    assert summary(rooms[PRAMBANAN]) == (None, False, "K2", False)


def test_just_started_lasts_ten_minutes(programme):
    assert JUST_STARTED == timedelta(minutes=10)

    assert summary(rooms_at(programme, at(5, 9, 39))[PRAMBANAN]) == ("K1", True, "K2", False)
    assert summary(rooms_at(programme, at(5, 9, 40))[PRAMBANAN]) == ("K1", False, "K2", False)


def test_a_room_with_nothing_left_today_is_done_for_today(programme):
    rooms = rooms_at(programme, at(5, 14, 30))  # K2, the last session of the day there, just ended

    assert summary(rooms[PRAMBANAN]) == (None, False, None, True)
    # K3 is tomorrow morning in the same room: not "next" today.
    assert summary(rooms_at(programme, at(5, 15))[PRAMBANAN])[2] is None


def test_before_the_day_begins_every_room_shows_its_first_session_next(programme):
    rooms = rooms_at(programme, at(5, 6, 30))

    assert {room: summary(r) for room, r in rooms.items()} == {
        LOBBY: (None, False, "REG", False),
        KALASAN: (None, False, "KOORD", False),
        PRAMBANAN: (None, False, "K1", False),
    }


def test_the_gala_runs_across_midnight_in_its_room(programme):
    before_midnight = rooms_at(programme, at(5, 23, 30))
    after_midnight = rooms_at(programme, at(6, 0, 15))

    assert summary(before_midnight[KALASAN]) == ("GALA", False, None, False)
    assert summary(after_midnight[KALASAN]) == ("GALA", False, None, False)
    # Past midnight it is the 6th: Prambanan's next is K3 that morning, not nothing.
    assert summary(before_midnight[PRAMBANAN]) == (None, False, None, True)
    assert summary(after_midnight[PRAMBANAN]) == (None, False, "K3", False)
    assert summary(rooms_at(programme, at(6, 0, 30))[KALASAN]) == (None, False, None, True)


def test_next_boundary_is_the_next_start_end_just_started_or_midnight(programme):
    assert programme.next_boundary(at(5, 6)) == at(5, 7)  # REG starts
    assert programme.next_boundary(at(5, 9, 30)) == at(5, 9, 40)  # K1's "just started" runs out
    assert programme.next_boundary(at(5, 9, 40)) == at(5, 12)  # K1 ends
    assert programme.next_boundary(at(5, 19, 5)) == at(5, 19, 10)
    assert programme.next_boundary(at(5, 23, 30)) == at(6, 0)  # midnight comes before the gala ends
    assert programme.next_boundary(at(6, 0)) == at(6, 0, 30)  # the gala ends
    assert programme.next_boundary(at(6, 0, 15)) == at(6, 0, 30)
    assert programme.next_boundary(at(6, 10)) == at(7, 0)  # nothing left at all: midnight
    assert programme.next_boundary(at(5, 23, 30)).tzinfo is not None


# --- venues --------------------------------------------------------------------------------------


def test_this_venue_comes_first_and_the_others_give_shuttle_minutes(programme):
    eastparc = programme.now_next(at(5, 10), venue_id("eastparc"))

    assert [(v.venue, v.here, v.shuttle_minutes) for v in eastparc] == [(EASTPARC, True, None), (SHERATON, False, 15)]
    assert [r.place.room for r in eastparc[1].rooms] == [LOBBY, KALASAN]

    sheraton = programme.now_next(at(5, 10), venue_id("sheraton"))
    assert [(v.venue, v.here, v.shuttle_minutes) for v in sheraton] == [(SHERATON, True, None), (EASTPARC, False, 15)]

    nowhere = programme.now_next(at(5, 10), None)  # a staff terminal: event order, no shuttle
    assert [(v.venue, v.here, v.shuttle_minutes) for v in nowhere] == [(SHERATON, False, None), (EASTPARC, False, None)]


def test_shuttle_minutes_read_both_ways(programme):
    sheraton, eastparc = venue_id("sheraton"), venue_id("eastparc")

    assert programme.minutes_between(sheraton, eastparc) == 15
    assert programme.minutes_between(eastparc, sheraton) == 15
    assert programme.minutes_between(sheraton, sheraton) is None


# --- the machine's zone does not matter ------------------------------------------------------------


@pytest.fixture(params=["UTC", "America/New_York"])
def process_zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_the_same_answers_whatever_the_process_zone(programme, process_zone):
    assert time.tzname[0] == {"UTC": "UTC", "America/New_York": "EST"}[process_zone]  # in effect
    reloaded = load_programme(find_event(), WIB)

    assert reloaded.slots == programme.slots
    gala = next(slot for slot in reloaded.slots if slot.code == "GALA")
    assert (gala.starts, gala.ends) == (at(5, 19), at(6, 0, 30))
    assert summary(rooms_at(reloaded, at(5, 9, 30))[PRAMBANAN]) == ("K1", True, "K2", False)
    assert summary(rooms_at(reloaded, at(5, 9, 40))[PRAMBANAN]) == ("K1", False, "K2", False)
    assert summary(rooms_at(reloaded, at(5, 9, 30))[LOBBY]) == (None, False, None, True)
    assert summary(rooms_at(reloaded, at(6, 0, 15))[KALASAN]) == ("GALA", False, None, False)
    assert summary(rooms_at(reloaded, at(6, 0, 15))[PRAMBANAN]) == (None, False, "K3", False)
    assert reloaded.next_boundary(at(5, 23, 30)) == at(6, 0)
    assert reloaded.next_boundary(at(6, 0, 15)) == at(6, 0, 30)
    here_first = reloaded.now_next(at(5, 10), venue_id("eastparc"))
    assert [(v.venue, v.shuttle_minutes) for v in here_first] == [(EASTPARC, None), (SHERATON, 15)]


# --- search --------------------------------------------------------------------------------------


def codes(slots) -> list[str]:
    return [slot.code for slot in slots]


@pytest.mark.parametrize("text, expected", [
    ("literasi digital", ["K1"]),  # title
    ("Digital Literacy", ["K1"]),  # English title
    ("community hub", ["K2"]),
    ("SRI wahyuní", ["K1"]),  # speaker, any case, any accent
    ("simanjuntak", ["K2"]),
    ("prambanan", ["K1", "K2", "K3"]),  # room name
    ("kalasan", ["KOORD", "GALA"]),
    ("eastparc", ["K1", "K2", "K3"]),  # venue name
    ("sheraton gala", ["GALA"]),  # every word must match
    ("literasi prambanan", ["K1"]),
    ("borobudur", []),
])
def test_search_finds_sessions_by_title_speaker_room_and_venue(programme, text, expected):
    assert codes(programme.search(text)) == expected


def test_an_empty_search_lists_everything(programme):
    assert codes(programme.search("   ")) == ["REG", "KOORD", "K1", "K2", "GALA", "K3"]


def test_search_by_institution_finds_the_sessions_its_people_are_assigned_to(programme):
    event = find_event()

    bejiharjo = sessions_of_institutions(event, "bejiharjo")  # P0002 is assigned to K1 and K3

    assert bejiharjo == {session_id("K1"), session_id("K3")}
    assert codes(programme.search("bejiharjo", bejiharjo)) == ["K1", "K3"]
    assert sessions_of_institutions(event, "BEJIHARJO karangmojo") == bejiharjo
    assert sessions_of_institutions(event, "Béjiharjo") == bejiharjo
    assert sessions_of_institutions(event, "gunungkidul") == {session_id("K1")}  # P0001
    assert sessions_of_institutions(event, "jawa tengah") == set()  # P0003 has no assignment
    assert sessions_of_institutions(event, "bejiharjo gunungkidul") == set()  # one institution has both words
    assert sessions_of_institutions(event, "  ") == set()


# --- who is assigned where -----------------------------------------------------------------------


def test_assigned_people_are_listed_by_name_with_their_institution(programme):
    assert assigned_people(session_id("K1")) == [
        ("Bambang Sutrisno", "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"),
        ("Sri Wahyuni", "Dinas Perpustakaan dan Kearsipan Kabupaten Gunungkidul"),
    ]
    assert assigned_people(session_id("K3")) == [
        ("Bambang Sutrisno", "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"),
    ]
    assert assigned_people(session_id("GALA")) == []


def test_a_person_without_an_institution_is_listed_with_an_empty_one(programme):
    walk_in = Attendee.get(Attendee.code == "V0001")
    walk_in.institution = None
    walk_in.save()
    Assignment.create(attendee=walk_in, session=session_id("K3"))

    assert assigned_people(session_id("K3")) == [
        ("Bambang Sutrisno", "Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo"),
        ("Ir. Andreas Simanjuntak", ""),
    ]


def test_assigned_sessions_of_a_person(programme):
    def sessions_of(code: str) -> set[int]:
        return set(assigned_sessions(Attendee.get(Attendee.code == code)))

    assert sessions_of("P0002") == {session_id("K1"), session_id("K3")}
    assert sessions_of("P0001") == {session_id("K1")}
    assert sessions_of("V0001") == set()


def test_the_programme_imported_under_another_process_zone_is_the_same(process_zone, programme):
    gala = next(slot for slot in programme.slots if slot.code == "GALA")

    assert (gala.starts, gala.ends) == (at(5, 19), at(6, 0, 30))
    assert Session.get(Session.code == "GALA").starts_at == datetime(2018, 7, 5, 12, tzinfo=timezone.utc)  # UTC


def test_a_now_given_in_another_zone_is_read_in_the_event_zone(programme):
    utc = ZoneInfo("UTC")
    after_midnight = at(6, 0, 15).astimezone(utc)  # 17:15 UTC on the 5th is 00:15 WIB on the 6th

    assert summary(rooms_at(programme, after_midnight)[PRAMBANAN]) == (None, False, "K3", False)
    assert programme.next_boundary(after_midnight) == at(6, 0, 30)
    assert programme.next_boundary(at(5, 23, 30).astimezone(utc)) == at(6, 0)
