"""Shared fixtures: real libraries in temporary directories, a custodian's library, the main
window on a library, the reference server with a library syncing to it, and GUI tests made
deterministic.

GUI tests run offscreen, with background jobs run synchronously (as Picard's tests swap in a
synchronous thread pool) and QSettings pointed at a temporary directory, so no test reads or
writes a real person's preferences.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_server import pg_server  # noqa: F401  (the hub tests' PostgreSQL, a session fixture started on first use)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KMDESK_FAST_KDF", "1")
os.environ.setdefault("KMDESK_STATE_DIR", tempfile.mkdtemp(prefix="kmdesk-state-"))  # never the user's own


@pytest.fixture(autouse=True)
def _state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's rollback witness (``trust.witness``) in a folder of its own, never the user's."""
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path_factory.mktemp("state")))


SAMPLE_RECORDS = [
    {"type": "practice", "title": {"en": "Rotational grazing on communal rangeland"},
     "summary": {"en": "Herders move cattle between wet- and dry-season pastures."},
     "keywords": ["pastoralism", "rangeland"], "gbf_targets": [10, 22], "gbf_goals": ["A"], "countries": ["ke"],
     "languages": ["en", "mas"], "community": "Il Ngwesi herders", "date": "2021"},
    {"type": "traditional_knowledge", "title": {"en": "Potato seed exchange", "es": "Intercambio de semillas de papa"},
     "summary": {"en": "Families renew seed potato by exchanging tubers between altitude zones."},
     "keywords": ["agrobiodiversity", "seed exchange"], "gbf_targets": [4, 13], "countries": ["pe"],
     "languages": ["quz", "es"], "community": "Parque de la Papa", "date": "2019-06",
     "creators": [{"name": "Mariano Quispe", "role": "knowledge_holder"}], "access": {"level": "public"}},
    {"type": "resource", "resource_kind": "guide", "title": {"en": "Community seed bank guide"},
     "summary": {"en": "How to set up and run a community seed bank."},
     "keywords": ["seed bank"], "gbf_targets": [13], "countries": ["pe", "bo"], "languages": ["es"], "date": "2020"},
    {"type": "event", "title": {"en": "Mangrove restoration workshop", "ar": "ورشة عمل لاستعادة أشجار المانغروف"},
     "summary": {"en": "Fishers and scientists plan the replanting of mangroves."},
     "keywords": ["mangroves", "coast"], "gbf_targets": [2, 11], "countries": ["sa"], "languages": ["ar", "en"],
     "date": "2023-11-02"},
]


@pytest.fixture
def library(tmp_path: Path) -> Iterator:
    """A library without profiles (one person's open library) holding ``SAMPLE_RECORDS``."""
    from kmdesk.core.store.library import Library

    with Library.open(tmp_path / "lib") as opened:
        for record in SAMPLE_RECORDS:
            opened.records.add(record)
        yield opened


def run_reading(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, directory: Path, command: str,
                argv: list[str], *, store: bool) -> tuple[int, str, str, str]:
    """(exit code, stdout, stderr, what opened the library) of a reading command (``show``,
    ``search``) run in this process; ``store``: through the store, as before ``core.reader``."""
    from kmdesk.cli import common, main, records_cmd

    opened = []

    def opening(args, **kwargs):
        library = common.open_library(args) if store else common.open_reading(args, **kwargs)
        opened.append(type(library).__name__)
        return library

    monkeypatch.setattr(records_cmd, "open_reading", opening)
    code = main(["--data-dir", str(directory), command, *argv])
    out, err = capsys.readouterr()
    return code, out, err, opened[0] if opened else ""


KEEPER_PASSPHRASE = "keeper passphrase long"
# the demo library's profiles (``seed.seed_demo``), as the README gives them: (name, passphrase)
DEMO_CUSTODIAN = ("Demo Custodian", "kmdesk demo custodian")
DEMO_CONTRIBUTOR = ("Demo Contributor", "kmdesk demo contributor")
DEMO_VISITOR = ("Demo Visitor", "kmdesk demo visitor")


def open_as_custodian(path: Path, passphrase: str = KEEPER_PASSPHRASE, name: str = "Keeper") -> Any:
    """A new library at ``path`` whose first profile, the custodian ``name``, is unlocked: how a
    community's library starts. The caller closes it (or opens it in a ``with``)."""
    from kmdesk.core.store.library import Library

    library = Library.open(path)
    try:
        library.access.create_profile(name, passphrase, ["custodian"])
        library.unlock(name, passphrase)
    except BaseException:
        library.close()
        raise
    return library


def drop_triggers(connection: sqlite3.Connection) -> None:
    """The attacker's first move on library.db: every trigger that guards it, dropped."""
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f"DROP TRIGGER {name}")


def on_the_file(folder: Path, *statements: str, params: tuple[Any, ...] = ()) -> None:
    """SQL on ``folder``'s library.db by someone with sqlite3 and no passphrase, every trigger
    dropped first; ``params`` go to the statements that have placeholders."""
    with sqlite3.connect(folder / "library.db") as connection:
        drop_triggers(connection)
        for statement in statements:
            connection.execute(statement, params if "?" in statement else ())
    connection.close()


