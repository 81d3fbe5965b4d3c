"""An index's term dictionary walked ahead while a window shows it (``Dictionary.warm``): the
walks a misspelling or a completion needs are ready before anyone types, and again once the
index stops changing (an import commits every few hundred records: one walk after it, not one
per commit). Only the faces that stay open ask for it; a command that answers and exits does not.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import tantivy

from kmdesk.core.search import analysis
from kmdesk.core.search.dictionary import Dictionary
from kmdesk.core.search.query import PREFIX_FIELDS

log = logging.getLogger(__name__)

WARM_FIELDS = PREFIX_FIELDS  # where words are completed, and respelt first (``query.NEAR_FIELDS``)
QUIET = 2.0  # seconds without a change before the dictionary is walked again


class Warmer:
    """Walks one index's dictionary ahead on a timer thread, from ``start`` until ``stop``."""

    def __init__(self, dictionary: Dictionary, searcher: Callable[[], tuple[tantivy.Searcher, object]]) -> None:
        self._dictionary = dictionary
        self._searcher = searcher  # the index's newest searcher and its generation
        self._lock = threading.Lock()
        self._on = False
        self._timer: threading.Timer | None = None

    def start(self) -> None:
        """Walk now, and again after each change (``changed``)."""
        with self._lock:
            self._on = True
        self._schedule(0.0)

    def changed(self) -> None:
        """The index changed (its walks were forgotten): walk again once it is ``QUIET``."""
        self._schedule(QUIET)

    def stop(self) -> None:
        """No more walks (a lock or a close: the private index's terms stay out of memory)."""
        with self._lock:
            self._on = False
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    def _schedule(self, delay: float) -> None:
        with self._lock:
            if not self._on:
                return
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(delay, self._run)
            self._timer.daemon = True
            self._timer.start()

    def _run(self) -> None:
        try:
            analysis.load_tables()
            searcher, generation = self._searcher()
            self._dictionary.warm(searcher, generation, WARM_FIELDS, stop=lambda: not self._on)
        except Exception as exc:  # a convenience only: the searches walk what they need themselves
            log.warning("the search index's words were not walked ahead: %s", exc)
