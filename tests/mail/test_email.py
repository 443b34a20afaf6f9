"""E-mail to applicants through a real SMTP server on loopback (Debian's aiosmtpd, started by
the test, writing each message to a folder): what is sent, when, and that a stopped SMTP
server loses nothing and duplicates nothing.

Issue 5: "written to an outbox in the same transaction as the event; a background sender
delivers over SMTP with retries and backoff; when the SMTP server is down the messages wait
and go out when it returns, none lost, none sent twice." API.md: "with --smtp set, a message
leaves the outbox within 10 seconds when the SMTP server is reachable."
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from sige_client import Demo, Server, init_demo, receive, register, run_cli, send, wait_until  # noqa: E402
from smtp import SmtpSink  # noqa: E402


@pytest.fixture
def mail(tmp_path):
    sink = SmtpSink(tmp_path / "buzon").start()
    yield sink
    sink.stop()


@pytest.fixture
def installation(tmp_path):
    data = tmp_path / "data"
    init_demo(data)
    return data


def consenting(email_address="ana.torres@example.pe"):
    return {"name": "Ana Núñez Torres", "id_type": "DNI", "id_number": "45678912",
            "email": email_address, "consent": True}


def plain_text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_registration_sends_the_receipt_and_each_transfer_names_the_destination(installation, mail, tmp_path):
    with Server(installation, "--smtp", mail.url) as srv:
        desk = srv.login("mesa1")
        demo = Demo.load(srv.login("admin"))
        started = time.monotonic()
        d = register(desk, demo.type("SOLGEN"), applicant=consenting())
        assert wait_until(lambda: len(mail.messages()) == 1, timeout=10), "no e-mail within 10 s"
        assert time.monotonic() - started < 10

        first = mail.messages()[0]
        assert first["To"] == "ana.torres@example.pe"
        assert first["Subject"] == f"Su expediente {d['code']} fue registrado"
        text = plain_text(first)
        assert "Ana Núñez Torres" in text and d["pin"] in text
        tracking = f"http://127.0.0.1:{srv.port}/t/{d['tracking_token']}"
        assert tracking in text
        receipt = next(first.iter_attachments())
        assert receipt.get_filename() == f"cargo-{d['code']}.pdf"
        pdf = tmp_path / "cargo.pdf"
        pdf.write_bytes(receipt.get_content())
        words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout
        assert d["code"] in words and "Ana Núñez Torres" in words and "RECEPCIÓN" in words
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "cargo")],
                       check=True)
        qr = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "cargo.png")],
                            capture_output=True, text=True).stdout.strip()
        assert qr == tracking

        gdu = demo.unit("GDU")
        send(desk, d["id"], gdu, "opinion")
        assert wait_until(lambda: len(mail.messages()) == 2, timeout=10)
        second = mail.messages()[1]
        assert second["Subject"] == f"Su expediente {d['code']} pasó a Gerencia de Desarrollo Urbano"
        assert "Gerencia de Desarrollo Urbano" in plain_text(second)
        assert second["Message-ID"] != first["Message-ID"]


def test_no_consent_no_email(installation, mail):
    with Server(installation, "--smtp", mail.url) as srv:
        desk = srv.login("mesa1")
        demo = Demo.load(srv.login("admin"))
        no_consent = dict(consenting(), consent=False)
        d = register(desk, demo.type("SOLGEN"), applicant=no_consent)
        send(desk, d["id"], demo.unit("GDU"))
        internal = register(desk, demo.type("MEMO"), external=False)
        send(desk, internal["id"], demo.unit("GDU"))
        time.sleep(3)
        assert mail.messages() == []


def test_consent_without_an_address_is_refused(installation):
    with Server(installation) as srv:
        desk = srv.login("mesa1")
        demo = Demo.load(srv.login("admin"))
        body = {"type_id": demo.type("SOLGEN"), "summary": "Solicitud", "origin": "external",
                "applicant": dict(consenting(), email="")}
        r = desk.post("/api/v1/dossiers", body)
        assert r.status == 422
        assert [e["field"] for e in r.json["errors"]] == ["applicant.email"]


def test_while_smtp_is_down_messages_wait_and_then_go_out_exactly_once(installation, mail):
    with Server(installation, "--smtp", mail.url) as srv:
        desk = srv.login("mesa1")
        office = srv.login("oficina1")
        demo = Demo.load(srv.login("admin"))
        d = register(desk, demo.type("SOLGEN"), applicant=consenting())
        assert wait_until(lambda: len(mail.messages()) == 1, timeout=10)

        mail.stop()
        # Three movements that each tell the applicant: two transfers and the archive.
        t = send(desk, d["id"], demo.unit("GDU"), "opinion")
        receive(office, t["id"])
        back = send(office, d["id"], demo.unit("MP"), "attend")
        receive(desk, back["id"])
        desk.ok("POST", f"/api/v1/dossiers/{d['id']}/archive", expect=200)
        time.sleep(3)
        waiting = run_cli("outbox", "--data", str(installation))
        assert "3 por enviar" in waiting.stdout, waiting.stdout

        mail.start()
        assert wait_until(lambda: len(mail.messages()) == 4, timeout=60), "the waiting e-mails never left"
        time.sleep(4)  # and nothing more arrives: none is sent twice
        messages = mail.messages()
        assert len(messages) == 4
        subjects = [m["Subject"] for m in messages[1:]]
        assert subjects == [f"Su expediente {d['code']} pasó a Gerencia de Desarrollo Urbano",
                            f"Su expediente {d['code']} pasó a Mesa de Partes",
                            f"Su expediente {d['code']} fue archivado"]
        assert len({m["Message-ID"] for m in messages}) == 4
        done = run_cli("outbox", "--data", str(installation))
        assert "0 por enviar, 0 fallidos, 4 enviados" in done.stdout, done.stdout


def test_without_smtp_messages_wait_in_the_outbox(installation):
    with Server(installation) as srv:
        desk = srv.login("mesa1")
        demo = Demo.load(srv.login("admin"))
        d = register(desk, demo.type("SOLGEN"), applicant=consenting())
        send(desk, d["id"], demo.unit("GDU"))
    listing = run_cli("outbox", "--data", str(installation))
    assert listing.returncode == 0
    assert "2 por enviar" in listing.stdout
    assert f"Su expediente {d['code']} fue registrado" in listing.stdout


# --------------------------------------------------------------------------- audit anchors


def test_the_audit_anchor_goes_out_once_a_day_and_verifies_the_chain(installation, mail):
    """docs/OPERATIONS.md, "anchor the head": with --audit-anchor-to, the head of the audit
    chain is e-mailed once a day to people outside the system, with the command that proves
    later that nobody rewrote the record."""
    auditors = "auditoria@contraloria.example.pe,oci@example.pe"
    with Server(installation, "--smtp", mail.url, "--audit-anchor-to", auditors) as srv:
        assert wait_until(lambda: len(mail.messages()) == 2, timeout=10), "no anchors within 10 s"
        register(srv.login("mesa1"), Demo.load(srv.login("admin")).type("SOLGEN"))
    anchors = mail.messages()
    assert sorted(m["To"] for m in anchors) == sorted(auditors.split(","))
    for m in anchors:
        assert m["Subject"].startswith("Ancla del registro de auditoría de sige, ")
    text = plain_text(anchors[0])
    found = re.search(r"sige audit verify --anchor (\d+:[0-9a-f]{64})", text)
    assert found, text
    # The anchor names the chain as it was; the chain has grown since and still passes it.
    done = run_cli("audit", "verify", "--data", str(installation), "--anchor", found.group(1))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "anclas comprobadas: 1" in done.stdout

    # The same day, a restart (or another node) sends no second anchor.
    with Server(installation, "--smtp", mail.url, "--audit-anchor-to", auditors):
        time.sleep(3)
    assert len(mail.messages()) == 2


def test_a_malformed_anchor_address_stops_the_server_with_a_clear_message(installation):
    done = run_cli("serve", "--data", str(installation), "--listen", "127.0.0.1:0",
                   "--audit-anchor-to", "auditoria@contraloria.example.pe,no es correo")
    assert done.returncode == 2
    assert "«no es correo» no parece una dirección de correo" in done.stderr, done.stderr
