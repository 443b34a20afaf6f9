"""Gapless numbering under load (PRODUCT.md: "gapless correlative numbering per organisation
and year"; ARCHITECTURE.md "Numbering"): many desks registering at the same moment get
consecutive numbers, none repeated, none skipped, each organisation counting on its own."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from sige_client import Demo, external_body, run_cli

ORG1_THREADS = 8
PER_THREAD = 25
ORG2_THREADS = 2


def test_concurrent_registrations_get_consecutive_numbers_without_gaps_or_repeats(fresh_server):
    srv = fresh_server
    admin = srv.login("admin")
    demo = Demo.load(admin)
    # Each thread has its own session (and connection): desk and office of organisation 1,
    # the desk of organisation 2 registering at the same time.
    logins = ["mesa1", "oficina1"] * (ORG1_THREADS // 2) + ["mesa2"] * ORG2_THREADS
    with ThreadPoolExecutor(len(logins)) as pool:
        clients = list(pool.map(srv.login, logins))
    start = threading.Barrier(len(clients))

    def work(client):
        org = 2 if client.me["user"]["username"] == "mesa2" else 1
        body = external_body(demo.type("SOLGEN", org), summary="Registro simultáneo")
        start.wait()
        out = []
        for _ in range(PER_THREAD):
            r = client.post("/api/v1/dossiers", body)
            out.append((r.status, r.json))
        return org, out

    with ThreadPoolExecutor(len(clients)) as pool:
        results = list(pool.map(work, clients))

    by_org = {1: [], 2: []}
    for org, answers in results:
        for status, d in answers:
            assert status == 201, d
            by_org[org].append(d)
    year = by_org[1][0]["year"]
    for org, expected_count in ((1, ORG1_THREADS * PER_THREAD), (2, ORG2_THREADS * PER_THREAD)):
        numbers = sorted(d["number"] for d in by_org[org])
        assert numbers == list(range(1, expected_count + 1)), f"organisation {org}: gaps or repeats"
        assert sorted(d["code"] for d in by_org[org]) == sorted(f"{n}-{year}" for n in numbers)

    # What the API answered is what was stored.
    stored = [row[0] for row in srv.db.rows(
        "SELECT number FROM dossier WHERE organization_id = ? AND year = ? ORDER BY number",
        demo.org(1), year)]
    assert stored == list(range(1, ORG1_THREADS * PER_THREAD + 1))

    # The search sees them all too.
    r = admin.get("/api/v1/dossiers", params={"per_page": 500})
    assert r.json["total"] == (ORG1_THREADS + ORG2_THREADS) * PER_THREAD

    # And the audit chain stayed one line while everyone wrote at once.
    done = run_cli("audit", "verify", "--data", str(srv.data_dir))
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_transfer_is_received_once_when_several_clerks_click_at_the_same_time(fresh_server):
    srv = fresh_server
    mesa1 = srv.login("mesa1")
    demo = Demo.load(mesa1)
    transfers = []
    for _ in range(10):
        d = mesa1.post("/api/v1/dossiers", external_body(demo.type("SOLGEN"), folios=1)).json
        transfers.append(mesa1.post(f"/api/v1/dossiers/{d['id']}/transfers",
                                    {"to_unit": demo.unit("GDU"), "action": "attend",
                                     "folios_added": 5}).json)
    with ThreadPoolExecutor(4) as pool:
        clerks = list(pool.map(srv.login, ["oficina1", "oficina1", "oficina1", "admin"]))
    for t in transfers:
        start = threading.Barrier(len(clerks))

        def click(client, t=t, start=start):
            start.wait()
            return client.post(f"/api/v1/transfers/{t['id']}/receive").status

        with ThreadPoolExecutor(len(clerks)) as pool:
            statuses = sorted(pool.map(click, clerks))
        assert statuses == [200, 409, 409, 409], statuses
        d = mesa1.get(f"/api/v1/dossiers/{t['dossier_id']}").json
        assert d["folios"] == 6, "the folios of the transfer were added exactly once"
