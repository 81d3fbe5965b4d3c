"""The engine behind ``SearchIndex``, through its public interface: near spellings, ranking,
listings and facets with deletions, the sealed private index's round trip, and an index
folder written by someone else, which is never trusted and never runs code."""

from __future__ import annotations

import json
import pickle
import random
import uuid

import pytest

from kmdesk.core.search import SCHEMA_VERSION, SearchIndex, record_to_doc


def rec(i: int, title: str, body: str = "", **extra) -> dict:
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": extra.pop("type", "practice"), "revision": 1,
            "title": {"en": title}, "body": {"en": body} if body else {}, "access": {"level": "public"}, **extra}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """Two commits; "soil" in most records, "lekagition" and "tersed" in a few."""
    ix = SearchIndex.open(tmp_path_factory.mktemp("engine") / "ix")
    rng = random.Random(11)
    filler = "water seed river forest grass stone cloud".split()

    def record(i: int) -> dict:
        words = rng.choices(filler, k=12) + ["soil"] * (i % 10 != 0)
        if i % 97 == 0:
            words[3:3] = ["lekagition", "soil"]
        if i % 89 == 0:
            words.append("tersed")
        return rec(i, " ".join(rng.choices(filler, k=4)), " ".join(words),
                   keywords=[w for w in ("lekagition", "tersed") if w in words])
    ix.update(record_to_doc(record(i)) for i in range(0, 1500))
    ix.update(record_to_doc(record(i)) for i in range(1500, 3000))
    return ix


def test_a_misspelling_is_corrected(index):
    results = index.search("tersaed", snippets=False)
    assert results.corrected and results.total == len(range(0, 3000, 89))
    assert index.search("lekagitoin", fuzzy=False, snippets=False).suggestion == "lekagition"


def test_a_page_s_hits_are_read_only_when_asked(index, monkeypatch):
    """A merged page keeps only some of each index's hits: a hit's id is read from the UUID
    columns when first asked, with the ids of every hit of its search at once, and its title
    only when asked."""
    from kmdesk.core.search import fields, shown

    read: list[int] = []
    monkeypatch.setattr(fields, "ids", lambda searcher, addresses, ids=fields.ids:
                        read.append(len(addresses)) or ids(searcher, addresses))
    docs: list[int] = []
    monkeypatch.setattr(shown.Shown, "read", lambda self, at, read=shown.Shown.read: docs.append(at) or read(self, at))
    hits = index.search("lekagition", snippets=False, facets=False).hits
    assert read == [] and len(hits) == len(range(0, 3000, 97))
    assert {hit.id for hit in hits} == {rec(i, "")["id"] for i in range(0, 3000, 97)}
    assert read == [len(hits)] and docs == []
    assert hits[3].title["en"] and docs == [3]


def test_a_phrase_needs_its_words_side_by_side(index):
    together = {h.id for h in index.search('"lekagition soil"', limit=100, snippets=False).hits}
    assert together == {rec(i, "")["id"] for i in range(0, 3000, 97)}
    assert index.search('"soil lekagition"', fuzzy=False, snippets=False).total <= len(together)


def test_titles_weigh_more_and_more_words_rank_higher(tmp_path):
    ix = SearchIndex.in_memory()
    ix.update(record_to_doc(r) for r in [
        rec(1, "Notes", "the mangrove nursery of the bay"), rec(2, "Mangrove nursery", "notes"),
        rec(3, "Mangrove", "notes"), rec(4, "Beekeeping", "notes on the mangrove")])
    assert [h.id[-1] for h in ix.search("mangrove nursery", fuzzy=False).hits][:2] == ["2", "1"]
    assert ix.search("mangrove nursery", fuzzy=False).total == 2  # records with every word, when some exist
    assert ix.search("mangrove", fuzzy=False).hits[0].id[-1] in {"2", "3"}


def test_listing_sorts_by_title_and_facets_count_every_live_record(tmp_path):
    ix = SearchIndex.open(tmp_path / "ix")
    kinds = ("practice", "resource", "event")
    records = [rec(i, f"Title {(i * 7919) % 500:03d}", type=kinds[i % 3], gbf_targets=[i % 23 + 1, 1]) for i in range(300)]
    ix.update(record_to_doc(r) for r in records)
    listing = ix.search("", limit=300, snippets=False)
    assert [h.title["en"] for h in listing.hits] == sorted(r["title"]["en"] for r in records)
    assert listing.facets["type"] == [("event", 100), ("practice", 100), ("resource", 100)]
    assert dict(listing.facets["gbf_targets"])["1"] == 300
    ix.delete([records[0]["id"], records[3]["id"]])  # two practices
    after = ix.search("", snippets=False)
    assert after.total == 298 and dict(after.facets["type"])["practice"] == 98


