"""Start the desktop window (or render it to a PNG for documentation and checks).

On a first start the library is empty: it is filled with the demo library in a background job
(with progress), so a person sees what kmdesk is for before entering anything. With
``screenshot`` the window is built at a fixed size, the optional search and record are applied,
every background job is waited for, and the window is rendered to a file without entering the
event loop, which works headless (``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kmdesk import __version__
from kmdesk.core.errors import KmdeskError
from kmdesk.core.malloc_arenas import limit_malloc_arenas
from kmdesk.core.paths import default_data_dir
from kmdesk.core.store import seed
from kmdesk.core.store.library import Library
from kmdesk.core.store.records import base_language
from kmdesk.gui import icon
from kmdesk.gui.accessibility import install_focus_ring
from kmdesk.gui.dialogs import show_error
from kmdesk.gui.integrity_status import Findings
from kmdesk.gui.main_window import MainWindow
from kmdesk.gui.qt import (
    QApplication,
    QCoreApplication,
    QMessageBox,
    Qt,
    QWidget,
)
from kmdesk.gui.settings import Settings
from kmdesk.gui.workers import run_in_background, wait_idle
from kmdesk.render import fonts
from kmdesk.render.translations import install_translations

SCREENSHOT_SIZE = (1280, 800)
DESKTOP_FILE = "org.kmdesk.KMDesk"


def application() -> QApplication:
    """The one QApplication, with the metadata QSettings and desktops rely on."""
    limit_malloc_arenas()  # a window runs for a day: memory its worker threads free must go back
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1] or ["kmdesk"])
    app.setOrganizationName("kmdesk")
    app.setApplicationName("kmdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(icon("kmdesk"))
    # the fonts kmdesk carries, for the scripts of its languages this system cannot draw
    fonts.register_bundled()
    install_focus_ring(app)
    return app


def fill_first_start(window: MainWindow, library: Library) -> None:
    """An empty library that was never seeded gets the demo library; then the window reads it."""
    if library.records.count() or library.meta(seed.SEEDED):
        window.reload()
        return

    def seeded(count: int) -> None:
        window.statusBar().showMessage(
            QCoreApplication.translate("app", "Demo library loaded: {count} records.").format(count=count), 8000)
        window.reload()

    def failed(exc: BaseException) -> None:
        show_error(window, exc)
        window.reload()

    run_in_background(window, lambda _task: seed.seed_demo(library), seeded, failed, cancellable=False,
                      label=QCoreApplication.translate("app", "Preparing the demo library…"))


def announce_upgrade(window: MainWindow, library: Library) -> None:
    """The first start after an upgrade says where the library's previous state was kept; a
    library whose rows wait to be signed, or that went back since it was last opened here
    (``Library.rollback``), says so until it is not true any more."""
    messages = []
    unsigned = library.rows_unsigned()
    window.integrity.show_findings(Findings(list(library.rollback), unsigned))
    if library.upgrade_backup is not None:
        messages.append(QCoreApplication.translate(
            "app", "Library upgraded; its previous state is kept in {path}").format(path=library.upgrade_backup))
    if unsigned:
        messages.append(QCoreApplication.translate(
            "app", "Its rows are not signed yet: until a custodian unlocks the library, they are untrusted."))
    if library.rollback:
        parts = {"consent": QCoreApplication.translate("app", "consent"),
                 "membership": QCoreApplication.translate("app", "membership"),
                 "profile": QCoreApplication.translate("app", "profile"),
                 "audit log": QCoreApplication.translate("app", "audit log")}
        went_back = sorted({parts.get(line.split(":")[0], line) for line in library.rollback})
        messages.append(QCoreApplication.translate(
            "app", "Warning: this library is older than when it was last opened here ({parts}). If no backup was "
                   "restored, someone put an older copy in its place.").format(parts=", ".join(went_back)))
    if messages:
        window.statusBar().showMessage("  ".join(messages))


# What ``--view`` opens beside (or inside) the main window: every view a person can open.
VIEWS = ("dashboard", "map", "directory", "trash", "matches", "report")


def open_view(window: MainWindow, view: str) -> QWidget:
    """``view`` of ``window``, shown and computing its figures: the dashboard, map or practitioner
    directory window, the report dialog, or the main window with its record's Matches tab."""
    if view == "dashboard":
        return window.show_dashboard()
    if view == "map":
        return window.show_map()
    if view == "directory":
        return window.show_directory()
    if view == "trash":
        return window.show_trash()
    if view == "report":
        return window.ask_report()
    if view == "matches":
        if window.session.profile is None:
            window.session.browse()  # the lock screen would hide the record and its tabs
        window.record_view.tabs.setCurrentWidget(window.matches_view)
        return window
    raise ValueError(f"unknown view {view!r}: one of {', '.join(VIEWS)}")


