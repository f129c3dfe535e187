"""The audit log: who did what, when (on the event's clock, stored in UTC). Called inside a use
case's write transaction; read for the audit screen as frozen lines (audit_lines) on a store thread.

A line holds what was stored and its `sentence`: a catalogue key and the stored values it takes,
never translated text (a store thread has no screen, hence no language). The screen puts it into
words in its own language with `sentence_text()` on the event loop: "meja checked in P0001 by hand
on HARI1: lost badge". An action the catalogue does not know, or a detail in a form it does not
read, is shown as stored, with its raw action name."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from rich.cells import cell_len

from kiosk.clock import event_now, from_stored
from kiosk.i18n import N_, t, tn
from kiosk.text import inert, shorten

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
LEAST_CELLS = 13  # a stored value cut to fit a sentence keeps at least this much ("Budi Santoso…")


@dataclass(frozen=True)
class Sentence:
    """An entry as words: the catalogue KEY, TEXTS the values that came from the store (shown as
    plain text, cut to fit), WORDS the values that are catalogue keys themselves (put into the same
    language), COUNT for a sentence with plural forms (PLURALS). KEY None: no sentence the catalogue
    knows; TEXTS are shown as stored, one after the other."""

    key: str | None
    texts: tuple[tuple[str, str], ...] = ()
    words: tuple[tuple[str, str], ...] = ()
    count: int | None = None


# The sentences with plural forms, each with its two catalogue keys written out for `pybabel extract`.
PLURALS = {
    "audit.session_delay": lambda count, **values: tn("audit.session_delay", "audit.session_delay_plural", count,
                                                      **values),
}


@dataclass(frozen=True)
class AuditLine:
    at: datetime  # in the zone asked for
    actor: str
    action: str
    subject: str
    detail: str
    sentence: Sentence = field(default=None, compare=False)  # made from the others when not given

    def __post_init__(self) -> None:
        if self.sentence is None:
            object.__setattr__(self, "sentence", sentence_of(self.actor, self.action, self.subject, self.detail))


def audit_lines(zone: ZoneInfo, limit: int = RECENT) -> tuple[AuditLine, ...]:
    """The latest LIMIT entries, newest first, their moments in ZONE."""
    query = (AuditEntry.select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.subject,
                               AuditEntry.detail).order_by(AuditEntry.id.desc()).limit(limit))
    return tuple(AuditLine(from_stored(at, zone), actor or "", action or "", subject or "", detail or "")
                 for at, actor, action, subject, detail in query.tuples())


# ---- entries as sentences -----------------------------------------------------------------------

# Why a login or an exit PIN was refused, as kiosk.staff records it (longest first: they share ends).
LOGIN_FAILURES = (
    ("unknown user, locked", N_("audit.why.unknown_user_locked")),
    ("wrong PIN, locked", N_("audit.why.wrong_pin_locked")),
    ("unknown user", N_("audit.why.unknown_user")),
    ("wrong PIN", N_("audit.why.wrong_pin")),
    ("locked", N_("audit.why.locked")),
)
ROLE_NAMES = {"desk": N_("role.desk"), "seller": N_("role.seller"), "awards": N_("role.awards"),
              "admin": N_("role.admin")}
STEP_SENTENCES = {  # kiosk.reveal's kinds of step
    "holding": N_("audit.reveal_step.holding"), "title": N_("audit.reveal_step.title"),
    "nominees": N_("audit.reveal_step.nominees"), "drumroll": N_("audit.reveal_step.drumroll"),
    "winners": N_("audit.reveal_step.winners"), "closing": N_("audit.reveal_step.closing"),
}
COVER_SENTENCES = {"blackout": N_("audit.reveal_cover.blackout"), "holding": N_("audit.reveal_cover.holding"),
                   "off": N_("audit.reveal_cover.off")}
REHEARSAL_SENTENCES = {"start": N_("audit.rehearsal.start"), "stop": N_("audit.rehearsal.stop")}
REISSUE = re.compile(r"version (\d+): (.*)", re.DOTALL)
VOID = re.compile(r"(.*) x(\d+): (.*)", re.DOTALL)
DELAY = re.compile(r"\+(\d+) min")
ROLE = re.compile(r"role=(\w+)")


def sentence_of(actor: str, action: str, subject: str, detail: str) -> Sentence:
    """What the entry says, as a Sentence; the raw entry when the action or its detail is not one
    the catalogue reads."""
    said = None
    reader = READERS.get(action)
    if reader is not None:
        said = reader(subject, detail)
    if said is None:
        return Sentence(None, tuple((name, value) for name, value in
                                    (("who", actor), ("action", action), ("subject", subject), ("detail", detail))
                                    if value))
    key, texts, words, *count = said
    who = (("who", actor),) if actor else ()
    words = {**words, **({} if actor else {"who": N_("audit.someone")})}
    if "terminal" in texts and not texts["terminal"]:
        del texts["terminal"]
        words["terminal"] = N_("audit.unknown_terminal")
    return Sentence(key, who + tuple(texts.items()), tuple(words.items()), *count)


def _failure(detail: str, whys=LOGIN_FAILURES) -> tuple[str, str] | None:
    """(terminal, the catalogue key of why) of a refused PIN's detail, "TERMINAL WHY"."""
    for why, key in whys:
        if detail == why or detail.endswith(" " + why):
            return detail[: len(detail) - len(why)].strip(), key
    return None


def _login_failed(subject: str, detail: str):
    failure = _failure(detail)
    if failure is None:
        return None
    terminal, why = failure
    return N_("audit.login_failed"), {"terminal": terminal}, {"why": why}


