"""A library's files on disk: created private (the folder 0700, library.db 0600), and a library
kmdesk cannot write to opens read-only: searched, shown and listed, every change refused in words.

The read-only medium is real where this machine allows it: the library is bind-mounted read-only
in a mount namespace of its own (``unshare -m``, as root), so writes fail with EROFS as on a DVD
or a write-protected stick, and root is stopped too (``chmod a-w`` stops every account but root,
and tests run as root in CI). Where no namespace can be made, ``chmod -R a-w`` is used when not
root, and otherwise the test skips, saying so. The in-process tests below take the same path
with the write probe answering "no" (``store.writable``), which is what the probe decides."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kmdesk.core.errors import ReadOnlyLibrary
from kmdesk.core.io import exporter
from kmdesk.core.store import engine as store
from kmdesk.core.store.library import Library

ROOT = Path(__file__).resolve().parents[1]
DEMO_WORD = "hima"


def test_a_new_library_is_private_to_its_owner(tmp_path):
    old = os.umask(0o022)  # the usual umask, which would leave both readable by everyone
    try:
        with Library.open(tmp_path / "lib") as library:
            library.records.add({"type": "practice", "title": {"en": "Open"}})
            for journal in ("library.db-wal", "library.db-shm"):  # SQLite's, while it is open: as private
                assert (tmp_path / "lib" / journal).stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)
    assert (tmp_path / "lib").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "lib" / "library.db").stat().st_mode & 0o777 == 0o600
    assert not list((tmp_path / "lib").glob(".kmdesk-write-probe-*"))  # the probe leaves nothing


def test_the_write_probe_sees_a_folder_kmdesk_cannot_write_to(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    Library.open(folder).close()
    assert store.writable(folder)

    def refused(*_args, **_kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(store.tempfile, "mkstemp", refused)
    assert not store.writable(folder)


@pytest.fixture
def read_only_copy(_demo_template, tmp_path, monkeypatch) -> Path:
    """A copy of the demo library that the write probe finds unwritable."""
    folder = tmp_path / "ro"
    shutil.copytree(_demo_template, folder)
    monkeypatch.setattr(store, "writable", lambda _folder: False)
    return folder


def test_a_library_kmdesk_cannot_write_to_opens_read_only(read_only_copy, caplog):
    before = (read_only_copy / "library.db").read_bytes()
    with Library.open(read_only_copy) as library:
        assert library.read_only
        assert "opened read-only" in caplog.text
        found = library.index.search(DEMO_WORD)
        assert found.total > 0
        record = library.records.get(found.hits[0].id)
        assert record["id"] == found.hits[0].id
        assert library.index.search("").total > found.total  # the list
        with pytest.raises(ReadOnlyLibrary, match="read-only"):
            library.records.add({"type": "practice", "title": {"en": "New"}})
        with pytest.raises(ReadOnlyLibrary, match="read-only"):
            library.records.delete(record["id"])
        with pytest.raises(ReadOnlyLibrary, match="read-only"):
            library.set_meta("x", "y")
    assert (read_only_copy / "library.db").read_bytes() == before


def test_a_read_only_library_without_its_index_is_searched_from_memory(read_only_copy):
    shutil.rmtree(read_only_copy / "index")
    with Library.open(read_only_copy) as library:
        assert library.index.search(DEMO_WORD).total > 0
    assert not (read_only_copy / "index").exists()


def test_a_read_only_library_is_read_unlocked_and_exported_and_refuses_every_change(read_only_copy, tmp_path):
    """Unlocking, reading sealed records, their search and an export change nothing, not even
    the audit log (which cannot be kept there: the log says so); every change is refused."""
    before = _files(read_only_copy)
    with Library.open(read_only_copy) as library:
        public = library.index.search("").total
        library.unlock("Demo Custodian", "kmdesk demo custodian")
        everything = library.index.search("", limit=200)
        assert everything.total > public  # the sealed records, from the private index in memory
        sealed = next(hit.id for hit in everything.hits if library.records.get(hit.id)["access"]["level"] != "public")
        assert library.records.get(sealed)["title"] and not library.records.get(sealed).get("sealed")
        out = tmp_path / "out.json"
        assert exporter.export(library, "json", out)["records"] > 0 and out.stat().st_size > 0
        for change in (lambda: library.consent.grant(sealed, {"granted_by": "elders", "scope": ["research"]}),
                       lambda: library.records.update(sealed, {"title": {"en": "Changed"}}),
                       library.index.reindex,
                       lambda: library.access.create_profile("Someone", "a long passphrase here", ["viewer"])):
            with pytest.raises(ReadOnlyLibrary, match="read-only"):
                change()
        library.lock()
    assert _files(read_only_copy) == before


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a library (but SQLite's shared memory, which a reader makes where it can)."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.name.endswith(("-shm", "-wal"))}


def test_a_read_only_librarys_index_is_searched_from_a_copy_outside_it(read_only_copy):
    """Tantivy makes a lock file to open an index, which a read-only medium refuses: the index
    is copied out (public records only) rather than indexed again."""
    with Library.open(read_only_copy) as library:
        index = library.index.public
        assert index.path is not None and read_only_copy not in index.path.parents
        assert index.search(DEMO_WORD).total > 0


def _read_only_runner(tmp_path: Path) -> tuple[list[str], Path, str]:
    """(command prefix, where the library is seen, how) for a read-only view of ``tmp_path/lib``."""
    source, mount = tmp_path / "lib", tmp_path / "mnt"
    mount.mkdir()
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind '{source}' '{mount}' && "
                            f"mount -o remount,bind,ro '{mount}' && ! touch '{mount}/x' 2>/dev/null"],
                           capture_output=True)
    if probe.returncode == 0:
        script = f"mount --bind '{source}' '{mount}' && mount -o remount,bind,ro '{mount}' && exec \"$@\""
        return ["unshare", "-m", "sh", "-c", script, "sh"], mount, "a read-only bind mount"
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "a-w", str(source)], check=True)
        return [], source, "chmod -R a-w"
    pytest.skip("no mount namespace here (unshare -m refused) and root ignores chmod: no read-only medium to test on")


def test_a_library_on_a_read_only_medium_is_searched_shown_and_listed_not_changed(_demo_template, tmp_path):
    shutil.copytree(_demo_template, tmp_path / "lib")
    prefix, folder, _how = _read_only_runner(tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "KMDESK_DATA_DIR"}
    env["PYTHONPATH"] = str(ROOT)

    def kmdesk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, sys.executable, "-m", "kmdesk.cli", *args, "--data-dir", str(folder)],
                              capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)

    try:
        found = kmdesk("search", DEMO_WORD)
        assert found.returncode == 0 and "match" in found.stdout and "internal error" not in found.stderr, found.stderr
        listed = kmdesk("list")
        assert listed.returncode == 0 and len(listed.stdout.splitlines()) > 10, listed.stderr
        first = listed.stdout.split()[0]
        shown = kmdesk("show", first)
        assert shown.returncode == 0 and first in shown.stdout, shown.stderr
        env["KMDESK_PASSPHRASE"] = "kmdesk demo custodian"
        unlocked = kmdesk("list", "--profile", "Demo Custodian")
        assert unlocked.returncode == 0 and len(unlocked.stdout.splitlines()) > len(listed.stdout.splitlines()), unlocked.stderr
        exported = kmdesk("export", "-o", str(tmp_path / "out.json"), "--profile", "Demo Custodian")
        assert exported.returncode == 0 and (tmp_path / "out.json").stat().st_size > 0, exported.stderr
        refused = kmdesk("delete", first, "--yes")
        assert refused.returncode != 0
        assert "is read-only" in refused.stderr and "Traceback" not in refused.stderr and "internal error" not in refused.stderr
        probe = ("from kmdesk.core.store.library import Library\n"
                 f"library = Library.open({str(folder)!r})\n"
                 "print(library.read_only, library.index.search('hima').total > 0)\n")
        opened = subprocess.run([*prefix, sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
        assert opened.stdout.split() == ["True", "True"], opened.stderr
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(tmp_path / "lib")], check=False)
