"""Refusals a person at a screen should read: a catalogue key and its values, so the screen shows
them in its language; str() is the English sentence, for the command line and logs."""
from kiosk.i18n import t


class Refused(ValueError):
    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(t(key, "en", **values))

    def text(self) -> str:
        return t(self.key, **self.values)
