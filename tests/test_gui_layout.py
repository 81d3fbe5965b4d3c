"""Issue 11, layout: at 1280x800 no column of the list is cut by its edge, in the longest
interface languages, with and without the sync panel (columns are fitted to the width, their text
elided with the whole of it in the tooltip)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("language", ["ru", "ar", "fr"])
@pytest.mark.parametrize("panel", [False, True])
def test_every_column_is_in_view_at_1280_by_800(qtbot, demo_library, language, panel):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.qt import QApplication
    from kmdesk.gui.settings import Settings
    from kmdesk.render.translations import install_translations

    install_translations(QApplication.instance(), language)
    try:
        window = MainWindow(demo_library, Settings(), language=language)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.reload()
        if panel:
            window.sync_panel.show()
        qtbot.wait(50)  # the deferred fit after the panel opened
        window.fit_columns()
        header = window.table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        used = sum(header.sectionSize(c) for c in shown)
        assert len(shown) >= 7
        assert used <= window.table.viewport().width(), (language, panel, used, window.table.viewport().width())
        assert all(header.sectionSize(c) >= 48 for c in shown)
        if panel:  # the record pane gave up its room, the facets kept a readable width
            assert window.splitter.sizes()[0] >= 120
    finally:
        install_translations(QApplication.instance(), "en")
