"""The lobby check-in kiosk: a USB scanner types the badge's payload (then Enter, usually) and the
person is greeted, told they are already in, or sent to the desk. Public posture.

Each scan is an intent with the moment it was made; the app's writer records it. While the store
does not answer, the kiosk says so and keeps the scans, and records them when it answers again. With
an outbox folder (`kiosk checkin`) each scan is also kept on the kiosk's disk until it is recorded,
and what a restart or a power cut left there is recorded first when the kiosk starts again."""
from __future__ import annotations

import logging
import time
from concurrent.futures import Future
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Digits, Label

from kiosk.checkin import ALREADY, REJECTED, WELCOME
from kiosk.i18n import bilingual, number, pick, t
from kiosk.lobby import Greeting, ListCount, list_count, scan_badge
from kiosk.outbox import KeptScan, Outbox, outbox_path
from kiosk.tokens import MAX_SCAN, looks_complete
from kiosk.store import new_request_id
from kiosk.writer import Intent, Outcome
from screens.base import PUBLIC, LiveScreen
from screens.widgets.bigtext import BigText
from screens.widgets.header import KioskHeader
from screens.widgets.text import Clamped, data

RESULT_SECONDS = 4.0  # how long a result stays before the idle screen returns
NO_ENTER_PAUSE = 0.3  # a complete payload followed by this much quiet is taken without Enter
STALE_TYPING = 2.0  # an incomplete burst older than this is dropped
UNAVAILABLE = "unavailable"

log = logging.getLogger(__name__)


def kept_on_disk(intent: Intent, written: Future, path: Path) -> None:
    """Called on the outbox's thread once INTENT's scan is written down in PATH (or could not be)."""
    if not written.cancelled() and written.exception() is None and written.result():
        intent.kept_in = str(path)


