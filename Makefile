# JMSC Suite. `make run` serves the web client, `make test` runs every test. Both find Odoo 18 in
# $(PYTHON) or build .venv/ once (tools/bootstrap.sh).
PYTHON ?= python3
MODULES ?=
DB ?= jmsc
DEMO ?= 1
BACKUP_DIR ?= .data/backups
KEEP ?= 0
export PYTHON

.PHONY: help run stop test lint bootstrap test-bootstrap backup restore

help:
	@echo "make run              start PostgreSQL (durable) and Odoo on http://localhost:8069 with database $(DB)"
	@echo "                      (DEMO=0: a database without demo data, random admin and master passwords)"
	@echo "make stop             stop what make run and make test started"
	@echo "make test             every test on a throwaway database and cluster, then lint (MODULES=... narrows)"
	@echo "make lint             ruff, pylint-odoo and oca-checks-odoo-module"
	@echo "make bootstrap        only build/refresh .venv/ when $(PYTHON) cannot import Odoo 18 (ODOO_SRC=...)"
	@echo "make test-bootstrap   rehearse a fresh machine in a temporary folder (needs ODOO_SRC)"
	@echo "make backup           archive database $(DB) and its filestore into $(BACKUP_DIR) (KEEP=N prunes)"
	@echo "make restore FILE=... [DB=...] [FORCE=1]   restore an archive into a new database"

run:
	@DEMO="$(DEMO)" MODULES="$(MODULES)" bash tools/run.sh "$(DB)"

stop:
	@bash tools/stop.sh

test:
	@bash tools/test.sh "$(MODULES)"

lint:
	@PYTHON="$$(bash tools/bootstrap.sh dev)" && PYTHON="$$PYTHON" bash tools/lint.sh

bootstrap:
	@bash tools/bootstrap.sh dev

test-bootstrap:
	@MODULES="$(or $(MODULES),jmsc_base)" bash tools/test-bootstrap.sh

backup:
	@py="$$(bash tools/bootstrap.sh runtime)" && "$$py" tools/backup.py backup --db "$(DB)" --dir "$(BACKUP_DIR)" --keep "$(KEEP)"

restore:
	@test -n "$(FILE)" || { echo "make restore FILE=<archive> [DB=<new database>] [FORCE=1]" >&2; exit 2; }
	@py="$$(bash tools/bootstrap.sh runtime)" && "$$py" tools/backup.py restore --file "$(FILE)" \
	  $(if $(filter command line environment,$(origin DB)),--db "$(DB)") $(if $(FORCE),--force)
