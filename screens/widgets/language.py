"""Which screen's language a piece of work speaks, where Textual's own context cannot tell.

Textual runs a widget's handlers, compose() and timers with that widget as its active message pump,
and kiosk.app finds the screen at work from it (kiosk.i18n.language() then speaks that screen's
language). Two kinds of work run under another pump and say for whom they work with
`speaking_for(node)`: drawing (a screen below a dialog is drawn by the dialog's screen, so a
widget whose render() translates takes the `InScreenLanguage` mixin), and callbacks the App runs
for a screen (a recorded intent's on_done, see screens.base).
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

speaker: ContextVar[object] = ContextVar("speaker")  # the node whose screen's language is spoken now


@contextmanager
def speaking_for(node: object) -> Iterator[None]:
    """Within this block, kiosk.i18n speaks the language of NODE's screen."""
    token = speaker.set(node)
    try:
        yield
    finally:
        speaker.reset(token)


class InScreenLanguage:
    """For a widget whose render() translates: drawn in its own screen's language, also when the
    screen above it (a dialog over it) draws it."""

    def _render(self):
        with speaking_for(self):
            return super()._render()
