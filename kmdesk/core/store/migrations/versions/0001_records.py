"""Records, their edit history, the search-index queue and library metadata.

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
        "records",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("type", sa.String(40), nullable=False, index=True),
        sa.Column("resource_kind", sa.String(40)),
        *[sa.Column(name, sa.JSON, nullable=False) for name in (
            "title", "summary", "body", "keywords", "gbf_goals", "gbf_targets", "subjects",
            "countries", "places", "languages", "creators", "identifiers")],
        sa.Column("community", sa.String(200), index=True),
        sa.Column("date", sa.String(10)),
        sa.Column("licence", sa.String(100)),
        sa.Column("source_url", sa.Text),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "record_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), nullable=False, index=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
    )
    op.create_index("ix_history_record_at", "record_history", ["record_id", "at"])
    op.create_table("index_queue", sa.Column("record_id", sa.String(36), primary_key=True))
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("meta", "index_queue", "record_history", "records"):
        op.drop_table(table)
