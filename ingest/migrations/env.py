"""Alembic environment: migrations run programmatically by ``ingest.migrate.upgrade``."""
from alembic import context

from ingest.registry import Base

config = context.config
connection = config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
