"""Feedback from officials and the audit trail of questions.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(256), nullable=True),
        sa.Column("department", sa.String(256), nullable=True),
        sa.Column("rating", sa.String(8), nullable=False),
        sa.Column("question", sa.Text, nullable=True),
        sa.Column("answer", sa.Text, nullable=True),
        sa.Column("correction", sa.Text, nullable=True),
        sa.Column("comment", sa.Text, nullable=True),
        sa.Column("citations", sa.JSON, nullable=False),
        sa.Column("as_of", sa.String(10), nullable=True),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ts", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("user", sa.String(256), nullable=True, index=True),
        sa.Column("department", sa.String(256), nullable=True),
        sa.Column("route", sa.String(64), nullable=False),
        sa.Column("question", sa.Text, nullable=True),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("model", sa.String(128), nullable=True),
        sa.Column("tokens", sa.JSON, nullable=True),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("duration_ms", sa.Float, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("audit")
    op.drop_table("feedback")
