"""The footer of every screen: its key bindings, their labels in that screen's language.

A binding carries the catalogue key of its label as its description (written `N_("desk.undo")` in
the class body, so nothing is translated when a module is imported); this footer translates it for
its own screen whenever it is drawn anew (the screen's bindings or its language changed)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from kiosk.i18n import t
from screens.widgets.language import speaking_for


def label(key: str) -> str:
    """The text of catalogue KEY in the language at work; a description that is no key, as it is."""
    if not key:
        return key
    try:
        return t(key)
    except KeyError:
        return key


class KioskFooter(Footer):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                with speaking_for(self):  # recomposed for a signal the App may have sent
                    widget.description = label(widget.description)
                    if widget.tooltip:
                        widget.tooltip = label(str(widget.tooltip))
            yield widget
