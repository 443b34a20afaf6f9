"""A node that dies in the middle of sending an e-mail (docs/DEPLOY.md, the outbox). Before
talking to its SMTP server a node claims the message for 5 minutes, in a committed
transaction; if it dies then, the message is neither lost nor sent twice: no other node
touches it while the claim holds, and once the claim has lapsed another node sends it,
once.

Node 1 sends to an SMTP server that accepts the connection and never answers, so that it
is surely in the middle of sending when it is killed (SIGKILL: no chance to let go). The
five minutes are not waited for: the test moves the claim's end into the past, as the
clock would.

    SIGE_BIN=build/sige scripts/pg-tmp /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/cluster
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "api"))
sys.path.insert(0, str(REPO / "tests" / "support"))

from sige_client import (  # noqa: E402
    Database,
    Demo,
    Server,
    database_url,
    drop_database,
    init_demo,
    on_postgresql,
    register,
    wait_until,
)
from smtp import SmtpSink  # noqa: E402  (tests/support)
from test_two_nodes import consenting_applicant  # noqa: E402  (same folder)

pytestmark = pytest.mark.skipif(not on_postgresql(), reason="needs scripts/pg-tmp")


class SilentSmtp:
    """Accepts connections on loopback and never says a word: a sender waits for the
    greeting until its timeout."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.sock.getsockname()[1]}"

    def _accept(self):
        try:
            while True:
                self.accepted.append(self.sock.accept()[0])
        except OSError:
            pass  # closed

    def close(self):
        self.sock.close()
        for c in self.accepted:
            c.close()


def claim(db: Database, dossier_id: int) -> tuple:
    """(state, attempts, claimed_by) of the receipt e-mail of a dossier."""
    rows = db.rows("SELECT state, attempts, claimed_by FROM outbox WHERE dossier_id = %d" % dossier_id)
    assert len(rows) == 1, rows
    return rows[0]


def test_a_message_claimed_by_a_node_that_died_is_sent_once_by_another_when_the_claim_lapses(tmp_path):
    data = tmp_path / "shared"
    init_demo(data)
    db = Database(data)
    silent = SilentSmtp()
    sink = SmtpSink(tmp_path / "mail").start()
    one = Server(data, "--smtp", silent.url, name="node1").start()
    two = None
    try:
        demo = Demo.load(one.login("admin"))
        d = register(one.login("mesa1"), demo.type("SOLGEN"), applicant=consenting_applicant(1))

        # Node 1 claimed the receipt and is talking to its (silent) SMTP server: kill it there.
        assert wait_until(lambda: claim(db, d["id"])[2], timeout=10), claim(db, d["id"])
        assert wait_until(lambda: silent.accepted, timeout=10), "node 1 never reached its SMTP server"
        one.proc.kill()
        one.proc.wait(timeout=10)
        state, attempts, claimed_by = claim(db, d["id"])
        assert state == "pending" and claimed_by

        # Node 2, with a working SMTP server, respects the dead node's claim while it holds...
        two = Server(data, "--smtp", sink.url, name="node2").start()
        time.sleep(5)  # two and a half looks at the outbox (every 2 s)
        assert sink.message_ids() == []
        assert claim(db, d["id"])[:2] == (state, attempts)

        # ... and once it has lapsed, sends the message, once.
        db.execute("UPDATE outbox SET claimed_until = 0 WHERE dossier_id = %d" % d["id"])
        assert wait_until(lambda: sink.message_ids(), timeout=15), claim(db, d["id"])
        time.sleep(3)  # a second sending would arrive by now
        assert len(sink.message_ids()) == 1
        state, attempts, claimed_by = claim(db, d["id"])
        assert state == "sent"
        assert claimed_by is None
    finally:
        if two is not None:
            assert two.stop() == 0
        one.stop()
        sink.stop()
        silent.close()
        if database_url(data):
            drop_database(database_url(data))
