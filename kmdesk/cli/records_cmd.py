"""Record commands: init, add, show, list, edit, delete, search, check, reindex (import and
export live in ``io_cmd``)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from kmdesk.cli.common import (
    CliError,
    ProgressBar,
    add_common,
    confirm,
    data_dir,
    emit_json,
    open_library,
    open_reading,
    passphrase,
    store,
    wants_json,
)
from kmdesk.cli.words import (
    country_names,
    day,
    explain,
    field_name,
    language_name,
    place_words,
    remote_status,
    when,
)
from kmdesk.core import vocab
from kmdesk.core.errors import DamagedRecord, KmdeskError, NotFound
from kmdesk.core.store import text
from kmdesk.core.store.records import default_access_level, display_title, short_id
from kmdesk.core.trust.consent import consent_state

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands

EXIT_DRIFT = 1


def register(sub: Commands) -> None:
    def command(name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        parser.set_defaults(func=func)
        return parser

    init = command("init", "create a library; with --profile, its first custodian", _init)
    init.add_argument("--demo", action="store_true", help="fill the new library with the demo records")

    add = command("add", "add a record and print its id", _add)
    _record_options(add, required=True)

    show = command("show", "show one record", _show)
    show.add_argument("id")
    show.add_argument("--history", action="store_true", help="also show the edit history")

    lst = command("list", "list records", _list)
    lst.add_argument("--type", choices=vocab.keys("types"))
    lst.add_argument("--limit", type=int, default=0)

    edit = command("edit", "change fields of a record (given list options replace the list)", _edit)
    edit.add_argument("id")
    _record_options(edit, required=False)

    remove = command("delete", "delete a record into the trash (its history is kept; 'kmdesk trash' restores it); "
                     "asks first unless --yes", _delete)
    remove.add_argument("id")
    remove.add_argument("--yes", action="store_true", help="delete without asking (for scripts)")

    search = command("search", "full-text search", _search)
    search.add_argument("query")
    search.add_argument("--type", choices=vocab.keys("types"))
    search.add_argument("--target", type=int, action="append", metavar="N")
    search.add_argument("--community")
    search.add_argument("--language")
    search.add_argument("--limit", type=int, default=20)

    check = command("check", "compare the search index with the store, list damaged records and rows that fail their "
                    "check, and say whether the library went back since it was last seen here (exit 1 on any)", _check)
    check.add_argument("--accept-rollback", action="store_true",
                       help="a custodian restored an older copy on purpose: remember it as the newest state")
    command("reindex", "rebuild the search index from the store", _reindex)



def _record_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--type", required=required, choices=vocab.keys("types"))
    parser.add_argument("--resource-kind", choices=vocab.keys("resource_kinds"))
    parser.add_argument("--title", required=required)
    parser.add_argument("--lang", default="en", help="language of --title/--summary/--body (BCP 47, default en)")
    parser.add_argument("--summary")
    parser.add_argument("--body")
    parser.add_argument("--keyword", action="append", metavar="K")
    parser.add_argument("--target", action="append", metavar="N", help="GBF target number (1-23)")
    parser.add_argument("--goal", action="append", metavar="G", help="GBF goal (A-D)")
    parser.add_argument("--author", action="append", metavar="NAME")
    parser.add_argument("--holder", action="append", metavar="NAME", help="knowledge holder")
    parser.add_argument("--date", metavar="YYYY[-MM[-DD]]")
    parser.add_argument("--url")
    parser.add_argument("--country", action="append", metavar="CC")
    parser.add_argument("--language", action="append", metavar="TAG", dest="languages", help="language of the knowledge/resource")
    parser.add_argument("--place", action="append", metavar="NAME")
    parser.add_argument("--community")
    parser.add_argument("--licence")
    parser.add_argument("--access", choices=["public", "community", "restricted", "sacred"])
    parser.add_argument("--protocol", action="append", metavar="P", help="cultural protocol (repeatable)")
    parser.add_argument("--sharing", choices=["all", "any"], help="with several protocols: viewer needs all (default) or any")
    parser.add_argument("--custodian", action="append", metavar="NAME", help="named custodian of a sacred record")
    parser.add_argument("--label", action="append", metavar="CODE", help="Local Contexts label code, e.g. 'TK A'")


def _fields(args: argparse.Namespace, current: dict[str, Any] | None = None) -> dict[str, Any]:
    """Turn options into record fields; only the options given (so ``edit`` changes only them)."""
    out: dict[str, Any] = {}
    for field in ("title", "summary", "body"):
        value = getattr(args, field)
        if value is not None:
            texts = dict((current or {}).get(field) or {})
            texts[args.lang] = value
            out[field] = texts
    simple = {"type": "type", "resource_kind": "resource_kind", "date": "date", "url": "source_url",
              "community": "community", "licence": "licence", "keyword": "keywords", "target": "gbf_targets",
              "goal": "gbf_goals", "country": "countries", "languages": "languages", "place": "places"}
    for option, field in simple.items():
        value = getattr(args, option)
        if value is not None:
            out[field] = value
    if args.label is not None:
        out["labels"] = args.label
    if any(v is not None for v in (args.access, args.protocol, args.sharing, args.custodian)):
        access = dict((current or {}).get("access") or {})  # a new record's level: the core's default for its type
        out["access"] = {**access, **{k: v for k, v in (("level", args.access), ("protocols", args.protocol),
                                                           ("sharing", args.sharing), ("custodians", args.custodian)) if v is not None}}
    if args.author is not None or args.holder is not None:
        out["creators"] = [{"name": n, "role": "author"} for n in args.author or []] + \
                          [{"name": n, "role": "knowledge_holder"} for n in args.holder or []]
    return out


def _init(args: argparse.Namespace) -> int:
    library_class = store()
    from kmdesk.core.store.seed import seed_demo  # it needs the store: loaded (and frozen) first

    directory = data_dir(args)
    existed = (directory / "library.db").exists()
    with library_class.open(directory) as library:
        profile = getattr(args, "profile", None)
        if profile and not library.access.has_profiles():
            secret = passphrase(args, prompt=f"New passphrase for {profile}: ")
            library.access.create_profile(profile, secret, ["custodian"])
            library.unlock(profile, secret)
        elif profile:
            library.unlock(profile, passphrase(args))
        imported = seed_demo(library) if args.demo else 0
        if wants_json(args):
            emit_json({"data_dir": str(directory), "created": not existed, "demo_records": imported})
        else:
            print(f"{'Opened' if existed else 'Created'} library at {directory}" + (f"; {imported} demo records" if args.demo else ""))
    return 0


def _add(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        try:
            record = library.records.add(_fields(args))
        except KmdeskError as exc:
            if args.access is None and default_access_level(args.type) != "public":
                raise CliError(f"{exc}: {args.type} starts with its community's access; name a community added with "
                               "'kmdesk community add' (--community NAME), or choose --access") from None
            raise
    if wants_json(args):
        emit_json(record)
    else:
        print(record["id"])
    return 0


def _edit(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        record_id = library.records.resolve_id(args.id)
        changes = _fields(args, library.records.get(record_id))
        if not changes:
            raise CliError("nothing to change: give at least one option such as --title or --keyword")
        record = library.records.update(record_id, changes)
    if wants_json(args):
        emit_json(record)
    else:
        print(f"{record['id']} revision {record['revision']}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        record_id = library.records.resolve_id(args.id)
        library.records.check_own(record_id, "delete")  # a pulled record is refused before the question
        if not args.yes:
            try:
                title = display_title(library.records.get(record_id)) or "restricted knowledge"
            except DamagedRecord:  # a quarantined record is deleted after the same question
                title = "a record that failed its integrity check"
            confirm(f"Delete '{title}' ({record_id})? It goes to the trash; its history is kept.",
                    refusal=f"not deleting {record_id}: confirm in a terminal, or pass --yes")
        library.records.delete(record_id)
    if wants_json(args):
        emit_json({"deleted": record_id})
    else:
        print(f"deleted {record_id} (in the trash: 'kmdesk trash restore {short_id(record_id)}' brings it back)")
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_reading(args) as library:
        record_id = library.records.resolve_id(args.id, deleted=args.history)
        try:
            record = library.records.get(record_id)
        except NotFound:  # resolved, so deleted: its history is still there to read
            return _show_deleted(record_id, library.history.of(record_id), wants_json(args))
        history = library.history.of(record["id"]) if args.history or wants_json(args) else []
        sharing = library.sync.eligibility(record["id"])
        remote = library.sync.states(record["id"])
        pulled = library.records.pulled([record["id"]]).get(record["id"])
        notes = _language_notes(library, record) if set(sharing) != {""} else {}
        problems = library.records.problems(record["id"])
        in_conflict = library.records.in_conflict(record["id"])
    state = consent_state(record.get("consents") or [], date.today()).value
    if wants_json(args):
        emit_json({**record, "history": history, "consent_state": state, "sharing": sharing, "remote": remote, "pulled": pulled,
                   "problems": problems, "hub_conflicts": in_conflict})
        return 0
    print(format_record(record, pulled))
    print(f"  consent:   {state}")
    for problem in problems:
        print(f"  TAMPERED:  {problem}")
    if in_conflict:
        print(f"  IN CONFLICT: {', '.join(in_conflict)}: changed on two devices at once; both values are kept and one "
              "is shown here ('kmdesk hub conflicts' lists both, 'kmdesk hub resolve' keeps one)")
    for target, verdict in sharing.items():
        where = f" to {target}" if target else ""
        if verdict["eligible"]:
            print(f"  sharing{where}: eligible" + (f" ({notes[target]})" if notes.get(target) else ""))
        else:
            print(f"  sharing{where}: not eligible: " + "; ".join(explain(r) for r in verdict["reasons"]))
    for item in remote:
        print(f"  at {item['target']}: {remote_status(item)}")
    _print_history(history)
    return 0


def _language_notes(library: Any, record: dict[str, Any]) -> dict[str, str | None]:
    """Per CHM target: which of the record's languages the CHM cannot take (said before sending)."""
    from kmdesk.cli.sync_cmd import language_note
    from kmdesk.core.chm.status import record_status

    if record.get("sealed"):
        return {}
    return {state["target"]: language_note(state) for state in record_status(library, record["id"])}


