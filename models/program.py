"""The programme: sessions in rooms, who is assigned to which session, and travel between venues."""
from peewee import CharField, ForeignKeyField, IntegerField, TextField

from models.db import BaseModel
from models.event import Event, Room, Venue
from models.fields import UTCDateTimeField
from models.people import Attendee

SESSION_KINDS = ("registration", "plenary", "class", "stalls", "gala", "other")
SCHEDULED, CANCELLED = "scheduled", "cancelled"


class Session(BaseModel):
    """Room and times as they are now; the planned_* columns keep the imported plan, so a change
    (moved, delayed) is what differs from it."""

    event = ForeignKeyField(Event, backref="sessions", on_delete="CASCADE")
    code = CharField()
    title = CharField()
    title_en = CharField(default="")
    kind = CharField()
    room = ForeignKeyField(Room, backref="sessions")
    starts_at = UTCDateTimeField(index=True)  # UTC
    ends_at = UTCDateTimeField()  # UTC
    planned_room = ForeignKeyField(Room, null=True)
    planned_starts_at = UTCDateTimeField()
    planned_ends_at = UTCDateTimeField()
    status = CharField(default=SCHEDULED)
    speakers = TextField(default="")
    language = CharField(default="id")
    capacity = IntegerField(null=True)
    description = TextField(default="")
    search_key = TextField(default="")  # title, speakers, room and venue, folded for search

    class Meta:
        indexes = ((("event", "code"), True),)

    @property
    def moved(self) -> bool:
        return self.room_id != self.planned_room_id

    @property
    def delayed(self) -> bool:
        return self.starts_at > self.planned_starts_at

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED

    @property
    def changed(self) -> bool:
        return self.moved or self.cancelled or self.starts_at != self.planned_starts_at \
            or self.ends_at != self.planned_ends_at


class Assignment(BaseModel):
    attendee = ForeignKeyField(Attendee, backref="assignments", on_delete="CASCADE")
    session = ForeignKeyField(Session, backref="assignments", on_delete="CASCADE")

    class Meta:
        indexes = ((("attendee", "session"), True),)


class Travel(BaseModel):
    """Minutes by shuttle between two venues (stored once per pair, read both ways)."""

    event = ForeignKeyField(Event, backref="travel", on_delete="CASCADE")
    from_venue = ForeignKeyField(Venue)
    to_venue = ForeignKeyField(Venue)
    minutes = IntegerField()

    class Meta:
        indexes = ((("from_venue", "to_venue"), True),)
