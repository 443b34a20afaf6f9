"""The citizen side's tests (virtual desk, public tracking) run against a real `sige serve`,
on SQLite by default and on PostgreSQL when SIGE_TEST_PG_URL is set (sige_client decides):

    SIGE_BIN=build/sige /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/citizen/test_virtual_desk.py
    SIGE_BIN=build/sige scripts/pg-tmp /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/citizen/test_tracking.py
"""

from __future__ import annotations

import os

import pytest

import citizen_steps  # noqa: F401  (puts tests/api and tests/support on sys.path)
import sige_client


def pytest_configure(config):
    if not os.environ.get("SIGE_BIN"):
        raise pytest.UsageError("set SIGE_BIN to the built sige binary")


def pytest_report_header(config):
    if sige_client.on_postgresql():
        return f"sige backend: PostgreSQL ({sige_client.pg_server_url()}), one database per installation"
    return "sige backend: SQLite (set SIGE_TEST_PG_URL, e.g. through scripts/pg-tmp, for PostgreSQL)"


def pytest_sessionfinish(session, exitstatus):
    sige_client.drop_created_databases()
