"""The bare Textual baseline: one Static that shows what was typed when Enter comes.

Imports nothing but Textual, so a process running it (`python tests/bench/bare.py`) measures
Textual alone. `key_burst` delivers keys the way tests.helpers.scan_burst does, without importing
the test suite (and pytest) into a child process whose memory is being measured.
"""
from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.keys import _character_to_key
from textual.widgets import Static

IDLE_TEXT = "Bare app ready"


def shown(text: str) -> str:
    """What the bare app shows after TEXT and Enter."""
    return f"Selamat datang, {text}!"


class BareApp(App):
    def __init__(self) -> None:
        super().__init__()
        self._typed: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(IDLE_TEXT, id="text")

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            self.query_one("#text", Static).update(shown("".join(self._typed)))
            self._typed.clear()
        elif event.character:
            self._typed.append(event.character)


def key_burst(app: App, text: str) -> None:
    """TEXT's keys back to back, then Enter (as tests.helpers.scan_burst)."""
    for character in text:
        key = events.Key(_character_to_key(character), character)
        key.set_sender(app)
        app._driver.send_message(key)
    key = events.Key("enter", "\r")
    key.set_sender(app)
    app._driver.send_message(key)


def screen_text(app: App) -> str:
    """As tests.helpers.screen_text: every line the terminal shows now."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


if __name__ == "__main__":
    BareApp().run()
