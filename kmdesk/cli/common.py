"""What every command shares: ``--data-dir``, ``--json``, opening the library, progress bars."""

from __future__ import annotations

import argparse
import gc
import getpass
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.core.paths import default_data_dir

if TYPE_CHECKING:
    from typing import TypeAlias

    from kmdesk.core.store.library import Library
    from kmdesk.core.store.reader import Reader

    # what ``add_subparsers`` returns: a group's commands are added to it
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


AS_PROGRAM = False  # set by ``cli.main``: this process is the ``kmdesk`` program, running one command


@contextmanager
def loading() -> Iterator[None]:
    """Load modules as a one-command process should. Importing SQLAlchemy and declaring the
    models makes some 50,000 objects that live as long as the process; the cyclic garbage
    collector would walk them again and again for nothing (bench/README.md, "The command
    line"). In the program the collector sleeps while
    they are made, and they are then frozen out of its sight (``gc.freeze``); it is back on for
    what the command makes. Only for a whole process: a caller in a longer one (``main(argv)``)
    keeps its collector as it was."""
    if not AS_PROGRAM:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def store() -> type[Library]:
    """The store's ``Library``, loaded only by a command that opens it (SQLAlchemy, crypto),
    as the command's own modules are (``loading``)."""
    with loading():
        from kmdesk.core.store.library import Library
    return Library


class CliError(Exception):
    """A usage problem the core does not know about (e.g. a bad option combination)."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a value given before the sub-command from being reset by the sub-parser.
    parser.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="library directory (default: KMDESK_DATA_DIR or the user data directory)")
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    parser.add_argument("--profile", default=argparse.SUPPRESS, metavar="NAME", help="unlock this profile (passphrase from KMDESK_PASSPHRASE, --passphrase-file or a prompt)")
    parser.add_argument("--passphrase-file", type=Path, default=argparse.SUPPRESS, metavar="FILE", help="read the passphrase from FILE (first line)")


def passphrase(args: argparse.Namespace, *, env: str = "KMDESK_PASSPHRASE", file_option: str = "passphrase_file",
               prompt: str = "Passphrase: ") -> str:
    """A passphrase from a file, the environment, or a prompt (never from the command line,
    where other users could read it in the process list)."""
    path = getattr(args, file_option, None)
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError):
            raise CliError(f"cannot read a passphrase from {path}") from None
    if os.environ.get(env):
        return os.environ[env]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise CliError(f"no passphrase: set {env}, pass --{file_option.replace('_', '-')}, or run in a terminal")


def confirm(question: str, *, refusal: str) -> None:
    """Ask a yes/no question on the terminal; anything but yes, or no terminal to ask on (a
    script, a pipe), refuses with ``refusal`` and changes nothing."""
    if not sys.stdin.isatty():
        raise CliError(refusal)
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().casefold() not in ("y", "yes"):
        raise CliError("nothing was changed", exit_code=1)


def data_dir(args: argparse.Namespace) -> Path:
    return getattr(args, "data_dir", None) or default_data_dir()


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _existing(args: argparse.Namespace) -> Path:
    directory = data_dir(args)
    if not (directory / "library.db").exists():
        raise CliError(f"no library at {directory} (run 'kmdesk init' first, or pass --data-dir)")
    return directory


def trash_hint(args: argparse.Namespace, exc: Exception) -> str | None:
    """For an id that names no record: that it is in the trash, and how to bring it back."""
    from kmdesk.core.errors import KmdeskError, NotFound

    typed = exc.params.get("id") if isinstance(exc, NotFound) else None
    if not isinstance(typed, str):
        return None
    try:
        with store().open(_existing(args)) as library:
            found = library.trash.resolve_id(typed)
    except (KmdeskError, CliError):
        return None
    return f"record {found} is in the trash: 'kmdesk trash restore {found[:8]}' brings it back"


def output_file(path: str | Path | None) -> None:
    """Refuse, in words and before any work, a file to write into a folder that does not exist
    (report, export, vCards, screenshot); else the failure came after the work, as an internal
    error or a temporary file's name."""
    if path is not None and Path(path).is_dir():
        raise CliError(f"cannot write {path}: it is a folder; name a file in it")
    if path is not None and not Path(path).parent.is_dir():
        raise CliError(f"cannot write {path}: the folder {Path(path).parent} does not exist")


