# JMSC Suite: `make run` serves the web client with demo data, `make test` runs every test.
PYTHON ?= python3
MODULES ?=
DB ?= jmsc
export PYTHON

.PHONY: run stop test lint help

help:
	@echo "make run    start PostgreSQL (if needed) and Odoo on http://localhost:8069 with database $(DB)"
	@echo "make stop   stop what make run started"
	@echo "make test   install every JMSC addon on a throwaway database and run all tests, then lint"
	@echo "make lint   ruff, pylint-odoo and oca-checks-odoo-module"

run:
	@bash tools/run.sh "$(DB)"

stop:
	@bash tools/stop.sh

test:
	@bash tools/test.sh "$(MODULES)"

lint:
	@bash tools/lint.sh
