"""The offline map: countries shaded by how many records name them, and a dot for every place
with coordinates; clicking a country or a dot lists its records in the library.

Natural Earth's boundaries (``core.geo``) drawn on Qt's graphics view in an equirectangular
projection (longitude across, latitude up). A map keeps north up and east to the right in every
language: only the window around it is mirrored for Arabic.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kmdesk.core.insight import geo
from kmdesk.core.insight.geo import MapFigures, Point
from kmdesk.gui import english_plural
from kmdesk.gui.qt import (
    QBrush,
    QColor,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPoint,
    QPointF,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.workers import Pool, run_in_background
from kmdesk.render.localized import format_number
from kmdesk.render.territories import territory_name

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

EMPTY = "#e6e6e6"  # a country no counted record names
SHADES = ("#c8e6c9", "#81c784", "#43a047", "#2e7d32", "#1b5e20")  # few -> many records
POINT = "#d84315"
POINT_RADIUS = 5  # px, whatever the zoom
KindRole, KeyRole = 0, 1  # QGraphicsItem.data keys


def shade(count: int, most: int) -> str:
    """The colour of a country naming ``count`` records when the most any names is ``most``
    (a logarithmic scale: a library's counts span orders of magnitude)."""
    if count <= 0 or most <= 0:
        return EMPTY
    step = math.log1p(count) / math.log1p(most)
    return SHADES[min(len(SHADES) - 1, int(step * len(SHADES)))]


class MapCanvas(QGraphicsView):
    """The drawn map. Emits ``countryClicked(code)`` and ``pointClicked(index)``."""

    countryClicked = Signal(str)
    pointClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # geography is not mirrored
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(QColor("#dceefb")))
        self.countries: dict[str, QGraphicsPathItem] = {}
        self.points: list[QGraphicsEllipseItem] = []
        pen = QPen(QColor("#ffffff"), 0)  # cosmetic: a hairline at any zoom
        for country in geo.countries():
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for ring in country.rings:
                path.moveTo(ring[0], -ring[1])
                for index in range(2, len(ring), 2):
                    path.lineTo(ring[index], -ring[index + 1])
                path.closeSubpath()
            item = self.scene().addPath(path, pen, QBrush(QColor(EMPTY)))
            item.setData(KindRole, "country")
            item.setData(KeyRole, country.code)
            if country.code:
                self.countries.setdefault(country.code, item)
        self.scene().setSceneRect(-180, -90, 360, 180)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def set_points(self, points: list[Point]) -> None:
        for item in self.points:
            self.scene().removeItem(item)
        self.points = []
        for index, point in enumerate(points):
            item = QGraphicsEllipseItem(-POINT_RADIUS, -POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS)
            item.setPos(point.lon, -point.lat)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setBrush(QBrush(QColor(POINT)))
            item.setPen(QPen(QColor("#ffffff"), 1))
            item.setZValue(1)
            item.setData(KindRole, "point")
            item.setData(KeyRole, index)
            self.scene().addItem(item)
            self.points.append(item)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        for item in self.items(event.position().toPoint()):
            kind = item.data(KindRole)
            if kind == "point":
                self.pointClicked.emit(int(item.data(KeyRole)))
                return
            if kind == "country" and item.data(KeyRole):
                self.countryClicked.emit(str(item.data(KeyRole)))
                return

    def position_of(self, lon: float, lat: float) -> QPoint:
        """Where a longitude and latitude are drawn, in the viewport (tests click there)."""
        return self.mapFromScene(QPointF(lon, -lat))


class MapView(QWidget):
    """The map window. Emits ``countryClicked(code, label)`` and ``placeClicked(ids, label)``."""

    countryClicked = Signal(str, str)
    placeClicked = Signal(list, str)

    def __init__(self, library: Library, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library, self.lang = library, lang
        self.figures: MapFigures | None = None
        self.setWindowTitle(self.tr("Map — kmdesk"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.canvas = MapCanvas(self)
        self.canvas.countryClicked.connect(self._country_clicked)
        self.canvas.pointClicked.connect(self._point_clicked)
        legend = QLabel(self.tr("Countries are shaded by the number of records that name them (darker: more); a dot "
                                "is a place with coordinates. Click either to list its records. Boundaries: "
                                "Natural Earth (public domain)."), self)
        legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(legend)
        self.resize(1280, 800)

    def refresh(self) -> None:
        self.summary.setText(self.tr("Counting…"))
        run_in_background(self, lambda _task: geo.map_figures(self.library), self.show_figures, self._failed,
                          progress=False, kind=Pool.READ)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("The map could not be drawn: {reason}").format(reason=str(exc)))

    def forget(self) -> None:
        """On lock: no counts and no places of the last profile stay drawn."""
        self.show_figures(MapFigures({}, []))
        self.figures = None
        self.summary.clear()

    def show_figures(self, figures: MapFigures) -> None:
        self.figures = figures
        most = max(figures.countries.values(), default=0)
        for code, item in self.canvas.countries.items():
            count = figures.countries.get(code, 0)
            item.setBrush(QBrush(QColor(shade(count, most))))
            item.setToolTip(english_plural(self.tr("{country}: %Ln record(s)", "", count), count).format(
                country=territory_name(code, self.lang)))
        self.canvas.set_points(figures.points)
        for dot, point in zip(self.canvas.points, figures.points, strict=True):
            dot.setToolTip(self._point_label(point))
        shown = sum(1 for code in figures.countries if code in self.canvas.countries)
        self.summary.setText(self.tr("{countries} countries and {places} places with coordinates").format(
            countries=format_number(shown), places=format_number(len(figures.points))))

    def _point_label(self, point: Point) -> str:
        # %Ln: the count in the locale's digits, the noun in the language's plural form for it
        count = len(point.record_ids)
        return english_plural(self.tr("{places}: %Ln record(s)", "", count), count).format(
            places=", ".join(point.names))

    def _country_clicked(self, code: str) -> None:
        self.countryClicked.emit(code, self.tr("Country: {name}").format(name=territory_name(code, self.lang)))

    def _point_clicked(self, index: int) -> None:
        if self.figures is not None and index < len(self.figures.points):
            point = self.figures.points[index]
            self.placeClicked.emit(list(point.record_ids), self.tr("Place: {names}").format(names=", ".join(point.names)))
