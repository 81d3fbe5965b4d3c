"""Keyboard shortcuts, each key bound once.

Giving an action both a standard key and the same literal key (``StandardKey.Find`` and
"Ctrl+F") binds Ctrl+F twice: Qt then logs "Ambiguous shortcut overload" and the key does
nothing. ``key_sequences`` takes the platform's bindings for a standard key and adds
a literal key only where the platform has none (GNOME and KDE bind Quit to Ctrl+Q; other
platforms bind nothing), never twice.
"""

from __future__ import annotations

from kmdesk.gui.qt import QKeySequence

Key = QKeySequence.StandardKey | str


def key_sequences(*keys: Key) -> list[QKeySequence]:
    """The sequences for ``keys`` (standard keys and literal ones such as "Ctrl+Return"),
    each sequence once, in the order given."""
    found: dict[str, QKeySequence] = {}
    for key in keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        for sequence in sequences:
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text:
                found.setdefault(text, sequence)
    return list(found.values())