def _show_deleted(record_id: str, history: list[dict[str, Any]], as_json: bool) -> int:
    if as_json:
        emit_json({"id": record_id, "deleted": True, "history": history})
        return 0
    print(f"deleted record\n  id:        {record_id}")
    _print_history(history)
    return 0


def _print_history(history: list[dict[str, Any]]) -> None:
    if history:
        print("\nHistory:")
        for entry in history:
            fields = f"[{entry['damaged']}]" if entry.get("damaged") else ", ".join(sorted(field_name(f) for f in entry["changes"])) or "-"
            print(f"  {when(entry['at'])}  {entry['by']}  {entry['action']}  {fields}")


WITHDRAWN = "[withdrawn]"  # a pulled record the CHM no longer lists, in show, list and search


def _marked(title: str, pulled: dict[str, Any] | None) -> str:
    return f"{WITHDRAWN} {title}" if pulled and pulled["withdrawn"] else title


def _pulled_line(pulled: dict[str, Any]) -> str:
    line = f"  from the CHM: {pulled['chm_id']} (target {pulled['target']}); read-only here, a pull brings its changes"
    if pulled["withdrawn"]:
        line += "\n  withdrawn: the CHM no longer lists this record"
    return line


def format_record(record: dict[str, Any], pulled: dict[str, Any] | None = None) -> str:
    """The record as ``show`` prints it; ``pulled`` (``library.records.pulled``): where a record pulled
    from the CHM came from, and whether the CHM withdrew it."""
    if record.get("sealed"):
        holder = record.get("community") or "its custodians"
        return f"Restricted knowledge held by {holder}\n  id:        {record['id']}\n  access:    {record['access']['level']}"
    lines = [_marked(display_title(record), pulled), f"  id:        {record['id']}", f"  type:      {record['type']}"
             + (f" ({record['resource_kind']})" if record.get("resource_kind") else "")]
    if pulled:
        lines.append(_pulled_line(pulled))
    for lang, value in record["title"].items():
        lines.append(f"  title[{lang}]: {value}")
    for field in ("summary", "body"):
        for lang, value in (record.get(field) or {}).items():
            lines.append(f"  {field}[{lang}]: {value}")
    roles, labels = vocab.titles("creator_roles", "en"), vocab.label_vocab()
    facts = {
        "keywords": ", ".join(record["keywords"]),
        "GBF goals": ", ".join(record["gbf_goals"]),
        "GBF targets": ", ".join(str(t) for t in record["gbf_targets"]),
        "countries": country_names(record["countries"]),
        "places": "; ".join(place_words(p) for p in record["places"]),
        "languages": ", ".join(language_name(t) for t in record["languages"]),
        "creators": "; ".join(f"{c['name']} ({roles.get(c['role'], c['role'])})" for c in record["creators"]),
        "community": record.get("community") or "",
        "date": record.get("date") or "",
        "licence": record.get("licence") or "",
        "source": record.get("source_url") or "",
        "access": record["access"]["level"],
        "labels": ", ".join(labels.get(code, {}).get("name") or code for code in record.get("labels") or []),
        "contacts": _contacts_line(record),
        "revision": f"{record['revision']} (changed {when(record['updated_at'])})",
    }
    lines += [f"  {name}: {value}" for name, value in facts.items() if value]
    return "\n".join(lines)


