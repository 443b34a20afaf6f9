"""Backup and restore (PRODUCT.md mission 3: attachments "never lost ... with a backup/restore
path"; API.md: admin commands may run while the server runs): `sige backup DIR2` copies a
live installation — database and attachment files — and `sige serve --data DIR2` serves the
same dossiers, history and bytes.

That is the SQLite installation's backup. A PostgreSQL installation is backed up with
PostgreSQL's own tools (docs/DEPLOY.md "What to back up"): there `sige backup` must refuse
cleanly, naming pg_dump, and write nothing — the last tests of this file, which run instead
of the others when the suite runs on PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import threading
import time

import pytest

from sige_client import (
    Demo,
    Server,
    assert_spanish,
    blob_files,
    external_body,
    on_postgresql,
    receive,
    register,
    run_cli,
    send,
    snapshot,
)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def backup(data_dir, target):
    return run_cli("backup", str(target), "--data", str(data_dir), timeout=120)


sqlite_only = pytest.mark.skipif(
    on_postgresql(), reason="sige backup copies SQLite installations; on PostgreSQL it must refuse "
                            "(test_on_postgresql_backup_refuses_*) and pg_dump backs up the database")
postgresql_only = pytest.mark.skipif(
    not on_postgresql(), reason="on SQLite, sige backup copies the installation (the tests above)")


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


@sqlite_only
def test_backup_of_a_running_installation_succeeds(restored):
    assert "copia de seguridad" in restored["report"]


@sqlite_only
def test_the_restored_installation_has_the_same_dossiers(users, original, restored):
    admin2 = restored["server"].login("admin")
    for d in original["dossiers"]:
        before = users["admin"].get(f"/api/v1/dossiers/{d['id']}").json
        after = admin2.get(f"/api/v1/dossiers/{d['id']}")
        assert after.status == 200, after
        for key in ("code", "number", "summary", "state", "custody_unit_id", "folios", "applicant",
                    "tracking_token", "pin", "created_at"):
            assert after.json[key] == before[key], key


@sqlite_only
def test_the_restored_installation_has_the_same_history(users, original, restored):
    admin2 = restored["server"].login("admin")
    for d in original["dossiers"]:
        before = users["admin"].get(f"/api/v1/dossiers/{d['id']}/history").json["items"]
        after = admin2.get(f"/api/v1/dossiers/{d['id']}/history").json["items"]
        assert after == before


@sqlite_only
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


@sqlite_only
def test_the_restored_audit_chain_verifies(restored):
    done = run_cli("audit", "verify", "--data", str(restored["dir"]))
    assert done.returncode == 0, done.stdout + done.stderr


@sqlite_only
def test_the_backup_is_independent_of_the_original(users, restored):
    d = register(users["mesa1"], Demo.load(users["mesa1"]).type("SOLGEN"))
    admin2 = restored["server"].login("admin")
    assert admin2.get(f"/api/v1/dossiers/{d['id']}").status == 404


@sqlite_only
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


@sqlite_only
def test_a_backup_taken_while_desks_keep_registering_is_consistent(fresh_server, tmp_path):
    srv = fresh_server
    mesa1 = srv.login("mesa1")
    demo = Demo.load(mesa1)
    body = external_body(demo.type("SOLGEN"), summary="Registro durante la copia")
    stop = threading.Event()
    registered, failures = [], []

    def keep_registering():
        try:
            while not stop.is_set():
                r = mesa1.post("/api/v1/dossiers", body)
                up = mesa1.upload(r.json["id"], "a.bin", os.urandom(50_000)) if r.status == 201 else r
                if r.status != 201 or up.status != 201:
                    failures.append((r, up))
                    return
                registered.append(r.json["number"])
        except Exception as e:  # a dead server must fail the test, not hang it
            failures.append(e)

    worker = threading.Thread(target=keep_registering)
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while len(registered) < 5 and not failures and time.monotonic() < deadline:
            stop.wait(0.01)
        assert len(registered) >= 5, (failures, srv.stderr_text()[-2000:])
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


# --------------------------------------------------------------------------- PostgreSQL


@postgresql_only
def test_on_postgresql_backup_refuses_naming_pg_dump_and_changes_nothing(server, users, tmp_path):
    mesa1 = users["mesa1"]
    d = register(mesa1, Demo.load(mesa1).type("SOLGEN"), summary="Expediente antes de la copia")
    assert mesa1.upload(d["id"], "solicitud.pdf", PDF).status == 201
    before, blobs_before = snapshot(server.db), blob_files(server.blob_dir)
    target = tmp_path / "copia"
    done = backup(server.data_dir, target)
    assert done.returncode != 0, done.stdout
    message = (done.stdout + done.stderr).strip()
    assert message.startswith("sige:") and "pg_dump" in message, message
    assert_spanish(message)
    assert "copia de seguridad en" not in message
    assert "Traceback" not in message and "terminate called" not in message
    assert not target.exists() or not any(target.rglob("*")), "a refused backup wrote files"
    # The running installation is untouched and still serves.
    assert snapshot(server.db) == before
    assert blob_files(server.blob_dir) == blobs_before
    assert server.alive()
    assert mesa1.get(f"/api/v1/dossiers/{d['id']}").status == 200


@postgresql_only
def test_on_postgresql_a_refused_backup_leaves_no_directory_behind(server, tmp_path):
    target = tmp_path / "copia"
    assert backup(server.data_dir, target).returncode != 0
    assert not target.exists()
