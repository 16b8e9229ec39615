# plt_tracker: the two commands of the README, and a few helpers.
#   make demo   install, create the SQLite database, load the demo kabupaten, start the app
#   make test   install with the test tools and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi

.PHONY: demo run install install-test port-free test audit db-upgrade translations clean-demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps: a second `make demo` skips pip when pyproject.toml has not changed since.
install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	bash scripts/system-deps.sh runtime
	$(BIN)/python -m pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	bash scripts/system-deps.sh test
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# Fail early, and clearly, when another program holds the port.
port-free:
	@$(PYTHON) scripts/port_free.py $(HOST) $(PORT)

db-upgrade: install
	$(FLASK) db upgrade

demo: port-free db-upgrade
	$(FLASK) plt demo --if-empty
	@echo ""
	@echo "plt_tracker berjalan di  http://$(HOST):$(PORT)/"
	@echo "Akun demo:  admin / bukit-kaba-2026   (Admin)"
	@echo "            bkpsdm / danau-tes-2026   (Operator BKPSDM)"
	@echo "            sekda / air-ketahun-2026  (Sekda / pimpinan)"
	@echo ""
	$(FLASK) run --host $(HOST) --port $(PORT)

run: port-free db-upgrade
	$(FLASK) run --host $(HOST) --port $(PORT)

test: install-test
	bash scripts/run-tests.sh

# bandit and pip-audit (pip-audit says so and passes when no advisory service answers)
audit: install-test
	bash scripts/audit.sh

# Re-extract the Indonesian msgids, merge them into the en catalogue, compile it.
# --ignore-dirs replaces Babel's default (skip `.*` and `_*`), which would skip templates/_.
$(BIN)/pybabel: $(BIN)/python
	$(BIN)/python -m pip install --quiet Babel Jinja2

translations: $(BIN)/pybabel
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -k lazy_gettext -k lazy_pgettext:1c,2 --add-comments=TRANSLATORS: \
		--ignore-dirs='.* __pycache__ instance build dist node_modules' \
		--project=plt_tracker --copyright-holder=plt_tracker \
		-o plt_tracker/translations/messages.pot .
	$(BIN)/pybabel update -i plt_tracker/translations/messages.pot -d plt_tracker/translations \
		--ignore-obsolete
	$(BIN)/pybabel compile -d plt_tracker/translations --statistics

clean-demo:
	rm -f instance/plt_tracker.db
