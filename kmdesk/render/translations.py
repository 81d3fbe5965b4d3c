"""The interface's translations: Qt's own and kmdesk's for a language, its locale made the
default (dates, numbers) and its direction applied (right-to-left for Arabic). The window
installs them at start and when the person picks another language; ``kmdesk report`` before it
writes the report in the language asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from kmdesk.core.paths import translations
from kmdesk.core.store.records import base_language

_installed: list[QTranslator] = []  # the translators in use, removed when the language changes
_language: list[str] = []  # the interface language installed last (none before the first install)


def install_translations(app: QGuiApplication, language: str) -> list[QTranslator]:
    """Replace the installed translations with Qt's own and kmdesk's for ``language`` (those
    that exist), make its locale the default (dates, numbers) and lay the interface out
    right-to-left for languages written that way."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(language)
    QLocale.setDefault(locale)
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), ("kmdesk", str(translations()))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
    app.setLayoutDirection(locale.textDirection())
    _language[:] = [base_language(language)]
    return list(_installed)


def installed_language() -> str | None:
    """The base language installed last (``install_translations``); None before the first."""
    return _language[0] if _language else None
