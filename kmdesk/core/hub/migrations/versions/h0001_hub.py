"""The hub: libraries, devices, their signers, the change log and attachment chunks; a devices
role with least privilege and row-level security (a device writes only as itself).

Revision ID: h0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from kmdesk.core.hub.schema import SCHEMA, VERSION_TABLE, device_group

revision = "h0001"
down_revision = None
branch_labels = ("hub",)
depends_on = None

_OWN_DEVICE = (f"EXISTS (SELECT 1 FROM {SCHEMA}.devices d WHERE d.device_id = {{table}}.device_id "
               "AND d.role_name = current_user)")


def upgrade() -> None:
    op.create_table(
        "libraries",
        sa.Column("library_id", sa.Text, primary_key=True),
        sa.Column("library_key", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("created_by", sa.Text, nullable=False, server_default=sa.text("current_user")),
        schema=SCHEMA,
    )
    op.create_table(
        "devices",
        sa.Column("device_id", sa.Text, primary_key=True),
        sa.Column("library_id", sa.Text, sa.ForeignKey(f"{SCHEMA}.libraries.library_id"), nullable=False),
        sa.Column("role_name", sa.Text, nullable=False, server_default=sa.text("current_user")),
        sa.Column("label", sa.Text),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        schema=SCHEMA,
    )
    op.create_table(
        "device_signers",
        sa.Column("device_id", sa.Text, sa.ForeignKey(f"{SCHEMA}.devices.device_id"), primary_key=True),
        sa.Column("profile", sa.Text, primary_key=True),
        sa.Column("role_name", sa.Text, nullable=False, server_default=sa.text("current_user")),
        schema=SCHEMA,
    )
    op.create_table(
        "changes",
        sa.Column("hub_seq", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("library_id", sa.Text, nullable=False),
        sa.Column("device_id", sa.Text, nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("op", sa.Text, nullable=False),
        sa.Column("signer", sa.Text, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("pushed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("pushed_by", sa.Text, nullable=False, server_default=sa.text("current_user")),
        sa.UniqueConstraint("device_id", "device_seq"),
        schema=SCHEMA,
    )
    op.create_index("changes_library_seq", "changes", ["library_id", "hub_seq"], schema=SCHEMA)
    op.create_table(
        "blobs",
        sa.Column("library_id", sa.Text, primary_key=True),
        sa.Column("device_id", sa.Text, primary_key=True),
        sa.Column("blob", sa.Text, primary_key=True),
        sa.Column("chunk", sa.Integer, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("pushed_by", sa.Text, nullable=False, server_default=sa.text("current_user")),
        schema=SCHEMA,
    )
    _roles_and_policies()


def _roles_and_policies() -> None:
    """Devices connect as their own login roles, members of one group role that may read the
    hub and append to it, never change or delete a row; row-level security lets each write only
    under its own device and the profiles it registered (the signatures are the guarantee)."""
    database = op.get_bind().exec_driver_sql("SELECT current_database()").scalar()
    group = device_group(str(database))
    op.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
               f'CREATE ROLE "{group}" NOLOGIN; END IF; END $$')
    op.execute(f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC')
    op.execute(f'GRANT CONNECT ON DATABASE "{database}" TO "{group}"')
    op.execute(f'GRANT USAGE ON SCHEMA {SCHEMA} TO "{group}"')
    op.execute(f'GRANT SELECT ON {SCHEMA}.{VERSION_TABLE} TO "{group}"')
    for table in ("libraries", "devices", "device_signers", "changes", "blobs"):
        op.execute(f'GRANT SELECT, INSERT ON {SCHEMA}.{table} TO "{group}"')
        op.execute(f"ALTER TABLE {SCHEMA}.{table} ENABLE ROW LEVEL SECURITY")
        op.execute(f'CREATE POLICY read_all ON {SCHEMA}.{table} FOR SELECT TO "{group}" USING (true)')
    checks = {
        "libraries": "created_by = current_user",
        "devices": "role_name = current_user",
        "device_signers": "role_name = current_user AND " + _OWN_DEVICE.format(table="device_signers"),
        "changes": (f"pushed_by = current_user AND EXISTS (SELECT 1 FROM {SCHEMA}.device_signers s JOIN "
                    f"{SCHEMA}.devices d USING (device_id) WHERE s.device_id = changes.device_id AND "
                    "s.profile = changes.signer AND s.role_name = current_user AND d.library_id = changes.library_id)"),
        "blobs": "pushed_by = current_user AND " + _OWN_DEVICE.format(table="blobs"),
    }
    for table, check in checks.items():
        op.execute(f'CREATE POLICY write_own ON {SCHEMA}.{table} FOR INSERT TO "{group}" WITH CHECK ({check})')


def downgrade() -> None:
    for table in ("blobs", "changes", "device_signers", "devices", "libraries"):
        op.drop_table(table, schema=SCHEMA)
