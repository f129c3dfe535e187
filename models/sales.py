"""Stalls, their products, sales and voids, and the running totals the board reads."""
from peewee import SQL, BigIntegerField, CharField, ForeignKeyField, IntegerField, TextField

from models.db import BaseModel
from models.event import Event
from models.fields import UTCDateTimeField
from models.people import Institution

PAYMENT_METHODS = ("cash", "qris", "transfer")
PAST_STOCK = "past_stock"  # Sale.flag: replayed after a store failure, recorded although the stock was short


class Stall(BaseModel):
    event = ForeignKeyField(Event, backref="stalls", on_delete="CASCADE")
    code = CharField()
    name = CharField()
    institution = ForeignKeyField(Institution, null=True)
    location = CharField(default="")

    class Meta:
        indexes = ((("event", "code"), True),)


class Product(BaseModel):
    """Price in whole rupiah; stock None means not counted."""

    event = ForeignKeyField(Event, on_delete="CASCADE")
    stall = ForeignKeyField(Stall, backref="products", on_delete="CASCADE")
    code = CharField()
    name = CharField()
    price = IntegerField()
    stock = IntegerField(null=True)

    class Meta:
        indexes = ((("event", "code"), True),)


class Sale(BaseModel):
    """Never deleted: a void keeps the row, with who and why."""

    stall = ForeignKeyField(Stall, backref="sales")
    product = ForeignKeyField(Product, backref="sales")
    quantity = IntegerField()
    unit_price = IntegerField()
    total = IntegerField()
    method = CharField()
    reference = CharField(default="")
    at = UTCDateTimeField()  # UTC
    seller = CharField()
    terminal = CharField()
    request_id = CharField(unique=True)
    voided_at = UTCDateTimeField(null=True)
    voided_by = CharField(default="")
    void_reason = TextField(default="")
    # Something the stall should look at: PAST_STOCK, or "" (the store's own default too, for raw inserts).
    flag = CharField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        indexes = ((("stall", "at"), False),)


class StallTotal(BaseModel):
    """Live sales of a stall (voids taken off), kept in the same transaction as every sale."""

    stall = ForeignKeyField(Stall, unique=True, on_delete="CASCADE")
    revenue = BigIntegerField(default=0)  # a stall may take more than Rp 2,147,483,647
    items = IntegerField(default=0)
    sales = IntegerField(default=0)


class StallHour(BaseModel):
    """Revenue of a stall in one clock hour (UTC), for the sparkline and the rank movement."""

    stall = ForeignKeyField(Stall, on_delete="CASCADE")
    hour = UTCDateTimeField()  # UTC, on the hour
    revenue = BigIntegerField(default=0)
    items = IntegerField(default=0)

    class Meta:
        indexes = ((("stall", "hour"), True),)


class ProductTotal(BaseModel):
    product = ForeignKeyField(Product, unique=True, on_delete="CASCADE")
    revenue = BigIntegerField(default=0)
    items = IntegerField(default=0)
