"""History and audit (PRODUCT.md mission 4): every change and every access is recorded —
who, when, what, from where — in an append-only, tamper-evident chain that
`sige audit verify` checks, also while the server runs."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from sige_client import (
    Database,
    DatabaseError,
    Demo,
    Server,
    copy_installation,
    init_demo,
    receive,
    register,
    run_cli,
    send,
)


def verify(data_dir):
    return run_cli("audit", "verify", "--data", str(data_dir))


@pytest.fixture(scope="module")
def used(server, users, demo):
    """The shared installation after a day's work: registrations, transfers, an upload,
    notes, an archive, a revert."""
    mesa1, oficina1, admin = users["mesa1"], users["oficina1"], users["admin"]
    ids = []
    for i in range(5):
        d = register(mesa1, demo.type("SOLGEN"), summary=f"Trámite de auditoría {i}")
        ids.append(d["id"])
    receive(oficina1, send(mesa1, ids[0], demo.unit("GDU"), folios_added=2)["id"])
    t = send(mesa1, ids[1], demo.unit("GDU"))
    admin.ok("POST", f"/api/v1/transfers/{t['id']}/revert", {"reason": "Error de destino"})
    assert mesa1.upload(ids[2], "plano.txt", b"plano", "text/plain").status == 201
    mesa1.ok("POST", f"/api/v1/dossiers/{ids[3]}/annotations", {"text": "Ver plano"}, expect=201)
    mesa1.ok("POST", f"/api/v1/dossiers/{ids[4]}/archive")
    return ids


def test_audit_verify_passes_on_a_used_installation_while_the_server_runs(server, used):
    done = verify(server.data_dir)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "íntegra" in done.stdout


def test_reading_a_dossier_is_recorded_and_shown_to_admin_with_include_reads(users, used):
    d = used[0]
    assert users["consulta1"].get(f"/api/v1/dossiers/{d}").status == 200
    r = users["admin"].get(f"/api/v1/dossiers/{d}/history", params={"include_reads": "true"})
    assert r.status == 200, r
    reads = [e for e in r.json["items"] if e["action"] == "dossier.read"]
    assert "consulta1" in [e["actor"] for e in reads]
    # Without the flag, the history lists changes only.
    plain = users["admin"].get(f"/api/v1/dossiers/{d}/history").json["items"]
    assert all(not e["action"].endswith(".read") for e in plain)
    assert len(plain) < len(r.json["items"])


def test_downloading_an_attachment_is_recorded(users, used):
    d = used[2]
    att = users["mesa1"].get(f"/api/v1/dossiers/{d}/attachments").json["items"][0]
    assert users["carga1"].get(f"/api/v1/attachments/{att['id']}/content").status == 200
    items = users["autoridad1"].get(f"/api/v1/dossiers/{d}/history",
                                    params={"include_reads": "true"}).json["items"]
    assert ("carga1", "attachment.read") in [(e["actor"], e["action"]) for e in items]


@pytest.mark.parametrize("user", ["mesa1", "oficina1", "consulta1"])
def test_only_admin_and_authority_see_who_read_a_dossier(users, used, user):
    r = users[user].get(f"/api/v1/dossiers/{used[0]}/history", params={"include_reads": "true"})
    assert r.status == 403, r


def test_each_change_records_who_when_what_and_from_where(server, users, demo):
    d = register(users["mesa1"], demo.type("SOLGEN"))
    row = server.db.rows(
        "SELECT actor, action, client, at FROM audit_event WHERE dossier_id = ? ORDER BY seq",
        d["id"])[0]
    actor, action, client, at = row
    assert (actor, action) == ("mesa1", "dossier.registered")
    assert client == "127.0.0.1"
    assert at > 0


def test_the_audit_table_refuses_updates_and_deletes(server, used):
    db = server.db
    with pytest.raises(DatabaseError, match="append-only"):
        db.execute("UPDATE audit_event SET actor = 'x' WHERE seq = 1")
    with pytest.raises(DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit_event WHERE seq = 1")
    with pytest.raises(DatabaseError, match="never delete"):
        db.execute(f"DELETE FROM dossier WHERE id = {used[0]}")
    if db.url:
        with pytest.raises(DatabaseError, match="append-only"):
            db.execute("TRUNCATE audit_event")
    assert verify(server.data_dir).returncode == 0


# --------------------------------------------------------------------------- tampering


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A stopped installation with some history, and the seq of one registration event."""
    data = tmp_path_factory.mktemp("pristine") / "data"
    init_demo(data)
    with Server(data) as srv:
        mesa1 = srv.login("mesa1")
        demo = Demo.load(mesa1)
        first = register(mesa1, demo.type("SOLGEN"))
        for _ in range(3):
            register(mesa1, demo.type("SOLGEN"))
        seq = mesa1.get(f"/api/v1/dossiers/{first['id']}/history").json["items"][0]["seq"]
    assert verify(data).returncode == 0
    return data, seq


