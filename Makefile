# Two commands matter: `make run` and `make test`. Everything else is a step they call.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PORT ?= 8765

.PHONY: run test lint install install-test postgres i18n i18n-update row-classes refserver bench clean check-dist dist kit icons

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(MAKE) --no-print-directory i18n
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory i18n
	touch $(STAMP) $@

install: $(STAMP)
install-test: $(TEST_STAMP) postgres

## The hub's tests (tests/test_hub_*.py) start a real PostgreSQL from the system's server binaries
## (initdb, pg_ctl; tests/pg_server.py): installed here when missing and apt-get is usable as root,
## otherwise the exact packages to install are printed (and those tests say why they skip).
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then :; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get install -y -q postgresql || { apt-get update -q && apt-get install -y -q postgresql; } \
			|| echo "could not install postgresql: the hub tests will be skipped"; \
	else \
		echo "The hub tests need the PostgreSQL server binaries (initdb, pg_ctl), version 14 or newer: install them with"; \
		echo "  Debian/Ubuntu: sudo apt-get install postgresql   Fedora: sudo dnf install postgresql-server"; \
		echo "  macOS (Homebrew): brew install postgresql@16    (until then the hub tests are skipped)"; \
	fi

## Compile Qt Linguist translations (.ts -> .qm) with the lrelease that ships in PySide6.
i18n: | $(BIN)/python
	$(BIN)/python -m kmdesk.i18n_build

## Add the code's new translatable strings to i18n/*.ts (then translate them: i18n/README.md).
i18n-update: | $(BIN)/python
	$(BIN)/python -m kmdesk.i18n_build update

## Write the reader's plain rows (kmdesk/core/store/row_classes.py) from the model, after changing it.
row-classes: | $(BIN)/python
	$(BIN)/python -m kmdesk.core.store.write_row_classes

## Open the desktop window on the user's library (filled with the demo library on first start),
## with the local reference CHM server on PORT beside it (the demo library's sync targets).
run: $(STAMP) i18n
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "No display found: run 'QT_QPA_PLATFORM=offscreen $(BIN)/kmdesk gui --screenshot kmdesk.png' to render the window to a PNG, or start under Xvfb (xvfb-run make run)."; \
		exit 1; \
	fi
	@$(BIN)/python -m kmdesk.refserver.server --port $(PORT) --data $(VENV)/refserver.sqlite & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	KMDESK_REFSERVER_URL=http://127.0.0.1:$(PORT) $(BIN)/kmdesk gui

## The static gate, before the tests: ruff (pyflakes, import order, bugbear, complexity at most
## 15) and mypy (strict, the whole package), both configured in pyproject.toml.
lint: $(TEST_STAMP)
	$(BIN)/python -m ruff check kmdesk tests bench packaging
	$(BIN)/python -m mypy

## Run the whole test suite offscreen, under faulthandler (a crash prints every thread's stack);
## non-zero exit on any failure. tests/test_gui_threads.py runs real worker threads hard.
test: $(TEST_STAMP) postgres i18n lint
	QT_QPA_PLATFORM=offscreen KMDESK_FAST_KDF=1 $(BIN)/python -X faulthandler -m pytest

## The frozen one-folder build (dist/kmdesk/kmdesk, no Python needed to run it), made by
## PyInstaller from packaging/kmdesk.spec in a build environment where kmdesk is installed from
## its wheel (build/dist-venv), as a user's install would see it.
DIST_VENV := build/dist-venv
$(DIST_VENV)/bin/pyinstaller:
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet pyinstaller

dist: $(DIST_VENV)/bin/pyinstaller
	$(DIST_VENV)/bin/python -m pip install --quiet --force-reinstall --no-deps . && $(DIST_VENV)/bin/python -m pip install --quiet .
	$(DIST_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/kmdesk.spec

## The offline field kit: dist/kmdesk-kit-<version>-<platform>-<python>/ (and .tar) with the
## wheels of kmdesk and every dependency and install.sh, which installs them with no network.
kit: | $(BIN)/python
	$(BIN)/python packaging/make_kit.py

## The hicolor icon sizes in packaging/icons, rendered from resources/icons/kmdesk.svg.
icons: | $(BIN)/python
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/render_icons.py

## What a user installs, checked as a user gets it (packaging/README.md): the field kit built,
## its wheels installed with the network cut into a fresh environment outside the checkout and
## run; the Linux desktop files validated; and the frozen folder run when `make dist` made it
## (about three minutes more, so not built here: `make dist check-dist` does both).
check-dist: $(TEST_STAMP)
	KMDESK_CHECK_DIST=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/test_packaging*.py

## A local reference CHM/Bioland server for demos and manual sync tests.
refserver: $(STAMP)
	$(BIN)/python -m kmdesk.refserver.server --port $(PORT)

bench: $(STAMP)
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/sync_bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info kmdesk/translations
