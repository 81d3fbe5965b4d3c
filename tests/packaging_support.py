"""What the packaging tests share: running a built kmdesk as a user would, away from the
checkout and from the developer's own settings and library."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def clean_env(home: Path) -> dict[str, str]:
    """An environment with nothing of the checkout or its virtual environment in it: a fresh
    home (settings), its own data directory, and Qt offscreen."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "KMDESK_FAST_KDF"} and not key.startswith("XDG_")}
    env.update(HOME=str(home / "home"), KMDESK_DATA_DIR=str(home / "data"), QT_QPA_PLATFORM="offscreen")
    return env


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    """Run ``command``; a failure shows its output, which is the whole diagnosis."""
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{command} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done