@pytest.fixture
def tamper_target(pristine, tmp_path):
    """A copy of the pristine installation (data directory and database) for one test to
    break."""
    data, seq = pristine
    copy = tmp_path / "data"
    copy_installation(data, copy)
    return SimpleNamespace(data_dir=copy, db=Database(copy)), seq


def tamper(db: Database, trigger: str, statement: str):
    """What someone with write access to the database could do: drop the append-only
    trigger of audit_event, then change the table by hand."""
    db.execute(db.drop_trigger(trigger, "audit_event"), statement)


def test_changing_one_audit_row_by_hand_is_detected_naming_the_event(tamper_target):
    srv, seq = tamper_target
    tamper(srv.db, "audit_event_no_update", f"UPDATE audit_event SET actor = 'x' WHERE seq = {seq}")
    done = verify(srv.data_dir)
    assert done.returncode != 0
    assert f"evento {seq}" in done.stdout + done.stderr, done.stdout + done.stderr


def test_deleting_an_audit_row_is_detected_naming_the_event(tamper_target):
    srv, seq = tamper_target
    tamper(srv.db, "audit_event_no_delete", f"DELETE FROM audit_event WHERE seq = {seq}")
    done = verify(srv.data_dir)
    assert done.returncode != 0
    assert f"evento {seq}" in done.stdout + done.stderr, done.stdout + done.stderr


def test_cutting_off_the_latest_events_is_detected(tamper_target):
    srv, _ = tamper_target
    last = srv.db.value("SELECT MAX(seq) FROM audit_event")
    tamper(srv.db, "audit_event_no_delete", f"DELETE FROM audit_event WHERE seq = {last}")
    done = verify(srv.data_dir)
    assert done.returncode != 0, done.stdout
    assert "ROTA" in done.stdout


def test_rewriting_a_row_and_its_hash_is_still_detected_by_the_next_link(tamper_target):
    srv, seq = tamper_target
    # Whoever edits an event and recomputes nothing else breaks the link to the next one.
    tamper(srv.db, "audit_event_no_update", f"UPDATE audit_event SET hash = '{'0' * 64}' WHERE seq = {seq}")
    done = verify(srv.data_dir)
    assert done.returncode != 0
    assert "ROTA" in done.stdout


# --------------------------------------------------------------------------- anchors


def anchor_of(done) -> str:
    """The SEQ:HASH that `sige audit verify` tells the auditor to note down."""
    assert done.returncode == 0, done.stdout + done.stderr
    found = re.search(r"--anchor (\d+:[0-9a-f]{64})", done.stdout)
    assert found, done.stdout
    return found.group(1)


def work_a_little(data_dir, summary: str) -> None:
    with Server(data_dir) as srv:
        mesa1 = srv.login("mesa1")
        register(mesa1, Demo.load(mesa1).type("SOLGEN"), summary=summary)


def test_an_anchor_noted_down_exposes_a_history_rewritten_with_valid_hashes(pristine, tmp_path):
    """Whoever can write to the database could replace the whole history with another one
    whose hashes all link (here: an older copy, worked on differently). The chain alone
    cannot tell; the hash an auditor noted down outside the system can."""
    data, _ = pristine
    genuine, doctored = tmp_path / "genuine" / "data", tmp_path / "doctored" / "data"
    copy_installation(data, genuine)
    copy_installation(data, doctored)
    work_a_little(genuine, "Licencia de obra, Jr. Puno 120")
    anchor = anchor_of(verify(genuine))
    work_a_little(doctored, "Licencia de obra, Jr. Puno 120 (ampliación)")

    assert verify(doctored).returncode == 0  # every link is valid...
    done = run_cli("audit", "verify", "--data", str(doctored), "--anchor", anchor)
    assert done.returncode == 1, done.stdout  # ...but it is not the history that was noted
    seq = anchor.split(":")[0]
    assert f"ROTA en el evento {seq}: no tiene el hash anotado" in done.stdout, done.stdout

    kept = run_cli("audit", "verify", "--data", str(genuine), "--anchor", anchor)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    assert "anclas comprobadas: 1" in kept.stdout


def test_an_anchor_beyond_the_end_exposes_a_history_put_back_to_an_older_copy(pristine, tmp_path):
    data, _ = pristine
    later = tmp_path / "later" / "data"
    copy_installation(data, later)
    work_a_little(later, "Certificado de numeración")
    anchor = anchor_of(verify(later))
    done = run_cli("audit", "verify", "--data", str(data), "--anchor", anchor)
    assert done.returncode == 1, done.stdout
    assert "truncada" in done.stdout, done.stdout


@pytest.mark.parametrize("bad", ["59", "x:" + "a" * 64, "0:" + "a" * 64, "5:" + "a" * 63, "5:" + "g" * 64])
def test_a_malformed_anchor_is_refused_with_a_clear_message(pristine, bad):
    data, _ = pristine
    done = run_cli("audit", "verify", "--data", str(data), "--anchor", bad)
    assert done.returncode == 2
    assert "NÚMERO:HASH" in done.stderr, done.stderr
