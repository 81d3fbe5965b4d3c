"""Render kmdesk's icon (resources/icons/kmdesk.svg) at the sizes the hicolor icon theme
expects, into packaging/icons/hicolor/<size>x<size>/apps/org.kmdesk.KMDesk.png, beside the
scalable SVG. The PNGs are committed (they change only with the SVG): `make icons` remakes them.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.kmdesk.KMDesk"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "kmdesk.svg"
THEME = ROOT / "packaging" / "icons" / "hicolor"


def render(size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage needs one)
    for size in SIZES:
        render(size, THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    scalable = THEME / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(f"wrote {len(SIZES)} sizes and the scalable icon under {THEME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
