"""Fuzzing the real import path (issue 13): valid CSV, RIS, BibTeX, library JSON, CHM JSON and
.kmd inputs are mutated by Hypothesis (bytes flipped, cut, repeated, and hostile pieces
spliced in) and imported into a real library. Whatever the file, the import either reports
(file error, or row by row) or imports: no other exception escapes (the CLI would say
"internal error"), a refused file leaves the store as it was, and the library still opens, its
index agreeing with the store.

The normal run (``make test``) tries ``KMDESK_FUZZ_EXAMPLES`` (default 25) files per format,
well within a minute; a longer hunt is e.g. ``KMDESK_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_import.py``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmdesk.core.errors import KmdeskError
from kmdesk.core.io import exporter, importer
from kmdesk.core.store.library import Library

FIXTURES = Path(__file__).with_name("fixtures")
EXAMPLES = int(os.environ.get("KMDESK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 25,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

# Pieces the audit found dangerous, and the separators each format cares about.
HOSTILE = [b"\xff", b"\xc3", b"\x00", b"\r", b"\r\n", b"\n", b'"', b"'", b",", b";", b"\t", b"{", b"}", b"[", b"]",
           b"\\ud800", b"\\udcff", b"\xed\xa0\x80", b"\x07", b"\x1b[31m", b"=HYPERLINK(1)", b"@", b"#",
           b"../../../../admin/evil?x=1#", b"javascript:alert(1)", b"9" * 60, b"[" * 200, b"{" * 200,
           b"@string{a = a # a # a # a}", b"TY  - ", b"ER  - ", b"  - ", b"@misc{", b'"access": "public"',
           b'"id": ["x"]', b'"version": "1"', b'"title": "bare"', b'"community": null', b"\xef\xbb\xbf"]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` after 1-6 random edits: a byte replaced, a span cut or repeated, a hostile
    piece inserted."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["replace", "cut", "repeat", "insert", "insert"]))
        if kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            span = bytes(data[at:at + draw(st.integers(1, 64))])
            data[at:at] = span * draw(st.integers(1, 20))
        else:
            data[at:at] = draw(st.sampled_from(HOSTILE))
    return bytes(data)


def _import(library: Library, path: Path) -> None:
    """One import through the real path, with the promises checked."""
    # Hypothesis seeds ``random`` the same way for every example, and Whoosh names its index
    # segments with ``random``: without this, two examples write the same segment name.
    random.seed()
    before = library.records.count()
    try:
        source = importer.open_source(path)
        report = importer.run(library, source)
    except KmdeskError as exc:
        assert str(exc)  # a clear message
        assert library.records.count() == before, "a refused file changed the store"
        return
    for row in report["rows"]:
        assert row["status"] in ("imported", "merged", "skipped", "error")
        if row["status"] == "error":
            assert isinstance(row["reason"], str) and row["reason"]
    imported = report["counts"].get("imported", 0)
    assert library.records.count() == before + imported


def _fuzz(tmp_path: Path, name: str, seed: bytes) -> None:
    with Library.open(tmp_path / "lib") as library:
        @FUZZ
        @given(data=mutated(seed))
        def run(data: bytes) -> None:
            path = tmp_path / name
            path.write_bytes(data)
            _import(library, path)

        run()
        assert library.check().ok
    with Library.open(tmp_path / "lib") as again:  # it still opens, and lists
        assert sum(1 for _ in again.records.iter_all()) == again.records.count()


@pytest.mark.parametrize("name", ["spreadsheet.csv", "zotero.ris", "zotero.bib", "chm_resource.json"])
def test_mutated_files_never_break_the_import(tmp_path, name):
    _fuzz(tmp_path, name, (FIXTURES / name).read_bytes())


def test_mutated_library_files_never_break_the_import(tmp_path, library):
    out = io.BytesIO()
    exporter.export(library, "json", out)
    _fuzz(tmp_path, "library.json", out.getvalue())


@pytest.fixture(scope="module")
def archive_entries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    from conftest import SAMPLE_RECORDS

    folder = tmp_path_factory.mktemp("kmd")
    with Library.open(folder / "lib") as library:
        for record in SAMPLE_RECORDS:
            library.records.add(record)
        attached = folder / "note.txt"
        attached.write_text("field notes", encoding="utf-8")
        from kmdesk.core.store import attachments

        attachments.add(library, next(library.records.iter_all())["id"], attached)
        exporter.export(library, "kmd", folder / "a.kmd")
    with zipfile.ZipFile(folder / "a.kmd") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_mutated_archives_never_break_the_import(tmp_path, archive_entries):
    """Each JSON entry of a real archive is mutated and the manifest's checksums recomputed (as
    someone crafting an archive would), and the archive's bytes themselves too."""
    names = ["library.json", "attachments.json", "manifest.json"]

    @st.composite
    def crafted(draw: st.DrawFn) -> bytes:
        entries = dict(archive_entries)
        name = draw(st.sampled_from(names + ["(zip)"]))
        if name == "(zip)":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as dst:
                for entry, data in entries.items():
                    dst.writestr(entry, data)
            return draw(mutated(buffer.getvalue()))
        entries[name] = draw(mutated(entries[name]))
        if name != "manifest.json":
            manifest = json.loads(entries["manifest.json"])
            manifest["entries"][name] = hashlib.sha256(entries[name]).hexdigest()
            entries["manifest.json"] = json.dumps(manifest).encode()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as dst:
            for entry, data in entries.items():
                dst.writestr(entry, data)
        return buffer.getvalue()

    with Library.open(tmp_path / "lib") as library:
        @FUZZ
        @given(data=crafted())
        def run(data: bytes) -> None:
            path = tmp_path / "in.kmd"
            path.write_bytes(data)
            _import(library, path)

        run()
        assert library.check().ok
