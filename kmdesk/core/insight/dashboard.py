"""The dashboard's figures: what the library covers (GBF goals and targets, types, communities,
languages, countries, years), what was shared with the CHM, and where consent stands.

Every figure counts the records *this profile may count*: public records, the community and
restricted records the unlocked profile may open (the same rule as ``consent.can_view``, written
as SQL so no record is ever loaded or opened: one scan hands over each field's values as one JSON
array, and Python counts them), and never a sacred record, not even for its custodians: a count shown on a
screen or a map says that sacred knowledge exists and where. Only the columns that stay plain for
sealed records are read (type, goals, targets, countries, languages, community, date), so nothing
is decrypted. A record whose row failed its integrity check (the quarantine the list shows as its
"Integrity" facet, filled as rows are read and by the window's integrity check) is counted in no
figure but named apart (``Figures.quarantined``): checking every row's signature here would cost
a second a thousand records.

A count is a slice of the library, and clicking it must list exactly what it counted: ``Slice``
names it, and ``filters`` turns it into the search's filters — a facet where the search index
has one, else the ids of the records the slice holds (languages, years, sharing and consent
states).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from kmdesk.core.trust import consent

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

SOON_DAYS = 90  # consent counts as "expiring" this many days before it ends
TARGETS = range(1, 24)
GOALS = ("A", "B", "C", "D")
# dimensions the search index has as facets: a click on one of these ticks the facet
FACET_DIMENSIONS = ("gbf_goals", "gbf_targets", "type", "community", "countries")
# the rest are sets of records the dashboard names by id. Languages too: the dashboard counts the
# record's languages field, the index's facet also the languages its titles are written in
ID_DIMENSIONS = ("languages", "year", "sharing", "consent")
SHARING_STATES = ("shared", "waiting", "refused", "withdrawn")
# the sync's remote status -> the state the dashboard shows
_SHARING_OF_STATUS = {"sent": "shared", "queued": "waiting", "failed": "refused", "retracted": "withdrawn",
                      "not_eligible": "withdrawn"}
CONSENT_STATES = ("valid", "expiring", "expired", "withdrawn")
_CONSENT_OF_STATE = {consent.ConsentState.VALID: "valid", consent.ConsentState.EXPIRING_SOON: "expiring",
                     consent.ConsentState.EXPIRED: "expired", consent.ConsentState.WITHDRAWN: "withdrawn"}


@dataclass(frozen=True)
class Slice:
    """One bar of one chart: ``dimension`` (a facet name or one of ``ID_DIMENSIONS``) and its value."""

    dimension: str
    value: str


@dataclass
class Figures:
    """What the dashboard draws. Each mapping is value -> number of records; targets and goals
    hold every target and goal, zero included, since what the library does *not* cover is half
    of the answer."""

    total: int = 0
    goals: dict[str, int] = field(default_factory=dict)
    targets: dict[int, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)
    communities: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    years: dict[str, int] = field(default_factory=dict)
    sharing: dict[str, int] = field(default_factory=dict)
    refusals: list[tuple[str, int]] = field(default_factory=list)  # (reason, records), most first
    consent: dict[str, int] = field(default_factory=dict)
    quarantined: dict[str, str] = field(default_factory=dict)  # countable records left out: id -> what failed

    def counts(self, dimension: str) -> dict[str, int]:
        """The counts of one chart with string keys, as ``Slice`` values are."""
        charts: dict[str, dict[Any, int]] = {
            "gbf_goals": self.goals, "gbf_targets": self.targets, "type": self.types, "community": self.communities,
            "languages": self.languages, "countries": self.countries, "year": self.years, "sharing": self.sharing,
            "consent": self.consent}
        return {str(key): value for key, value in charts[dimension].items()}


# -- who may be counted ------------------------------------------------------------------------
def _countable(library: Library, session: Session, public_only: bool) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (over ``records r``) selecting the records this profile may count (only
    the public ones with ``public_only``), and its parameters."""
    viewer = library.access.viewer()
    if viewer is None or public_only:
        return "r.access_level = 'public'", {}
    kinds = library.access.protocol_kinds(session)
    passing = sorted(set(viewer.protocols) | {name for name, kind in kinds.items() if kind == "open"})
    custodian = "custodian" in viewer.roles
    clause = (
        "(r.access_level = 'public'"
        " OR (r.access_level = 'community' AND (r.community IN (SELECT value FROM json_each(:communities))"
        + (" OR EXISTS (SELECT 1 FROM json_each(r.custodians) c WHERE c.value = :viewer)" if custodian else "")
        + "))"
        " OR (r.access_level = 'restricted' AND json_array_length(r.access_protocols) > 0 AND ("
        "   (r.access_sharing = 'any' AND EXISTS (SELECT 1 FROM json_each(r.access_protocols) p"
        "     WHERE p.value IN (SELECT value FROM json_each(:passing))))"
        "   OR (r.access_sharing != 'any' AND NOT EXISTS (SELECT 1 FROM json_each(r.access_protocols) p"
        "     WHERE p.value NOT IN (SELECT value FROM json_each(:passing)))))))"
    )
    params = {"communities": sorted(viewer.communities), "passing": passing}
    return clause, {**params, "viewer": viewer.name} if custodian else params


