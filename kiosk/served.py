"""The kiosk App inside a browser page (`kiosk serve`, kiosk.serve): textual-serve's web driver, and no exit.

textual-serve starts each page's app with TEXTUAL_DRIVER naming Textual's web driver, which KioskApp's
own terminal driver would otherwise override. In a browser a display or public screen has no way out:
ctrl+q and ctrl+c do nothing (no admin exit dialog), and the screen ends with the server, which tells it
to quit, or goes away (its end of the app's standard input closes).
"""
from __future__ import annotations

import os

from textual import messages
from textual.drivers.web_driver import WebDriver

from kiosk.app import KioskApp

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def in_a_browser(environ=os.environ) -> bool:
    """Whether this process draws into a browser page (textual-serve or textual-web named the web driver)."""
    return environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


class ServedDriver(WebDriver):
    """The web driver, ending the app when the server is gone (Textual's only stops reading)."""

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():
            self._app.post_message(messages.ExitApp())


class ServedApp(KioskApp):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.driver_class = ServedDriver

    def action_leave(self) -> None:
        """ctrl+q / ctrl+c: nothing, in a browser page."""
        if not self.is_web:
            super().action_leave()
