"""The non-public records found without reading every record: a partial index on the access
level, which the unlock's catch-up of the sealed private index reads (``IndexManager``).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_not_public", "records", ["access_level"],
                    sqlite_where=sa.text("access_level != 'public'"))


def downgrade() -> None:
    op.drop_index("ix_records_not_public", table_name="records")
