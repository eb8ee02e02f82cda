"""Registry: document versions, units, embedding cache, ingest runs.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "versions",
        sa.Column("version_key", sa.String(512), primary_key=True),
        sa.Column("doc_key", sa.String(512), index=True, nullable=False),
        sa.Column("title", sa.String(512), index=True, nullable=False),
        sa.Column("title_norm", sa.String(512), index=True, nullable=False),
        sa.Column("parent_title", sa.String(512), nullable=False),
        sa.Column("kind", sa.String(32), index=True, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("law_id", sa.String(64), nullable=False),
        sa.Column("mst", sa.String(64), nullable=False),
        sa.Column("promulgated_on", sa.Date, nullable=True),
        sa.Column("promulgation_no", sa.String(64), nullable=False),
        sa.Column("effective_from", sa.Date, nullable=True),
        sa.Column("effective_to", sa.Date, nullable=True),
        sa.Column("repealed", sa.Boolean, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("unit_count", sa.Integer, nullable=False),
        sa.Column("abbreviations", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "units",
        sa.Column("point_id", sa.String(64), primary_key=True),
        sa.Column("version_key", sa.String(512), sa.ForeignKey("versions.version_key", ondelete="CASCADE"),
                  index=True, nullable=False),
        sa.Column("label", sa.String(512), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "embeddings",
        sa.Column("text_hash", sa.String(64), primary_key=True),
        sa.Column("model", sa.String(256), primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("errors", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for t in ("ingest_runs", "embeddings", "units", "versions"):
        op.drop_table(t)
