"""Small messages the App sends its screens."""
from textual.message import Message


class StoreChanged(Message):
    """Something was committed to the store; a burst of these merges into one."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StoreChanged)


class Recorded(Message):
    """The writer finished an intent (posted from its thread; handled on the loop)."""

    def __init__(self, outcome) -> None:
        super().__init__()
        self.outcome = outcome
