"""The shape of ``kmdesk/gui``: the main window is split into controllers of at most 400 lines,
no module is over 500, they import each other without a circle, and the profile session talks
to the window only through its signals and the small ``SessionHost`` protocol."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[1] / "kmdesk" / "gui"
CONTROLLER_LINES = 400
MODULE_LINES = 500
WINDOW_PARTS = ["main_window.py", *sorted(path.name for path in GUI.glob("window_*.py")), "library_table.py"]


def gui_imports(path: Path) -> set[str]:
    """The ``kmdesk.gui`` modules ``path`` imports when it runs, at its top or inside a function;
    imports for type checkers only (``if TYPE_CHECKING:``) are not run and do not count."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kmdesk.gui"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if (GUI / f"{alias.name}.py").exists() and node.module == "kmdesk.gui")
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("kmdesk.gui"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {name for name in found if name != "kmdesk.gui"}


def module_name(path: Path) -> str:
    return "kmdesk.gui" if path.name == "__init__.py" else f"kmdesk.gui.{path.stem}"


def test_the_gui_modules_form_no_import_circle():
    graph = {module_name(path): gui_imports(path) for path in GUI.glob("*.py")}
    circles = []

    def walk(module: str, trail: list[str]) -> None:
        for imported in sorted(graph.get(module, ())):
            if imported in trail:
                circles.append(trail[trail.index(imported):] + [imported])
            elif imported not in done:
                walk(imported, [*trail, imported])
        done.add(module)

    done: set[str] = set()
    for module in sorted(graph):
        if module not in done:
            walk(module, [module])
    assert circles == []


@pytest.mark.parametrize("name", WINDOW_PARTS)
def test_the_window_and_its_controllers_are_small(name):
    lines = len((GUI / name).read_text(encoding="utf-8").splitlines())
    assert lines <= CONTROLLER_LINES, f"{name}: {lines} lines"


def test_no_gui_module_is_over_500_lines():
    long = {path.name: n for path in GUI.glob("*.py") if (n := len(path.read_text(encoding="utf-8").splitlines()))
            > MODULE_LINES}
    assert long == {}


def test_the_session_never_reaches_into_the_window():
    """No ``window`` in the session: it knows a parent widget, a ``SessionHost`` and signals."""
    tree = ast.parse((GUI / "session.py").read_text(encoding="utf-8"))
    reaching = sorted({node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "window"}
                      | {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and node.id in ("window",
                                                                                                   "MainWindow")})
    assert reaching == []
    host = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "SessionHost")
    asked = [node.name for node in host.body if isinstance(node, ast.FunctionDef)]
    assert asked == ["current_record", "record_languages"]


def test_a_session_works_over_any_host(qtbot, demo_library):
    """A plain widget with the two ``SessionHost`` methods is enough: the session unlocks, says so
    through its signals, and on lock asks the host for nothing but the record it shows."""
    from kmdesk.gui.qt import QWidget
    from kmdesk.gui.session import ProfileSession
    from kmdesk.gui.settings import Settings

    class Host(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.shown: dict | None = None

        def current_record(self) -> dict | None:
            return self.shown

        def record_languages(self) -> list[str]:
            return ["en"]

    host = Host()
    qtbot.addWidget(host)
    session = ProfileSession(host, host, demo_library, Settings())
    stack = session.guard(QWidget())
    heard: list[tuple] = []
    session.stateChanged.connect(lambda: heard.append(("state", session.locked_out())))
    session.keysChanged.connect(lambda: heard.append(("keys",)))
    session.locking.connect(lambda: heard.append(("locking",)))
    session.locked.connect(lambda reshow: heard.append(("locked", reshow)))
    session.message.connect(lambda text, _ms: heard.append(("message", text)))
    session.refresh()
    assert session.locked_out() and stack.currentWidget() is session.lock_screen
    session.unlock("Demo Custodian", "kmdesk demo custodian")
    assert ("keys",) in heard and ("message", "Unlocked as Demo Custodian.") in heard
    public = next(record for record in demo_library.records.iter_all()
                  if (record.get("access") or {}).get("level", "public") == "public")
    host.shown = public
    session.refresh()
    assert not session.locked_out() and stack.currentWidget() is session.library_page
    heard.clear()
    assert session.lock()
    assert heard[0] == ("locking",) and ("locked", public["id"]) in heard  # a public record may come back
    assert ("state", True) in heard
