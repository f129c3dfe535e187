"""Small messages the App sends its screens."""
from textual.message import Message


class StoreChanged(Message):
    """Something was committed to the store; a burst of these merges into one."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, StoreChanged)
