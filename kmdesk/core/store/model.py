"""The database schema as SQLAlchemy 2 typed ORM classes.

Text that a community restricts never sits in a plain column: for non-public records the
protected fields live only in ``Record.sealed`` (AES-GCM, see ``trust.sealing``), and the plain columns
hold nothing. Timestamps are ISO-8601 UTC strings so that exports and history read the same
everywhere.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Signed:
    """A row signed whole (revision 0007): ``row_sig`` is the Ed25519 signature of the profile
    named ``row_signer`` over the row's canonical content (``trust.rows``)."""

    row_sig: Mapped[bytes | None] = mapped_column(LargeBinary)
    row_signer: Mapped[str | None] = mapped_column(String(200))


class Record(Signed, Base):
    __tablename__ = "records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    resource_kind: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    body: Mapped[dict[str, Any]] = mapped_column(default=dict)
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    gbf_goals: Mapped[list[Any]] = mapped_column(default=list)
    gbf_targets: Mapped[list[Any]] = mapped_column(default=list)
    subjects: Mapped[list[Any]] = mapped_column(default=list)
    countries: Mapped[list[Any]] = mapped_column(default=list)
    places: Mapped[list[Any]] = mapped_column(default=list)
    languages: Mapped[list[Any]] = mapped_column(default=list)
    creators: Mapped[list[Any]] = mapped_column(default=list)
    identifiers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    community: Mapped[str | None] = mapped_column(String(200), index=True)
    date: Mapped[str | None] = mapped_column(String(10))
    licence: Mapped[str | None] = mapped_column(String(100))
    source_url: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    # access block (revision 0002)
    access_level: Mapped[str] = mapped_column(String(16), default="public", server_default="public")
    access_protocols: Mapped[list[Any]] = mapped_column(default=list)
    access_sharing: Mapped[str] = mapped_column(String(8), default="all", server_default="all")
    custodians: Mapped[list[Any]] = mapped_column(default=list)
    labels: Mapped[list[Any]] = mapped_column(default=list)
    sealed: Mapped[str | None] = mapped_column(Text)
    # the library's signature over the access block of a record sealed before revision 0005
    # (``trust.legacy_message``); records sealed since bind it as associated data instead
    access_signature: Mapped[bytes | None] = mapped_column(LargeBinary)

    keys: Mapped[list[RecordKey]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class HistoryEntry(Signed, Base):
    """Edit history. Kept after a record is deleted (no foreign key) so deletions stay visible.
    ``changes`` of a non-public record is sealed like its text."""

    __tablename__ = "record_history"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[str] = mapped_column(String(32))
    by: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    sealed: Mapped[str | None] = mapped_column(Text)


class IndexQueue(Base):
    """Records whose search-index entry is out of date, written in the same transaction as the
    change (Calibre's ``dirtied`` pattern): a crash between commit and indexing loses nothing."""

    __tablename__ = "index_queue"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class Meta(Base):
    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Community(Signed, Base):
    __tablename__ = "communities"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    country: Mapped[str | None] = mapped_column(String(8))
    description: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Protocol(Signed, Base):
    """A Mukurtu-style cultural protocol. Every community has one implicit ``members`` protocol
    (``is_community`` true) whose key seals community-level records."""

    __tablename__ = "protocols"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    community: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8), default="strict")
    is_community: Mapped[bool] = mapped_column(default=False)
    description: Mapped[dict[str, Any]] = mapped_column(default=dict)
    key_version: Mapped[int] = mapped_column(default=1)

    members: Mapped[list[Membership]] = relationship(back_populates="protocol", cascade="all, delete-orphan")


