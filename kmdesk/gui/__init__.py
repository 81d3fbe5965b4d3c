"""The desktop face of kmdesk: PySide6 widgets, item models, dialogs and workers.

Nothing here opens a database session, an index or a network connection: every piece of work
goes through ``kmdesk.core`` (mostly ``Library`` methods), run off the GUI thread by
``kmdesk.gui.workers``. Qt names come from the one shim, ``kmdesk.gui.qt``.
"""

from kmdesk.core.paths import resource
from kmdesk.gui.qt import QIcon


def icon(name: str) -> QIcon:
    """One of kmdesk's own icons (``resources/icons/NAME.svg``), drawn for this app."""
    return QIcon(str(resource("icons", f"{name}.svg")))


def english_plural(translated: str, n: int) -> str:
    """Finish a ``tr("%n record(s)", "", n)`` when no translator supplied plural forms (English
    ships no .qm): "1 record", "5 records". A translation never contains "(s)", so it passes."""
    return translated.replace("(s)", "" if n == 1 else "s")
