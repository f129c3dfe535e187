"""The event, its venues and their rooms."""
from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from models.db import BaseModel


class Event(BaseModel):
    slug = CharField(unique=True)
    name = CharField()
    name_en = CharField(default="")
    time_zone = CharField()
    days = CharField()  # ISO dates separated by commas, in order
    languages = CharField(default="id,en")
    badge_secret = CharField(default="")  # hex; made at first import, never exported

    @property
    def day_list(self) -> list[str]:
        return [day for day in self.days.split(",") if day]


class Venue(BaseModel):
    event = ForeignKeyField(Event, backref="venues", on_delete="CASCADE")
    code = CharField()
    name = CharField()
    address = CharField(default="")
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("event", "code"), True),)


class Room(BaseModel):
    venue = ForeignKeyField(Venue, backref="rooms", on_delete="CASCADE")
    code = CharField()
    name = CharField()
    floor = CharField(default="")
    capacity = IntegerField(null=True)
    directions = TextField(default="")
    directions_en = TextField(default="")
    position = IntegerField(default=0)
    public = BooleanField(default=True)  # False: left out of the public room lists and search

    class Meta:
        indexes = ((("venue", "code"), True),)
