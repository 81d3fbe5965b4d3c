"""A clickable bar chart drawn with pyqtgraph, for the dashboard.

Why pyqtgraph: it draws on Qt's own graphics view (QtWidgets and QtGui only), so it works with
the PySide6-Essentials wheel the frozen build ships (QtCharts needs PySide6-Addons, ~150 MB
more); it is maintained, pure Python over numpy, and its items take mouse clicks and hovers
directly, so each bar can filter the library. matplotlib's Qt backend would add a second
rendering stack and fonts of its own, outside Qt's right-to-left and font fallback.

Every text comes in translated and every number leaves with the locale's digits
(``format_number``); in a right-to-left language bars grow from the right and the category
labels stand on the right.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg

from kmdesk.gui.qt import QApplication, QColor, QFontMetrics, QPoint, QPointF, Qt, Signal
from kmdesk.render.localized import format_number

LABEL_WIDTH = 210  # px for the category labels of a horizontal chart (elided to fit, whole in the tooltip)
BAR_PX = 22  # px per bar of a horizontal chart: it grows with its categories
TIME_HEIGHT = 200  # px of a chart over time
LABEL_GAP = 6  # px between the end of the longest bar (with its count) and the chart's edge


@dataclass(frozen=True)
class Bar:
    key: str  # what a click reports (the slice's value)
    label: str  # what the axis shows
    count: int
    color: str  # "#rrggbb"
    tooltip: str = ""


class _Axis(pg.AxisItem):
    """An axis painted straight onto the view, its labels in the interface's direction (the plot
    itself is left-to-right: its sides are chosen by hand). pyqtgraph records an axis into a
    QPicture and replays it, and the replay drops the space where right-to-left text meets
    left-to-right text and joins the letters across it: "الهدف A" was drawn "الهدفA"."""

    def paint(self, p: object, opt: object, widget: object) -> None:  # noqa: N802 (Qt's signature)
        p.save()  # type: ignore[attr-defined]
        p.setLayoutDirection(QApplication.layoutDirection())  # type: ignore[attr-defined]
        if self.style["tickFont"]:
            p.setFont(self.style["tickFont"])  # type: ignore[attr-defined]
        specs = self.generateDrawSpecs(p)
        if specs is not None:
            self.drawPicture(p, *specs)
        p.restore()  # type: ignore[attr-defined]


class _CountAxis(_Axis):
    """Whole numbers only, in the locale's digits."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 (Qt name)
        return [format_number(int(round(v))) if abs(v - round(v)) < 1e-6 and v >= 0 else "" for v in values]


class _Bars(pg.BarGraphItem):
    """The bars; a click inside one calls ``on_click`` with its index, a hover shows its tooltip."""

    def __init__(self, chart: BarChart, **options: object) -> None:
        super().__init__(**options)
        self.chart = chart
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _index_at(self, point: QPointF) -> int | None:
        for index, _bar in enumerate(self.chart.bars):
            x0, y0, width, height = self.chart.geometry(index)
            if x0 <= point.x() <= x0 + width and y0 <= point.y() <= y0 + height:
                return index
        return None

    def mouseClickEvent(self, event: object) -> None:  # noqa: N802 (pyqtgraph's name)
        index = self._index_at(event.pos())  # type: ignore[attr-defined]
        if index is not None and event.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            event.accept()  # type: ignore[attr-defined]
            self.chart.clicked.emit(self.chart.bars[index].key)

    def hoverEvent(self, event: object) -> None:  # noqa: N802 (pyqtgraph's name)
        if getattr(event, "isExit", lambda: True)():
            return
        index = self._index_at(event.pos())  # type: ignore[attr-defined]
        self.setToolTip(self.chart.bars[index].tooltip or self.chart.bars[index].label if index is not None else "")


