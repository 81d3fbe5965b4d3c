"""Sync to the CHM: targets, sharing choices, the outbox and per-record remote state.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_targets",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("credentials", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "shares",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("target", sa.String(100), sa.ForeignKey("sync_targets.name", ondelete="CASCADE"), primary_key=True),
        sa.Column("selected_by", sa.String(200), nullable=False),
        sa.Column("selected_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(36), nullable=False, index=True),
        sa.Column("target", sa.String(100), sa.ForeignKey("sync_targets.name", ondelete="CASCADE"), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.String(32)),
        sa.Column("last_error", sa.Text),
        sa.UniqueConstraint("record_id", "target"),
    )
    op.create_table(
        "remote_state",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("target", sa.String(100), sa.ForeignKey("sync_targets.name", ondelete="CASCADE"), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("remote_revision", sa.String(100)),
        sa.Column("pushed_revision", sa.Integer),
        sa.Column("message", sa.Text),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("remote_state", "outbox", "shares", "sync_targets"):
        op.drop_table(table)
