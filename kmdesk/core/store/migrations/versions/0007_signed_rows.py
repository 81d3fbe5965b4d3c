"""Signed rows: every row that decides who reads, who is a member, what consent says or what may
leave carries the signature of the member who wrote it (``trust.rows``).

Revision ID: 0007
Revises: 0006

Only columns and the library's id are added here: a migration holds no key. An existing library
is signed at the first unlock of a custodian holding the library key after this upgrade
(``trust.upgrade.sign_library``); until then its rows are untrusted and said to be unsigned.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FIXED = ("record_id", "consent_id", "kind", "at", "by")
SIGNED_TABLES = ("communities", "protocols", "memberships", "records", "record_history", "consent_events",
                 "attachments", "shares", "outbox", "remote_state", "sync_targets")


def upgrade() -> None:
    for table in SIGNED_TABLES:
        op.add_column(table, sa.Column("row_sig", sa.LargeBinary))
        op.add_column(table, sa.Column("row_signer", sa.String(200)))
    op.add_column("memberships", sa.Column("key_version", sa.Integer, nullable=False, server_default="1"))
    op.add_column("profiles", sa.Column("key_version", sa.Integer, nullable=False, server_default="1"))
    op.add_column("profiles", sa.Column("previous", sa.JSON))
    _consent_trigger(("digest", "signed_by"))
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.execute(meta.insert().values(key="library_id", value=str(uuid.uuid4())))


def _consent_trigger(signed: tuple[str, ...]) -> None:
    """Consent events stay append-only: their identity, digest and author never change. Their
    signature may be made again by the same author (a passphrase change rotates its key), and
    their row signature by whoever re-seals them; both are checked on every read."""
    op.execute("DROP TRIGGER IF EXISTS consent_events_no_update")
    changed = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in _FIXED)
    kept = " OR ".join(f"(OLD.{name} IS NOT NULL AND NEW.{name} IS NOT OLD.{name})" for name in signed)
    op.execute(f"CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events WHEN {changed} OR {kept} "
               "BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END")


def downgrade() -> None:
    _consent_trigger(("digest", "signature", "signed_by"))
    op.execute("DELETE FROM meta WHERE key = 'library_id'")
    with op.batch_alter_table("profiles") as batch:
        batch.drop_column("previous")
        batch.drop_column("key_version")
    with op.batch_alter_table("memberships") as batch:
        batch.drop_column("key_version")
    for table in reversed(SIGNED_TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_signer")
            batch.drop_column("row_sig")
