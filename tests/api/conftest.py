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

import os

import pytest

import sige_client
from sige_client import Demo, Server, init_demo


def pytest_configure(config):
    if not os.environ.get("SIGE_BIN"):
        raise pytest.UsageError("set SIGE_BIN to the built sige binary")


def pytest_report_header(config):
    if sige_client.on_postgresql():
        return f"sige backend: PostgreSQL ({sige_client.pg_server_url()}), one database per installation"
    return "sige backend: SQLite (set SIGE_TEST_PG_URL, e.g. through scripts/pg-tmp, for PostgreSQL)"


def pytest_sessionfinish(session, exitstatus):
    sige_client.drop_created_databases()


class Sessions:
    """Logged-in clients of the demo users, created on first use (a login costs ~70 ms)."""

    def __init__(self, server: Server):
        self.server = server
        self._clients = {}

    def __getitem__(self, username: str):
        if username not in self._clients:
            c = self.server.client()
            r = c.login(username)
            assert r.status == 200, f"login {username}: {r!r}"
            self._clients[username] = c
        return self._clients[username]

    def close(self):
        for c in self._clients.values():
            c.close()


def _start(tmp_path_factory, name: str, *args: str) -> Server:
    data = tmp_path_factory.mktemp(name) / "data"
    init_demo(data)
    return Server(data, *args).start()


def _stop_checked(srv: Server) -> None:
    """Stops the server; it must have stayed up and must end cleanly when stdin closes."""
    alive = srv.alive()
    code = srv.stop()
    assert alive, f"the server died while in use:\n{srv.stderr_text()[-3000:]}"
    assert code == 0, f"the server did not stop cleanly on stdin EOF (exit {code})"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server on a fresh demo installation, shared by the tests of one module."""
    srv = _start(tmp_path_factory, "sige")
    yield srv
    _stop_checked(srv)


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
    srv = _start(tmp_path_factory, "fresh")
    yield srv
    _stop_checked(srv)


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
