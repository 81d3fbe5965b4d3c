"""Issue 25, upgrade, at the command line: the first command that opens a library of the
previous release (its index a Whoosh one) rebuilds the index with a progress bar on stderr;
Ctrl+C stops it cleanly, says so, and the next command resumes where it stopped."""

from __future__ import annotations

import io
import os
import signal
import sys
from functools import partialmethod

from conftest import UPGRADED_RECORDS as RECORDS

from kmdesk.cli import common, main
from kmdesk.core.search.index_manager import IndexManager


class Terminal(io.StringIO):
    """stderr as a terminal: where ``ProgressBar`` draws."""

    def isatty(self) -> bool:
        return True


def on_a_terminal(monkeypatch) -> Terminal:
    """stderr as a terminal, set in the test's body (capsys takes stderr when the test starts),
    and batches of 5 records, so a small library is indexed in several."""
    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(IndexManager, "catch_up", partialmethod(IndexManager.catch_up, batch=5))
    return stderr


def test_the_first_search_rebuilds_the_index_with_a_progress_bar(upgraded_library, monkeypatch, capsys):
    terminal = on_a_terminal(monkeypatch)
    assert main(["--data-dir", str(upgraded_library), "search", "quinoa", "--limit", "50"]) == 0
    assert f"Indexing the library for search [{'#' * 25}] 100% ({RECORDS}/{RECORDS})" in terminal.getvalue()
    assert capsys.readouterr().out.splitlines()[-1] == f"{RECORDS} match(es)"
    terminal.seek(0)
    terminal.truncate()
    assert main(["--data-dir", str(upgraded_library), "search", "quinoa"]) == 0
    assert "Indexing" not in terminal.getvalue()  # once only


def test_ctrl_c_stops_the_rebuild_cleanly_and_the_next_command_resumes(upgraded_library, monkeypatch, capsys):
    terminal = on_a_terminal(monkeypatch)
    draw = common.ProgressBar.__call__

    def interrupted_at_ten(bar, done: int, total: int | None) -> None:
        draw(bar, done, total)
        if done == 10:
            os.kill(os.getpid(), signal.SIGINT)  # the person presses Ctrl+C

    monkeypatch.setattr(common.ProgressBar, "__call__", interrupted_at_ten)
    assert main(["--data-dir", str(upgraded_library), "search", "quinoa"]) == 130
    said = terminal.getvalue()
    assert f"(10/{RECORDS})" in said and f"indexing stopped after 10 of {RECORDS} records" in said
    assert "the next kmdesk command resumes where it stopped" in said
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # Ctrl+C is itself again
    monkeypatch.setattr(common.ProgressBar, "__call__", draw)
    terminal.seek(0)
    terminal.truncate()
    capsys.readouterr()
    assert main(["--data-dir", str(upgraded_library), "check"]) == 0
    assert f"({RECORDS - 10}/{RECORDS - 10})" in terminal.getvalue()  # resumed: only the rest
    assert "index and store agree" in capsys.readouterr().out
