"""Suggested GBF targets and CBD subjects, with evidence, applied by nobody but a person."""

from __future__ import annotations

import json

from conftest import open_as_custodian
from labelled_sets import SUGGEST_SET, suggest_top3

from kmdesk.core.chm import suggest

TOP3_BAR = 0.85  # leave-one-out on the demo library's public records: measured 0.95 (bench/README.md)
FRESH_TOP3_BAR = 0.8  # fresh untagged records in six languages, public records: measured 0.90 (bench/README.md)


def leave_one_out_top3(library) -> tuple[int, int]:
    """Each tagged record with its tags taken off: is one of its targets among the first three?"""
    tagged = [r for r in library.records.iter_all() if r["gbf_targets"] and not r.get("sealed")]
    hits = 0
    for record in tagged:
        found = suggest.suggest_for(library, {**record, "gbf_targets": [], "subjects": []}, limit=3)
        hits += bool({s.value for s in found if s.kind == "gbf_target"} & set(record["gbf_targets"]))
    return hits, len(tagged)


def test_an_untagged_record_gets_targets_and_subjects_with_evidence(library):
    record = library.records.add({"type": "resource", "title": {"en": "Seed bank manual for communities"},
                                  "summary": {"en": "Running a community seed bank for potato seed."}})
    found = suggest.suggest(library, record["id"])
    targets = {s.value: s for s in found if s.kind == "gbf_target"}
    assert list(targets)[:2] in ([4, 13], [13, 4])
    # 13: the seed bank guide and the potato seed exchange both carry it
    assert {r["title"].get("en") for r in targets[13].records} >= {"Community seed bank guide"}
    assert targets[4].terms == ["seed_bank"] and targets[4].words == ["Seed bank"]  # Target 4's "seed bank" term
    subjects = [s for s in found if s.kind == "subject"]
    assert subjects[0].value == "CBD-SUBJECT-AGR" and subjects[0].terms == ["seed_bank"]
    ilc = next(s for s in subjects if s.value == "CBD-SUBJECT-ILC")
    assert "communities" in ilc.words  # the subject's own title
    assert library.records.get(record["id"])["gbf_targets"] == []  # nothing applied


def test_the_vocabularies_own_words_are_evidence_in_any_un_language(library):
    record = library.records.add({"type": "resource", "title": {"fr": "Espèces exotiques envahissantes dans les îles"}})
    found = suggest.suggest(library, record["id"])
    invasive = next(s for s in found if s.kind == "gbf_target" and s.value == 6)
    assert invasive.words and not invasive.records  # from Target 6's French title alone


def test_leave_one_out_top3_on_the_demo_library_holds_the_bar(demo_library):
    hits, total = leave_one_out_top3(demo_library)
    assert total >= 40 and hits / total >= TOP3_BAR


def test_fresh_untagged_records_in_six_languages_get_their_target_in_the_top_3(demo_library):
    """Records the suggester never saw (not in the demo library), ten in each UN language."""
    by_language = suggest_top3(demo_library)
    assert set(by_language) == {"en", "es", "fr", "ar", "zh", "ru"} and len(SUGGEST_SET["records"]) >= 60
    hits = sum(h for h, _ in by_language.values())
    assert hits / len(SUGGEST_SET["records"]) >= FRESH_TOP3_BAR, by_language


def test_direct_vocabulary_evidence_outweighs_a_weakly_similar_record(library):
    """"control" is all this record shares with a tagged one; its own words name invasive species."""
    library.records.add({"type": "need", "title": {"es": "Almacén de semillas con control de humedad"}, "gbf_targets": [4, 19]})
    record = {"id": "new", "type": "resource", "title": {"es": "Control de especies invasoras en las islas"}}
    found = [s for s in suggest.suggest_for(library, record, limit=3) if s.kind == "gbf_target"]
    assert found[0].value == 6 and "especies invasoras" in found[0].words and not found[0].records


def test_function_words_are_never_evidence_and_chinese_words_are_words(library):
    from kmdesk.core.search import SearchIndex, record_to_doc

    record = {"id": "new", "type": "resource", "title": {"es": "Menos plaguicidas en los cultivos"},
              "summary": {"es": "Menos fertilizantes, menos plaguicidas, menos contaminación de los ríos."}}
    library.records.add({"type": "resource", "title": {"es": "Mucho menos de lo que pensamos"}, "gbf_targets": [21]})
    found = suggest.suggest_for(library, record, limit=5)
    assert all("menos" not in (w.casefold() for w in s.words) for s in found)
    assert 21 not in [s.value for s in found if s.kind == "gbf_target"]  # shares nothing but "menos"
    index = SearchIndex.in_memory()
    index.update(record_to_doc({"id": str(i), "title": {"zh": text}}) for i, text in enumerate(
        ["社区巡护员使用手机监测野生动物", "我们需要红树林恢复的培训", "城市绿地与居民健康"]))
    like = index.like(record_to_doc({"id": "q", "title": {"zh": "我们想学习红树林恢复和野生动物监测"}}), {})
    words = {w for hit in like for w in hit.words}
    assert {"红树林恢复", "野生动物"} <= words or {"红树林", "野生动物"} <= words, words
    assert all(len(w) >= 2 for w in words) and not {"我们", "们需"} & words, words


def test_kmdesk_suggest_json(tmp_path, capsys, library):
    from kmdesk.cli import main

    record = library.records.add({"type": "resource", "title": {"en": "Guide to seed banks"}})
    library.close()
    assert main(["--data-dir", str(library.data_dir), "suggest", record["id"], "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["kind"] == "gbf_target" and found[0]["records"]


def test_the_editor_proposes_and_applies_only_what_is_clicked(make_window, library):
    window = make_window(library, shown=False)
    editor = window.new_record()
    editor.set_text("title", "en", "Manual for a community seed bank")
    box = editor.suggestions
    box.ask()
    assert {s.value for s in box.suggestions[:2]} == {4, 13} and box.suggestions[0].kind == "gbf_target"
    thirteen = next(i for i, s in enumerate(box.suggestions) if s.value == 13)
    assert "Community seed bank guide" in box.describe(box.suggestions[thirteen])
    assert editor.record_data()["gbf_targets"] == []  # proposed, not applied
    box.add_buttons[thirteen].click()
    subject = next(i for i, s in enumerate(box.suggestions) if s.kind == "subject")
    box.add_buttons[subject].click()
    data = editor.record_data()
    assert data["gbf_targets"] == [13] and data["subjects"] == [box.suggestions[subject].value]
    editor.undo_stack.undo()  # the ticked target is an ordinary, undoable edit
    assert editor.record_data()["gbf_targets"] == []


def test_suggestions_for_a_community_record_stay_in_memory(tmp_path):

    canary = "Zqxsuggestcanary"
    library = open_as_custodian(tmp_path / "lib", "suggest custodian passphrase")
    library.access.add_community("Sumaq Pacha", "pe")
    library.records.add({"type": "resource", "title": {"en": "Community seed bank guide"}, "gbf_targets": [13]})
    secret = library.records.add({"type": "practice", "title": {"en": f"{canary} seed bank of the clan"}, "community": "Sumaq Pacha",
                                  "access": {"level": "community"}})
    found = suggest.suggest(library, secret["id"])
    assert {s.value for s in found[:2]} == {4, 13}  # 13 from the guide, 4 from the words "seed bank"
    library.close()
    for file in tmp_path.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert canary.encode() not in data and canary.casefold().encode() not in data, file
