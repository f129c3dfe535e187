"""The one field type for stored times."""
from __future__ import annotations

from datetime import datetime, timezone

from peewee import DateTimeField

UTC = timezone.utc


class UTCDateTimeField(DateTimeField):
    """A moment, stored in UTC, handed out as an aware UTC datetime.

    Given an aware datetime it stores that instant in UTC; a naive one is read as UTC. What reaches
    the database is exactly what a plain DateTimeField stores (and what stores made before this
    field hold): naive UTC text on SQLite ("2018-07-05 07:30:00"), a `timestamp` (without time zone)
    on PostgreSQL. So no data moves and no migration is needed: the generated migrations in
    models/migrations declare plain DateTimeFields, and the column type is the same.

    Why naive on the wire: PostgreSQL turns an aware value bound to a `timestamp` column into the
    session's TimeZone before dropping the offset (shifting it by that zone), and reads a `timestamp`
    back as it was written whatever the server's or the session's zone. A naive UTC value therefore
    goes in and comes out unshifted (tests/test_clock.py sets the session to America/New_York).

    Every comparison with a stored time, in SQL or in Python, is then between aware datetimes: a
    value compared with this field in a query goes through `db_value` too.
    """

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            value = self.adapt(value)
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone(UTC).replace(tzinfo=None)
        return value

    def python_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            value = self.adapt(value)
        if isinstance(value, datetime):
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value
