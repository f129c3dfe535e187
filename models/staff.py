"""Staff accounts and the audit log."""
from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.db import BaseModel
from models.sales import Stall

ROLES = ("desk", "seller", "awards", "admin")


class StaffUser(BaseModel):
    name = CharField(unique=True)
    role = CharField()
    pin_hash = CharField()
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)  # UTC, naive
    active = IntegerField(default=1)
    stall = ForeignKeyField(Stall, null=True)  # a seller's own stall


class AuditEntry(BaseModel):
    at = DateTimeField(index=True)  # UTC, naive
    actor = CharField(default="")
    action = CharField(index=True)
    subject = CharField(default="")
    detail = TextField(default="")
