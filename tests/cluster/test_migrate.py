"""`sige migrate`: a whole SQLite installation copied to PostgreSQL (issue 3: "copies a
whole installation (attachments included), verified by counts and by the audit chain").

Runs beside a throwaway PostgreSQL server (ctest starts it with scripts/pg-tmp).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from sige_client import (Demo, Server, create_database, on_postgresql, receive,  # noqa: E402
                         register, register_database, run_cli, send)

pytestmark = pytest.mark.skipif(not on_postgresql(), reason="needs SIGE_TEST_PG_URL (scripts/pg-tmp)")


def sqlite_installation(data: Path) -> None:
    """A demo installation kept in SQLite, whatever backend the other tests use."""
    done = run_cli("init", "--demo", "--data", str(data))
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A used SQLite installation: dossiers moved between units, attachments, notes, a
    citizen's submission, reads in the audit record. Stopped before migrating."""
    data = tmp_path_factory.mktemp("origen") / "data"
    sqlite_installation(data)
    with Server(data) as srv:
        desk, office = srv.login("mesa1"), srv.login("oficina1")
        demo = Demo.load(srv.login("admin"))
        dossiers = [register(desk, demo.type("SOLGEN"), summary=f"Solicitud número {i} de Núñez")
                    for i in range(1, 6)]
        for d in dossiers[:3]:
            receive(office, send(desk, d["id"], demo.unit("GDU"), "opinion")["id"])
        blob = "Plano de ubicación ñandú".encode() * 1000
        att = desk.upload(dossiers[4]["id"], "plano.txt", blob, "text/plain").json
        desk.ok("POST", f"/api/v1/dossiers/{dossiers[4]['id']}/annotations", {"text": "Nota interna"})
        desk.get(f"/api/v1/dossiers/{dossiers[0]['id']}")
        citizen = srv.client()
        draft = citizen.ok("POST", "/api/v1/public/submissions", {
            "type_id": demo.type("SOLGEN"), "summary": "Pedido en línea",
            "applicant": {"name": "Ana", "id_type": "DNI", "id_number": "45678912",
                          "email": "ana@example.pe"}}, expect=201)
        citizen.ok("POST", f"/api/v1/public/submissions/{draft['id']}/submit",
                   headers={"X-Upload-Token": draft["upload_token"]}, expect=200)
        codes = sorted(d["code"] for d in dossiers)
    return {"data": data, "codes": codes, "attachment": att, "blob": blob, "demo": demo}


@pytest.fixture(scope="module")
def migrated(source, tmp_path_factory):
    url = create_database("migrado")
    target = tmp_path_factory.mktemp("destino") / "data"
    done = run_cli("migrate", "--from", f"sqlite:{source['data']}", "--to", url,
                   "--to-data", str(target), timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    register_database(target, url)
    return {"url": url, "data": target, "output": done.stdout}


def test_migrate_reports_each_table_and_a_verified_chain(migrated):
    out = migrated["output"]
    for table in ("dossier: 5 filas", "transfer: 3 filas", "attachment: 1 filas", "submission: 1 filas"):
        assert table in out, out
    assert "migración verificada" in out and "cadena de auditoría íntegra" in out


def test_the_copy_serves_the_same_dossiers_attachments_and_history(source, migrated):
    with Server(migrated["data"]) as srv:
        admin = srv.login("admin")
        listed = admin.ok("GET", "/api/v1/dossiers", params={"per_page": 50})["items"]
        assert sorted(d["code"] for d in listed) == source["codes"]
        content = admin.get(f"/api/v1/attachments/{source['attachment']['id']}/content")
        assert content.status == 200
        assert hashlib.sha256(content.body).hexdigest() == source["attachment"]["sha256"]
        assert content.body == source["blob"]
        first = next(d for d in listed if d["code"] == source["codes"][0])
        history = [e["action"] for e in admin.ok("GET", f"/api/v1/dossiers/{first['id']}/history")["items"]]
        assert "dossier.registered" in history
        # Full text search works on the new backend's own index.
        assert admin.ok("GET", "/api/v1/dossiers", params={"q": "nunez"})["total"] == 5
        # The submission waits in the desk's tray as before.
        assert srv.login("mesa1").ok("GET", "/api/v1/submissions")["total"] == 1


def test_after_migrating_numbers_and_ids_go_on_without_collision(source, migrated):
    with Server(migrated["data"]) as srv:
        desk = srv.login("mesa1")
        d = register(desk, source["demo"].type("SOLGEN"))
        assert d["code"].startswith("6-"), d["code"]  # the counter came along
        assert desk.upload(d["id"], "nuevo.txt", b"nuevo", "text/plain").status == 201


def test_the_copied_audit_chain_verifies_on_postgresql(migrated):
    done = run_cli("audit", "verify", "--data", str(migrated["data"]))
    assert done.returncode == 0, done.stdout + done.stderr


def test_migrating_into_a_database_that_is_not_empty_is_refused(source, migrated, tmp_path):
    done = run_cli("migrate", "--from", f"sqlite:{source['data']}", "--to", migrated["url"],
                   "--to-data", str(tmp_path / "otra"))
    assert done.returncode != 0
    assert "no está vacía" in done.stderr


def test_a_missing_source_is_refused_and_nothing_is_created(migrated, tmp_path):
    missing = tmp_path / "no-existe"
    done = run_cli("migrate", "--from", f"sqlite:{missing}", "--to", migrated["url"],
                   "--to-data", str(tmp_path / "otra"))
    assert done.returncode == 2
    assert "no existe la base de datos de origen" in done.stderr
    assert not missing.exists()
    assert not (tmp_path / "otra").exists()
