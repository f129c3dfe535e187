"""The top line of every screen: event, venue, the event's clock and whether the store answers."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from kiosk.i18n import pick, t
from screens.widgets.text import data


class KioskHeader(Horizontal):
    """Refreshes its clock every second and follows the App's `reachable` and `disk_full` flags."""

    _clock_text = ""

    def compose(self) -> ComposeResult:
        # Kept as attributes: a screen popped while mounting has no children left to query.
        self._clock_label = Label("", id="header-clock")
        self._store_label = Label("", id="header-store")
        yield Label(data(self._place()), id="header-place")
        yield self._clock_label
        yield self._store_label

    def on_mount(self) -> None:
        self._tick()
        self.set_interval(1, self._tick)
        self.watch(self.app, "reachable", self._show_store)
        self.watch(self.app, "disk_full", self._show_store)

    def _place(self) -> str:
        context = self.app.context
        if context.event is None:
            return t("header.no_event")
        place = pick(context.event.name, context.event.name_en)
        return f"{place} · {context.venue.name}" if context.venue else place

    def _tick(self) -> None:
        """Once a second, but the label is only touched when the minute changes."""
        clock = self.app.context.clock
        text = f"{clock.now():%H:%M} {clock.zone_label()}"
        if text != self._clock_text:
            self._clock_text = text
            self._clock_label.update(text)

    def _show_store(self, _changed: bool) -> None:
        reachable, label = self.app.reachable, self._store_label
        if reachable:
            state = t("header.online")
        else:
            state = t("header.disk_full") if self.app.disk_full else t("header.offline")
        label.update("● " + state)
        label.set_class(not reachable, "offline")