def _exit_failed(subject: str, detail: str):
    failure = _failure(detail, LOGIN_FAILURES[1:2] + LOGIN_FAILURES[3:])
    if failure is None:
        return None
    terminal, why = failure
    return N_("audit.exit_failed"), {"terminal": terminal}, {"why": why}


def _by_hand(key: str, key_without_reason: str):
    def read(subject: str, detail: str):
        checkin_list, colon, reason = detail.partition(": ")
        if not colon and not detail.endswith(":"):
            return None
        checkin_list = checkin_list.removesuffix(":")
        if not reason.strip():
            return key_without_reason, {"attendee": subject, "list": checkin_list}, {}
        return key, {"attendee": subject, "list": checkin_list, "reason": reason}, {}
    return read


def _reissue(subject: str, detail: str):
    match = REISSUE.fullmatch(detail)
    if match is None:
        return None
    return N_("audit.badge_reissue"), {"attendee": subject, "version": match[1], "reason": match[2]}, {}


def _void(subject: str, detail: str):
    match = VOID.fullmatch(detail)
    if match is None:
        return None
    return N_("audit.sale_void"), {"sale": subject, "product": match[1], "quantity": match[2],
                                   "reason": match[3]}, {}


def _move(subject: str, detail: str):
    old, arrow, new = detail.partition(" -> ")
    if not arrow:
        return None
    return N_("audit.session_move"), {"session": subject, "old": old, "new": new}, {}


def _delay(subject: str, detail: str):
    match = DELAY.fullmatch(detail)
    if match is None:
        return None
    return "audit.session_delay", {"session": subject}, {}, int(match[1])  # a key of PLURALS


def _step(subject: str, detail: str):
    kind, _, category = subject.partition(" ")
    key = STEP_SENTENCES.get(kind)
    if key is None or (category and not category.isdigit()):
        return None
    return key, {"number": str(int(category) + 1)} if category else {}, {}  # counted from 1 on screen


def _user(key: str):
    def read(subject: str, detail: str):
        match = ROLE.fullmatch(detail)
        if match is None:
            return None
        role = match[1]
        if role in ROLE_NAMES:
            return key, {"name": subject}, {"role": ROLE_NAMES[role]}
        return key, {"name": subject, "role": role}, {}
    return read


def _one_of(sentences: dict[str, str]):
    def read(subject: str, detail: str):
        key = sentences.get(subject)
        return (key, {}, {}) if key else None
    return read


READERS = {
    "login": lambda subject, detail: (N_("audit.login"), {"terminal": detail}, {}),
    "login.failed": _login_failed,
    "exit": lambda subject, detail: (N_("audit.exit"), {"terminal": detail}, {}),
    "exit.failed": _exit_failed,
    "checkin.manual": _by_hand(N_("audit.checkin_manual"), N_("audit.checkin_manual_no_reason")),
    "checkin.undo": _by_hand(N_("audit.checkin_undo"), N_("audit.checkin_undo_no_reason")),
    "attendee.walk_in": lambda subject, detail: (N_("audit.walk_in"), {"attendee": subject, "name": detail}, {}),
    "badge.reissue": _reissue,
    "sale.void": _void,
    "session.move": _move,
    "session.delay": _delay,
    "session.cancel": lambda subject, detail: (N_("audit.session_cancel"), {"session": subject, "reason": detail}, {}),
    "session.restore": lambda subject, detail: (N_("audit.session_restore"), {"session": subject}, {}),
    "reveal.step": _step,
    "reveal.winners": lambda subject, detail: (N_("audit.reveal_winners"), {"category": subject}, {}),
    "reveal.cover": _one_of(COVER_SENTENCES),
    "reveal.rehearsal": _one_of(REHEARSAL_SENTENCES),
    "user.add": _user(N_("audit.user_add")),
    "user.reset": _user(N_("audit.user_reset")),
    "import": lambda subject, detail: (N_("audit.import"), {"event": subject, "changes": detail}, {}),
    "awards.export": lambda subject, detail: (N_("audit.awards_export"), {"event": subject}, {}),
}


def sentence_text(sentence: Sentence, cells: int | None = None) -> str:
    """SENTENCE in the language at work (the screen's: call it on the event loop). With CELLS, the
    stored values are cut (each ending in "…") so that the sentence fits in that many cells, the
    shortest kept whole; the program's own words are never cut."""
    words = {name: t(key) for name, key in sentence.words}
    texts = {name: inert(value) for name, value in sentence.texts}
    if cells is not None and texts:
        fixed = cell_len(_said(sentence, words, {name: "" for name in texts}))
        texts = fitted(texts, cells - fixed)
    return _said(sentence, words, texts)


def _said(sentence: Sentence, words: dict[str, str], texts: dict[str, str]) -> str:
    if sentence.key is None:  # as stored: "who: action subject detail"
        who = texts.pop("who", None)
        rest = " ".join(texts.values())
        return f"{who}: {rest}" if who is not None and rest else who if who is not None else rest
    values = {**texts, **words}
    if sentence.count is not None:
        return PLURALS[sentence.key](sentence.count, **values)
    return t(sentence.key, **values)


def fitted(texts: dict[str, str], room: int) -> dict[str, str]:
    """TEXTS cut to share ROOM cells: the shorter ones whole, the room left shared by the longer ones
    (each keeps LEAST_CELLS at least)."""
    result = dict(texts)
    order = sorted(texts, key=lambda name: cell_len(texts[name]))
    for place, name in enumerate(order):
        share = max(LEAST_CELLS, room // (len(order) - place))
        result[name] = shorten(texts[name], share)
        room -= cell_len(result[name])
    return result
