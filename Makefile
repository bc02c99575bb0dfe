# 青海工会网 — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
HOST ?= 127.0.0.1
export DJANGO_SETTINGS_MODULE ?= unionsite.settings.dev

.PHONY: run setup install install-dev migrate demo test lint format serve scheduler stack stack-stop clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

# axe-core for the browser tests' accessibility checks (pinned in package-lock.json).
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "!! npm not found: the browser tests' accessibility checks will be skipped"; fi

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev node_modules/.package-lock.json

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput

# Demo content goes into an empty database only; an existing site is left alone.
demo: migrate
	@if $(PY) manage.py shell -c "from home.models import HomePage; import sys; sys.exit(0 if HomePage.objects.exists() else 1)"; then \
		echo "数据库中已有站点内容，跳过演示内容（需要时运行：$(PY) manage.py load_demo_content）。"; \
	else \
		$(PY) manage.py load_demo_content; \
	fi

setup: demo
	$(PY) manage.py setup_editorial
	$(PY) manage.py setup_joining
	$(PY) manage.py setup_interaction

# The scheduler (scheduled publishing, every 60 s) runs in the background and stops with the server.
run: setup
	@echo "本地访问：http://$(HOST):$(PORT)/   后台：http://$(HOST):$(PORT)/admin/"
	@$(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

scheduler:
	$(PY) manage.py run_scheduler

# A production-like server on the same database: gunicorn, DEBUG off, WhiteNoise for static files,
# uploaded images from the application (SERVE_MEDIA=1; a proxy serves them in production) and each
# worker's own cache (ALLOW_LOCAL_CACHE=1; production refuses to start without REDIS_URL).
# A fixed malloc mmap threshold hands image buffers back to the system once a rendition is made
# (glibc's adaptive threshold keeps them: a worker that made AVIF renditions stayed ~55 MB larger).
serve: setup
	DJANGO_SETTINGS_MODULE=unionsite.settings.production \
	SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-for-internet} \
	SECURE_SSL=$${SECURE_SSL:-0} ALLOW_LOCAL_CACHE=$${ALLOW_LOCAL_CACHE:-1} \
	$(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=unionsite.settings.production \
	SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-for-internet} \
	SECURE_SSL=$${SECURE_SSL:-0} \
	SERVE_MEDIA=1 ALLOW_LOCAL_CACHE=$${ALLOW_LOCAL_CACHE:-1} \
	MALLOC_MMAP_THRESHOLD_=$${MALLOC_MMAP_THRESHOLD_:-131072} \
	$(VENV)/bin/gunicorn unionsite.wsgi:application --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

# The production stack on this machine (deploy/stack.sh): Varnish :8080 → two gunicorn nodes
# :8101 :8102 with production settings, PostgreSQL database unionsite_stack (created), Redis DB 7,
# the scheduler; migrations and demo content on first start. PIDs in var/stack/*.pid.
stack: install
	deploy/stack.sh start

stack-stop:
	deploy/stack.sh stop

# The suite's own settings (pyproject.toml names them too; the export above would otherwise win).
test: install-dev
	DJANGO_SETTINGS_MODULE=unionsite.settings.test $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djlint templates --check
	$(VENV)/bin/djlint templates --lint
	$(PY) manage.py makemigrations --check --dry-run

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	@# djlint --reformat exits 1 when it changed a file; the check then tells that from a real failure.
	$(VENV)/bin/djlint templates --reformat --quiet || $(VENV)/bin/djlint templates --check --quiet

clean:
	rm -rf var/static var/test-media .pytest_cache
