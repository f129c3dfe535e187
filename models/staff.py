"""Staff accounts, the login attempts counted against them, and the audit log."""
from peewee import CharField, ForeignKeyField, IntegerField, TextField

from models.db import BaseModel
from models.fields import UTCDateTimeField
from models.sales import Stall

ROLES = ("desk", "seller", "awards", "admin")


class StaffUser(BaseModel):
    name = CharField(unique=True)
    role = CharField()
    pin_hash = CharField()
    active = IntegerField(default=1)
    stall = ForeignKeyField(Stall, null=True)  # a seller's own stall


class LoginAttempt(BaseModel):
    """Attempts since the last right PIN in one scope: a name (known or not), a terminal, a terminal's
    admin exit. Each is counted before its PIN is checked."""

    scope = CharField()  # "name", "terminal" or "exit"
    key = CharField()  # the name or the terminal
    attempts = IntegerField(default=0)
    locked_until = UTCDateTimeField(null=True)  # UTC

    class Meta:
        indexes = ((("scope", "key"), True),)


class AuditEntry(BaseModel):
    at = UTCDateTimeField(index=True)  # UTC
    actor = CharField(default="")
    action = CharField(index=True)
    subject = CharField(default="")
    detail = TextField(default="")
