"""Two malloc arenas on glibc for a process that indexes many times (the window, ``hub sync``), so
memory freed by worker threads goes back.

Each search-index commit runs Tantivy's indexing threads with a 64 MB writer heap. glibc gives
threads arenas of their own (up to eight per core) and keeps what is freed in them for reuse,
so a window saving records grew by about 200 MB over 60 saves before levelling off; with two
arenas it stays flat and indexing is no slower (bench/README.md, docs/soak.md). A hub pull
indexes each batch it applies: without the cap its RSS grew with the records pulled (bench/README.md,
the hub's stop 19). Even then an arena keeps the top of what a writer freed until something
asks it back: ``give_back`` does, after each commit (an unlock's private index: 41 MB).
"""

from __future__ import annotations

import ctypes
import platform
from collections.abc import Callable
from functools import cache

_M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)
ARENAS = 2


def limit_malloc_arenas() -> bool:
    """Cap glibc's arenas at ``ARENAS``; True if set. Call before worker threads start; elsewhere
    (macOS, Windows, musl) the system allocator is left as it is."""
    return _glibc() and bool(ctypes.CDLL(None).mallopt(_M_ARENA_MAX, ARENAS))


def give_back() -> None:
    """Return to the system what glibc's arenas hold free (``malloc_trim``): a writer's heap,
    freed at its commit, would otherwise stay in the process's memory. Elsewhere nothing."""
    if (trim := _malloc_trim()) is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not _glibc():
        return None
    trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    return trim


@cache
def _glibc() -> bool:
    """Whether this process runs on glibc, whose malloc the two functions above tune."""
    return platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