def _contacts_line(record: dict[str, Any]) -> str:
    """A person's or organization's contact details with the consent that lets them be shown;
    a locked reader never gets them without one (``consent.withhold_contacts``)."""
    from kmdesk.core.trust import consent

    given = record.get("identifiers") or {}
    contacts = ", ".join(f"{key}: {given[key]}" for key in consent.CONTACT_KEYS if given.get(key))
    if not contacts and record.get("type") not in ("person", "organization"):
        return ""
    listing = consent.listing_consent(record, date.today())
    if listing is None:
        return (contacts + " " if contacts else "") + "(not listed: shown only with a valid consent to list in the practitioner directory)"
    who = listing.get("granted_by") or "a sealed consent"
    return contacts + f" (listed with the consent of {who}, given on {day(listing.get('given_on'))})"


def _list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = [r for r in library.records.iter_all() if not args.type or r["type"] == args.type]
        items.sort(key=lambda r: display_title(r).casefold())
        if args.limit:
            items = items[: args.limit]
        pulled = library.records.pulled(r["id"] for r in items)
    if wants_json(args):
        emit_json([{"id": r["id"], "type": r["type"], "title": r["title"], "date": r["date"],
                    "access": r["access"]["level"], "sealed": bool(r.get("sealed")), "pulled": r["id"] in pulled,
                    "withdrawn": bool(pulled.get(r["id"], {}).get("withdrawn")), "damaged": r.get("damaged"),
                    "problems": r.get("problems", [])} for r in items])
        return 0
    width = _id_width(r["id"] for r in items)
    for r in items:
        title = f"[failed its integrity check: {r['damaged']}]" if r.get("damaged") else \
            display_title(r) or f"[restricted knowledge held by {r.get('community') or 'its custodians'}]"
        print(f"{short_id(r['id']):<{width}}  {r['type']:<22} {r['access']['level']:<10} {_marked(title, pulled.get(r['id']))}")
        for problem in r.get("problems", []):
            print(f"{'':<{width}}  TAMPERED: {problem}")
    return 0


