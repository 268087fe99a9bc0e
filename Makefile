# DigiKomp: `make run` serves the demo, `make test` runs the suite. Needs Python >= 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Everything the installation writes (SQLite database, uploads, secret key) lives here.
export DIGIKOMP_DATA_DIR ?= $(CURDIR)/var
# Links in e-mails and the demo's login hint point at the server `make run` starts.
export DIGIKOMP_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run dev test lint bench lock messages clean check-python serve-prod

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || \
	  { echo "DigiKomp needs Python >= 3.11 (found: $$($(PYTHON) --version 2>&1)). Set PYTHON=/path/to/python3.11"; exit 1; }

# Reinstall only when the pins or the package metadata change, so a second `make run` starts at once.
$(STAMP): requirements.lock pyproject.toml | check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

# `make run` serves the demo as production runs it: DEBUG off, gunicorn, static files collected into var/ and
# served by whitenoise from its manifest, Django's own error pages. Only what needs a real mail server or a web
# server stays local: e-mails go to the console and Django serves uploaded images. `make dev` (or DEBUG=1 make run)
# is for debugging: Django's development server with DEBUG on, reloading on every change.
run dev: export EMAIL_BACKEND ?= django.core.mail.backends.console.EmailBackend
run dev: export ALLOWED_HOSTS ?= $(HOST),127.0.0.1,localhost
run dev: export DIGIKOMP_SERVE_MEDIA ?= 1
dev: export DEBUG = 1

# The background worker (invitation and newsletter e-mails, reminders) and a once-a-minute run of the CMS's
# scheduled publishing and of the release of closed campaigns' figures run beside the web server (the argument)
# and stop with it.
define serve_demo
	$(BIN)/digikomp migrate --no-input -v0
	$(BIN)/digikomp seed-demo
	@$(BIN)/digikomp db_worker --interval 2 >"$(DIGIKOMP_DATA_DIR)/worker.log" 2>&1 & worker=$$!; \
	  while true; do $(BIN)/digikomp publish_scheduled >>"$(DIGIKOMP_DATA_DIR)/publish.log" 2>&1; \
	    $(BIN)/digikomp release-campaigns >>"$(DIGIKOMP_DATA_DIR)/publish.log" 2>&1; \
	    $(BIN)/digikomp purge-event-registrations >>"$(DIGIKOMP_DATA_DIR)/publish.log" 2>&1; sleep 60; done & \
	  publisher=$$!; \
	  trap 'kill $$worker $$publisher 2>/dev/null' EXIT INT TERM; \
	  $(1)
endef

# Static files are collected only when none are, or a file under a static/ folder or the installation changed.
run: $(STAMP)
	@manifest="$(DIGIKOMP_DATA_DIR)/static/staticfiles.json"; \
	  if [ ! -f "$$manifest" ] || [ -n "$$(find src/digikomp $(STAMP) -newer "$$manifest" -type f \
	      \( -path '*/static/*' -o -name .installed \) -print -quit)" ]; then \
	    $(BIN)/digikomp collectstatic --no-input -v0; fi
	$(call serve_demo,$(BIN)/gunicorn digikomp.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 4 --timeout 120 \
	  --access-logfile - --error-logfile -)

dev: $(STAMP)
	$(call serve_demo,$(BIN)/digikomp runserver $(HOST):$(PORT))

# The suite on PYTEST_WORKERS processes (pytest-xdist), each with its own test database; PYTEST_WORKERS=0 runs it
# in this process. PYTEST_ARGS=--reuse-db keeps the migrated databases for the next run (README, Development).
PYTEST_WORKERS ?= 2
test: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

# Re-resolve the dependency tree from pyproject.toml and pin it exactly.
lock: check-python
	rm -rf /tmp/digikomp-lock && $(PYTHON) -m venv /tmp/digikomp-lock
	/tmp/digikomp-lock/bin/pip install --quiet --upgrade pip
	/tmp/digikomp-lock/bin/pip install --quiet -e '.[dev]'
	{ echo "# Exact pins for the whole dependency tree (runtime + test). Regenerate: make lock"; \
	  /tmp/digikomp-lock/bin/pip freeze --exclude-editable; } > requirements.lock

# Extract and compile translations (needs GNU gettext; the compiled .mo files are committed).
messages: $(STAMP)
	cd src/digikomp && ../../$(BIN)/digikomp makemessages -l da --ignore 'static/*' && ../../$(BIN)/digikomp compilemessages

clean:
	rm -rf $(VENV) var
