"""The hub's tables in PostgreSQL (schema ``kmdesk_hub``), as the sync code queries them; the
migration in ``migrations/versions`` creates them with their roles and row-level security.

- ``libraries``: each library the hub carries, by id, with its library key (public): a device
  whose own trust anchor holds another key is refused;
- ``devices``: each joined device, the database role it pushes as, and its library;
- ``device_signers``: the profiles whose signed changes a device's role may write;
- ``changes``: the log. Each row is one signed change (a record, a consent event, a history
  entry...), ``body`` the exact bytes signed; ``hub_seq`` is the hub's order, given in commit
  order (pushes are serialised by a transaction lock), so a pull from the last sequence seen
  never misses a row that commits late;
- ``blobs``: attachment files as stored on the device that pushed them (ciphertext for a
  sealed record), in chunks.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, LargeBinary, MetaData, Table, Text

SCHEMA = "kmdesk_hub"
VERSION_TABLE = "kmdesk_hub_version"
PUSH_LOCK = 0x6B6D6875  # the advisory lock every push holds until it commits ("kmhu")
CHUNK = 512 * 1024      # bytes of an attachment per blob row

metadata = MetaData(schema=SCHEMA)

libraries = Table("libraries", metadata, Column("library_id", Text, primary_key=True),
                  Column("library_key", LargeBinary, nullable=False), Column("created_by", Text))
devices = Table("devices", metadata, Column("device_id", Text, primary_key=True), Column("library_id", Text),
                Column("role_name", Text), Column("label", Text), Column("joined_at", DateTime(timezone=True)))
device_signers = Table("device_signers", metadata, Column("device_id", Text, primary_key=True),
                       Column("profile", Text, primary_key=True), Column("role_name", Text))
changes = Table(
    "changes", metadata,
    Column("hub_seq", BigInteger, primary_key=True), Column("library_id", Text), Column("device_id", Text),
    Column("device_seq", BigInteger), Column("kind", Text), Column("key", Text), Column("op", Text),
    Column("signer", Text), Column("body", LargeBinary), Column("signature", LargeBinary),
)
blobs = Table("blobs", metadata, Column("library_id", Text, primary_key=True), Column("device_id", Text, primary_key=True),
              Column("blob", Text, primary_key=True), Column("chunk", Integer, primary_key=True),
              Column("data", LargeBinary))


def device_group(database: str) -> str:
    """The role every device's login role belongs to (roles are the whole server's, so the
    database's name is in it)."""
    return f"{database}_devices"[:63]