def attack(library: Any, *statements: str, params: tuple[Any, ...] = ()) -> None:
    """``on_the_file`` on a library locked first: the attacker holds no unlocked session."""
    library.lock()
    on_the_file(library.data_dir, *statements, params=params)


def write_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A catalogue to import: (title, body, access, protocols) per row."""
    lines = ["title:en,body:en,access,protocols"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def keeper(tmp_path: Path) -> Iterator:
    """A new library, its custodian "Keeper" unlocked, with the protocols "Healers" and
    "Fishers", whose search index has never been opened (a first import into a new library is
    what a person does first)."""
    with open_as_custodian(tmp_path / "lib") as opened:
        opened.access.add_protocol("Healers")
        opened.access.add_protocol("Fishers")
        yield opened


UPGRADED_RECORDS = 24  # public records of ``upgraded_library``, all titled "Quinoa field notes N"


def whoosh_index(folder: Path) -> None:
    """Turn an index folder into one as the Whoosh release left it: its files, its schema version."""
    for part in folder.iterdir():
        part.unlink()
    (folder / "_MAIN_3.toc").write_bytes(b"whoosh table of contents")
    (folder / "MAIN_a1b2c3d4e5.seg").write_bytes(b"whoosh segment")
    (folder / "kmdesk-schema-version").write_text("whoosh-7", encoding="ascii")


@pytest.fixture
def upgraded_library(tmp_path: Path) -> Path:
    """The folder of a library made by the release before Tantivy: ``UPGRADED_RECORDS`` public
    records and one that is not, its index folder a Whoosh one."""
    folder = tmp_path / "upgraded"
    with open_as_custodian(folder) as library:
        library.access.add_community("Ayllu Pisaq")
        for n in range(UPGRADED_RECORDS):
            library.records.add({"type": "resource", "title": {"en": f"Quinoa field notes {n}"}})
        library.records.add({"type": "traditional_knowledge", "title": {"en": "Quinoa seed ritual"},
                             "community": "Ayllu Pisaq", "access": {"level": "community"}})
        library.index.catch_up()  # the index exists, as in a library in use
    whoosh_index(folder / "index")
    return folder


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo library seeded once per test session; each test gets its own copy."""
    from kmdesk.core.store import seed
    from kmdesk.core.store.library import Library

    folder = tmp_path_factory.mktemp("demo") / "lib"
    with Library.open(folder) as opened:
        seed.seed_demo(opened)
    return folder


@pytest.fixture
def demo_library(tmp_path: Path, _demo_template: Path) -> Iterator:
    """The demo library (``seed.seed_demo``) as a person gets it on a first start."""
    from kmdesk.core.store.library import Library

    shutil.copytree(_demo_template, tmp_path / "demo")
    with Library.open(tmp_path / "demo") as opened:
        yield opened


@pytest.fixture(autouse=True)
def _gui_isolation(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    """For tests that use Qt: synchronous workers and settings in a temporary directory."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from kmdesk.gui import workers
    from kmdesk.gui.qt import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    workers.set_synchronous(True)
    try:
        yield
    finally:
        workers.set_synchronous(False)


@pytest.fixture
def make_window(qtbot) -> Callable[..., Any]:
    """Makes the main window on a library as a person opens it: its first page of records
    loaded and, unless ``shown`` is false, on screen."""
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    def make(library: Any, *, shown: bool = True) -> Any:
        window = MainWindow(library, Settings(), language="en")
        qtbot.addWidget(window)
        window.reload()
        if shown:
            window.show()
        return window

    return make


@pytest.fixture
def window(make_window: Callable[..., Any], library: Any) -> Any:
    """The main window on the sample ``library``, on screen."""
    return make_window(library)


def unlock_on_screen(window: Any, name: str, passphrase: str) -> None:
    """Unlock as a person does: the lock screen, the profile chosen, the passphrase typed, Unlock
    clicked (a wrong passphrase leaves the lock screen saying so)."""
    screen = window.session.lock_screen
    window.session.show_lock_screen()
    screen.choose(name)
    screen.passphrase_edit.setText(passphrase)
    screen.unlock_button.click()


@pytest.fixture
def ref_server(request: pytest.FixtureRequest) -> Iterator:
    """The reference CHM and Bioland server on a free port; the test module's ``REFSERVER_SEED``
    picks its random faults."""
    from kmdesk.refserver.server import RefServer

    with RefServer(seed=getattr(request.module, "REFSERVER_SEED", 1)).start() as running:
        yield running


@pytest.fixture
def ref_library(tmp_path: Path, ref_server, request: pytest.FixtureRequest) -> Iterator:
    """A custodian's library at tmp_path/lib, unlocked as "Keeper" with the test module's
    ``PASS``, syncing to the reference server's CHM and Bioland targets."""
    from kmdesk.core.chm.demo import add_reference_targets

    library = open_as_custodian(tmp_path / "lib", request.module.PASS)
    add_reference_targets(library, ref_server.url)
    yield library
    library.close()


@pytest.fixture
def translated(qapp: Any) -> Iterator[None]:
    """Current .qm files, and English left-to-right restored after the test (a test that
    switches the window's language leaves the next one in English)."""
    from kmdesk import i18n_build
    from kmdesk.gui.qt import QLocale
    from kmdesk.render.translations import install_translations

    i18n_build.compile_all()
    yield
    install_translations(qapp, "en")
    QLocale.setDefault(QLocale.system())
