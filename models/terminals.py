"""The terminals' word about themselves (heartbeats): which terminal, of what kind, what it shows,
when it was last heard. Any terminal may report here: an award display today, a check-in kiosk or an
offline-capable terminal (its outbox, its copy's age) later, each in its own `state`.

Bound to a database of its own (kiosk/terminals.py binds it): on SQLite a file beside the store, on
PostgreSQL the store's server, written without the store's NOTIFY. So a heartbeat wakes no live screen."""
from peewee import CharField, DatabaseProxy, Model, TextField

from models.fields import UTCDateTimeField

terminals_database = DatabaseProxy()
AWARD_DISPLAY = "award-display"


class Terminal(Model):
    terminal = CharField()  # its id: host and tty ("gala-tv/tty1") or --kiosk-id
    kind = CharField()  # AWARD_DISPLAY, …
    event = CharField(default="")  # the slug of the event it works for
    state = TextField(default="{}")  # JSON, what this kind reports (a display: size, mode, step)
    seen_at = UTCDateTimeField()  # real time (UTC) of its last word

    class Meta:
        database = terminals_database
        table_name = "terminal"
        indexes = ((("kind", "terminal"), True),)