def test_an_empty_index_answers_words_and_phrases_with_nothing(tmp_path):
    ix = SearchIndex.open(tmp_path / "ix")
    for query in ("grazing", '"seed bank"', "grazng", "gr", ""):
        assert ix.search(query, snippets=False, as_you_type=True).total == 0


def ranked(ix: SearchIndex, query: str) -> list[tuple[float, str]]:
    """The ranked hits, equal scores by id: they come in index order, which depends on how many
    threads indexed the documents."""
    return sorted((-hit.score, hit.id) for hit in ix.search(query, limit=100).hits)


def test_an_in_memory_index_goes_through_its_chunks_with_the_same_answers():
    ix = SearchIndex.in_memory(sealable=True)
    ix.update(record_to_doc(rec(i, f"Seed bank {i}", "mangrove nursery")) for i in range(50))
    ix.delete([rec(7, "")["id"]])
    again = SearchIndex.from_chunks(ix.to_chunks())
    assert again is not None and again.versions() == ix.versions() and again.doc_count() == 49
    assert sorted(h.id for h in again.search("mangrove", limit=100).hits) == \
        sorted(h.id for h in ix.search("mangrove", limit=100).hits)  # equal scores: in index order
    assert SearchIndex.from_chunks([b"another-schema\n"]) is None
    assert SearchIndex.from_chunks([next(ix.to_chunks()), b"[1, 2]\n"]) is None
    assert SearchIndex.from_chunks([b"\x80\x04garbage"]) is None


def test_an_index_from_chunks_takes_a_change_while_tantivy_still_commits_it():
    """``from_chunks`` returns before Tantivy's threads have analysed its documents: the next
    writer and reader wait for them, and see them."""
    ix = SearchIndex.in_memory(sealable=True)
    ix.update(record_to_doc(rec(i, f"Seed bank {i}", "mangrove nursery")) for i in range(300))
    again = SearchIndex.from_chunks(ix.to_chunks())
    assert again is not None
    again.update([record_to_doc(rec(1, "Renamed", "estuary"))])
    assert again.doc_count() == 300 and again.search("mangrove", limit=500).total == 299
    assert [h.id for h in again.search("estuary").hits] == [rec(1, "")["id"]]


def test_texts_prepared_in_python_find_the_same_through_the_chunks():
    """The chunks hold the texts as analysed (Russian stems, Arabic folding, Chinese bigrams),
    not analysed again at reopening; chunks of texts not analysed so do not open."""
    ix = SearchIndex.in_memory(sealable=True)
    ix.update([record_to_doc({**rec(1, ""), "title": {"ru": "Семена семье"}}),
               record_to_doc({**rec(2, ""), "title": {"ar": "والبذور"}}),
               record_to_doc({**rec(3, ""), "title": {"zh": "種子銀行"}})])
    again = SearchIndex.from_chunks(ix.to_chunks())
    assert again is not None
    for query in ("семена", "بذور", "种子", "银行"):
        assert ranked(again, query) == ranked(ix, query) != []
    raw = json.dumps(record_to_doc(rec(4, "Семена"))).encode()
    assert SearchIndex.from_chunks([(SCHEMA_VERSION + "\n").encode(), raw + b"\n"]) is None


MANY_LANGUAGES = [
    rec(1, "Mangrove nurseries", "Seed banks of the bay: E.coli tests, naïve and nai\u0308ve counts, the seed bank's keepers"),
    rec(2, "Seed bank", "a bank of seeds kept by the river"),
    {**rec(3, ""), "title": {"fr": "Forêts et pépinières"}, "body": {"fr": "les forêts humides gardent les graines"}},
    {**rec(4, ""), "title": {"es": "Bosques"}, "body": {"es": "los bosques y las semillas del río"}},
    {**rec(5, ""), "title": {"ru": "Семена семье"}, "body": {"ru": "хранение семян в деревне"}},
    {**rec(6, ""), "title": {"ar": "والبذور"}, "body": {"ar": "حفظ البذور في القرية"}},
    {**rec(7, ""), "title": {"zh-Hant": "種子銀行"}, "body": {"zh-Hans": "村里的种子银行保存种子"}},
]


def scored(ix: SearchIndex, query: str) -> list[tuple[float, str]]:
    return sorted((-round(hit.score, 5), hit.id) for hit in ix.search(query, limit=100, snippets=False).hits)


