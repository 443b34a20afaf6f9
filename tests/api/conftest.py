"""Fixtures for the API tests: a real sige server on demo data, one per test module (or per
test where a pristine installation matters), and logged-in clients for the demo users.

Run one file by hand (ctest runs each tests/api/test_*.py the same way, once per backend):

    SIGE_BIN=build/sige /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/api/test_lifecycle.py
    SIGE_BIN=build/sige scripts/pg-tmp /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/api/test_lifecycle.py

The second line runs the same tests on PostgreSQL: scripts/pg-tmp starts a throwaway server
and sets SIGE_TEST_PG_URL, and every installation a test creates gets its own database there
(sige_client.init_demo).
"""

from __future__ import annotations

import pytest

from sige_client import Demo, Server, Sessions, init_demo, start_demo, stop_checked
from sige_client import pytest_configure, pytest_report_header, pytest_sessionfinish  # noqa: F401  (hooks)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server on a fresh demo installation, shared by the tests of one module."""
    srv = start_demo(tmp_path_factory, "sige")
    yield srv
    stop_checked(srv)


@pytest.fixture(scope="module")
def users(server):
    s = Sessions(server)
    yield s
    s.close()


@pytest.fixture(scope="module")
def demo(users) -> Demo:
    return Demo.load(users["admin"])


@pytest.fixture
def fresh_server(tmp_path_factory):
    """A server on its own fresh demo installation, for tests that need pristine state."""
    srv = start_demo(tmp_path_factory, "fresh")
    yield srv
    stop_checked(srv)


@pytest.fixture
def start_server(tmp_path_factory):
    """Factory: start_server(*serve_args, data=None) -> a started Server, stopped at the end."""
    started = []

    def start(*args: str, data=None) -> Server:
        if data is None:
            data = tmp_path_factory.mktemp("custom") / "data"
            init_demo(data)
        srv = Server(data, *args).start()
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()
