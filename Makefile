# Reengage: `make run` serves the app on the embedded default, `make test` runs the suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test worker lint format bench install lock audit screenshots screening-eval clean

# Exact versions and hashes (requirements-dev.txt pins pip too): the same packages, byte for
# byte, on every machine. Rebuilt whenever a compiled requirements file changes.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# requirements*.in -> requirements*.txt (exact versions, every file's hash; needs the package
# index). Keeps the current pins unless asked: make lock LOCK_ARGS=--upgrade (or -P django).
LOCK := $(BIN)/uv pip compile -q --universal --generate-hashes --python-version 3.11 \
	--custom-compile-command "make lock" $(LOCK_ARGS)
lock: $(STAMP)
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-dev.in -o requirements-dev.txt

# Known vulnerabilities in the pinned versions (pip-audit); says plainly when the advisory
# source cannot be reached (exit 3) instead of passing with nothing checked.
audit: $(STAMP)
	$(BIN)/python scripts/dependency_audit.py $(AUDIT_ARGS)

# The embedded default: SQLite under var/, tasks in-process, e-mails as files in var/mail/.
run: export DJANGO_DEBUG ?= 1
# A demo number for "Prefer to talk? Call us at …" (555-01xx numbers are set aside for fiction).
run: export PROGRAM_PHONE ?= +16175550100
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py seed_demo
	@echo "Public form:  http://$(HOST):$(PORT)/   (also /es/ and /pt-br/)"
	@echo "Staff admin:  http://$(HOST):$(PORT)/admin/"
	@echo "E-mails land in var/mail/, texts in var/sms/."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# With REDIS_URL set: one Celery worker (both queues) with beat embedded.
worker: $(STAMP)
	$(BIN)/celery -A reengage worker -B -Q routing,messages --concurrency 2 -l INFO

# Screenshots of the public pages, the worklist, an inquiry's page and the clinician's note flow into docs/screenshots/. Starts nothing: run
# `make run` in another terminal first (or pass URL=http://host:port for an app running elsewhere).
URL ?= http://$(HOST):$(PORT)
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py $(URL)

# Intake throughput, acknowledgement latency, worklist at scale, worker throughput: on the
# DATABASE_URL / REDIS_URL servers (default: local), in a database of its own (reengage_bench,
# dropped and recreated) and Redis db 12 (flushed). Not part of CI. See bench/README.md.
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Screening's rates on the evaluation sets it was never tuned on, with 95 % intervals.
screening-eval: $(STAMP)
	$(BIN)/python scripts/screening_eval.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy intake/services intake/selectors.py intake/routing.py intake/workflow.py intake/messaging
	$(BIN)/bandit -r intake reengage -ll -q

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
