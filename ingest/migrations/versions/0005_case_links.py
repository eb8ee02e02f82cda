"""Case memory: the references each past case's answer makes, resolved to documents and units.

Rows belong to the complaint document version they were extracted from (case_version_key) and are
replaced when that version is written again or deleted. Unresolved rows are kept so that a later
ingest of the named law resolves them without reading the cases again.

Complaint files ingested before this revision have no links: their files and versions are marked as
changed, so the next ``dasan ingest`` re-reads them and writes their links (vectors come from the
embedding cache, nothing is embedded again).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_key", sa.String(1024), nullable=False),
        sa.Column("case_version_key", sa.String(1024), nullable=False),
        sa.Column("ref", sa.String(256), nullable=False, server_default=""),
        sa.Column("title_norm", sa.String(512), nullable=False, server_default=""),
        sa.Column("article", sa.String(64), nullable=False, server_default=""),
        sa.Column("annex", sa.String(64), nullable=False, server_default=""),
        sa.Column("code", sa.String(64), nullable=False, server_default=""),
        sa.Column("clause", sa.String(64), nullable=False, server_default=""),
        sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("weight", sa.Float, nullable=False, server_default="1.0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_case_links_case_key", "case_links", ["case_key"])
    op.create_index("ix_case_links_case_version_key", "case_links", ["case_version_key"])
    op.create_index("ix_case_links_resolved", "case_links", ["resolved"])
    conn = op.get_bind()
    versions = sa.table("versions", sa.column("version_key"), sa.column("kind"), sa.column("content_hash"))
    files = sa.table("source_files", sa.column("path"), sa.column("sha256"), sa.column("version_keys", sa.JSON))
    cases = {vk for (vk,) in conn.execute(sa.select(versions.c.version_key).where(versions.c.kind == "complaint"))}
    if not cases:
        return
    conn.execute(versions.update().where(versions.c.kind == "complaint").values(content_hash=""))
    for path, keys in conn.execute(sa.select(files.c.path, files.c.version_keys)).all():
        if cases & set(keys or []):
            conn.execute(files.update().where(files.c.path == path).values(sha256=""))


def downgrade() -> None:
    op.drop_table("case_links")
