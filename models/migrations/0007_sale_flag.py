"""A sale may carry a flag for its stall: "past_stock" when it was replayed after a store failure and
recorded although the stock had run out meanwhile (the money was taken).

Written by hand: one ALTER TABLE with the store's own default, which SQLite and PostgreSQL both add
in place (Peewee's add_column would rebuild the sale table on SQLite to make it NOT NULL)."""
from peewee import *


def up(migrator, db):
    db.execute_sql('ALTER TABLE "sale" ADD COLUMN "flag" VARCHAR(255) NOT NULL DEFAULT \'\'')


def down(migrator, db):
    migrator.migrate(migrator.drop_column('sale', 'flag'))
