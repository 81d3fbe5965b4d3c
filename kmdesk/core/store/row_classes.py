"""The plain rows a ``reader`` reads with ``sqlite3``: one class per table, its columns by the
model's names and types, the SELECT that reads them and which of them hold JSON.

Written by ``python -m kmdesk.core.store.write_row_classes`` from ``model``: do not edit; run it
after changing the model (a test fails while this file is behind it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar


@dataclass(slots=True)
class RecordRow:
    """``model.Record`` (table ``records``)."""

    SELECT: ClassVar[str] = (
        "SELECT records.id, records.type, records.resource_kind, records.title, records.summary, "
        "records.body, records.keywords, records.gbf_goals, records.gbf_targets, records.subjects, "
        "records.countries, records.places, records.languages, records.creators, records.identifiers, "
        "records.community, records.date, records.licence, records.source_url, records.revision, "
        "records.created_at, records.updated_at, records.access_level, records.access_protocols, "
        "records.access_sharing, records.custodians, records.labels, records.sealed, "
        "records.access_signature, records.row_sig, records.row_signer FROM records")
    JSON: ClassVar[frozenset[str]] = frozenset({
        "access_protocols", "body", "countries", "creators", "custodians", "gbf_goals", "gbf_targets",
        "identifiers", "keywords", "labels", "languages", "places", "subjects", "summary", "title"})

    id: str
    type: str
    resource_kind: str | None
    title: dict[str, Any]
    summary: dict[str, Any]
    body: dict[str, Any]
    keywords: list[Any]
    gbf_goals: list[Any]
    gbf_targets: list[Any]
    subjects: list[Any]
    countries: list[Any]
    places: list[Any]
    languages: list[Any]
    creators: list[Any]
    identifiers: dict[str, Any]
    community: str | None
    date: str | None
    licence: str | None
    source_url: str | None
    revision: int
    created_at: str
    updated_at: str
    access_level: str
    access_protocols: list[Any]
    access_sharing: str
    custodians: list[Any]
    labels: list[Any]
    sealed: str | None
    access_signature: bytes | None
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class HistoryRow:
    """``model.HistoryEntry`` (table ``record_history``)."""

    SELECT: ClassVar[str] = (
        "SELECT record_history.id, record_history.record_id, record_history.at, record_history.\"by\", "
        "record_history.action, record_history.changes, record_history.sealed, record_history.row_sig, "
        "record_history.row_signer FROM record_history")
    JSON: ClassVar[frozenset[str]] = frozenset({"changes"})

    id: int
    record_id: str
    at: str
    by: str
    action: str
    changes: dict[str, Any]
    sealed: str | None
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class ConsentEventRow:
    """``model.ConsentEvent`` (table ``consent_events``)."""

    SELECT: ClassVar[str] = (
        "SELECT consent_events.id, consent_events.record_id, consent_events.consent_id, "
        "consent_events.kind, consent_events.at, consent_events.\"by\", consent_events.data, "
        "consent_events.sealed, consent_events.digest, consent_events.signature, consent_events.signed_by, "
        "consent_events.row_sig, consent_events.row_signer FROM consent_events")
    JSON: ClassVar[frozenset[str]] = frozenset({"data"})

    id: int
    record_id: str
    consent_id: str
    kind: str
    at: str
    by: str
    data: dict[str, Any]
    sealed: str | None
    digest: str | None
    signature: bytes | None
    signed_by: str | None
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class ProfileRow:
    """``model.Profile`` (table ``profiles``): what checking its certificate needs; never its wrapped private
    key nor what that key seals."""

    SELECT: ClassVar[str] = (
        "SELECT profiles.id, profiles.name, profiles.roles, profiles.public_key, profiles.created_at, "
        "profiles.verify_key, profiles.certificate, profiles.key_version, profiles.previous FROM profiles")
    JSON: ClassVar[frozenset[str]] = frozenset({"previous", "roles"})

    id: int
    name: str
    roles: list[Any]
    public_key: bytes
    created_at: str
    verify_key: bytes | None
    certificate: bytes | None
    key_version: int
    previous: dict[str, Any] | None


@dataclass(slots=True)
class SyncTargetRow:
    """``model.SyncTarget`` (table ``sync_targets``): its credentials as stored, sealed, which say only
    whether there are some."""

    SELECT: ClassVar[str] = (
        "SELECT sync_targets.name, sync_targets.kind, sync_targets.url, sync_targets.settings, "
        "sync_targets.credentials, sync_targets.created_at, sync_targets.row_sig, "
        "sync_targets.row_signer FROM sync_targets")
    JSON: ClassVar[frozenset[str]] = frozenset({"settings"})

    name: str
    kind: str
    url: str
    settings: dict[str, Any]
    credentials: str | None
    created_at: str
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class RemoteStateRow:
    """``model.RemoteState`` (table ``remote_state``)."""

    SELECT: ClassVar[str] = (
        "SELECT remote_state.record_id, remote_state.target, remote_state.status, "
        "remote_state.remote_revision, remote_state.pushed_revision, remote_state.message, "
        "remote_state.updated_at, remote_state.row_sig, remote_state.row_signer FROM remote_state")
    JSON: ClassVar[frozenset[str]] = frozenset()

    record_id: str
    target: str
    status: str
    remote_revision: str | None
    pushed_revision: int | None
    message: str | None
    updated_at: str
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class ShareRow:
    """``model.Share`` (table ``shares``)."""

    SELECT: ClassVar[str] = (
        "SELECT shares.record_id, shares.target, shares.selected_by, shares.selected_at, shares.row_sig, "
        "shares.row_signer FROM shares")
    JSON: ClassVar[frozenset[str]] = frozenset()

    record_id: str
    target: str
    selected_by: str
    selected_at: str
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class ManifestRow:
    """``model.RecordManifest`` (table ``record_manifests``)."""

    SELECT: ClassVar[str] = (
        "SELECT record_manifests.record_id, record_manifests.history, record_manifests.attachments, "
        "record_manifests.shares, record_manifests.row_sig, "
        "record_manifests.row_signer FROM record_manifests")
    JSON: ClassVar[frozenset[str]] = frozenset({"attachments", "history", "shares"})

    record_id: str
    history: list[Any]
    attachments: list[Any]
    shares: list[Any]
    row_sig: bytes | None
    row_signer: str | None


Row = TypeVar("Row", RecordRow, HistoryRow, ConsentEventRow, ProfileRow, SyncTargetRow, RemoteStateRow, ShareRow, ManifestRow)
