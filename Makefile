# ChannelDesk developer commands. `make run` starts the app (demo data on first run);
# `make test` runs every test. Both create the virtualenv and compile translations.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QM := resources/translations/channeldesk_zh_CN.qm resources/translations/channeldesk_en.qm
export QT_QPA_PLATFORM_TEST := offscreen

.PHONY: run test lint bench package translations clean venv screenshots

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,package]"
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) translations
	$(BIN)/channeldesk gui --demo-on-first-run

lint: $(STAMP)
	$(BIN)/ruff format --check app db tests tools
	$(BIN)/ruff check app db tests tools
	$(BIN)/lint-imports
	$(BIN)/mypy app/domain app/sync app/hq app/reports

test: $(STAMP) translations lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/run_benchmarks.py

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py docs/screenshots

package: $(STAMP) translations
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/channeldesk.spec

clean:
	rm -rf build dist $(QM) .pytest_cache