class Profile(Base):
    """A local user. ``wrapped_key`` is the profile's private X25519 key, wrapped by a key derived
    from the passphrase with ``kdf`` parameters; changing the passphrase re-wraps only this.
    ``public_key`` lets a custodian wrap a protocol key for a member who is not at the keyboard."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    roles: Mapped[list[Any]] = mapped_column(default=list)
    kdf: Mapped[dict[str, Any]] = mapped_column(default=dict)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(String(32))
    # revision 0005: the profile's Ed25519 key (derived from its private key; signs consent),
    # the library signing key's certificate over name, roles and both public keys, and the
    # profile's own trust anchor sealed under its private key (``trust``)
    verify_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    certificate: Mapped[bytes | None] = mapped_column(LargeBinary)
    trust: Mapped[str | None] = mapped_column(Text)
    # revision 0007: which of the profile's key pairs this is (a passphrase change makes a new
    # one), and while no custodian has certified the new pair, the pair it replaced with its
    # certificate (``trust.rotation``)
    key_version: Mapped[int] = mapped_column(default=1, server_default="1")
    previous: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    memberships: Mapped[list[Membership]] = relationship(back_populates="profile", cascade="all, delete-orphan")


class Membership(Signed, Base):
    """A profile's copy of a protocol's data key, wrapped to the profile's public key."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("protocol_id", "profile_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    protocol_id: Mapped[int] = mapped_column(ForeignKey("protocols.id", ondelete="CASCADE"))
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    # revision 0005: a reader holds an open protocol's key to read, not to edit or apply it;
    # the library signing key signs every membership (``rows.grant_message``: its id, protocol, profile, reader and key version)
    reader: Mapped[bool] = mapped_column(default=False, server_default="0")
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    # revision 0007: the protocol key version wrapped here; ``signature`` is then the library
    # key's grant over id, protocol, profile, reader flag and key version (``trust.rows``)
    key_version: Mapped[int] = mapped_column(default=1, server_default="1")

    protocol: Mapped[Protocol] = relationship(back_populates="members")
    profile: Mapped[Profile] = relationship(back_populates="memberships")


class RecordKey(Base):
    """A non-public record's own key, wrapped for one holder: a protocol's key (``protocol``),
    the combination of all its protocols' keys (``all``), or a custodian's personal key
    (``profile``)."""

    __tablename__ = "record_keys"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    holder: Mapped[str] = mapped_column(String(16))
    holder_ref: Mapped[str] = mapped_column(String(400))
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)


class ConsentEvent(Signed, Base):
    """Append-only FPIC history: a ``grant`` carries the consent record, a ``withdraw`` names the
    consent it withdraws. The current state is folded from the events, never edited in place."""

    __tablename__ = "consent_events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    consent_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))
    at: Mapped[str] = mapped_column(String(32))
    by: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # revision 0005: for a non-public record ``data`` keeps only the dates and ``sealed`` the
    # rest (with the digest's salt); ``signature`` is by ``signed_by`` over ``digest``
    sealed: Mapped[str | None] = mapped_column(Text)
    digest: Mapped[str | None] = mapped_column(String(64))
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    signed_by: Mapped[str | None] = mapped_column(String(200))


class LabelText(Base):
    """A community's customised wording of a Local Contexts label (from a Hub project)."""

    __tablename__ = "label_texts"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str | None] = mapped_column(String(35))
    community: Mapped[str | None] = mapped_column(String(200))


class HubProject(Base):
    """A cached Local Contexts Hub project, kept for offline use."""

    __tablename__ = "hub_projects"

    unique_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    fetched_at: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AuditEvent(Base):
    """Append-only, hash-chained audit log (see ``audit``)."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    hash: Mapped[str] = mapped_column(String(64))


Index("ix_history_record_at", HistoryEntry.record_id, HistoryEntry.at)
# the non-public records alone (a tenth of a library, typically): what an unlock re-reads to bring
# the sealed private index up to date, without reading every record's row (revision 0010)
Index("ix_records_not_public", Record.access_level, sqlite_where=Record.access_level != "public")


class SyncTarget(Signed, Base):
    """A CHM the library pushes to. ``credentials`` is sealed (see ``access``); ``settings`` holds
    what every document needs that a record may not carry (country, organization, defaults)."""

    __tablename__ = "sync_targets"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    url: Mapped[str] = mapped_column(Text)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    credentials: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class Share(Signed, Base):
    """A person's choice to share a record with a target. Eligibility is computed, never stored."""

    __tablename__ = "shares"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target: Mapped[str] = mapped_column(ForeignKey("sync_targets.name", ondelete="CASCADE"), primary_key=True)
    selected_by: Mapped[str] = mapped_column(String(200))
    selected_at: Mapped[str] = mapped_column(String(32))


