"""The terminals' heartbeats (models/terminals.py), on PostgreSQL: a table of the store's server that
is written without the store's NOTIFY. A SQLite store keeps them in a file of its own beside it
(`<store>.terminals.sqlite`, made by kiosk/terminals.py), since any commit to the store's file would
move the `PRAGMA data_version` every live screen polls: this step leaves a SQLite store as it is.

Written by hand: the table Peewee makes for models.terminals.Terminal."""
from peewee import *


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return

    class Terminal(Model):
        terminal = CharField()
        kind = CharField()
        event = CharField(default='')
        state = TextField(default='{}')
        seen_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'terminal'
            indexes = ((('kind', 'terminal'), True),)
    db.create_tables([Terminal])


def down(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        migrator.migrate(migrator.drop_table('terminal'))
