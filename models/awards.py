"""The award ceremony: categories in running order, their nominees, the sealed winners, and the
reveal state that every display follows."""
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from models.db import BaseModel
from models.event import Event
from models.fields import UTCDateTimeField
from models.people import Attendee, Institution

LIVE, REHEARSAL = "live", "rehearsal"


class AwardCategory(BaseModel):
    event = ForeignKeyField(Event, backref="award_categories", on_delete="CASCADE")
    code = CharField()
    position = IntegerField()
    title = CharField()
    title_en = CharField(default="")
    description = TextField(default="")
    presenter = CharField(default="")
    revealed_at = UTCDateTimeField(null=True)  # UTC; set when the live ceremony first reaches its winners

    class Meta:
        indexes = ((("event", "code"), True),)


class Nominee(BaseModel):
    """An institution, an attendee, or free text (a video's title, a team)."""

    category = ForeignKeyField(AwardCategory, backref="nominees", on_delete="CASCADE")
    position = IntegerField()
    institution = ForeignKeyField(Institution, null=True)
    attendee = ForeignKeyField(Attendee, null=True)
    text = CharField(default="")


class Winner(BaseModel):
    """Sealed: read only by the console, an admin export, and a display at that category's reveal."""

    category = ForeignKeyField(AwardCategory, backref="winners", on_delete="CASCADE")
    nominee = ForeignKeyField(Nominee, on_delete="CASCADE")


class RevealState(BaseModel):
    """Where the ceremony is: a position in the running order, blackout on or off, and a count of
    first reveals (a display celebrates when it goes up). One row per event and mode."""

    event = ForeignKeyField(Event, on_delete="CASCADE")
    mode = CharField(default=LIVE)  # live or rehearsal
    position = IntegerField(default=0)
    blackout = BooleanField(default=False)
    holding = BooleanField(default=False)  # the holding slide over whatever step (a break)
    celebrations = IntegerField(default=0)
    active = BooleanField(default=False)  # a rehearsal is running now
    placeholders = IntegerField(default=0)  # rehearsal: how many "Pemenang A, B…" to show
    updated_at = UTCDateTimeField(null=True)  # UTC

    class Meta:
        indexes = ((("event", "mode"), True),)