def _id_width(ids: Any) -> int:
    """The id column's width: the longest short id shown (``records.short_id``), at least 8."""
    return max([8, *(len(short_id(i)) for i in ids)])


def _search(args: argparse.Namespace) -> int:
    filters: dict[str, list[str]] = {}
    if args.type:
        filters["type"] = [args.type]
    if args.target:
        filters["gbf_targets"] = [str(t) for t in args.target]
    if args.community:
        filters["community"] = [args.community]
    if args.language:
        filters["languages"] = [args.language]
    with open_reading(args, search=True) as library:  # no facets shown here, and snippets only in JSON: neither is made
        results = library.index.search(args.query, filters=filters, limit=args.limit, snippets=wants_json(args), facets=False)
        pulled = library.records.pulled(h.id for h in results.hits)
        damaged = library.records.failing(h.id for h in results.hits)
    if wants_json(args):
        emit_json([{"id": h.id, "title": h.title, "score": round(h.score, 4), "snippet": h.snippet,
                    "withdrawn": bool(pulled.get(h.id, {}).get("withdrawn")), "damaged": damaged.get(h.id)}
                   for h in results.hits])
        return 0
    if not results.hits:
        print("no matches" + (f"; did you mean: {results.suggestion}?" if results.suggestion else ""))
        return 0
    width = _id_width(h.id for h in results.hits)
    for hit in results.hits:
        title = f"[failed its integrity check: {damaged[hit.id]}]" if hit.id in damaged else display_title({"title": hit.title})
        print(f"{short_id(hit.id):<{width}}  {hit.score:6.2f}  {_marked(title, pulled.get(hit.id))}")
    print(f"{results.total} match(es)" + (f"; did you mean: {results.suggestion}?" if results.suggestion else ""))
    return 0


