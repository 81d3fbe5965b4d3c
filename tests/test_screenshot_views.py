"""``kmdesk gui --view VIEW --screenshot``: every view a person can open renders, and an exception
that Qt's event loop would swallow (printed, then nothing happens) fails the screenshot, which is
what the frozen smoke test (tests/test_packaging_frozen.py) relies on."""

from __future__ import annotations

import shutil

import pytest


@pytest.mark.parametrize("view", ["dashboard", "map", "directory", "matches", "report"])
def test_every_view_renders(view, tmp_path, qapp, _demo_template):
    from kmdesk.app import run

    shutil.copytree(_demo_template, tmp_path / "demo")
    shot = tmp_path / f"{view}.png"
    assert run(data_dir=tmp_path / "demo", screenshot=shot, language="en", view=view) == 0
    assert shot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_the_event_loop_fails_the_screenshot(tmp_path, qapp, _demo_template, monkeypatch):
    from kmdesk.app import run
    from kmdesk.core.errors import KmdeskError
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.qt import QTimer

    shown = MainWindow.show_directory

    def broken(self):
        QTimer.singleShot(0, lambda: 1 / 0)  # as a slot of a view that dies once opened
        return shown(self)

    monkeypatch.setattr(MainWindow, "show_directory", broken)
    shutil.copytree(_demo_template, tmp_path / "demo")
    with pytest.raises(KmdeskError, match="ZeroDivisionError"):
        run(data_dir=tmp_path / "demo", screenshot=tmp_path / "x.png", language="en", view="directory")