class ErrorsSeen:
    """While rendering a screenshot, every exception that reaches Qt's event loop (a slot, a
    background job's callback) is printed as usual and remembered, so the screenshot fails
    instead of rendering a view that died half-built (the frozen dashboard once did)."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.previous = sys.excepthook

    def __enter__(self) -> ErrorsSeen:
        sys.excepthook = self.hook
        return self

    def __exit__(self, *_exc: object) -> None:
        sys.excepthook = self.previous

    def hook(self, kind: type[BaseException], exc: BaseException, tb: object) -> None:
        self.errors.append(exc)
        self.previous(kind, exc, tb)  # type: ignore[arg-type]


def take_screenshot(window: MainWindow, library: Library, path: Path, search: str | None, record: str | None,
                    unlock: tuple[str, str] | None = None, view: str | None = None) -> int:
    """Render the window after every background job has delivered; 0 when the PNG is written.
    With ``unlock`` (profile, passphrase) the profile is unlocked through the lock screen's own
    path first, so the picture shows what that person sees; without it, the lock screen. With
    ``view`` (one of ``VIEWS``) that view is rendered instead of the main window. Any exception
    raised in the window meanwhile makes it fail (``KmdeskError``) after its traceback is printed."""
    with ErrorsSeen() as seen:
        written = _render(window, library, path, search, record, unlock, view)
    if seen.errors:
        raise KmdeskError(f"the window raised {len(seen.errors)} error(s) while rendering (the traceback is above): "
                          f"{seen.errors[0]!r}")
    return 0 if written else 1


def _render(window: MainWindow, library: Library, path: Path, search: str | None, record: str | None,
            unlock: tuple[str, str] | None, view: str | None) -> bool:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    wait_idle()
    if unlock:
        window.session.unlock(*unlock)
        wait_idle()
        if not library.access.unlocked:
            raise KmdeskError(f"could not unlock {unlock[0]} for the screenshot")
    if search:
        window.search_edit.setText(search)
        window.search_now(as_you_type=False)
        wait_idle()
    record_id = library.records.resolve_id(record) if record else window.model.record_id(0)
    if record_id:
        window.show_record_id(record_id)
        wait_idle()
    shown: QWidget = window
    if view:
        shown = open_view(window, view)
        if shown is not window:
            shown.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            if view != "report":  # a dialog keeps its own size
                shown.resize(*SCREENSHOT_SIZE)
        wait_idle()
        for _ in range(3):  # the charts' new sizes reach the scroll area over a few rounds of layout
            QApplication.processEvents()
    QApplication.processEvents()
    return shown.grab().save(str(path))


def run(data_dir: str | Path | None = None, screenshot: str | Path | None = None, search: str | None = None,
        record: str | None = None, language: str | None = None, unlock: tuple[str, str] | None = None,
        view: str | None = None) -> int:
    """Open the library at ``data_dir`` (default: the user's) in the main window, and ``view``
    (one of ``VIEWS``) beside it; with ``screenshot`` render it to that PNG (unlocked as
    ``unlock`` when given) and return instead of running the event loop."""
    app = application()
    settings = Settings()
    lang = base_language(language or settings.interface_language)
    install_translations(app, lang)
    try:
        library = Library.open(Path(data_dir) if data_dir else default_data_dir())
    except KmdeskError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, QCoreApplication.translate("app", "kmdesk cannot open the library"), str(exc))
        return 1
    try:
        window = MainWindow(library, settings, language=lang if language else None)
        if screenshot:
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        fill_first_start(window, library)
        announce_upgrade(window, library)
        if screenshot:
            return take_screenshot(window, library, Path(screenshot), search, record, unlock, view)
        current = [window]  # a language switch replaces the window (``MainWindow.replaced``)

        def hold(successor: MainWindow) -> None:
            current[0] = successor
            successor.replaced.connect(hold)

        window.replaced.connect(hold)
        window.show()
        if view:
            open_view(window, view)
        return app.exec()
    finally:
        wait_idle()
        library.close()


def main() -> None:
    """The ``kmdesk-gui`` entry point: the same options as ``kmdesk gui``."""
    from kmdesk import cli

    sys.exit(cli.main(["gui", *sys.argv[1:]]))