class CheckinScreen(LiveScreen):
    POSTURE = PUBLIC

    def __init__(self, list_code: str | None = None, bell: bool = False, outbox_folder: Path | None = None):
        super().__init__()
        self.list_code = list_code
        self.bell = bell
        self.outbox_folder = outbox_folder
        self.outbox: Outbox | None = None
        self._typed: list[str] = []
        self._last_key_at = 0.0
        self._quiet_timer = None
        self._idle_timer = None
        self._panel = "idle"

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="checkin"):
            with Center(id="checkin-panel-row"), Vertical(id="checkin-panel", classes="idle"):
                yield BigText("", id="checkin-big", max_lines=2, capitals=True)
                yield Clamped("", id="checkin-title", max_lines=2)
                yield Clamped("", id="checkin-body", max_lines=5)
            yield Label("", id="checkin-list-name")
            with Center(id="checkin-count-row"):
                yield Digits("", id="checkin-count")

    def on_mount(self) -> None:
        self.show_idle()
        self.watch(self.app, "reachable", self._store_answers)
        if self.outbox_folder is not None:
            context = self.app.context
            self.outbox = Outbox.at(outbox_path(self.outbox_folder, context.store, context.terminal))
            left = self.outbox.compact()  # asked now: before any scan of this screen is kept
            self.read(left.result, self._record_kept, group="outbox", failed=lambda error: isinstance(error, OSError))

    # ---- what the scanner types ------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key == "enter":
            self._take_typed()
            return
        if not event.is_printable:
            return  # Esc, ctrl+z or an arrow before a scan is not part of it
        if time.monotonic() - self._last_key_at > STALE_TYPING:
            self._typed.clear()
        self._last_key_at = time.monotonic()
        if len(self._typed) <= MAX_SCAN:
            self._typed.append(event.character)
        self._restart_quiet_timer()

    def on_paste(self, event: events.Paste) -> None:
        """Some scanners (and terminals over SSH) deliver a scan as a bracketed paste."""
        event.stop()
        self.take_scan(event.text)

    def take_typed(self, characters: str, enter: bool = False) -> None:
        """Characters typed into a dialog that turned out to be a scan (see AdminExitScreen)."""
        self._last_key_at = time.monotonic()
        self._typed.extend(characters[: MAX_SCAN + 1 - len(self._typed)])
        if enter:
            self._take_typed()
        else:
            self._restart_quiet_timer()

    def _restart_quiet_timer(self) -> None:
        if self._quiet_timer is not None:
            self._quiet_timer.stop()
        self._quiet_timer = self.set_timer(NO_ENTER_PAUSE, self._after_quiet)

    def _after_quiet(self) -> None:
        if looks_complete("".join(self._typed)):
            self._take_typed()

    def _take_typed(self) -> None:
        text = "".join(self._typed)
        self._typed.clear()
        self.take_scan(text)

    def take_scan(self, text: str) -> None:
        """A whole scan: recorded with this moment, whenever the store answers."""
        text = text.strip()[: MAX_SCAN + 1]
        if not text:
            return
        context = self.app.context
        kept = KeptScan(new_request_id(), context.clock.now(), text, context.event.slug, self.list_code,
                        context.terminal)
        self.record(self._scan_intent(kept, self._scanned))

    def _scan_intent(self, kept: KeptScan, on_done, replayed: bool = False) -> Intent:
        """The intent that records KEPT; kept on the disk too when the kiosk has an outbox."""
        event = self.app.context.event

        def record(intent: Intent) -> Greeting:
            return scan_badge(event, kept.list_code, kept.text, kept.terminal, intent.at, intent.request_id)

        intent = Intent(record, at=kept.at, kind="scan", on_done=on_done, request_id=kept.request_id,
                        waited=replayed)
        if self.outbox is not None:
            intent.record = self.outbox.recording(record)
            if replayed:
                intent.kept_in = str(self.outbox.path)
            else:  # kept only once it is on the disk: an exit before then tells it lost
                path = self.outbox.path
                self.outbox.keep(kept).add_done_callback(lambda written: kept_on_disk(intent, written, path))
        return intent

    def _record_kept(self, kept: list[KeptScan]) -> None:
        """What a restart or a power cut left in the outbox, recorded first (not shown: the people
        have long gone; a scan still waiting in this process's writer is not handed over twice)."""
        waiting = {intent.request_id for intent in self.app.writer.waiting()}
        event = self.app.context.event.slug
        elsewhere = [scan for scan in kept if scan.event != event]
        if elsewhere:
            log.warning("%d kept scan(s) of another event left in %s", len(elsewhere), self.outbox.path)
        for scan in kept:
            if scan.event == event and scan.request_id not in waiting:
                self.record(self._scan_intent(scan, self._kept_recorded, replayed=True))

    def _kept_recorded(self, outcome: Outcome) -> None:
        self.reload()
        if self._panel == UNAVAILABLE and not self._waiting():
            self.show_idle()

    def _scanned(self, outcome: Outcome) -> None:
        if not self.refused(outcome):
            self.show_result(outcome.result)
        if self._panel == UNAVAILABLE and not self._waiting():
            self.show_idle()

    def _waiting(self) -> int:
        return len(self.app.writer.waiting("scan"))

    def _store_answers(self, reachable: bool) -> None:
        if not reachable and self._waiting():
            self._show_unavailable()
        elif reachable and self._panel == UNAVAILABLE and not self._waiting():
            self.show_idle()

    def _show_unavailable(self) -> None:
        kept = self._waiting()
        body = bilingual("checkin.unavailable.body") + "\n" + bilingual("checkin.unavailable.kept", count=kept)
        self._set_panel(UNAVAILABLE, "", bilingual("checkin.unavailable.title"), body)
        if self._idle_timer is not None:
            self._idle_timer.stop()
            self._idle_timer = None

    # ---- what the person sees -------------------------------------------------------------

    def show_result(self, greeting: Greeting) -> None:
        if greeting.outcome == WELCOME:
            self._show_welcome(greeting)
        elif greeting.outcome == ALREADY:
            self._show_already(greeting)
        else:
            self._show_rejected(greeting)
        self._ring(greeting.outcome)
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(RESULT_SECONDS, self._result_shown)
        self.reload()

    def _result_shown(self) -> None:
        self._idle_timer = None
        if self._waiting() and not self.app.reachable:
            self._show_unavailable()
        else:
            self.show_idle()

    def _show_welcome(self, greeting: Greeting) -> None:
        lang = greeting.language
        lines = [greeting.institution] if greeting.institution else []
        lines += [t(f"checkin.next.{key}", lang, **values) for key, values in greeting.next_steps]
        self._set_panel(WELCOME, t("checkin.big.welcome", lang), t("checkin.welcome", lang, name=greeting.name),
                        "\n".join(lines))

    def _show_already(self, greeting: Greeting) -> None:
        lang, when = greeting.language, greeting.earlier_at
        body = t("checkin.already.when", lang, time=f"{when:%H:%M}", where=greeting.earlier_where) if when else ""
        self._set_panel(ALREADY, t("checkin.big.already", lang), t("checkin.already", lang, name=greeting.name), body)

    def _show_rejected(self, greeting: Greeting) -> None:
        title = bilingual(f"checkin.reason.{greeting.reason}")
        self._set_panel(REJECTED, bilingual("checkin.big.rejected"), title, bilingual("checkin.see_desk"))

    def show_idle(self) -> None:
        self._idle_timer = None
        self._set_panel("idle", t("checkin.scan", "id"), t("checkin.scan", "en"), "")

    def _set_panel(self, state: str, big: str, title: str, body: str) -> None:
        self._panel = state
        self.query_one("#checkin-panel").set_classes(state)
        self.query_one("#checkin-big", BigText).update(big)
        self.query_one("#checkin-title", Clamped).update(data(title))
        self.query_one("#checkin-body", Clamped).update(data(body, lines=True))

    def _ring(self, outcome: str) -> None:
        if not self.bell:
            return
        self.app.bell()
        if outcome == REJECTED:
            self.set_timer(0.25, self.app.bell)

    # ---- the list and its count -----------------------------------------------------------------

    def fetcher(self):
        context, list_code = self.app.context, self.list_code
        now = context.clock.now()
        return lambda: list_count(context.event, list_code, now)

    def show(self, count: ListCount | None) -> None:
        name = self.query_one("#checkin-list-name", Label)
        digits = self.query_one("#checkin-count", Digits)
        if count is None:
            name.update(data(bilingual("checkin.closed_now")))
            digits.update("")
            return
        name.update(data(t("checkin.arrivals", list=pick(count.name, count.name_en))))
        digits.update(number(count.arrivals))