class OutboxEntry(Signed, Base):
    """One pending push or retraction per record and target, written in the same transaction as
    the change that caused it. A newer change replaces the operation of a pending row."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("record_id", "target"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    target: Mapped[str] = mapped_column(ForeignKey("sync_targets.name", ondelete="CASCADE"))
    op: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[str] = mapped_column(String(32))
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(Text)


class RemoteState(Signed, Base):
    """What a target holds of a record, as far as kmdesk knows: the per-record sync status."""

    __tablename__ = "remote_state"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    target: Mapped[str] = mapped_column(ForeignKey("sync_targets.name", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    remote_revision: Mapped[str | None] = mapped_column(String(100))
    pushed_revision: Mapped[int | None] = mapped_column()
    message: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(32))


class Attachment(Signed, Base):
    """A file attached to a record, stored content-addressed (SHA-256 of the plaintext) in the
    library's file store. For a non-public record the file is sealed with the record's key and
    its name and extracted text are sealed too (``sealed_meta``); ``filename`` stays empty."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("record_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(Text, default="")
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(default=0)
    sealed: Mapped[bool] = mapped_column(default=False)
    sealed_meta: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class ChmRecord(Base):
    """A record pulled from the central CHM (revision 0006): read-only here, kept with its CHM
    identifier, revision and address; ``withdrawn`` once the CHM no longer lists it. The row
    in ``records`` is ordinary public data, so search and facets treat it like the library's own."""

    __tablename__ = "chm_records"

    record_id: Mapped[str] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), primary_key=True)
    target: Mapped[str] = mapped_column(String(100), index=True)
    chm_id: Mapped[str] = mapped_column(String(100))
    schema: Mapped[str] = mapped_column(String(40))
    chm_revision: Mapped[str] = mapped_column(String(40))
    url: Mapped[str | None] = mapped_column(Text)
    modified: Mapped[str] = mapped_column(String(40))
    withdrawn: Mapped[bool] = mapped_column(default=False, server_default="0")
    pulled_at: Mapped[str] = mapped_column(String(32))


class RecordManifest(Signed, Base):
    """What a record holds on this device (revision 0009): the ids of its history entries and
    attachments and the targets it is shared with, signed whole by whoever changed them, so a
    row deleted outside kmdesk is missed by name (``trust.manifests``). Local to the device: the
    hub replicates the rows, each device lists its own ids."""

    __tablename__ = "record_manifests"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    history: Mapped[list[Any]] = mapped_column(default=list)
    attachments: Mapped[list[Any]] = mapped_column(default=list)
    shares: Mapped[list[Any]] = mapped_column(default=list)


class TrashEntry(Base):
    """A deleted record, kept until the trash is emptied (revision 0008): its row and wrapped
    keys exactly as they were (``record``: the hub's record payload, the sealed payload still
    sealed, with its writer's whole-row signature, checked as a ``records`` row before it is
    shown or restored) and its attachment rows with their own signatures (``files``); their
    stored files stay until the trash is emptied."""

    __tablename__ = "trash"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    deleted_at: Mapped[str] = mapped_column(String(32))
    deleted_by: Mapped[str] = mapped_column(String(200))
    record: Mapped[dict[str, Any]] = mapped_column(default=dict)
    files: Mapped[list[Any]] = mapped_column(default=list)
