"""The dashboard's figures: what the library covers (GBF goals and targets, types, communities,
languages, countries, years), what was shared with the CHM, and where consent stands.

Every figure is an SQL aggregate over the records *this profile may count*: public records,
the community and restricted records the unlocked profile may open (the same rule as
``consent.can_view``, written as SQL so 100,000 rows are never loaded), and never a sacred
record, not even for its custodians: a count shown on a screen or a map says that sacred
knowledge exists and where. Only the columns that stay plain for sealed records are read (type,
goals, targets, countries, languages, community, date), so nothing is decrypted.

A count is a slice of the library, and clicking it must list exactly what it counted: ``Slice``
names it, and ``filters`` turns it into the search's filters — a facet where the search index
has one, else the ids of the records the slice holds (languages, years, sharing and consent
states).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from kmdesk.core import consent

if TYPE_CHECKING:
    from kmdesk.core.store import Library

SOON_DAYS = 90  # consent "expiring" within this many days (the figure)
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

    def counts(self, dimension: str) -> dict[str, int]:
        """The counts of one chart with string keys, as ``Slice`` values are."""
        source: dict[Any, int] = {
            "gbf_goals": self.goals, "gbf_targets": self.targets, "type": self.types, "community": self.communities,
            "languages": self.languages, "countries": self.countries, "year": self.years, "sharing": self.sharing,
            "consent": self.consent}[dimension]
        return {str(key): value for key, value in source.items()}


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
        " OR (r.access_level = 'community' AND (r.community IN :communities"
        + (" OR EXISTS (SELECT 1 FROM json_each(r.custodians) c WHERE c.value = :viewer)" if custodian else "")
        + "))"
        " OR (r.access_level = 'restricted' AND json_array_length(r.access_protocols) > 0 AND ("
        "   (r.access_sharing = 'any' AND EXISTS (SELECT 1 FROM json_each(r.access_protocols) p"
        "                                         WHERE p.value IN :passing))"
        "   OR (r.access_sharing != 'any' AND NOT EXISTS (SELECT 1 FROM json_each(r.access_protocols) p"
        "                                                 WHERE p.value NOT IN :passing)))))"
    )
    params = {"communities": sorted(viewer.communities), "passing": passing}
    return clause, {**params, "viewer": viewer.name} if custodian else params


# the columns the figures read: one scan of the records table copies them (materialised), and
# every count then reads that narrow copy instead of the records' text
_COLUMNS = "r.id, r.type, r.community, r.date, r.gbf_targets, r.gbf_goals, r.countries, r.languages"
# every count over the records in one statement: (dimension, value, records)
_COUNTS = " UNION ALL ".join((
    "SELECT 'total', '', count(*) FROM visible",
    "SELECT 'gbf_targets', CAST(j.value AS TEXT), count(*) FROM visible r, json_each(r.gbf_targets) j GROUP BY 2",
    "SELECT 'gbf_goals', j.value, count(*) FROM visible r, json_each(r.gbf_goals) j GROUP BY 2",
    "SELECT 'type', r.type, count(*) FROM visible r GROUP BY 2",
    "SELECT 'community', r.community, count(*) FROM visible r GROUP BY 2",
    "SELECT 'languages', j.value, count(*) FROM visible r, json_each(r.languages) j GROUP BY 2",
    "SELECT 'countries', j.value, count(*) FROM visible r, json_each(r.countries) j GROUP BY 2",
    "SELECT 'year', substr(r.date, 1, 4), count(*) FROM visible r WHERE r.date GLOB '[0-9][0-9][0-9][0-9]*' GROUP BY 2",
))


class Countable:
    """Runs SQL over the countable records (``WITH visible AS ...``) in one read session (the
    map asks its questions through it too)."""

    def __init__(self, library: Library, session: Session, public_only: bool = False) -> None:
        self.session = session
        self.where, self.params = _countable(library, session, public_only)

    def rows(self, sql: str, *, scan: bool = False, **params: Any) -> list[Any]:
        """Rows of ``sql``; a list parameter is bound as an ``IN`` list. With ``scan`` (counts
        over every record) ``visible`` is a materialised copy of the narrow columns; without it
        SQLite folds it into the query, so a join from a small table looks records up by id."""
        values = {**self.params, **params}
        visible = f"MATERIALIZED (SELECT {_COLUMNS}" if scan else "(SELECT r.*"
        statement = text(f"WITH visible AS {visible} FROM records r WHERE {self.where}) {sql}").bindparams(
            *(bindparam(name, expanding=True) for name, value in values.items() if isinstance(value, list)))
        return list(self.session.execute(statement, values).all())


# -- the figures ---------------------------------------------------------------------------------
def figures(library: Library, today: date | None = None, *, public_only: bool = False) -> Figures:
    """Every figure of the dashboard, for the profile unlocked now (public records only while
    locked, or with ``public_only``: a report that leaves the library). Call it off the GUI thread."""
    today = today or date.today()
    with library.reading() as session:
        q = Countable(library, session, public_only)
        counts: dict[str, dict[str, int]] = {}
        for dimension, value, count in q.rows(_COUNTS, scan=True):
            if value not in (None, "") or dimension == "total":
                counts.setdefault(dimension, {})[str(value)] = count
        out = Figures(total=counts["total"][""])
        out.targets = {n: counts.get("gbf_targets", {}).get(str(n), 0) for n in TARGETS}
        out.goals = {g: counts.get("gbf_goals", {}).get(g, 0) for g in GOALS}
        out.types = counts.get("type", {})
        out.communities = counts.get("community", {})
        out.languages = counts.get("languages", {})
        out.countries = counts.get("countries", {})
        out.years = dict(sorted(counts.get("year", {}).items()))
        sharing: dict[str, int] = {}
        for status, count in q.rows("SELECT s.status, count(DISTINCT s.record_id) FROM remote_state s "
                                    "JOIN visible r ON r.id = s.record_id GROUP BY 1"):
            state = _SHARING_OF_STATUS.get(status)
            if state:
                sharing[state] = sharing.get(state, 0) + count
        out.sharing = {state: sharing.get(state, 0) for state in SHARING_STATES}
        out.refusals = [(message or "", count) for message, count in q.rows(
            "SELECT s.message, count(DISTINCT s.record_id) FROM remote_state s JOIN visible r ON r.id = s.record_id "
            "WHERE s.status = 'failed' GROUP BY 1 ORDER BY 2 DESC, 1")]
        states = _consent_states(q, today)
    counted: dict[str, int] = {}
    for state in states.values():
        counted[state] = counted.get(state, 0) + 1
    out.consent = {state: counted.get(state, 0) for state in CONSENT_STATES}
    return out


def _consent_states(q: Countable, today: date) -> dict[str, str]:
    """Record id -> dashboard consent state, for records with a consent in one of
    ``CONSENT_STATES``. Folded from the consent events' dates, which stay readable for sealed
    records; signatures are not checked here (``kmdesk audit verify`` and the record view do),
    so a figure may count an event a verification would reject."""
    events: dict[str, list[dict[str, Any]]] = {}
    by_id: dict[tuple[str, str], dict[str, Any]] = {}
    for record_id, consent_id, kind, given, expires, withdrawn, withdrawn_by in q.rows(
            "SELECT e.record_id, e.consent_id, e.kind, json_extract(e.data, '$.given_on'),"
            " json_extract(e.data, '$.expires_on'), json_extract(e.data, '$.withdrawn_on'),"
            " json_extract(e.data, '$.withdrawn_by') FROM consent_events e JOIN visible r ON r.id = e.record_id"
            " ORDER BY e.id"):
        if kind == "grant":
            item = by_id[(record_id, consent_id)] = {"given_on": given, "expires_on": expires,
                                                     "withdrawn_on": withdrawn, "withdrawn_by": withdrawn_by}
            events.setdefault(record_id, []).append(item)
        elif (item := by_id.get((record_id, consent_id))) is not None:
            # a withdrawal; a sealed one keeps only its date, and without one it counts from when
            # it was recorded (``consent_state``: a withdrawer without a date)
            item["withdrawn_on"] = withdrawn or item["withdrawn_on"]
            item["withdrawn_by"] = withdrawn_by or item["withdrawn_by"] or (None if withdrawn else "?")
    # many records share their dates (a community assembly consents to many at once): the rule
    # is applied once per distinct history
    states: dict[tuple[tuple[Any, ...], ...], str | None] = {}
    out = {}
    for record_id, consents in events.items():
        key = tuple(tuple(item.values()) for item in consents)
        if key not in states:
            states[key] = _CONSENT_OF_STATE.get(consent.consent_state(consents, today, SOON_DAYS))
        if states[key]:
            out[record_id] = states[key]
    return out


# -- a click on a bar ------------------------------------------------------------------------------
def filters(library: Library, piece: Slice, today: date | None = None) -> dict[str, list[str]]:
    """The search filters that list exactly the records ``piece`` counts (call off the GUI
    thread: an id slice is read from the database)."""
    if piece.dimension in FACET_DIMENSIONS:
        return {piece.dimension: [piece.value]}
    return {"id": slice_ids(library, piece, today)}


def slice_ids(library: Library, piece: Slice, today: date | None = None) -> list[str]:
    """The ids of the countable records in ``piece`` (any dimension), sorted."""
    today = today or date.today()
    with library.reading() as session:
        q = Countable(library, session)
        finder: dict[str, Callable[[], list[Any]]] = {
            "year": lambda: q.rows("SELECT r.id FROM visible r WHERE substr(r.date, 1, 4) = :v", v=piece.value),
            "sharing": lambda: q.rows(
                "SELECT DISTINCT s.record_id FROM remote_state s JOIN visible r ON r.id = s.record_id "
                "WHERE s.status IN :statuses", statuses=[s for s, state in _SHARING_OF_STATUS.items()
                                                        if state == piece.value]),
            "consent": lambda: [(record_id,) for record_id, state in _consent_states(q, today).items()
                                if state == piece.value],
            "gbf_targets": lambda: q.rows("SELECT r.id FROM visible r, json_each(r.gbf_targets) j "
                                          "WHERE CAST(j.value AS TEXT) = :v", v=piece.value),
            "gbf_goals": lambda: q.rows("SELECT r.id FROM visible r, json_each(r.gbf_goals) j WHERE j.value = :v",
                                        v=piece.value),
            "type": lambda: q.rows("SELECT r.id FROM visible r WHERE r.type = :v", v=piece.value),
            "community": lambda: q.rows("SELECT r.id FROM visible r WHERE r.community = :v", v=piece.value),
            "countries": lambda: q.rows("SELECT r.id FROM visible r, json_each(r.countries) j WHERE j.value = :v",
                                        v=piece.value),
            "languages": lambda: q.rows("SELECT r.id FROM visible r, json_each(r.languages) j WHERE j.value = :v",
                                        v=piece.value),
        }
        if piece.dimension not in finder:
            raise ValueError(f"no dashboard dimension {piece.dimension!r}")
        return sorted({row[0] for row in finder[piece.dimension]()})
