"""The shape of the code, checked from its source (AST and file sizes only, nothing imported):
``Library`` stays a facade, modules stay small, no module reaches into another's private names,
the core never loads Qt, the command line never loads the window, and no import cycle forms."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kmdesk"
FACADE = PACKAGE / "core" / "store" / "library.py"
FACADE_LINES = 300
MODULE_LINES = 500
# generated or data modules a person does not read as code: migrations are written once, as they are
NOT_CODE = ("migrations/versions/", "translations/", "i18n/")
QT = ("PySide6", "shiboken6")

# private names of other libraries that their public API makes callers use
PRIVATE_ALLOWED = {
    "_SubParsersAction",  # argparse: the type of add_subparsers()'s result has no public name
    "_replace",  # namedtuple (urllib's SplitResult): its documented way to change a field
    "_mapping",  # SQLAlchemy's Row: its documented dict view of the row
}


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


@cache
def sources() -> dict[str, Path]:
    """Every module of kmdesk by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_code(path: Path) -> bool:
    return not any(part in _relative(path) for part in NOT_CODE)


# -- sizes -----------------------------------------------------------------------------------------------
def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_library_is_a_facade():
    assert _lines(FACADE) <= FACADE_LINES, (
        f"{_relative(FACADE)} has {_lines(FACADE)} lines: Library hands work to its managers "
        f"(records, history, consent, audit, access, sync, index, imports, labels), at most {FACADE_LINES} lines")


def test_no_module_is_longer_than_500_lines():
    long = {_relative(path): _lines(path) for path in sources().values() if _is_code(path) and _lines(path) > MODULE_LINES}
    assert not long, f"split these by what they hold (at most {MODULE_LINES} lines each): {long}"


# -- private names ---------------------------------------------------------------------------------------
def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@cache
def defined_names(path: Path) -> frozenset[str]:
    """Every name a module defines: functions, classes, and whatever it assigns (``_x = ...``,
    ``self._x = ...``, class attributes)."""
    names: set[str] = set()
    for node in ast.walk(tree(path)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Name):
                        names.add(part.id)
                    elif isinstance(part, ast.Attribute):
                        names.add(part.attr)
    return frozenset(names)


def _own(value: ast.expr) -> bool:
    """``self``, ``cls`` or ``super()``: an object reaching its own members."""
    if isinstance(value, ast.Name):
        return value.id in ("self", "cls")
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super"


def private_reads(path: Path) -> Iterator[str]:
    """``x._name`` where ``_name`` is not this module's own, and ``from kmdesk... import _name``."""
    own = defined_names(path)
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Attribute) and _private(node.attr) and not _own(node.value) \
                and node.attr not in own and node.attr not in PRIVATE_ALLOWED:
            yield f"{_relative(path)}:{node.lineno}: {ast.unparse(node)}"
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kmdesk"):
            for alias in node.names:
                if _private(alias.name):
                    yield f"{_relative(path)}:{node.lineno}: from {node.module} import {alias.name}"


def test_no_module_reads_another_modules_private_names():
    """A name with a leading underscore is its module's own; what another module needs gets a
    public name on the object that owns it (a manager's method, a module's function)."""
    found = [line for path in sources().values() for line in private_reads(path)]
    assert not found, "give these a public name where they are defined:\n" + "\n".join(found)


def test_the_private_name_check_sees_a_reach_into_another_module(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f(store):\n    return store._row(1), store.records.row(1)\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in private_reads(probe)] == ["store._row"]


# -- imports ---------------------------------------------------------------------------------------------
def _type_checking(test: ast.expr) -> bool:
    return "TYPE_CHECKING" in ast.unparse(test)


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    children = node.orelse if isinstance(node, ast.If) and _type_checking(node.test) else ast.iter_child_nodes(node)
    for child in children:
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        yield from _import_nodes(child)


def module_name(path: Path) -> str:
    return next(name for name, where in sources().items() if where == path)


def imports(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(module, names) of every import a module runs, at any depth (in functions too), except
    under ``if TYPE_CHECKING:`` (never run). A relative import is made absolute."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _import_nodes(tree(path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
            continue
        module = node.module or ""
        if node.level:
            parts = package.split(".")
            module = ".".join(parts[:len(parts) - node.level + 1] + ([module] if module else []))
        yield module, [alias.name for alias in node.names]


def _loads(path: Path, prefixes: tuple[str, ...]) -> list[str]:
    return [f"{_relative(path)}: {module}" for module, _names in imports(path)
            if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)]


def test_the_core_never_loads_qt():
    found = [line for name, path in sources().items() if name.startswith("kmdesk.core")
             for line in _loads(path, (*QT, "kmdesk.gui", "kmdesk.app"))]
    assert not found, "the core is Qt-free (the GUI and the CLI are its faces):\n" + "\n".join(found)


def test_the_command_line_never_loads_the_window():
    found = [line for name, path in sources().items() if name.startswith("kmdesk.cli")
             for line in _loads(path, ("kmdesk.gui",))]
    assert not found, "the command line uses the core (and kmdesk/render), never kmdesk.gui:\n" + "\n".join(found)


def dependencies() -> dict[str, set[str]]:
    """Module -> the kmdesk modules it imports (``from package import module`` names the module)."""
    known = sources()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        found: set[str] = set()
        for module, names in imports(path):
            submodules = [f"{module}.{item}" for item in names if f"{module}.{item}" in known]
            found.update(submodules)
            if not names or len(submodules) < len(names):  # ``import m``, or names defined in ``m`` itself
                found.add(module)
        graph[name] = {module for module in found if module in known and module != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles():
    """Function-level imports count (they only put the cycle off until the call); imports under
    ``if TYPE_CHECKING:`` do not (they never run)."""
    found = cycles(dependencies())
    assert not found, "modules that import each other, directly or around a loop:\n" + "\n".join(map(str, found))


def test_the_cycle_check_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