class BarChart(pg.PlotWidget):
    """Bars of counts, horizontal (categories down the side) or vertical (over time). Emits
    ``clicked(key)`` when a bar is clicked."""

    clicked = Signal(str)

    def __init__(self, parent: object = None, *, horizontal: bool = True) -> None:
        self.horizontal = horizontal
        self.rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        value_side = "bottom" if horizontal else ("right" if self.rtl else "left")
        label_side = ("right" if self.rtl else "left") if horizontal else "bottom"
        super().__init__(parent, axisItems={value_side: _CountAxis(value_side), label_side: _Axis(label_side)},
                         background=None)
        self.bars: list[Bar] = []
        self._item: _Bars | None = None
        self._labels: list[pg.TextItem] = []
        plot = self.getPlotItem()
        # the sides are chosen here, so Qt must not mirror the plot's own layout again
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        plot.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        plot.setMouseEnabled(False, False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getViewBox().invertX(self.rtl)
        if horizontal:
            plot.getViewBox().invertY(True)  # the first category on top
            self.category_side = "right" if self.rtl else "left"
            plot.showAxis(self.category_side)
            plot.hideAxis("left" if self.rtl else "right")
            plot.getAxis(self.category_side).setWidth(LABEL_WIDTH)
        else:
            self.category_side = "bottom"
            plot.showAxis(value_side)
            plot.hideAxis("left" if self.rtl else "right")
        # a category has no tick to mark: pyqtgraph's ticks reach into the plot, across each bar's
        # foot and into a zero bar's count, which then read as "-0" on the axis line
        plot.getAxis(self.category_side).setStyle(tickLength=0)
        plot.getAxis(self.category_side).setTickPen(pg.mkPen(None))  # not even the dot of a tick 0 px long
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        plot.getViewBox().sigResized.connect(lambda _box: self._fit_counts())

    def geometry(self, index: int) -> tuple[float, float, float, float]:
        """(x0, y0, width, height) of bar ``index`` in data coordinates."""
        count = self.bars[index].count
        if self.horizontal:
            return 0.0, index - 0.4, float(count), 0.8
        return index - 0.4, 0.0, 0.8, float(count)

    def set_bars(self, bars: list[Bar]) -> None:
        plot = self.getPlotItem()
        if self._item is not None:
            plot.removeItem(self._item)
        for label in self._labels:
            plot.removeItem(label)
        self.bars, self._labels, self._item = bars, [], None
        if not bars:  # nothing to draw (pyqtgraph cannot build an empty bar item)
            return
        positions = list(range(len(bars)))
        counts = [bar.count for bar in bars]
        brushes = [pg.mkBrush(QColor(bar.color)) for bar in bars]
        if self.horizontal:
            self._item = _Bars(self, x0=[0] * len(bars), y=positions, height=0.8, width=counts, brushes=brushes,
                               pens=[pg.mkPen(None)] * len(bars))
        else:
            self._item = _Bars(self, x=positions, height=counts, width=0.8, brushes=brushes,
                               pens=[pg.mkPen(None)] * len(bars))
        plot.addItem(self._item)
        self._add_count_labels()
        self._set_categories()
        if self.horizontal:
            plot.setYRange(-0.6, max(len(bars), 1) - 0.4, padding=0)
            self.setFixedHeight(50 + BAR_PX * max(len(bars), 1))
        else:
            self.setFixedHeight(TIME_HEIGHT)
            plot.setXRange(-0.6, max(len(bars), 1) - 0.4, padding=0)
        self._fit_counts()

    def value_range(self, room: float) -> float:
        """How far the value axis must reach for every bar's count to be drawn whole beyond the
        bar's end, when the axis is ``room`` pixels long: a bar of ``c`` with a count ``w``
        pixels long needs ``c + (w + gap) * range / room <= range``. Without the room (a chart
        not laid out yet) a fifth more than the longest bar."""
        top = max((bar.count for bar in self.bars), default=0) or 1
        if room <= 0:
            return top * 1.2
        needed = float(top) * 1.05
        for bar, label in zip(self.bars, self._labels, strict=True):
            size = label.boundingRect()  # in pixels: a count is drawn the same size at any zoom
            drawn = (size.width() if self.horizontal else size.height()) + LABEL_GAP
            needed = max(needed, bar.count / max(0.2, 1 - drawn / room))
        return needed

    def _fit_counts(self) -> None:
        """Range the value axis so that the longest bar's count stays inside the chart ("2,018"
        was cut to "2,0" at its edge); again whenever the chart is resized."""
        if not self.bars:
            return
        plot = self.getPlotItem()
        box = plot.getViewBox()
        if self.horizontal:
            plot.setXRange(0, self.value_range(box.width()), padding=0)
        else:
            plot.setYRange(0, self.value_range(box.height()), padding=0)

    def _add_count_labels(self) -> None:
        """Each bar's count at its end, in the locale's digits (read without the axis)."""
        plot = self.getPlotItem()
        for index, bar in enumerate(self.bars):
            if self.horizontal:
                anchor = (1, 0.5) if self.rtl else (0, 0.5)
                item = pg.TextItem(format_number(bar.count), color="#333333", anchor=anchor)
                item.setPos(bar.count, index)
            else:
                item = pg.TextItem(format_number(bar.count), color="#333333", anchor=(0.5, 1))
                item.setPos(index, bar.count)
            plot.addItem(item)
            self._labels.append(item)

    def _set_categories(self) -> None:
        axis = self.getPlotItem().getAxis(self.category_side)
        if self.horizontal:
            metrics = QFontMetrics(self.font())
            shown = [metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 12) for bar in self.bars]
            axis.setTicks([[(index, text) for index, text in enumerate(shown)]])
            return
        step = max(1, len(self.bars) // 10)  # a year label every few bars when there are many
        axis.setTicks([[(index, bar.label) for index, bar in enumerate(self.bars) if index % step == 0], []])

    def bar_center(self, key: str) -> QPoint:
        """Where bar ``key`` is drawn, in the viewport's coordinates (tests click there)."""
        index = next(i for i, bar in enumerate(self.bars) if bar.key == key)
        x0, y0, width, height = self.geometry(index)
        scene = self.getPlotItem().getViewBox().mapViewToScene(QPointF(x0 + width / 2, y0 + height / 2))
        point: QPoint = self.mapFromScene(scene)  # pyqtgraph's view: untyped
        return point
