"""The trash: a deleted record waits here, its row as its writer signed it, until it is restored
or the trash is emptied (``store.trash_manager``).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trash",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("deleted_at", sa.String(32), nullable=False),
        sa.Column("deleted_by", sa.String(200), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("files", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("trash")