# What the counts read: one scan of the countable records that returns a single row, each column
# the JSON array of one field's values over every record (SQLite's json_group_array; Python parses
# each array in C). A row per record cost the sqlite3 module more than the values it carried, and
# a GROUP BY sorts every row: SQLite has no hashing aggregate, Python's Counter is one. Each
# distinct date or JSON list text is then read once. The ids come along to say whose consent
# events and sharing states count.
_COUNTED_FIELDS = ("id", "type", "community", "date", "gbf_targets", "gbf_goals", "countries", "languages")
_COUNTED = "SELECT " + ", ".join(f"json_group_array(r.{name})" for name in _COUNTED_FIELDS) + " FROM visible r"
# JSON cannot hold a BLOB, which kmdesk never writes there but a hand-edited file may: then the
# scan is read again with each BLOB as an empty value (a test per value costs a third more, so
# only then)
_COUNTED_NO_BLOBS = "SELECT " + ", ".join(f"json_group_array(CASE WHEN typeof(r.{name}) != 'blob' THEN r.{name} END)"
                                          for name in _COUNTED_FIELDS) + " FROM visible r"
_YEAR = re.compile(r"[0-9]{4}")


class Countable:
    """Runs SQL over the countable records (``WITH visible AS ...``) in one read session (the
    map asks its questions through it too)."""

    def __init__(self, library: Library, session: Session, public_only: bool = False) -> None:
        self.session = session
        self.where, self.params = _countable(library, session, public_only)

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` as plain tuples; a list parameter is bound as JSON text, for
        ``IN (SELECT value FROM json_each(:name))``. SQLite folds ``visible`` into the query, so a
        scan reads only the columns it names and a join from a small table looks records up by id.

        The statement runs on the session's own SQLite connection, in its transaction: the map
        fetches a row per located record, and SQLAlchemy's rows cost as much again as SQLite's
        tuples."""
        values = {name: json.dumps(value) if isinstance(value, list) else value
                  for name, value in {**self.params, **params}.items()}
        connection = self.session.connection().connection.driver_connection
        if not isinstance(connection, sqlite3.Connection):
            raise TypeError(f"the dashboard counts on SQLite's own connection, not {type(connection).__name__}")
        return connection.execute(f"WITH visible AS (SELECT r.* FROM records r WHERE {self.where}) {sql}",
                                  values).fetchall()

    def arrays(self, sql: str, **params: Any) -> list[list[Any]]:
        """The columns of the one row of ``sql``, each a ``json_group_array``, as Python lists."""
        return [json.loads(column) for column in self.rows(sql, **params)[0]]


def _present(counts: Counter[Any]) -> dict[str, int]:
    """The counts of a plain column, without the records that leave it empty."""
    return {str(value): count for value, count in counts.items() if value not in (None, "")}


def _spread(lists: Counter[Any]) -> Counter[str]:
    """Per item, the records whose JSON list holds it (an item named twice counts twice, as SQL's
    ``json_each`` would), from how many records hold each distinct list; anything but a list
    holds no item."""
    out: Counter[str] = Counter()
    for text, records in lists.items():
        try:
            items = json.loads(text) if isinstance(text, str) else text
        except ValueError:  # not JSON: no item (``_ITEMS`` reads it the same way)
            continue
        for item in items if isinstance(items, list) else ():
            if item not in (None, ""):
                out[str(item)] += records
    return out


# -- the figures ---------------------------------------------------------------------------------
def figures(library: Library, today: date | None = None, *, public_only: bool = False) -> Figures:
    """Every figure of the dashboard, for the profile unlocked now (public records only while
    locked, or with ``public_only``: a report that leaves the library). Call it off the GUI thread."""
    today = today or date.today()
    with library.reading() as session:
        q = Countable(library, session, public_only)
        try:
            ids, *columns = q.arrays(_COUNTED)
        except sqlite3.OperationalError as exc:
            if "BLOB" not in str(exc):
                raise
            ids, *columns = q.arrays(_COUNTED_NO_BLOBS)
        quarantine = library.records.quarantine
        out = Figures(quarantined={record_id: quarantine[record_id] for record_id in ids if record_id in quarantine})
        if out.quarantined:
            keep = [record_id not in out.quarantined for record_id in ids]
            ids, columns = list(compress(ids, keep)), [list(compress(column, keep)) for column in columns]
        counted = set(ids)
        types, communities, dates, *lists = (Counter(column) for column in columns)
        targets, goals, countries, languages = (_spread(texts) for texts in lists)
        years: Counter[str] = Counter()
        for day, count in dates.items():
            if isinstance(day, str) and _YEAR.match(day):
                years[day[:4]] += count
        out.total = len(ids)
        out.targets = {n: targets.get(str(n), 0) for n in TARGETS}
        out.goals = {g: goals.get(g, 0) for g in GOALS}
        out.types = _present(types)
        out.communities = _present(communities)
        out.languages = dict(languages)
        out.countries = dict(countries)
        out.years = dict(sorted(years.items()))
        # a record is counted once per state and reason, whatever number of CHMs it went to
        shared: defaultdict[str, set[str]] = defaultdict(set)
        refused: defaultdict[str, set[str]] = defaultdict(set)
        for record_id, status, message in zip(*q.arrays(_SHARED), strict=True):
            if status in _SHARING_OF_STATUS and record_id in counted:
                shared[_SHARING_OF_STATUS[status]].add(record_id)
                if status == "failed":
                    refused[message or ""].add(record_id)
        out.sharing = {state: len(shared[state]) for state in SHARING_STATES}
        out.refusals = sorted(((message, len(holders)) for message, holders in refused.items()),
                              key=lambda r: (-r[1], r[0]))
        states: Counter[str] = Counter()
        for history, holders in _histories(q, counted).items():
            if state := _history_state(history, today):
                states[state] += len(holders)
    out.consent = {state: states.get(state, 0) for state in CONSENT_STATES}
    return out


# The sync's state of every record at every CHM: a few per record shared, read whole (a join
# looks each one's record up by id, which costs more than the set lookup of ``figures``).
_SHARED = ("SELECT json_group_array(s.record_id), json_group_array(s.status), json_group_array(s.message)"
           " FROM remote_state s")
# Every consent event in the order it was recorded (the subquery's ORDER BY holds: SQLite does not
# merge an ordered subquery into an aggregate), its four dates as one JSON text (one parse of the
# event in SQL), read in Python once per distinct history. Events of records not counted, deleted
# ones included (the events are append-only and outlive their record), are left out by ``counted``.
_EVENTS = ("SELECT json_group_array(e.record_id), json_group_array(e.consent_id), json_group_array(e.kind),"
           " json_group_array('' || json_extract(e.data, '$.given_on', '$.expires_on', '$.withdrawn_on',"
           " '$.withdrawn_by'))"
           " FROM (SELECT * FROM consent_events ORDER BY id) e")
_IDS = "SELECT json_group_array(r.id) FROM visible r"
History = tuple[Any, ...]


def _histories(q: Countable, counted: set[str]) -> dict[History, list[str]]:
    """The consent histories of the ``counted`` records -> the records that have each. A history
    is a record's events in order, flat: kind, the consent's number within the record, its dates
    as ``_EVENTS`` reads them, and so on. Numbering the consents instead of naming them lets
    records share a history, so the rule runs once per distinct history (a community assembly
    consents to many at once). Most records have one event: those are picked out in C (a
    ``Counter`` and ``compress``), and only the others' events are gathered one by one."""
    record_ids, consent_ids, kinds, dates = q.arrays(_EVENTS)
    events_of = Counter(compress(record_ids, map(counted.__contains__, record_ids)))
    out: defaultdict[History, list[str]] = defaultdict(list)
    several: dict[str, list[Any]] = {}
    for record_id, consent_id, kind, day in compress(zip(record_ids, consent_ids, kinds, dates, strict=True),
                                                     map(events_of.__contains__, record_ids)):
        if events_of[record_id] == 1:
            out[(kind, 0, day)].append(record_id)
        else:
            several.setdefault(record_id, []).extend((kind, consent_id, day))
    for record_id, history in several.items():
        numbers: dict[str, int] = {}
        history[1::3] = [numbers.setdefault(consent_id, len(numbers)) for consent_id in history[1::3]]
        out[tuple(history)].append(record_id)
    return out


def _history_state(history: History, today: date) -> str | None:
    """The dashboard's consent state of a record with this history (``_histories``), if it is
    one of ``CONSENT_STATES``. Folded from the events' dates, which stay readable for sealed
    records; signatures are not checked here (``kmdesk audit verify`` and the record view do),
    so a figure may count an event a verification would reject."""
    consents: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    for kind, consent_id, dates in zip(history[::3], history[1::3], history[2::3], strict=True):
        given, expires, withdrawn, withdrawn_by = json.loads(dates)
        if kind == "grant":
            item = by_id[consent_id] = {"given_on": given, "expires_on": expires, "withdrawn_on": withdrawn,
                                        "withdrawn_by": withdrawn_by}
            consents.append(item)
        elif (granted := by_id.get(consent_id)) is not None:
            # a withdrawal; a sealed one keeps only its date, and without one it counts from when
            # it was recorded (``consent_state``: a withdrawer without a date)
            granted["withdrawn_on"] = withdrawn or granted["withdrawn_on"]
            granted["withdrawn_by"] = withdrawn_by or granted["withdrawn_by"] or (None if withdrawn else "?")
    return _CONSENT_OF_STATE.get(consent.consent_state(consents, today, SOON_DAYS)) if consents else None


# -- a click on a bar ------------------------------------------------------------------------------
def filters(library: Library, piece: Slice, today: date | None = None) -> dict[str, list[str]]:
    """The search filters that list exactly the records ``piece`` counts (call off the GUI
    thread: an id slice is read from the database)."""
    if piece.dimension in FACET_DIMENSIONS:
        return {piece.dimension: [piece.value]}
    return {"id": slice_ids(library, piece, today)}


# the items of a record's JSON list, as ``_spread`` counts them: none when the text is not a list
_ITEMS = ("json_each(CASE WHEN typeof(r.{0}) = 'blob' OR NOT json_valid(r.{0}) THEN NULL"
          " WHEN json_type(r.{0}) = 'array' THEN r.{0} END) j")


def slice_ids(library: Library, piece: Slice, today: date | None = None) -> list[str]:
    """The ids of the countable records in ``piece`` (any dimension), sorted."""
    today = today or date.today()
    with library.reading() as session:
        q = Countable(library, session)

        def holding(column: str) -> list[tuple[Any, ...]]:  # the records whose JSON list holds the value
            return q.rows(f"SELECT r.id FROM visible r, {_ITEMS.format(column)} WHERE CAST(j.value AS TEXT) = :v",
                          v=piece.value)

        finder: dict[str, Callable[[], list[Any]]] = {
            "year": lambda: q.rows("SELECT r.id FROM visible r WHERE substr(r.date, 1, 4) = :v", v=piece.value),
            "sharing": lambda: q.rows(
                "SELECT DISTINCT s.record_id FROM remote_state s JOIN visible r ON r.id = s.record_id "
                "WHERE s.status IN (SELECT value FROM json_each(:statuses))", statuses=[s for s, state in _SHARING_OF_STATUS.items()
                                                        if state == piece.value]),
            "consent": lambda: [(record_id,) for history, ids in _histories(q, set(q.arrays(_IDS)[0])).items()
                                if _history_state(history, today) == piece.value for record_id in ids],
            "gbf_targets": lambda: holding("gbf_targets"),
            "gbf_goals": lambda: holding("gbf_goals"),
            "type": lambda: q.rows("SELECT r.id FROM visible r WHERE r.type = :v", v=piece.value),
            "community": lambda: q.rows("SELECT r.id FROM visible r WHERE r.community = :v", v=piece.value),
            "countries": lambda: holding("countries"),
            "languages": lambda: holding("languages"),
        }
        if piece.dimension not in finder:
            raise ValueError(f"no dashboard dimension {piece.dimension!r}")
        return sorted({row[0] for row in finder[piece.dimension]()} - set(library.records.quarantine))
