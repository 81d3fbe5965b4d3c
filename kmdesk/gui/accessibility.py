"""What the keyboard and screen readers need beyond each widget's own words: a focus ring plain
to see on every control, and names for the few controls Qt builds itself.

The ring is one ``QFocusFrame`` that follows the focus through the whole application, drawn by a
style sheet in a colour chosen for contrast with the palette (WCAG 2.1 asks 3:1 for what marks
the focus): Fusion's own focus marks are a faint line on buttons, boxes and lists, and nothing at
all on a check box.
"""

from __future__ import annotations

from kmdesk.gui.qt import (
    QAbstractButton,
    QAction,
    QApplication,
    QColor,
    QCoreApplication,
    QFocusFrame,
    QLineEdit,
    QObject,
    QPalette,
    QWidget,
    isValid,
)

FOCUS_MIN_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: a focus indicator against what is next to it
FOCUS_WIDTH = 2  # px
# A dark blue on light palettes, a light blue on dark ones, then the strongest there is
FOCUS_CANDIDATES = ("#1a56db", "#8ab4f8", "#000000", "#ffffff")
EXTENSION_BUTTONS = ("qt_toolbar_ext_button", "qt_menubar_ext_button")  # shown when a bar overflows
CORNER_BUTTON = "qt_tableview_cornerbutton"  # a table's top corner: selects every cell
CLEAR_ACTION = "_q_qlineeditclearaction"  # the clear button of a QLineEdit


def luminance(color: QColor) -> float:
    """The relative luminance of ``color`` (WCAG 2.1)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """The contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_color(palette: QPalette) -> QColor:
    """The palette's highlight if it stands out from the window and from the fields (3:1), else
    the first of ``FOCUS_CANDIDATES`` that does, else the one that stands out most."""
    around = (palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base))
    candidates = [palette.color(QPalette.ColorRole.Highlight), *(QColor(name) for name in FOCUS_CANDIDATES)]
    for candidate in candidates:
        if all(contrast(candidate, color) >= FOCUS_MIN_CONTRAST for color in around):
            return candidate
    return max(candidates, key=lambda candidate: min(contrast(candidate, color) for color in around))


def focus_style_sheet(palette: QPalette) -> str:
    return (f"QFocusFrame {{ border: {FOCUS_WIDTH}px solid {focus_color(palette).name()}; "
            f"border-radius: 3px; }}")


class FocusRing(QObject):
    """One ring around whichever control has the keyboard focus, in any window of the app."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.frame: QFocusFrame | None = None
        app.focusChanged.connect(self._follow)
        self._follow(None, app.focusWidget())

    def _follow(self, _old: QWidget | None, now: QWidget | None) -> None:
        if self.frame is None or not isValid(self.frame):  # it went with the window it was in
            self.frame = QFocusFrame()
            self.frame.setObjectName("focus_ring")
        self.frame.setStyleSheet(focus_style_sheet(self.app.palette()))
        self.frame.setWidget(now if now is not None and not now.isWindow() else None)  # type: ignore[arg-type]  # None: no widget


def install_focus_ring(app: QApplication) -> FocusRing:
    """The app's focus ring (made once)."""
    ring = app.findChild(FocusRing)
    return ring if ring is not None else FocusRing(app)


def name_qt_controls(root: QWidget) -> None:
    """Name the controls Qt adds by itself under ``root``: a bar's button for what does not fit
    ("More"), a table's corner button and a text field's clear button, which screen readers
    would otherwise read as "button" and nothing more."""
    for button in root.findChildren(QAbstractButton):
        if button.accessibleName():
            continue
        if button.objectName() in EXTENSION_BUTTONS:
            button.setAccessibleName(QCoreApplication.translate("accessibility", "More"))
        elif button.objectName() == CORNER_BUTTON:
            button.setAccessibleName(QCoreApplication.translate("accessibility", "Select all"))
    for edit in root.findChildren(QLineEdit):
        for action in edit.findChildren(QAction, CLEAR_ACTION):
            action.setText(QCoreApplication.translate("accessibility", "Clear"))
            action.setToolTip(QCoreApplication.translate("accessibility", "Clear"))
