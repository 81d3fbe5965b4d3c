"""Windows and macOS, checked here without either (issue 30): the PyInstaller spec makes a
console kmdesk.exe beside the windowed kmdesk-gui.exe on Windows, over one folder; the Inno
Setup script offers Arabic and Chinese with texts of its own in both; the CI workflow that
builds, smoke-tests and keeps all of them (.github/workflows/desktop.yml) is well-formed."""

from __future__ import annotations

import sys
import types

import pytest
from packaging_support import ROOT

SPEC = ROOT / "packaging" / "kmdesk.spec"
ISS = ROOT / "packaging" / "windows" / "kmdesk.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "desktop.yml"


def run_spec(monkeypatch, platform: str) -> dict[str, list]:
    """Execute the spec as PyInstaller would on ``platform``, with its build steps recorded."""
    calls: dict[str, list] = {"EXE": [], "COLLECT": [], "BUNDLE": []}

    class Analysis:
        def __init__(self, *args, **kwargs):
            self.pure, self.scripts, self.binaries, self.datas = [], ["script"], ["binaries"], []

    def step(name):
        def record(*args, **kwargs):
            calls[name].append((args, kwargs))
            return types.SimpleNamespace(name=kwargs.get("name"), **{k: v for k, v in kwargs.items() if k != "name"})
        return record

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = hooks.collect_dynamic_libs = hooks.collect_submodules = lambda *a, **k: []
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(SPEC.parent), "Analysis": Analysis, "PYZ": lambda *a, **k: "pyz",
                 "EXE": step("EXE"), "COLLECT": step("COLLECT"), "BUNDLE": step("BUNDLE"), "__name__": "spec"}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return calls


def test_windows_gets_a_console_kmdesk_exe_beside_the_windowed_kmdesk_gui_exe(monkeypatch):
    calls = run_spec(monkeypatch, "win32")
    programs = {kwargs["name"]: kwargs["console"] for _args, kwargs in calls["EXE"]}
    assert programs == {"kmdesk": True, "kmdesk-gui": False}
    [(args, kwargs)] = calls["COLLECT"]  # one folder holds both, sharing every library
    assert {getattr(arg, "name", None) for arg in args} >= {"kmdesk", "kmdesk-gui"} and kwargs["name"] == "kmdesk"


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_linux_and_macos_get_one_console_program(monkeypatch, platform):
    calls = run_spec(monkeypatch, platform)
    assert [(kwargs["name"], kwargs["console"]) for _args, kwargs in calls["EXE"]] == [("kmdesk", True)]
    assert len(calls["BUNDLE"]) == (platform == "darwin")


def test_the_installer_offers_arabic_and_chinese_with_its_own_texts_in_them():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Inno Setup then reads it as Unicode
    text = raw.decode("utf-8-sig")
    languages = {line.split('"')[1] for line in text.splitlines() if line.startswith("Name: ") and "MessagesFile" in line}
    assert languages == {"en", "fr", "es", "ru", "ar", "zh"}
    assert 'Name: "ar"; MessagesFile: "Arabic.isl"' in text and 'Name: "zh"; MessagesFile: "ChineseSimplified.isl"' in text
    for language in languages:  # every custom message in every language
        assert f"{language}.AppComment=" in text and f"{language}.CommandLine=" in text
    assert "ar.AppComment=مكتبة" in text and "zh.AppComment=离线知识库" in text
    assert '{app}\\kmdesk-gui.exe' in text and '{app}\\kmdesk.exe' in text


def test_the_workflow_builds_tests_and_keeps_each_desktop():
    text = WORKFLOW.read_text(encoding="utf-8")
    for needed in ("packaging/kmdesk.spec", "tests/test_packaging_frozen.py", "ISCC.exe", "Arabic.isl",
                   "ChineseSimplified.isl", "hdiutil create", "actions/upload-artifact", "kmdesk-gui.exe"):
        assert needed in text, needed
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed: the workflow's YAML is not parsed here")
    workflow = yaml.safe_load(text)
    assert workflow["jobs"]["frozen"]["strategy"]["matrix"]["os"] == ["ubuntu-latest", "windows-latest", "macos-latest"]
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
