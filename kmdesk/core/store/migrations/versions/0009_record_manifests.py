"""Record manifests: each record's history entries, attachments and sharing choices listed in a
row signed whole, so one deleted outside kmdesk is named (``trust.manifests``).

Revision ID: 0009
Revises: 0008

Only the table is made here: a migration holds no key. The manifests of existing records are
made at the first unlock of a custodian holding the library key after this upgrade, from what
the library then holds (``trust.upgrade.settle``: trust on first use, docs/security.md).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_manifests",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("history", sa.JSON, nullable=False),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.Column("shares", sa.JSON, nullable=False),
        sa.Column("row_sig", sa.LargeBinary),
        sa.Column("row_signer", sa.String(200)),
    )


def downgrade() -> None:
    op.drop_table("record_manifests")
