"""Document identity from what a document is; visibility kept per version and per file.

Office documents (manuals, guidelines, complaint files, other files) used to be identified by kind +
title, so two different files with one name merged; they are now identified by their source (path
under the ingest root, or URL), and a KGS technical code by its code. Their new identity needs the
ingest root, which only the next ingest knows, so this revision marks the files that produced them
as changed: the next ``dasan ingest`` re-reads those files, writes the versions under the new identity
(vectors come from the embedding cache, nothing is embedded again) and then deletes the old versions
and their index points. Until then the old points stay searchable: no text is lost, none is doubled.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# frozen copy of rag.model at this revision: statutes (and their annexes) keep kind + title
_TITLED_KINDS = ("법률", "대통령령", "총리령·부령", "행정규칙", "자치법규")
_OFFICIAL_PREFIXES = ("law:", "code:", "src:")


def _legacy(doc_key: str, kind: str, parent_title: str) -> bool:
    if doc_key.startswith(_OFFICIAL_PREFIXES):
        return False
    return not (kind in _TITLED_KINDS or (kind == "별표" and parent_title))


def upgrade() -> None:
    op.add_column("versions", sa.Column("visibility", sa.String(256), nullable=False, server_default="public"))
    op.add_column("source_files", sa.Column("declared", sa.JSON, nullable=False, server_default="{}"))
    op.add_column("source_files", sa.Column("visibility_override", sa.String(256), nullable=True))
    conn = op.get_bind()
    versions = sa.table("versions", sa.column("version_key"), sa.column("doc_key"), sa.column("kind"),
                        sa.column("parent_title"), sa.column("visibility"))
    files = sa.table("source_files", sa.column("path"), sa.column("sha256"), sa.column("version_keys", sa.JSON))
    # what the old code wrote into the index payloads, so registry and index agree until the next ingest
    conn.execute(versions.update().where(versions.c.kind == "complaint").values(visibility="org"))
    legacy = {vk for vk, key, kind, parent in conn.execute(
        sa.select(versions.c.version_key, versions.c.doc_key, versions.c.kind, versions.c.parent_title))
        if _legacy(key, kind, parent or "")}
    if not legacy:
        return
    for path, keys in conn.execute(sa.select(files.c.path, files.c.version_keys)).all():
        if legacy & set(keys or []):
            conn.execute(files.update().where(files.c.path == path).values(sha256=""))


def downgrade() -> None:
    with op.batch_alter_table("source_files") as batch:
        batch.drop_column("visibility_override")
        batch.drop_column("declared")
    with op.batch_alter_table("versions") as batch:
        batch.drop_column("visibility")
