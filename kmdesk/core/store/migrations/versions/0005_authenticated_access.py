"""Authenticated access: sealed consent, signed keys, memberships and consent, bound access.

Revision ID: 0005
Revises: 0004

Only columns are added here: signing and sealing need keys, which a migration never holds. An
existing library is brought up to date at unlock time (``ConsentManager.upgrade_trust``):

- the first custodian to unlock creates the library's Ed25519 signing key, certifies every
  existing profile and membership as it stands, signs the access block of every record sealed
  before this revision (``records.access_signature``) and signs every existing consent event;
  other profiles adopt the library key at their first unlock (trust on first use, see
  ``docs/security.md``);
- any profile that unlocks seals the consent text of the non-public records it can open.

Consent events stay append-only, except that the upgrade may fill in a missing signature and
sealing may move an event's text from ``data`` into ``sealed`` (its signed digest does not change).
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COLUMNS: dict[str, list[sa.Column[Any]]] = {
    "profiles": [sa.Column("verify_key", sa.LargeBinary), sa.Column("certificate", sa.LargeBinary),
                 sa.Column("trust", sa.Text)],
    "memberships": [sa.Column("reader", sa.Boolean, nullable=False, server_default="0"),
                    sa.Column("signature", sa.LargeBinary)],
    "records": [sa.Column("access_signature", sa.LargeBinary)],
    "consent_events": [sa.Column("sealed", sa.Text), sa.Column("digest", sa.String(64)),
                       sa.Column("signature", sa.LargeBinary), sa.Column("signed_by", sa.String(200))],
}
_FIXED = ("record_id", "consent_id", "kind", "at", "by")


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        for column in columns:
            op.add_column(table, column)
    op.execute("DROP TRIGGER IF EXISTS consent_events_no_update")
    changed = " OR ".join(f"NEW.{name} IS NOT OLD.{name}" for name in _FIXED)
    signed = " OR ".join(f"(OLD.{name} IS NOT NULL AND NEW.{name} IS NOT OLD.{name})" for name in ("digest", "signature", "signed_by"))
    op.execute(f"CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events WHEN {changed} OR {signed} "
               "BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS consent_events_no_update")
    op.execute("CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events "
               "BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END")
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in reversed(columns):
                batch.drop_column(column.name)
