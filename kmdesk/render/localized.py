"""Dates, times and numbers as the chosen locale writes them.

``translations.install_translations`` makes the interface language's locale the default
(``QLocale.setDefault``), so ``QLocale()`` here is always the person's: Arabic gets Arabic-Indic
digits and month names, Chinese 年/月/日, French "3 novembre 2023". Records keep ISO 8601
(``2023-11``, ``2023-11-03T10:00:00+00:00``); only what is shown changes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

_WEEKDAY = re.compile(r"\s*[,،]?\s*dddd\s*[,،]?\s*")


def _record_date(value: str) -> tuple[QDate, int] | None:
    """A record date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and how many of its parts were
    given; None for anything else (free text such as "about 1950")."""
    parts = value.split("-")
    if not value or len(parts) > 3 or not all(part.isdigit() for part in parts):
        return None
    numbers = [int(part) for part in parts] + [1, 1]
    date = QDate(numbers[0], numbers[1], numbers[2])
    return (date, len(parts)) if date.isValid() else None


def format_date(value: str, form: QLocale.FormatType = QLocale.FormatType.LongFormat) -> str:
    """A record date as the locale writes it, in words (``LongFormat``: "2 novembre 2023",
    "juin 2019") or short (``ShortFormat``, for a table column: "02/11/2023", "juin 2019" with
    the month abbreviated where the locale abbreviates it); anything else is shown as typed."""
    parsed = _record_date(value)
    if parsed is None:
        return value
    date, parts = parsed
    locale = QLocale()
    year = locale.toString(date, "yyyy")
    if parts == 1:
        return year
    if parts == 2:  # the order of month and year is the translator's: "2019年六月", "juin 2019"
        month = locale.standaloneMonthName(date.month(), form)
        return QCoreApplication.translate("date", "{month} {year}").format(month=month, year=year)
    if form == QLocale.FormatType.ShortFormat:
        return locale.toString(date, QLocale.FormatType.ShortFormat)
    # the locale's long date without the weekday, which a record's date never needs
    return locale.toString(date, _WEEKDAY.sub(" ", locale.dateFormat(QLocale.FormatType.LongFormat)).strip())


def format_timestamp(value: str) -> str:
    """An ISO 8601 timestamp (history, created, changed) in local time, as the locale writes it."""
    moment = QDateTime.fromString(value, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return value
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def format_number(value: int) -> str:
    """A count with the locale's digits and grouping (١٬٢٣٤ in Arabic, 1 234 in French)."""
    return QLocale().toString(value)


def place_text(text: str) -> str:
    """A record's place as people read it: "Vanua Levu (16.6° S, 179.2° E)", never the stored
    "Vanua Levu @ -16.6 179.2"; text that is not a readable place is shown as written."""
    from kmdesk.core.insight.places import located

    place = located(text)
    if isinstance(place, str) or place.lat is None or place.lon is None:
        return str(place)

    def degrees(value: float, form: str) -> str:
        number = QLocale().toString(abs(value), "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())
        return form.replace("%1", number)

    latitude = degrees(place.lat, QCoreApplication.translate("Places", "%1° N") if place.lat >= 0
                       else QCoreApplication.translate("Places", "%1° S"))
    longitude = degrees(place.lon, QCoreApplication.translate("Places", "%1° E") if place.lon >= 0
                        else QCoreApplication.translate("Places", "%1° W"))
    return QCoreApplication.translate("Places", "{place} ({latitude}, {longitude})").format(
        place=place.name, latitude=latitude, longitude=longitude)
