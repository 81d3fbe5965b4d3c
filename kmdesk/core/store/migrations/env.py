"""Alembic environment: kmdesk runs migrations itself when a library is opened, passing the open
connection in ``config.attributes['connection']``."""

from alembic import context

from kmdesk.core.store.model import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
