"""Linux desktop integration: the .desktop entry and the AppStream metadata pass their own
validators (Debian packages desktop-file-utils and appstream; `.ci/run` installs them when it
can), the metadata carries what software centres show, and the icon comes in every size the
hicolor theme expects."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
APP_ID = "org.kmdesk.KMDesk"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (Debian package {package}; .ci/run installs it when apt-get can)")
    return found


def test_the_desktop_entry_is_valid():
    done = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


def test_the_appstream_metadata_is_valid():
    done = subprocess.run([_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metadata_has_screenshots_a_release_and_a_content_rating():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    images = [image.text for image in root.iter("image")]
    assert len(images) >= 1 and root.find("screenshots/screenshot[@type='default']") is not None
    for url in images:  # each published screenshot is one kept beside the metadata
        assert (PACKAGING / "screenshots" / url.rsplit("/", 1)[1]).read_bytes().startswith(b"\x89PNG")
    from kmdesk import __version__

    assert root.find("releases/release").get("version") == __version__
    assert root.find("content_rating").get("type") == "oars-1.1"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_the_icon_comes_in_each_hicolor_size(size):
    assert _png_size(PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)


def test_the_scalable_icon_is_kmdesks_own():
    scalable = PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (PACKAGING.parent / "resources" / "icons" / "kmdesk.svg").read_bytes()
