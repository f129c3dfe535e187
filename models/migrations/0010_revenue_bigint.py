"""Running revenues are 64-bit: a stall's total, its hours and a product's total. On PostgreSQL an
INTEGER column stops at Rp 2,147,483,647, after which the stall could not sell again; SQLite's
INTEGER is 64-bit already, so this step leaves a SQLite store as it is.

Written by hand: ALTER COLUMN … TYPE BIGINT, the type Peewee gives a BigIntegerField."""
from peewee import *

COLUMNS = (("stall_total", "revenue"), ("stall_hour", "revenue"), ("product_total", "revenue"))


def up(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        for table, column in COLUMNS:
            db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE BIGINT')


def down(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        for table, column in COLUMNS:
            db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE INTEGER')
