"""The one place the GUI takes Qt from (as Anki's ``aqt/qt``).

Every module under ``kmdesk/gui`` imports Qt names from here, never from PySide6 directly, so a
binding change, a version workaround or a test double is made once.
"""

from __future__ import annotations

from PySide6.QtCore import *
from PySide6.QtCore import QCoreApplication, Signal, Slot  # noqa: F401  (named for readers and linters)
from PySide6.QtGui import *  # type: ignore[assignment]  # QtCore's list types, declared again
from PySide6.QtNetwork import (
    QNetworkInformation as QNetworkInformation,  # sync starts when the network appears
)
from PySide6.QtWidgets import *  # type: ignore[assignment]  # the same
from shiboken6 import isValid as isValid  # is the C++ side of a widget still alive?
