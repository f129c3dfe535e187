"""A room may be kept out of the public lists: "public" is false for a loading bay or the organisers'
office (`public = false` in event.toml); every room the store already has stays public.

Written by hand: one ALTER TABLE with the store's own default, which SQLite and PostgreSQL both add
in place (Peewee's add_column would rebuild the room table on SQLite to make it NOT NULL). The
column type is the one Peewee gives a BooleanField on each backend."""
from peewee import *


def up(migrator, db):
    column = "BOOLEAN NOT NULL DEFAULT TRUE" if isinstance(db, PostgresqlDatabase) else "INTEGER NOT NULL DEFAULT 1"
    db.execute_sql(f'ALTER TABLE "room" ADD COLUMN "public" {column}')


def down(migrator, db):
    migrator.migrate(migrator.drop_column('room', 'public'))