def _check(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        went_back = library.rollback
        if went_back and args.accept_rollback:
            library.accept_rollback()
        repaired = 0 if library.read_only else text.repair_library(library)  # read-only: checked, not repaired
        drift = library.check()
        integrity = library.integrity()
        unlocked = library.access.unlocked_profile() is not None
    damaged, untrusted = integrity.damaged, integrity.rows
    rolled_back = went_back and not args.accept_rollback
    ok = drift.ok and not damaged and not untrusted and not rolled_back
    if wants_json(args):
        emit_json({"ok": ok, "missing": drift.missing, "stale": drift.stale, "orphans": drift.orphans,
                   "damaged": damaged, "rows": untrusted, "unsigned": integrity.unsigned, "unopened": integrity.unopened,
                   "went_back": went_back, "repaired": repaired})
        return 0 if ok else EXIT_DRIFT
    if repaired:
        print(f"repaired invalid text (lone surrogates, control characters) in {repaired} record(s)")
    if drift.ok:
        print("index and store agree")
    else:
        print(f"drift: {len(drift.missing)} missing from the index, {len(drift.stale)} stale, "
              f"{len(drift.orphans)} in the index but not in the store; run 'kmdesk reindex'")
    for line in went_back:
        print(f"went back since last seen here: {line}" + (" (accepted)" if args.accept_rollback else
                                                              " (a custodian who restored it on purpose: --accept-rollback)"))
    if integrity.unsigned:
        print("this library's rows are not signed yet: until a custodian holding the library key unlocks it, "
              "they are untrusted (unsigned records are quarantined, unsigned consent does not count)")
    for item in damaged:
        print(f"record {item['id']} failed its integrity check ({item['problem']}); its other copies: "
              f"{', '.join(item['copies']) or 'none known'}")
    for item in sorted(untrusted, key=lambda found: (found["record"] or "", found["problem"])):
        print(f"{item['problem']}" + (f" [record {item['record']}]" if item["record"] and item["record"] not in item["problem"] else ""))
    if integrity.unopened:
        print(f"{integrity.unopened} sealed record(s) {'this profile' if unlocked else 'a locked library'} cannot open: "
              f"their content and the access block sealed with it were not checked"
              f"{'' if unlocked else ' (check with --profile to open what yours may)'}")
    return 0 if ok else EXIT_DRIFT


def _reindex(args: argparse.Namespace) -> int:
    bar = ProgressBar("Indexing", enabled=not wants_json(args))
    with open_library(args, catch_up=False) as library:
        count = library.index.reindex(progress=bar)
    bar.close()
    if wants_json(args):
        emit_json({"indexed": count})
    else:
        print(f"indexed {count} records")
    return 0
