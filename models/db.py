"""The database proxy every model binds to, and the base model."""
from peewee import DatabaseProxy, Model

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
