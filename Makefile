# Liaocheng Land Check — developer commands. `make demo` and `make test` set themselves up.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
DEMO_OUT ?= demo_output
PYTEST_ARGS ?= tests
PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PLUGIN := liaocheng_plugin
QGIS_ENV := QT_QPA_PLATFORM=offscreen PYTHONPATH=$(CURDIR) PYTHONDONTWRITEBYTECODE=1

.PHONY: setup test test-compat demo bench bench-change bench-postgis zip deploy transup transcompile qgis lint format clean

setup: $(VENV)/.ready

$(VENV)/.ready: .ci/requirements.txt .ci/bootstrap.sh
	bash .ci/bootstrap.sh
	touch $@

# pytest-qgis keeps the tests' QGIS profile in .qgis-settings (not versioned; QGIS 3.40+ rewrites its style database):
# each run starts from a fresh one, so nothing of a run, or of another QGIS version, carries over.
test: setup transcompile
	rm -rf .qgis-settings
	$(QGIS_ENV) $(PY) -m pytest -q $(PYTEST_ARGS)

# The whole suite on QGIS 3.40 (Debian 13) and 3.44 (Debian sid) in cached chroots: see .ci/test-compat.sh.
test-compat:
	bash .ci/test-compat.sh

demo: setup transcompile
	$(QGIS_ENV) $(PY) -m tests.tools.demo --output $(DEMO_OUT)

bench: setup
	$(QGIS_ENV) $(PY) -m tests.tools.bench --output bench_output
	$(QGIS_ENV) $(PY) -m tests.tools.bench_change --output bench_output
	$(QGIS_ENV) $(PY) -m tests.tools.bench_postgis --output bench_output/postgis

# Only the change detection against native:intersection (about 15 minutes: native takes minutes a run).
bench-change: setup
	$(QGIS_ENV) $(PY) -m tests.tools.bench_change --output bench_output

# Only the PostGIS part of `make bench` (a city in PostGIS, cached in ~/.cache/liaocheng-bench; see README, Scaling out).
bench-postgis: setup
	$(QGIS_ENV) $(PY) -m tests.tools.bench_postgis --output bench_output/postgis

# QGIS desktop runs the system Python (bookworm: shapely 1.8): put the venv's packages (shapely 2) first.
VENV_SITE = $$($(PY) -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")

qgis: demo
	PYTHONPATH=$(VENV_SITE) qgis --project $(DEMO_OUT)/liaocheng_demo.qgz

# Translation tools of whichever Qt the distribution has. lrelease: Qt 5 or Qt 6 (the .ts format is the same).
# pylupdate5 is needed for transup: pylupdate6 skips tr() outside classes, which the plugin uses (core/i18n.py).
LRELEASE ?= $(firstword $(shell command -v lrelease lrelease-qt5 lrelease-qt6 lrelease6 \
	/usr/lib/qt5/bin/lrelease /usr/lib/qt6/bin/lrelease /usr/lib/qt6/libexec/lrelease 2>/dev/null))
PYLUPDATE ?= $(shell command -v pylupdate5 2>/dev/null)

transup: setup
	@[ -n "$(PYLUPDATE)" ] || { echo "make transup needs pylupdate5 (Debian: pyqt5-dev-tools)"; exit 1; }
	$(PYLUPDATE) -noobsolete $$(find $(PLUGIN) -name '*.py' -o -name '*.ui' | sort) -ts i18n/liaocheng_zh_CN.ts

transcompile: i18n/liaocheng_zh_CN.qm

i18n/liaocheng_zh_CN.qm: i18n/liaocheng_zh_CN.ts
	@[ -n "$(LRELEASE)" ] || { echo "No lrelease found (Debian: qttools5-dev-tools or qt6-l10n-tools)"; exit 1; }
	$(LRELEASE) -silent $< -qm $@

zip: transcompile
	rm -rf build/$(PLUGIN) dist/$(PLUGIN).zip
	mkdir -p build dist
	cp -r $(PLUGIN) build/$(PLUGIN)
	cp -r metadata.txt resources build/$(PLUGIN)/
	mkdir -p build/$(PLUGIN)/i18n && cp i18n/*.qm build/$(PLUGIN)/i18n/
	cp LICENSE build/$(PLUGIN)/
	find build/$(PLUGIN) -name '__pycache__' -prune -exec rm -rf {} +
	cd build && python3 -m zipfile -c $(CURDIR)/dist/$(PLUGIN).zip $(PLUGIN)
	@echo "Built dist/$(PLUGIN).zip"

deploy: zip
	mkdir -p "$(PROFILE_DIR)/python/plugins"
	rm -rf "$(PROFILE_DIR)/python/plugins/$(PLUGIN)"
	cd "$(PROFILE_DIR)/python/plugins" && python3 -m zipfile -e $(CURDIR)/dist/$(PLUGIN).zip .
	@echo "Installed into $(PROFILE_DIR)/python/plugins/$(PLUGIN)"

lint: setup
	$(VENV)/bin/ruff check $(PLUGIN) tests

format: setup
	$(VENV)/bin/ruff format $(PLUGIN) tests

clean:
	rm -rf build dist $(DEMO_OUT) bench_output i18n/*.qm .pytest_cache
