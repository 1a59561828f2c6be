# Lianxin: `make run` sets up and starts the app with demo data; `make test` sets up and
# runs every check. Both work on a fresh machine with only python3 (3.11+) installed.
# `make dist` builds the Linux bundle (dist/lianxin/) with PyInstaller; `make test-dist`
# builds it and runs the frozen app's self-test.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DIR ?= $(CURDIR)/.demo
DEMO_MEMBERS ?= 300
DEMO_HQ_DIR ?= $(CURDIR)/.demo-hq
export LIANXIN_DEMO_PASSWORD ?= lianxin-demo

# Debian packages the app and its tests need: Qt's runtime libraries, PulseAudio for
# QtMultimedia, CJK fonts so Chinese renders in screenshots.
DEB_PACKAGES := libpulse0 fonts-noto-cjk libegl1 libgl1 libxkbcommon0 libfontconfig1 \
                libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0

# PyInstaller reads shared libraries' dependencies with objdump (binutils); the bundle
# carries the X11 libraries Qt's xcb plugin links, so they must be here to be collected.
DIST_DEB_PACKAGES := binutils libxcb-icccm4 libxcb-keysyms1
DIST_STAMP := $(VENV)/.installed-dist
DIST_DIR   := dist/lianxin

TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: run test lint typecheck imports pytest bench screenshots translations \
        update-translations deps-debian deps-debian-dist venv clean demo dist test-dist

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# $(call debian,PACKAGES): install the Debian packages that are missing (as root, or
# through sudo); fail with their names when neither is possible.
define debian
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  elif command -v sudo >/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages:$$missing (install them as root)"; exit 1; \
	  fi; \
	fi
endef

deps-debian:
	$(call debian,$(DEB_PACKAGES))

deps-debian-dist:
	$(call debian,$(DIST_DEB_PACKAGES))

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Re-extract source strings into the .ts files (then translate them in Qt Linguist). The
# core marks strings with `_N`, an alias lupdate must be told about; the English file
# carries plural forms only.
LUPDATE_SOURCES = $$(git ls-files --cached --others --exclude-standard 'desktop/*.py')
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -tr-function-alias QT_TRANSLATE_NOOP+=_N $(LUPDATE_SOURCES) \
	  -no-obsolete -ts resources/translations/lianxin_zh_CN.ts
	$(BIN)/pyside6-lupdate -tr-function-alias QT_TRANSLATE_NOOP+=_N $(LUPDATE_SOURCES) \
	  -no-obsolete -pluralonly -ts resources/translations/lianxin_en.ts

demo: $(STAMP) translations
	@if [ ! -f "$(DEMO_DIR)/vault.json" ]; then \
	  LIANXIN_PASSWORD=$(LIANXIN_DEMO_PASSWORD) $(BIN)/lianxin-cli --data-dir "$(DEMO_DIR)" demo \
	    --members $(DEMO_MEMBERS); \
	fi

# The app on the demo folder, with a local HQ (SQLite, 127.0.0.1) it is enrolled with;
# closing the app stops HQ.
run: deps-debian demo
	$(BIN)/python tools/run_demo.py --data-dir "$(DEMO_DIR)" --hq-dir "$(DEMO_HQ_DIR)"

lint: $(STAMP)
	$(BIN)/ruff check desktop hq tests bench installer tools
	$(BIN)/ruff format --check desktop hq tests bench installer tools

typecheck: $(STAMP)
	$(BIN)/mypy

imports: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: deps-debian $(STAMP) translations lint typecheck imports pytest

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: deps-debian $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop.ui.screenshots --out screenshots

# --- installers -----------------------------------------------------------------------

$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	touch $@

# The Linux one-folder bundle in dist/lianxin (PyInstaller's work files: build/pyinstaller).
dist: deps-debian-dist $(DIST_STAMP) translations
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
	  --workpath build/pyinstaller installer/lianxin.spec && \
	echo "dist: $(DIST_DIR) built in $$(( $$(date +%s) - start )) s, $$(du -sh $(DIST_DIR) | cut -f1) unpacked"

# The frozen app's --self-test, first screen and contents, with no display.
test-dist: deps-debian dist
	LIANXIN_TEST_DIST=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/dist/test_frozen.py

clean:
	rm -rf $(VENV) .demo .pytest_cache .mypy_cache .ruff_cache screenshots build dist
