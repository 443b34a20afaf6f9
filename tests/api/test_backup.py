"""Backup and restore (PRODUCT.md mission 3: attachments "never lost ... with a backup/restore
path"; API.md: admin commands may run while the server runs): `sige backup DIR2` copies a
live installation — database and attachment files — and `sige serve --data DIR2` serves the
same dossiers, history and bytes."""

from __future__ import annotations

import hashlib
import os
import threading

import pytest

from sige_client import Demo, Server, external_body, receive, register, run_cli, send

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def backup(data_dir, target):
    return run_cli("backup", str(target), "--data", str(data_dir), timeout=120)


@pytest.fixture(scope="module")
def original(server, users):
    """Dossiers with attachments (two versions of one name, binary content), a transfer."""
    mesa1, oficina1 = users["mesa1"], users["oficina1"]
    demo = Demo.load(mesa1)
    files = {}
    dossiers = []
    for i in range(3):
        d = register(mesa1, demo.type("SOLGEN"), summary=f"Expediente con adjuntos {i}")
        dossiers.append(d)
        contents = [PDF + bytes([i]), os.urandom(200_000), f"versión {i}".encode()]
        for name, content in zip(["solicitud.pdf", "foto.bin", "nota.txt"], contents):
            r = mesa1.upload(d["id"], name, content)
            assert r.status == 201, r
            files[r.json["id"]] = content
    r = mesa1.upload(dossiers[0]["id"], "nota.txt", "segunda versión".encode())
    assert r.json["version"] == 2
    files[r.json["id"]] = "segunda versión".encode()
    receive(oficina1, send(mesa1, dossiers[1]["id"], demo.unit("GDU"), folios_added=4)["id"])
    return {"dossiers": dossiers, "files": files}


@pytest.fixture(scope="module")
def restored(server, original, tmp_path_factory):
    """A backup taken while the server runs, served by a second server."""
    target = tmp_path_factory.mktemp("backup") / "copia"
    done = backup(server.data_dir, target)
    assert done.returncode == 0, done.stdout + done.stderr
    assert server.alive()
    second = Server(target).start()
    yield {"server": second, "dir": target, "report": done.stdout}
    second.stop()


def test_backup_of_a_running_installation_succeeds(restored):
    assert "copia de seguridad" in restored["report"]


def test_the_restored_installation_has_the_same_dossiers(users, original, restored):
    admin2 = restored["server"].login("admin")
    for d in original["dossiers"]:
        before = users["admin"].get(f"/api/v1/dossiers/{d['id']}").json
        after = admin2.get(f"/api/v1/dossiers/{d['id']}")
        assert after.status == 200, after
        for key in ("code", "number", "summary", "state", "custody_unit_id", "folios", "applicant",
                    "tracking_token", "pin", "created_at"):
            assert after.json[key] == before[key], key


def test_the_restored_installation_has_the_same_history(users, original, restored):
    admin2 = restored["server"].login("admin")
    for d in original["dossiers"]:
        before = users["admin"].get(f"/api/v1/dossiers/{d['id']}/history").json["items"]
        after = admin2.get(f"/api/v1/dossiers/{d['id']}/history").json["items"]
        assert after == before


def test_the_restored_installation_serves_the_same_attachment_bytes(users, original, restored):
    mesa1_2 = restored["server"].login("mesa1")
    seen = 0
    for d in original["dossiers"]:
        listed = mesa1_2.get(f"/api/v1/dossiers/{d['id']}/attachments").json["items"]
        original_list = users["mesa1"].get(f"/api/v1/dossiers/{d['id']}/attachments").json["items"]
        assert listed == original_list
        for a in listed:
            r = mesa1_2.get(f"/api/v1/attachments/{a['id']}/content")
            assert r.status == 200, r
            digest = hashlib.sha256(r.body).hexdigest()
            assert digest == a["sha256"] == hashlib.sha256(original["files"][a["id"]]).hexdigest()
            seen += 1
    assert seen == len(original["files"])


def test_the_restored_audit_chain_verifies(restored):
    done = run_cli("audit", "verify", "--data", str(restored["dir"]))
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_backup_is_independent_of_the_original(users, restored):
    d = register(users["mesa1"], Demo.load(users["mesa1"]).type("SOLGEN"))
    admin2 = restored["server"].login("admin")
    assert admin2.get(f"/api/v1/dossiers/{d['id']}").status == 404


def test_backing_up_into_an_existing_backup_fails_cleanly(server, restored):
    target = restored["dir"]
    db_before = hashlib.sha256((target / "sige.db").read_bytes()).hexdigest()
    done = backup(server.data_dir, target)
    assert done.returncode != 0
    message = (done.stdout + done.stderr).strip()
    assert message.startswith("sige:") and "ya hay" in message, message
    assert "Traceback" not in message and "terminate called" not in message
    assert hashlib.sha256((target / "sige.db").read_bytes()).hexdigest() == db_before
    # The existing backup still serves.
    assert restored["server"].login("admin").get("/api/v1/me").status == 200


def test_a_backup_taken_while_desks_keep_registering_is_consistent(fresh_server, tmp_path):
    srv = fresh_server
    mesa1 = srv.login("mesa1")
    demo = Demo.load(mesa1)
    body = external_body(demo.type("SOLGEN"), summary="Registro durante la copia")
    stop = threading.Event()
    registered, failures = [], []

    def keep_registering():
        while not stop.is_set():
            r = mesa1.post("/api/v1/dossiers", body)
            up = mesa1.upload(r.json["id"], "a.bin", os.urandom(50_000)) if r.status == 201 else r
            if r.status != 201 or up.status != 201:
                failures.append((r, up))
                return
            registered.append(r.json["number"])

    worker = threading.Thread(target=keep_registering)
    worker.start()
    try:
        while len(registered) < 5 and not failures:
            stop.wait(0.01)
        done = backup(srv.data_dir, tmp_path / "copia")
    finally:
        stop.set()
        worker.join()
    assert not failures, failures
    assert done.returncode == 0, done.stdout + done.stderr
    assert run_cli("audit", "verify", "--data", str(tmp_path / "copia")).returncode == 0
    with Server(tmp_path / "copia") as second:
        admin2 = second.login("admin")
        found = admin2.get("/api/v1/dossiers", params={"per_page": 500}).json["items"]
        numbers = sorted(d["number"] for d in found)
        assert numbers == list(range(1, len(numbers) + 1)), "a prefix of the registrations"
        assert len(numbers) >= 5
        for d in found:
            for a in admin2.get(f"/api/v1/dossiers/{d['id']}/attachments").json["items"]:
                content = admin2.get(f"/api/v1/attachments/{a['id']}/content")
                assert content.status == 200, content
                assert hashlib.sha256(content.body).hexdigest() == a["sha256"]
