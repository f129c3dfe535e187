"""Check-in lists and the check-ins recorded against them."""
from peewee import CharField, ForeignKeyField, TextField

from models.db import BaseModel
from models.event import Event
from models.fields import UTCDateTimeField
from models.people import Attendee

METHODS = ("scan", "manual")


class CheckinList(BaseModel):
    """Who may come in when: e.g. "Day 1", or "Gala dinner" for invited categories only."""

    event = ForeignKeyField(Event, backref="checkin_lists", on_delete="CASCADE")
    code = CharField()
    name = CharField()
    name_en = CharField(default="")
    opens_at = UTCDateTimeField()  # UTC
    closes_at = UTCDateTimeField()  # UTC
    categories = CharField(default="")  # attendee categories admitted, comma separated; empty admits all

    class Meta:
        indexes = ((("event", "code"), True),)

    @property
    def category_list(self) -> list[str]:
        return [category for category in self.categories.split(",") if category]


class Checkin(BaseModel):
    """At most one live check-in per person and list (a partial unique index); undone ones are kept."""

    checkin_list = ForeignKeyField(CheckinList, backref="checkins", on_delete="CASCADE")
    attendee = ForeignKeyField(Attendee, backref="checkins")
    at = UTCDateTimeField(index=True)  # UTC
    terminal = CharField()  # the kiosk id, or the staff member's name at the desk
    method = CharField()  # scan or manual
    request_id = CharField(unique=True)  # made by the terminal, so a retry cannot count twice
    reason = TextField(default="")
    undone_at = UTCDateTimeField(null=True)
    undone_by = CharField(default="")
    undo_reason = TextField(default="")