def test_an_index_kept_to_be_sealed_finds_what_an_analysing_index_finds_with_the_same_scores():
    """The private index's documents are analysed by Python once, as they are added; at every
    unlock Tantivy only splits them on spaces (``from_chunks``). Its terms and their positions
    are those of the on-disk index's analysis, so every query ranks the same records with the
    same scores, and the sealed documents hold the terms, not the texts as written."""
    analysing, sealable = SearchIndex.in_memory(), SearchIndex.in_memory(sealable=True)
    for ix in (analysing, sealable):
        ix.update(record_to_doc(r) for r in MANY_LANGUAGES)
    reopened = SearchIndex.from_chunks(sealable.to_chunks())
    assert reopened is not None
    for query in ("mangroves", "seed", '"seed bank"', '"bank seed"', "e.coli", "naive", "foret", "pépinière",
                  "bosque", "семена", "семян", "بذور", "种子", "銀行", '"种子银行"', "mangrov"):
        expected = scored(analysing, query)
        assert scored(sealable, query) == expected == scored(reopened, query), query
        assert expected or query == '"bank seed"', query
    assert scored(reopened, "mangro") == scored(analysing, "mangro")  # completions from the same terms
    for query in ("seed", ""):  # titles kept beside the sealed documents, not read from Tantivy's store
        assert sorted((h.id, h.title) for h in reopened.search(query).hits) == \
            sorted((h.id, h.title) for h in analysing.search(query).hits) != []
    documents = [json.loads(line) for line in b"".join(sealable.to_chunks()).decode().splitlines()[1:]]
    english = next(d for d in documents if d["id"] == rec(1, "")["id"])
    assert english["text_en"].startswith("mangrov nurseri seed bank of the bay e coli test naiv and naiv count")


class _Boom:
    def __reduce__(self):
        return (exec, ("import pathlib; pathlib.Path(__import__('os').environ['KMDESK_CANARY']).write_text('ran')",))


def test_a_crafted_index_folder_runs_nothing_and_is_rebuilt_empty(tmp_path, monkeypatch):
    """An attacker who can write the folder fills index/ with pickles under every name an
    engine might read; opening it runs none of them and gives an index the store rebuilds."""
    canary = tmp_path / "canary"
    monkeypatch.setenv("KMDESK_CANARY", str(canary))
    path = tmp_path / "ix"
    ix = SearchIndex.open(path)
    ix.update([record_to_doc(rec(1, "Seed bank"))])
    bomb = pickle.dumps(_Boom())
    for item in list(path.iterdir()):
        if item.is_file() and item.name != "kmdesk-schema-version":
            item.write_bytes(bomb)
    for name in ("_MAIN_1.toc", "MAIN_x.seg", "meta.json", "a.pkl"):
        (path / name).write_bytes(bomb)
    reopened = SearchIndex.open(path)
    assert reopened.search("seed").total == 0 and reopened.doc_count() == 0
    assert not canary.exists()
    assert not any(p.suffix in (".toc", ".pkl") for p in path.iterdir())


def test_facets_of_a_query_matching_most_records_are_exact(tmp_path):
    """Counted as every record's counts less those of the records the query misses."""
    rng = random.Random(8)
    records = [rec(i, "river " + ("seed" if i % 10 else "stone"), type=rng.choice(["practice", "resource"]),
                   gbf_targets=rng.sample(range(1, 24), 2), countries=[rng.choice(["pe", "ke"])]) for i in range(400)]
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(r) for r in records)
    ix.delete([records[1]["id"], records[10]["id"]])
    live = [r for i, r in enumerate(records) if i not in (1, 10)]
    for query, filters in (("seed", None), ("river", None), ("river", {"countries": ["pe"]})):
        results = ix.search(query, filters=filters, limit=5, snippets=False)
        wanted = [r for r in live if query in r["title"]["en"] and (not filters or r["countries"] == ["pe"])]
        assert results.total == len(wanted) > 200 or filters
        assert dict(results.facets["gbf_targets"]) == {str(t): n for t in range(1, 24)
                                                       if (n := sum(t in r["gbf_targets"] for r in wanted))}
        assert dict(results.facets["type"]) == {t: n for t in ("practice", "resource")
                                                if (n := sum(r["type"] == t for r in wanted))}


def test_a_snippet_is_cut_at_spaces_and_says_where_it_was_cut():
    from kmdesk.core.search.snippets import snippet

    text = ("Almacén de semillas con control de humedad. Seed store with humidity control. The seed guardians "
            "need a ventilated rustic store for five tonnes of seed potato, with diffuse light and no rodents.")
    shown = snippet(text, [("title", "seed")])
    assert shown.startswith("…") and shown.endswith("…") and "<b>Seed</b>" in shown
    plain = shown.replace("<b>", "").replace("</b>", "").strip("…").split()
    words = text.split()
    assert all(word in words for word in plain)  # whole words only, never a piece of one


