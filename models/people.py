"""Institutions and the people who attend on their behalf."""
from peewee import CharField, ForeignKeyField, IntegerField

from models.db import BaseModel
from models.event import Event

INSTITUTION_KINDS = ("provincial", "regency-city", "village-tbm", "guest")
ATTENDEE_CATEGORIES = ("participant", "vip", "press", "staff", "speaker")
LANGUAGES = ("id", "en")


class Institution(BaseModel):
    event = ForeignKeyField(Event, backref="institutions", on_delete="CASCADE")
    code = CharField()
    name = CharField()
    kind = CharField()
    region = CharField(default="")

    class Meta:
        indexes = ((("event", "code"), True),)


class Attendee(BaseModel):
    event = ForeignKeyField(Event, backref="attendees", on_delete="CASCADE")
    code = CharField()
    name = CharField()
    institution = ForeignKeyField(Institution, backref="attendees", null=True)
    category = CharField(default="participant")
    language = CharField(default="id")
    hotel = CharField(default="")
    hotel_room = CharField(default="")
    badge_version = IntegerField(default=1)
    search_key = CharField(default="")  # name, institution and code, folded for search

    class Meta:
        indexes = ((("event", "code"), True),)
