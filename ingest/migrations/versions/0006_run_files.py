"""Ingest runs keep what happened to each file (new document, new version with the units added,
changed and removed, unchanged, skipped, error, removed from the index): ``ingest_runs.files``.
Runs recorded before this revision have an empty list. Source files remember the versions
``dasan remove`` took out of them (``source_files.retired``), so an unchanged file does not bring them back.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ingest_runs", sa.Column("files", sa.JSON, nullable=True))
    op.add_column("source_files", sa.Column("retired", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingest_runs") as batch:
        batch.drop_column("files")
    with op.batch_alter_table("source_files") as batch:
        batch.drop_column("retired")
