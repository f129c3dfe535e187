"""The lobby check-in kiosk: a USB scanner types the badge's payload (then Enter, usually) and the
person is greeted, told they are already in, or sent to the desk. Public posture."""
from __future__ import annotations

import time
from collections import deque
from datetime import timezone

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Digits, Label, Static

from kiosk.checkin import (
    ALREADY, CLOSED, REJECTED, WELCOME, ScanResult, arrivals, list_by_code, next_steps,
    open_list, scan,
)
from kiosk.i18n import bilingual, number, pick, t
from kiosk.store import STORE_ERRORS, new_request_id, recover
from kiosk.tokens import MAX_SCAN, looks_complete
from screens.base import PUBLIC, LiveScreen
from screens.widgets.bigtext import BigText
from screens.widgets.header import KioskHeader

RESULT_SECONDS = 4.0  # how long a result stays before the idle screen returns
NO_ENTER_PAUSE = 0.3  # a complete payload followed by this much quiet is taken without Enter
STALE_TYPING = 2.0  # an incomplete burst older than this is dropped
RETRY_SECONDS = 2.0  # while the store is unavailable


class CheckinScreen(LiveScreen):
    POSTURE = PUBLIC

    def __init__(self, list_code: str | None = None, bell: bool = False):
        super().__init__()
        self.list_code = list_code
        self.bell = bell
        self._typed: list[str] = []
        self._last_key_at = 0.0
        self._pending: deque[tuple[str, str]] = deque()  # (scan, request id), oldest first
        self._quiet_timer = None
        self._idle_timer = None
        self._retry_timer = None

    def compose(self) -> ComposeResult:
        yield KioskHeader()
        with Vertical(id="checkin"):
            with Vertical(id="checkin-panel", classes="idle"):
                yield BigText("", id="checkin-big")
                yield Static("", id="checkin-title")
                yield Static("", id="checkin-body")
            yield Label("", id="checkin-list-name")
            with Center(id="checkin-count-row"):
                yield Digits("", id="checkin-count")

    def on_mount(self) -> None:
        self.show_idle()

    # ---- what the scanner types ------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key == "enter":
            self._take_typed()
            return
        if time.monotonic() - self._last_key_at > STALE_TYPING:
            self._typed.clear()
        self._last_key_at = time.monotonic()
        if event.character and len(self._typed) <= MAX_SCAN:
            self._typed.append(event.character)
        self._restart_quiet_timer()

    def on_paste(self, event: events.Paste) -> None:
        """Some scanners (and terminals over SSH) deliver a scan as a bracketed paste."""
        event.stop()
        self._typed.extend(event.text[: MAX_SCAN + 1])
        self._take_typed()

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
        if not text.strip():
            return
        self._pending.append((text, new_request_id()))
        self._process_pending()

    # ---- recording -----------------------------------------------------------------------

    def _process_pending(self) -> None:
        """Record the waiting scans in order; if the store fails, keep them and try again soon."""
        while self._pending:
            text, request_id = self._pending[0]
            try:
                result = self._scan(text, request_id)
            except STORE_ERRORS:
                recover()
                self.app.reachable = False
                self._show_unavailable_and_retry()
                return
            self._pending.popleft()
            self.show_result(result)

    def _scan(self, text: str, request_id: str) -> ScanResult:
        context = self.app.context
        checkin_list = self._current_list()
        if checkin_list is None:
            return ScanResult(REJECTED, CLOSED)
        if len(text) > MAX_SCAN:
            text = ""  # never looked at, never shown
        return scan(context.event, checkin_list, text, context.terminal, context.clock.now(), request_id)

    def _current_list(self):
        context = self.app.context
        if self.list_code:
            return list_by_code(context.event, self.list_code)
        return open_list(context.event, context.clock.now())

    def _show_unavailable_and_retry(self) -> None:
        self._set_panel("unavailable", "", bilingual("checkin.unavailable.title"), bilingual("checkin.unavailable.body"))
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self._retry)

    def _retry(self) -> None:
        self._process_pending()
        if not self._pending and self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
            self.app.reachable = True

    # ---- what the person sees -------------------------------------------------------------

    def show_result(self, result: ScanResult) -> None:
        if result.outcome == WELCOME:
            self._show_welcome(result)
        elif result.outcome == ALREADY:
            self._show_already(result)
        else:
            self._show_rejected(result)
        self._ring(result.outcome)
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(RESULT_SECONDS, self.show_idle)
        self.reload()

    def _show_welcome(self, result: ScanResult) -> None:
        attendee, lang = result.attendee, result.attendee.language
        lines = [attendee.institution.name] if attendee.institution_id else []
        lines += [t("checkin.next." + key, lang, **values) for key, values in next_steps(attendee, self.app.context.clock.now())]
        self._set_panel(WELCOME, t("checkin.big.welcome", lang), t("checkin.welcome", lang, name=attendee.name),
                        "\n".join(lines))

    def _show_already(self, result: ScanResult) -> None:
        attendee, lang, earlier = result.attendee, result.attendee.language, result.checkin
        when = earlier.at.replace(tzinfo=timezone.utc).astimezone(self.app.context.clock.zone) if earlier else None
        body = t("checkin.already.when", lang, time=f"{when:%H:%M}", where=earlier.terminal) if when else ""
        self._set_panel(ALREADY, t("checkin.big.already", lang), t("checkin.already", lang, name=attendee.name), body)

    def _show_rejected(self, result: ScanResult) -> None:
        title = bilingual(f"checkin.reason.{result.reason}")
        self._set_panel(REJECTED, bilingual("checkin.big.rejected"), title, bilingual("checkin.see_desk"))

    def show_idle(self) -> None:
        self._idle_timer = None
        self._set_panel("idle", t("checkin.scan", "id"), t("checkin.scan", "en"), "")

    def _set_panel(self, state: str, big: str, title: str, body: str) -> None:
        panel = self.query_one("#checkin-panel")
        panel.set_classes(state)
        self.query_one("#checkin-big", BigText).update(big)
        self.query_one("#checkin-title", Static).update(title)
        self.query_one("#checkin-body", Static).update(body)

    def _ring(self, outcome: str) -> None:
        if not self.bell:
            return
        self.app.bell()
        if outcome == REJECTED:
            self.set_timer(0.25, self.app.bell)

    def load(self) -> None:
        checkin_list = self._current_list()
        name = self.query_one("#checkin-list-name", Label)
        count = self.query_one("#checkin-count", Digits)
        if checkin_list is None:
            name.update(bilingual("checkin.closed_now"))
            count.update("")
            return
        name.update(t("checkin.arrivals", list=pick(checkin_list.name, checkin_list.name_en)))
        count.update(number(arrivals(checkin_list)))
