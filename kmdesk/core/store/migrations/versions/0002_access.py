"""Access, consent and the vault: communities, protocols, profiles, wrapped keys, consent
events, Local Contexts label texts, and the hash-chained audit log.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY = ("consent_events", "audit_events")


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("access_level", sa.String(16), nullable=False, server_default="public"))
        batch.add_column(sa.Column("access_protocols", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("access_sharing", sa.String(8), nullable=False, server_default="all"))
        batch.add_column(sa.Column("custodians", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("labels", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("sealed", sa.Text))
    with op.batch_alter_table("record_history") as batch:
        batch.add_column(sa.Column("sealed", sa.Text))
    op.create_table(
        "communities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("country", sa.String(8)),
        sa.Column("description", sa.JSON, nullable=False),
    )
    op.create_table(
        "protocols",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("community", sa.String(200)),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("is_community", sa.Boolean, nullable=False),
        sa.Column("description", sa.JSON, nullable=False),
        sa.Column("key_version", sa.Integer, nullable=False),
    )
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("kdf", sa.JSON, nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("protocol_id", sa.Integer, sa.ForeignKey("protocols.id", ondelete="CASCADE"), nullable=False),
        sa.Column("profile_id", sa.Integer, sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("protocol_id", "profile_id"),
    )
    op.create_table(
        "record_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), sa.ForeignKey("records.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("holder", sa.String(16), nullable=False),
        sa.Column("holder_ref", sa.String(400), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "consent_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), nullable=False, index=True),
        sa.Column("consent_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "label_texts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("project_id", sa.String(100), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("language", sa.String(35)),
        sa.Column("community", sa.String(200)),
        sa.UniqueConstraint("project_id", "code"),
    )
    op.create_table(
        "hub_projects",
        sa.Column("unique_id", sa.String(100), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("fetched_at", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False, index=True),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    # The application never edits these tables; the triggers make an accidental UPDATE or
    # DELETE fail loudly. (Someone editing the file by hand is caught by the hash chain.)
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    for table in ("audit_events", "hub_projects", "label_texts", "consent_events", "record_keys",
                  "memberships", "profiles", "protocols", "communities"):
        op.drop_table(table)
    with op.batch_alter_table("record_history") as batch:
        batch.drop_column("sealed")
    with op.batch_alter_table("records") as batch:
        for column in ("sealed", "labels", "custodians", "access_sharing", "access_protocols", "access_level"):
            batch.drop_column(column)
