"""The citizen side's tests (virtual desk, public tracking) run against a real `sige serve`,
on SQLite by default and on PostgreSQL when SIGE_TEST_PG_URL is set (sige_client decides):

    SIGE_BIN=build/sige /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/citizen/test_virtual_desk.py
    SIGE_BIN=build/sige scripts/pg-tmp /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/citizen/test_tracking.py
"""

from __future__ import annotations

import pytest

import citizen_steps  # noqa: F401  (puts tests/api and tests/support on sys.path)
from sige_client import Demo, Sessions
from sige_client import pytest_configure, pytest_report_header, pytest_sessionfinish  # noqa: F401  (hooks)


# Each test module defines its own `server` (with the options it needs); these build on it.


@pytest.fixture(scope="module")
def staff(server):
    s = Sessions(server)
    yield s
    s.close()


@pytest.fixture(scope="module")
def demo(staff) -> Demo:
    return Demo.load(staff["admin"])
