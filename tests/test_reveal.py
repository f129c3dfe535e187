"""The award reveal's step machine, state, rehearsal and sealed results (SQLite and PostgreSQL)."""
import logging

import pytest

from kiosk.context import find_event
from kiosk.reveal import (
    CLOSING, DRUMROLL, HOLDING, NOMINEES, TITLE, WINNERS, Named, go_to, outline, running_order,
    set_cover, shown_state, start_rehearsal, state_of, stop_rehearsal, title_position, winners,
)
from models import LIVE, REHEARSAL, Attendee, AuditEntry, AwardCategory, Institution, Nominee, Winner
from tests.helpers import load_small_event


def make_ceremony(event) -> None:
    """Two categories: DAERAH (2 nominees, 1 winner) and DESA (3 nominees, 2 winners)."""
    daerah = AwardCategory.create(event=event, code="DAERAH", position=0, title="Perpustakaan Daerah Terbaik")
    gunungkidul = Nominee.create(category=daerah, position=0,
                                 institution=Institution.get(Institution.code == "KAB-GUNUNGKIDUL"))
    Nominee.create(category=daerah, position=1, institution=Institution.get(Institution.code == "PROV-JATENG"))
    Winner.create(category=daerah, nominee=gunungkidul)
    desa = AwardCategory.create(event=event, code="DESA", position=1, title="Perpustakaan Desa Terbaik")
    bejiharjo = Nominee.create(category=desa, position=0,
                               institution=Institution.get(Institution.code == "DESA-BEJIHARJO"))
    Nominee.create(category=desa, position=1, attendee=Attendee.get(Attendee.code == "P0003"))
    pelangi = Nominee.create(category=desa, position=2, text="TBM Pelangi Aksara")
    Winner.create(category=desa, nominee=bejiharjo)
    Winner.create(category=desa, nominee=pelangi)


@pytest.fixture
def event(store):
    load_small_event()
    event = find_event()
    if not AwardCategory.select().count():  # the small event may bring its own awards.toml
        make_ceremony(event)
    return event


def test_running_order(event):
    steps = running_order(outline(event))
    kinds = [(s.kind, s.category, s.shown) for s in steps]
    assert kinds[0] == (HOLDING, None, 0) and kinds[-1] == (CLOSING, None, 0)
    first = [k for k in kinds if k[1] == 0]
    assert first == [(TITLE, 0, 0), (NOMINEES, 0, 1), (NOMINEES, 0, 2), (DRUMROLL, 0, 0), (WINNERS, 0, 0)]
    assert title_position(steps, 1) == len(first) + 1


def test_next_and_back_stop_at_both_ends(event):
    steps = running_order(outline(event))
    assert go_to(event, LIVE, -5, "mc").position == 0
    assert go_to(event, LIVE, len(steps) + 10, "mc").position == len(steps) - 1


def test_blackout_and_holding_cover_any_step_and_come_back(event):
    go_to(event, LIVE, 3, "mc")
    state = set_cover(event, LIVE, "mc", blackout=True)
    assert (state.position, state.blackout, state.holding) == (3, True, False)
    state = set_cover(event, LIVE, "mc", holding=True)
    assert (state.blackout, state.holding) == (False, True)
    state = set_cover(event, LIVE, "mc")
    assert (state.position, state.blackout, state.holding) == (3, False, False)
    assert go_to(event, LIVE, 4, "mc").blackout is False  # moving on lifts any cover


def test_reveal_celebrates_once_and_marks_the_category(event):
    steps = running_order(outline(event))
    reveal = next(n for n, s in enumerate(steps) if s.kind == WINNERS and s.category == 0)
    go_to(event, LIVE, reveal - 1, "mc")
    state = go_to(event, LIVE, reveal, "mc")
    assert state.celebrations == 1
    assert AwardCategory.get(AwardCategory.code == "DAERAH").revealed_at is not None
    go_to(event, LIVE, reveal + 1, "mc")
    assert go_to(event, LIVE, reveal, "mc").celebrations == 1  # stepping back does not celebrate again
    go_to(event, LIVE, reveal - 1, "mc")
    assert go_to(event, LIVE, reveal, "mc").celebrations == 1  # nor does coming forward to it again
    assert AuditEntry.select().where(AuditEntry.action == "reveal.winners").count() == 1


def test_several_winners_come_together_in_order(event):
    desa = AwardCategory.get(AwardCategory.code == "DESA")
    assert winners(desa.id) == [
        Named("Perpustakaan Desa Khasanah Info Bejiharjo, Karangmojo", "Gunungkidul"),
        Named("TBM Pelangi Aksara"),
    ]


def test_rehearsal_leaves_the_real_state_untouched(event):
    live = go_to(event, LIVE, 2, "mc")
    rehearsal = start_rehearsal(event, "mc")
    assert rehearsal.placeholders == 2 and shown_state(event, rehearsal=True).mode == REHEARSAL
    assert shown_state(event).mode == LIVE  # a live display keeps the live ceremony
    steps = running_order(outline(event))
    for position in range(len(steps)):
        go_to(event, REHEARSAL, position, "mc")
    assert state_of(event, REHEARSAL).celebrations == 2
    stop_rehearsal(event, "mc")
    assert shown_state(event, rehearsal=True).mode == LIVE  # back to the live ceremony
    after = state_of(event, LIVE)
    assert (after.position, after.celebrations) == (live.position, live.celebrations)
    assert AwardCategory.select().where(AwardCategory.revealed_at.is_null(False)).count() == 0


class SqlLog(logging.Handler):
    """The SQL statements Peewee logs (not its pool's notes on connections taken and handed back)."""

    def __init__(self):
        super().__init__()
        self.statements: list[str] = []

    def emit(self, record):
        if record.name == "peewee":
            self.statements.append(str(record.msg))


def test_what_a_display_reads_before_the_reveal_never_touches_winners(event):
    """The display's queries (outline and state) up to the drum roll contain no winner."""
    log, logger = SqlLog(), logging.getLogger("peewee")
    logger.addHandler(log)
    logger.setLevel(logging.DEBUG)
    try:
        steps = running_order(outline(event))
        drumroll = next(n for n, s in enumerate(steps) if s.kind == DRUMROLL and s.category == 0)
        for position in range(drumroll + 1):
            go_to(event, LIVE, position, "mc")
            log.statements.clear()
            running_order(outline(event))
            shown_state(event)
            assert log.statements and not any("winner" in sql.lower() for sql in log.statements)
    finally:
        logger.removeHandler(log)
