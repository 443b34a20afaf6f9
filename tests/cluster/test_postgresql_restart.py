"""PostgreSQL restarts under a running sige (maintenance, a minor upgrade, a fail-over to
the same address): sige is not restarted. While the database is down, requests are answered
503 and /healthz says so; once it is back, the very first request is answered as if nothing
had happened, because a transaction whose first round trip finds its pooled connection gone
starts again on a new one (nothing was done in it yet).

    SIGE_BIN=build/sige scripts/pg-tmp /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/cluster
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "api"))

from sige_client import Demo, Server, init_demo, on_postgresql, register  # noqa: E402

PG_CTL = "/usr/lib/postgresql/15/bin/pg_ctl"

pytestmark = pytest.mark.skipif(not on_postgresql(), reason="needs scripts/pg-tmp")


def pg_ctl(*args: str) -> None:
    """pg_ctl on the test server (as its owner, `postgres`, when the tests run as root)."""
    data = os.environ["SIGE_TEST_PG_DATA"]
    command = [PG_CTL, "-D", data, "-w", *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def server_options() -> str:
    """The options the running server was started with (pg_ctl start needs them again)."""
    opts = Path(os.environ["SIGE_TEST_PG_DATA"]) / "postmaster.opts"
    args = shlex.split(opts.read_text())[1:]  # without the program
    if "-D" in args:
        i = args.index("-D")
        del args[i:i + 2]
    return shlex.join(args)


def test_sige_answers_503_while_postgresql_is_down_and_carries_on_when_it_is_back(tmp_path):
    data = tmp_path / "data"
    init_demo(data)
    with Server(data) as srv:
        clerk, admin = srv.login("mesa1"), srv.login("admin")
        demo = Demo.load(admin)
        d = register(clerk, demo.type("SOLGEN"))
        # Readers at once, so that the pool holds several connections: all of them are stale
        # after the restart, and the requests below meet them one after another.
        def read_many(_):
            reader = srv.login("mesa1")
            try:
                return all(reader.get(f"/api/v1/dossiers/{d['id']}").status == 200 for _ in range(30))
            finally:
                reader.close()

        with ThreadPoolExecutor(8) as pool:
            assert all(pool.map(read_many, range(8)))

        options = server_options()
        pg_ctl("-m", "fast", "stop")
        try:
            down = clerk.get(f"/api/v1/dossiers/{d['id']}")
            assert down.status == 503
            assert down.json["title"]  # a problem document in Spanish, not a dropped connection
            assert srv.client().get("/healthz").status == 503
        finally:
            log = Path(os.environ["SIGE_TEST_PG_DATA"]).parent / "server.log"  # pg-tmp's own
            pg_ctl("-l", str(log), "-o", options, "start")

        # Back: no request fails, reads and writes alike, and nothing was lost or doubled.
        for _ in range(20):
            assert clerk.get(f"/api/v1/dossiers/{d['id']}").status == 200
        again = register(clerk, demo.type("SOLGEN"))
        assert again["number"] == d["number"] + 1
        assert srv.client().get("/healthz").status == 200
