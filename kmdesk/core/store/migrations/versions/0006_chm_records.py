"""Records pulled from the central CHM: where each came from, at which revision, and whether the
CHM still holds it. The record itself is an ordinary public row (searched and faceted like the
library's own); this table is what makes it read-only and lets a later pull be incremental.

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
    op.create_table(
        "chm_records",
        sa.Column("record_id", sa.String(36), sa.ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("target", sa.String(100), nullable=False, index=True),
        sa.Column("chm_id", sa.String(100), nullable=False),
        sa.Column("schema", sa.String(40), nullable=False),
        sa.Column("chm_revision", sa.String(40), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("modified", sa.String(40), nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("pulled_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("chm_records")
