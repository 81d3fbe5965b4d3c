"""The dashboard window: what the library covers and where sharing and consent stand, as charts
a person can click to list what a bar counts.

The figures come from ``core.dashboard.figures`` in a background read; this module only turns
them into bars with translated labels, the GBF goals' colours and the locale's digits. It is a
window of its own (View › Dashboard) so the library stays in sight beside it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from kmdesk.core import vocab
from kmdesk.core.insight import dashboard
from kmdesk.core.insight.dashboard import Figures, Slice
from kmdesk.gui.charts import Bar, BarChart
from kmdesk.gui.library_model import language_name, target_titles
from kmdesk.gui.qt import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.workers import Pool, run_in_background
from kmdesk.render.localized import format_date, format_number
from kmdesk.render.territories import territory_name

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

# The four GBF goals' colours, and the targets' by the section of the framework they belong to
GOAL_COLORS = {"A": "#2e7d32", "B": "#1565c0", "C": "#ef6c00", "D": "#6a1b9a"}
SECTION_COLORS = {"reduce_threats": "#00838f", "meet_needs": "#c08b00", "tools_solutions": "#5e35b1"}
PLAIN = "#607d8b"
STATE_COLORS = {"shared": "#2e7d32", "waiting": "#1565c0", "refused": "#c62828", "withdrawn": "#757575",
                "valid": "#2e7d32", "expiring": "#ef6c00", "expired": "#c62828"}
LONG_LIST = 12  # communities, languages, countries: the most frequent ones


class DashboardView(QWidget):
    """Emits ``sliceClicked(slice, label)`` when a bar is clicked; ``refresh`` recomputes."""

    sliceClicked = Signal(object, str)

    def __init__(self, library: Library, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library, self.lang = library, lang
        self.figures: Figures | None = None
        self.setWindowTitle(self.tr("Dashboard — kmdesk"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.charts: dict[str, BarChart] = {}
        self._labels: dict[str, dict[str, str]] = {}
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        titles = self.chart_titles()
        places = [("gbf_goals", 0, 0, 1), ("gbf_targets", 1, 0, 3), ("sharing", 0, 1, 1), ("consent", 0, 2, 1),
                  ("type", 1, 1, 1), ("languages", 1, 2, 1), ("community", 2, 1, 1), ("countries", 2, 2, 1),
                  ("year", 4, 0, 1)]
        for dimension, row, column, rows in places:
            box = QGroupBox(titles[dimension], grid_host)
            layout = QVBoxLayout(box)
            layout.setAlignment(Qt.AlignmentFlag.AlignTop)
            chart = BarChart(box, horizontal=dimension != "year")
            chart.clicked.connect(lambda key, d=dimension: self._clicked(d, key))
            layout.addWidget(chart)
            if dimension == "sharing":
                self.refusals = QLabel(box)
                self.refusals.setWordWrap(True)
                self.refusals.setTextFormat(Qt.TextFormat.RichText)
                layout.addWidget(self.refusals)
            span = 3 if dimension == "year" else 1
            grid.addWidget(box, row, column, rows, span)
            self.charts[dimension] = chart
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll)
        self.resize(1280, 800)

    def chart_titles(self) -> dict[str, str]:
        return {
            "gbf_goals": self.tr("GBF goals"),
            "gbf_targets": self.tr("GBF targets"),
            "type": self.tr("Types"),
            "community": self.tr("Communities"),
            "languages": self.tr("Languages"),
            "countries": self.tr("Countries"),
            "year": self.tr("Records by year"),
            "sharing": self.tr("Sharing with the CHM"),
            "consent": self.tr("Consent"),
        }

    def state_names(self) -> dict[str, str]:
        return {
            "shared": self.tr("Shared"),
            "waiting": self.tr("Waiting to be sent"),
            "refused": self.tr("Refused by the CHM"),
            "withdrawn": self.tr("Withdrawn from the CHM"),
            "valid": self.tr("Valid"),
            "expiring": self.tr("Expiring within {days} days").format(days=format_number(dashboard.SOON_DAYS)),
            "expired": self.tr("Expired"),
        }

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the figures off the GUI thread (after an unlock, a lock or an edit)."""
        self.summary.setText(self.tr("Counting…"))
        run_in_background(self, lambda _task: dashboard.figures(self.library), self.show_figures,
                          self._failed, progress=False, kind=Pool.READ)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The dashboard could not be computed: {reason}").format(reason=str(exc)))

    def forget(self) -> None:
        """On lock: nothing the last profile could count stays on screen."""
        self.figures = None
        for chart in self.charts.values():
            chart.set_bars([])
        self.refusals.clear()
        self.summary.clear()

    # -- drawing --------------------------------------------------------------------------------
    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        covered = sum(1 for count in figures.targets.values() if count)
        self.summary.setText(self.tr("{records} records counted (sacred records never are) · {covered} of {targets} GBF "
                                     "targets covered").format(records=format_number(figures.total),
                                                               covered=format_number(covered),
                                                               targets=format_number(len(dashboard.TARGETS))))
        for dimension, chart in self.charts.items():
            bars = self._bars(dimension, figures)
            self._labels[dimension] = {bar.key: bar.label for bar in bars}
            chart.set_bars(bars)
        self.refusals.setText("<br>".join([
            *(self.tr("Refused: {reason} ({count})").format(reason=html.escape(reason or self.tr("no reason given")),
                                                            count=format_number(count))
              for reason, count in figures.refusals[:5]),
            *([self.tr("Not counted: {count} records failed their integrity check ({ids})").format(
                count=format_number(len(figures.quarantined)),
                ids=html.escape(", ".join(sorted(record_id[:8] for record_id in figures.quarantined))))]
              if figures.quarantined else [])]))

    def _bars(self, dimension: str, figures: Figures) -> list[Bar]:
        counts = figures.counts(dimension)
        lang = self.lang
        if dimension == "gbf_goals":
            goals = {g["code"]: vocab.title(g, lang) for g in vocab.gbf()["goals"]}
            return [Bar(code, self.tr("Goal {code} · {title}").format(code=code, title=goals.get(code, "")), count,
                        GOAL_COLORS[code]) for code, count in counts.items()]
        if dimension == "gbf_targets":
            titles = target_titles(lang)
            sections = {t["number"]: t.get("section", "") for t in vocab.gbf()["targets"]}
            return [Bar(key, self.tr("{number} · {title}").format(number=format_number(int(key)),
                                                                   title=titles.get(int(key), "")),
                        count, SECTION_COLORS.get(sections.get(int(key), ""), PLAIN),
                        self.tr("Target {number}: {title}").format(number=format_number(int(key)),
                                                                   title=titles.get(int(key), "")))
                    for key, count in counts.items()]
        if dimension in ("sharing", "consent"):
            names = self.state_names()
            if dimension == "consent":
                names["withdrawn"] = self.tr("Withdrawn")
            return [Bar(key, names[key], count, STATE_COLORS[key]) for key, count in counts.items()]
        if dimension == "year":
            return [Bar(key, format_date(key), count, PLAIN) for key, count in counts.items()]
        label: Callable[[str], str] = {
            "type": lambda value: vocab.titles("types", lang).get(value, value),
            "languages": lambda value: language_name(value, lang),
            "countries": lambda value: territory_name(value, lang),
            "community": lambda value: value,
        }[dimension]
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:LONG_LIST]
        return [Bar(key, label(key), count, PLAIN) for key, count in top]

    def label_of(self, piece: Slice) -> str:
        """The words a slice goes by: its chart's title and its bar's label."""
        return self.tr("{chart}: {value}").format(chart=self.chart_titles()[piece.dimension],
                                                   value=self._labels.get(piece.dimension, {}).get(piece.value, piece.value))

    def _clicked(self, dimension: str, key: str) -> None:
        piece = Slice(dimension, key)
        self.sliceClicked.emit(piece, self.label_of(piece))
