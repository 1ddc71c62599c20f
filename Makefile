# SRO-Fallmanagement — the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test stress bench lint clean screenshots bundle bundle-test deb server

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 oder neuer wird benötigt / Python 3.11+ required")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bundle,server]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m ui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -m "not slow"

# The long fault-injection runs (SIGKILL harness with BENCH_KILLS kills, default 2000).
stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -m slow

# The installation package: PyInstaller one-folder bundle in dist/sro-case/ (installer/sro-case.spec),
# checked with its own self-test; `make deb` wraps it as dist/sro-case_<version>_<arch>.deb.
bundle: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller installer/sro-case.spec
	QT_QPA_PLATFORM=offscreen dist/sro-case/sro-case --self-test
	du -sh dist/sro-case

deb: bundle
	$(PY) installer/linux/build_deb.py dist/sro-case --out dist

# Only the packaging tests (bundle + self-test + .deb install, NSIS and MSI scripts); also part of `make test`.
bundle-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -m bundle

# City-scale benchmark (issue #7): BENCH_CASES cases (default 100000, cached in .bench-cache/),
# BENCH_RUNS runs per measurement; writes bench-results.json.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# A local team server for trying it (#17): PostgreSQL from a pip-installed server binary, data in
# ./.team-server/, the server on http://127.0.0.1:8443. The real installation: docs/TEAM_SERVER.md.
server: $(STAMP)
	$(PY) tools/team_server.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py all

# Style, types (the facade and the client against it: mypy) and the architecture's import
# contracts (import-linter, [tool.importlinter] in pyproject.toml); CI runs it before the tests.
lint: $(STAMP)
	$(PY) -m ruff check sro_case ui db tests tools
	$(PY) -m ruff format --check sro_case ui db tests tools
	$(PY) -m mypy sro_case ui
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .hypothesis
