"""Alembic environment of the hub's PostgreSQL schema: its own scripts and its own version table
(``kmdesk_hub.kmdesk_hub_version``), apart from the library's migrations. kmdesk runs it itself
(``hub init``), passing the open connection in ``config.attributes['connection']``."""

from alembic import context

from kmdesk.core.hub.schema import SCHEMA, VERSION_TABLE

connection = context.config.attributes["connection"]
connection.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
context.configure(connection=connection, version_table=VERSION_TABLE, version_table_schema=SCHEMA)
with context.begin_transaction():
    context.run_migrations()