def test_a_snippet_marks_only_what_the_index_holds_in_that_language():
    """"casas" is a term of every language's field; Spanish stems it to "cas", as it does "caso".
    An index with no Spanish text matched none of its hits in Spanish, so "caso" is no match
    there, and its other fields' words are not all analysed the Spanish way to find that out."""
    english = rec(1, "Houses", "the casas by the river and one caso")
    spanish = {**rec(2, "Casas"), "body": {"es": "las casas del río y un caso"}}
    for records, marked in (([english], ["casas"]), ([english, spanish], ["casas", "caso"])):
        ix = SearchIndex.in_memory()
        ix.update(record_to_doc(r) for r in records)
        shown = {hit.id: hit.snippet for hit in ix.search("casas", fuzzy=False).hits}[english["id"]]
        assert [word for word in ("casas", "caso") if f"<b>{word}</b>" in shown] == marked


def test_an_index_copied_from_another_library_is_rebuilt_not_searched(tmp_path, capsys):
    """A valid index of the right schema written elsewhere (another library's, or crafted)
    answered with records this library does not hold, titles and all, in the window's list."""
    import shutil

    from kmdesk.cli import main
    from kmdesk.core.store.library import Library

    with Library.open(tmp_path / "ours") as ours, Library.open(tmp_path / "theirs") as theirs:
        ours.records.add({"type": "practice", "title": {"en": "Seed fair of the valley"}})
        theirs.records.add({"type": "practice", "title": {"en": "Seed smuggling ring"}})
        assert ours.index.search("seed").total == 1 and theirs.index.search("smuggling").total == 1
    shutil.rmtree(tmp_path / "ours" / "index")
    shutil.copytree(tmp_path / "theirs" / "index", tmp_path / "ours" / "index")
    assert main(["--data-dir", str(tmp_path / "ours"), "search", "smuggling"]) == 0  # the CLI's fast path
    assert "smuggling" not in capsys.readouterr().out.lower()
    with Library.open(tmp_path / "ours") as ours:
        assert ours.index.search("smuggling").total == 0
        assert [h.title["en"] for h in ours.index.search("seed").hits] == ["Seed fair of the valley"]
        assert ours.check().ok


def test_hit_ids_come_from_the_uuid_columns_and_other_ids_from_the_stored_document(tmp_path):
    """A page's ids are read from two number columns for ids written as UUIDs; an id in
    capitals or not a UUID at all has no column and comes whole from its stored document."""
    from kmdesk.core.search import fields

    ix = SearchIndex.open(tmp_path / "ix")
    ids = ["0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e", "0F1E2D3C-4B5A-4968-8778-695A4B3C2D1F", "mangrove-7"]
    ix.update(record_to_doc({**rec(0, f"mangrove {n}"), "id": record_id}) for n, record_id in enumerate(ids))
    searcher = fields.open_index(tmp_path / "ix").searcher()
    addresses = [address for _score, address in searcher.search(fields.filters({"type": ["practice"]}), 5).hits]
    assert sorted(record_id for record_id in fields.ids(searcher, addresses) if record_id) == [ids[0]]
    for results in (ix.search("mangrove"), ix.search("")):
        assert sorted(hit.id for hit in results.hits) == sorted(ids)
    rng = random.Random(5)
    for number in [0, 1, 2**64, 2**128 - 1, *(rng.getrandbits(128) for _ in range(1000))]:
        assert fields.uuid_text(number >> 64, number & (2**64 - 1)) == str(uuid.UUID(int=number))
        assert {hit.id: hit.title["en"] for hit in results.hits} == {record_id: f"mangrove {n}" for n, record_id in enumerate(ids)}


def test_the_facets_of_a_phrase_counted_beside_its_hits_are_those_of_the_records_it_finds(tmp_path):
    """A phrase's facets are counted on another thread while its hits are searched: they are
    the counts of exactly the records the query finds, alone, beside other words, and when
    the query with every word finds nothing and the one with any word is used instead."""
    rng = random.Random(5)
    records = []
    for i in range(600):
        words = rng.choices("water seed river soil forest stone".split(), k=10)
        if i % 3 == 0:
            words[4:4] = ["seed", "soil"]
        records.append(rec(i, "notes", " ".join(words), type=rng.choice(["practice", "resource", "need"]),
                           countries=[rng.choice(["pe", "ke", "fj"])]))
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(r) for r in records)
    by_id = {r["id"]: r for r in records}
    for query in ('"seed soil"', '"seed soil" river', '"seed soil" lekagition', '"soil seed" "water stone"'):
        results = ix.search(query, limit=1000, snippets=False, fuzzy=False)
        found = [by_id[h.id] for h in results.hits]
        assert results.total == len(found) > 0
        assert dict(results.facets["type"]) == {t: n for t in ("practice", "resource", "need")
                                                if (n := sum(r["type"] == t for r in found))}
        assert dict(results.facets["countries"]) == {c: n for c in ("pe", "ke", "fj")
                                                     if (n := sum(r["countries"] == [c] for r in found))}
    assert ix.search('"seed soil" lekagition', limit=1000, snippets=False).total == ix.search(
        '"seed soil"', limit=1000, snippets=False).total  # no record has both: any of them