def unlock_hint(args: argparse.Namespace, exc: Exception) -> str | None:
    """For a refusal to a locked library: how to unlock at the command line, which the core's
    words ("unlock first") cannot say."""
    from kmdesk.core.errors import AccessDenied, KmdeskError

    if not isinstance(exc, AccessDenied) or getattr(args, "profile", None):
        return None
    try:
        with store().open(_existing(args)) as library:
            has_profiles = library.access.has_profiles()
    except (KmdeskError, CliError):
        return None
    if not has_profiles:
        return (f"{exc} (this library has no profiles yet: create its first custodian with "
                "'kmdesk profile add NAME --role custodian', then pass --profile NAME)")
    return (f"{exc} (pass --profile NAME; the passphrase comes from KMDESK_PASSPHRASE, "
            "--passphrase-file or a prompt; 'kmdesk profile list' names the profiles)")


def open_library(args: argparse.Namespace, *, create: bool = False, catch_up: bool = True) -> Library:
    """Open the library and, with ``--profile``, unlock it for this one command; then index what
    waits (``catch_up_index``), so the command neither waits on it silently nor is cut short
    by it after its own change. ``catch_up`` False: the command rebuilds the index itself."""
    directory = data_dir(args) if create else _existing(args)
    library = store().open(directory, create=True)
    warn_rollback(library.rollback)
    profile = getattr(args, "profile", None)
    try:
        if profile and library.access.has_profiles():
            library.unlock(profile, passphrase(args))
            warn_withheld_keys(library.access.current.problems if library.access.current else [])
        if catch_up:
            catch_up_index(library, args)
    except BaseException:
        library.close()
        raise
    return library


def warn_rollback(went_back: list[str]) -> None:
    """Say on stderr what of the library went back since this user last saw it (``witness``)."""
    for line in went_back:
        print(f"kmdesk: warning: this library is older than when it was last seen here ({line}); if you did not "
              "restore a backup, someone put an older copy in its place ('kmdesk check' says more)", file=sys.stderr)


def warn_withheld_keys(problems: list[str]) -> None:
    """Say on stderr each membership or protocol whose row failed its check at unlock: it gave no
    key, so the records sealed under it stay closed to this profile, and without this they would
    only read as "restricted" with no reason given (``Session_.problems``)."""
    for problem in problems:
        print(f"kmdesk: warning: {problem}; its protocol key was not used, so the records sealed under it "
              "stay closed ('kmdesk check' says more)", file=sys.stderr)


def catch_up_index(library: Library, args: argparse.Namespace) -> None:
    """Index the records waiting in the index queue, all of them the first time a library of an
    older release is opened, with a progress bar; Ctrl+C stops it between batches, and the next
    command resumes where it stopped."""
    from kmdesk.core.errors import Cancelled

    if not library.index.backlog():
        return
    bar = ProgressBar("Indexing the library for search", enabled=not wants_json(args))
    try:
        with interrupt_as_cancel() as cancelled:
            library.index.catch_up(progress=bar, cancel=cancelled)
    except Cancelled as exc:
        raise CliError(f"{exc}; the next kmdesk command resumes where it stopped", exit_code=130) from None
    finally:
        bar.close()


@contextmanager
def interrupt_as_cancel() -> Iterator[Callable[[], bool]]:
    """A cancel token that Ctrl+C sets, so a long job stops at its next safe point instead of
    wherever the interrupt lands; a second Ctrl+C interrupts at once. Outside the main thread
    (no signal handler there) the token never says stop."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop.is_set
        return

    def interrupted(_signum: int, _frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield stop.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


def open_reading(args: argparse.Namespace, *, search: bool = False) -> Library | Reader:
    """For a command that only reads records: without ``--profile``, a library at the current
    schema is read with ``sqlite3`` alone (``core.reader``: the same answers as the locked store,
    without loading SQLAlchemy, which costs more than such a command may take); with ``search``,
    only if its index is ready to answer (``Reader.searchable``). With a profile to unlock, a
    library to upgrade first, or an index to finish or rebuild, the store opens it."""
    if not getattr(args, "profile", None):
        from kmdesk.core.store.reader import Reader

        reader = Reader.open(_existing(args))
        if reader is not None:
            if not search or reader.searchable():
                warn_rollback(reader.rollback)
                return reader
            reader.close()
    return open_library(args)


def emit_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=1, default=_listed)
    sys.stdout.write("\n")


def _listed(value: Any) -> list[Any]:
    """A sequence that is not a list (an import report's rows, made as they are read) as JSON's array."""
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


class ProgressBar:
    """A one-line progress bar on stderr (quiet when stderr is not a terminal or with --json)."""

    def __init__(self, label: str, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self._last = -1

    def __call__(self, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        if total:
            percent = int(done * 100 / total)
            if percent == self._last:
                return
            self._last = percent
            bar = "#" * (percent // 4)
            sys.stderr.write(f"\r{self.label} [{bar:<25}] {percent:3d}% ({done}/{total})")
        else:
            sys.stderr.write(f"\r{self.label} {done}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
