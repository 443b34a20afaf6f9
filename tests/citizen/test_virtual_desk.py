"""The virtual desk (mesa de partes virtual), from the citizen's side and the desk's.

Issue 5: "a citizen files online ... with two PDFs; the desk accepts; the e-mail with the
receipt arrives; the QR in the receipt, decoded with zbarimg, opens the tracking page, which
shows the new unit after a transfer and reception, and a second e-mail arrives; an observed
submission is corrected by the citizen and accepted; ... malformed identity numbers,
oversize and disguised files are refused with a clear message."

API.md: step 1 `POST /api/v1/public/submissions` (a draft: 201 with `id` and
`upload_token`), step 2 `POST .../{id}/attachments?name=` with `X-Upload-Token`, step 3
`POST .../{id}/submit` (200 with `number` and `tracking_token`); the desk's "Mesa virtual"
tray `GET /api/v1/submissions` and `.../accept`, `.../observe`, `.../reject`.

One server for the whole module, with a real SMTP server on loopback (Debian's aiosmtpd,
tests/support/smtp.py) and `--trusted-proxy 127.0.0.1`: each test is a citizen at its own
address (X-Forwarded-For), so the per-address limit on new drafts never mixes tests, and
each scenario has its own e-mail address, so each finds its own messages.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import struct
import time
import urllib.parse
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from citizen_steps import (ID_CARD_PDF, MAX_FILE_BYTES, MAX_FILES, REQUEST_PDF, Citizen,
                           assert_problem, dmy, html, in_tray, lima_date, mails_to, pdf, pdf_text,
                           qr_of, submission, text_of, today_in_lima, tray, wait_for_mails)
from sige_client import Client, blob_files, raw_http, receive, send, snapshot, start_demo, stop_checked, wait_until
from smtp import SmtpSink

GDU = "Gerencia de Desarrollo Urbano"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def mailbox(tmp_path_factory):
    sink = SmtpSink(tmp_path_factory.mktemp("buzon")).start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, mailbox):
    srv = start_demo(tmp_path_factory, "mesa-virtual", "--smtp", mailbox.url, "--trusted-proxy", "127.0.0.1")
    yield srv
    stop_checked(srv)


_addresses = itertools.count(1)


def new_citizen(server) -> Citizen:
    return Citizen(server, address=f"203.0.113.{next(_addresses)}")


@pytest.fixture
def citizen(server):
    c = new_citizen(server)
    yield c
    c.close()


@pytest.fixture
def filed(citizen, demo):
    """A submission filed online with two PDFs, waiting in the tray."""
    return citizen.file(submission(demo.type("LICFUN")))


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def png() -> bytes:
    """A valid 1x1 PNG image."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def nothing_written(server):
    """What a refused request must leave as it was: the submissions, their files, the
    record tables, the audit record, the stored files."""
    db = server.db
    return (db.value("SELECT COUNT(*) FROM submission"),
            db.value("SELECT COUNT(*) FROM submission_attachment"),
            db.rows("SELECT id, state, number FROM submission ORDER BY id"),
            snapshot(db), blob_files(server.blob_dir))


def assert_nothing_written(server, before):
    """Nothing changed. A refused upload's temporary file is removed just after the answer
    is written (the server's upload buffer outlives the response), hence the short wait."""
    wait_until(lambda: nothing_written(server) == before, timeout=2)
    after = nothing_written(server)
    assert after[:4] == before[:4]
    assert after[4] == before[4], f"files left behind: {after[4] - before[4]}, lost: {before[4] - after[4]}"


def files_of(server, submission_id) -> list:
    return server.db.rows("SELECT name, sha256 FROM submission_attachment WHERE submission_id = ? ORDER BY id",
                          submission_id)


def field_message(problem: dict, field: str) -> str:
    return next(e["message"] for e in problem["errors"] if e["field"] == field)


# --------------------------------------------------------------------------- filing online


def test_a_citizen_files_online_in_three_steps_and_is_acknowledged_by_email(server, citizen, demo, mailbox):
    body = submission(demo.type("LICFUN"))

    # Step 1: the form becomes a draft.
    r = citizen.start(body)
    assert r.status == 201, r
    draft_id, upload_token = r.json["id"], r.json["upload_token"]
    assert isinstance(draft_id, int) and len(upload_token) >= 16

    # Step 2: two PDFs, judged by their content.
    for name, content in (("solicitud.pdf", REQUEST_PDF), ("dni.pdf", ID_CARD_PDF)):
        r = citizen.upload(draft_id, upload_token, name, content)
        assert r.status == 201, r
        assert r.json["name"] == name
        assert r.json["content_type"] == "application/pdf"
        assert r.json["size"] == len(content)
        assert r.json["sha256"] == sha256(content)

    # Step 3: submitted, numbered MV-n-YEAR, with its tracking link.
    r = citizen.submit(draft_id, upload_token)
    assert r.status == 200, r
    number, token = r.json["number"], r.json["tracking_token"]
    assert re.fullmatch(rf"MV-[1-9][0-9]*-{today_in_lima().year}", number), number
    assert len(token) >= 16
    assert r.json["tracking_url"] == f"http://127.0.0.1:{server.port}/t/{token}"

    # The link already answers: at the desk, not yet a dossier.
    t = citizen.track(token).json
    assert t["state"] == "submitted" and t["code"] is None and t["number"] == number
    assert t["custody_unit"] == {"name": "Mesa de Partes"}
    assert [e["action"] for e in t["events"]] == ["submitted"]
    assert number in html(citizen.page(token))

    # The acknowledgement reaches the address the citizen typed, with the tracking link.
    [ack] = wait_for_mails(mailbox, body["applicant"]["email"], 1)
    assert ack["Subject"] == f"Recibimos su solicitud {number}"
    text = text_of(ack)
    assert "Teresa Ñahui Cárdenas" in text
    assert body["summary"] in text
    assert r.json["tracking_url"] in text


def test_submission_numbers_follow_one_another(citizen, demo):
    first = citizen.file(submission(demo.type("SOLGEN")), files=[("a.pdf", REQUEST_PDF)])
    second = citizen.file(submission(demo.type("RECLAM")), files=[("b.pdf", ID_CARD_PDF)])
    n1 = int(first.number.split("-")[1])
    n2 = int(second.number.split("-")[1])
    assert n2 == n1 + 1
    assert first.tracking_token != second.tracking_token


def test_the_submission_waits_in_the_mesa_virtual_tray_of_the_main_desk_only(server, staff, filed):
    mesa1 = staff["mesa1"]
    item = in_tray(mesa1, filed.id)
    assert item is not None, "not in mesa1's Mesa virtual tray"
    assert item["state"] == "submitted"
    assert item["number"] == filed.number
    assert item["summary"] == filed.body["summary"]
    assert item["type"]["name"] == "Licencia de funcionamiento"
    # The desk sees who filed it and how to reach them.
    sent = filed.body["applicant"]
    for key in ("name", "id_type", "id_number", "email", "phone", "address"):
        assert item["applicant"][key] == sent[key], key
    assert [(f["name"], f["content_type"], f["sha256"]) for f in item["files"]] == [
        ("solicitud.pdf", "application/pdf", sha256(REQUEST_PDF)),
        ("dni.pdf", "application/pdf", sha256(ID_CARD_PDF))]
    assert in_tray(mesa1, filed.id, state="submitted") is not None
    waiting = tray(mesa1, state="submitted")
    assert [s["submitted_at"] for s in waiting] == sorted(s["submitted_at"] for s in waiting), "oldest first"
    for bad in ("draft", "pendiente"):
        assert_problem(mesa1.get("/api/v1/submissions", params={"state": bad}), 422, "state")

    # The clerk opens it and looks at the files before deciding.
    one = mesa1.ok("GET", f"/api/v1/submissions/{filed.id}")
    assert one["number"] == filed.number and len(one["files"]) == 2
    content = mesa1.get(f"/api/v1/submissions/{filed.id}/files/{one['files'][0]['id']}/content")
    assert content.status == 200 and content.body == REQUEST_PDF
    assert in_tray(staff["admin"], filed.id) is not None

    # Not the desk: an office elsewhere, a viewer at the desk itself.
    for user in ("oficina1", "consulta1"):
        assert_problem(staff[user].get("/api/v1/submissions"), 403)
        assert_problem(staff[user].get(f"/api/v1/submissions/{filed.id}"), 403)
    # The other organisation's desk has its own tray, without it.
    assert in_tray(staff["mesa2"], filed.id) is None
    assert staff["mesa2"].get(f"/api/v1/submissions/{filed.id}").status in (403, 404)


def test_a_submission_goes_to_the_main_desk_of_its_types_organisation(staff, citizen, demo):
    filed = citizen.file(submission(demo.type("SOLGEN", org=2), summary="Solicito constancia de no adeudo"))
    assert in_tray(staff["mesa1"], filed.id) is None
    assert in_tray(staff["mesa2"], filed.id)["organization"]["name"] == "Gobierno Regional del Cusco"
    assert_problem(staff["mesa1"].post(f"/api/v1/submissions/{filed.id}/accept"), 403)
    accepted = staff["mesa2"].ok("POST", f"/api/v1/submissions/{filed.id}/accept")
    dossier = staff["mesa2"].ok("GET", f"/api/v1/dossiers/{accepted['dossier_id']}")
    assert dossier["custody_unit_id"] == demo.unit("TD", org=2)
    assert citizen.track(filed.tracking_token).json["custody_unit"] == {"name": "Trámite Documentario"}


def test_a_draft_never_submitted_is_in_no_tray(server, staff, citizen, demo):
    draft_id, token = citizen.draft(submission(demo.type("SOLGEN"), summary="Borrador que nunca se presentó"))
    assert citizen.upload(draft_id, token, "borrador.pdf", REQUEST_PDF).status == 201
    for user in ("mesa1", "admin", "mesa2"):
        assert in_tray(staff[user], draft_id) is None, f"a draft shows in {user}'s tray"
        assert all(s["summary"] != "Borrador que nunca se presentó" for s in tray(staff[user]))
    assert_problem(staff["mesa1"].get(f"/api/v1/submissions/{draft_id}"), 404)
    assert_problem(staff["mesa1"].post(f"/api/v1/submissions/{draft_id}/accept"), 404)


# --------------------------------------------------------------------------- the desk accepts


def test_accepted_it_becomes_a_dossier_whose_receipt_qr_opens_the_tracking_page(
        server, staff, demo, citizen, filed, mailbox, tmp_path):
    mesa1, oficina1 = staff["mesa1"], staff["oficina1"]
    wait_for_mails(mailbox, filed.email, 1)  # the acknowledgement

    r = mesa1.post(f"/api/v1/submissions/{filed.id}/accept")
    assert r.status == 200, r
    accepted = r.json
    dossier_id, code, pin = accepted["dossier_id"], accepted["code"], accepted["pin"]
    assert re.fullmatch(rf"[0-9]+-{today_in_lima().year}", code), code
    assert re.fullmatch(r"[0-9]{6}", pin), pin
    assert accepted["tracking_token"] == filed.tracking_token, "the citizen's link must keep working"

    # The dossier, registered at the main desk, carries the citizen's two files unchanged.
    dossier = mesa1.ok("GET", f"/api/v1/dossiers/{dossier_id}")
    assert dossier["code"] == code and dossier["origin"] == "external"
    assert dossier["custody_unit_id"] == demo.unit("MP")
    assert dossier["applicant"]["name"] == "Teresa Ñahui Cárdenas"
    attachments = mesa1.ok("GET", f"/api/v1/dossiers/{dossier_id}/attachments")["items"]
    assert sorted((a["name"], a["sha256"]) for a in attachments) == sorted(
        [("solicitud.pdf", sha256(REQUEST_PDF)), ("dni.pdf", sha256(ID_CARD_PDF))])
    for a in attachments:
        content = mesa1.get(f"/api/v1/attachments/{a['id']}/content").body
        assert content == {"solicitud.pdf": REQUEST_PDF, "dni.pdf": ID_CARD_PDF}[a["name"]]
    item = in_tray(mesa1, filed.id)
    assert item["state"] == "accepted" and item["dossier_id"] == dossier_id
    assert in_tray(mesa1, filed.id, state="submitted") is None

    # The e-mail that says so carries the receipt (cargo).
    [_, news] = wait_for_mails(mailbox, filed.email, 2)
    assert news["Subject"] == f"Su solicitud {filed.number} es el expediente {code}"
    assert pin in text_of(news) and filed.tracking_url in text_of(news)
    [receipt] = list(news.iter_attachments())
    assert receipt.get_filename() == f"cargo-{code}.pdf"
    assert receipt.get_content_type() == "application/pdf"
    content = receipt.get_content()
    words = pdf_text(content, tmp_path)
    for expected in ("CARGO DE RECEPCIÓN", code, "Teresa Ñahui Cárdenas", "Mesa de Partes", pin):
        assert expected in words, f"{expected!r} not in the receipt:\n{words}"

    # Its QR, read as a phone reads it, is the tracking link; the page needs no JavaScript.
    link = qr_of(content, tmp_path)
    assert link == f"http://127.0.0.1:{server.port}/t/{filed.tracking_token}"
    page = citizen.get(urllib.parse.urlsplit(link).path)
    assert page.status == 200, page
    text = html(page)
    assert code in text and "Mesa de Partes" in text
    assert "<script" not in text.lower()
    assert 'name="viewport"' in text  # readable on the phone that scanned it

    # A transfer to Desarrollo Urbano and its reception: the page says who has it, since when.
    transfer = send(mesa1, dossier_id, demo.unit("GDU"), "opinion")
    received = receive(oficina1, transfer["id"])
    tracking = citizen.track(filed.tracking_token)
    assert tracking.status == 200, tracking
    t = tracking.json
    assert t["code"] == code and t["number"] == filed.number
    assert t["custody_unit"] == {"name": GDU}
    assert t["since"] == received["received_at"]
    assert [e["action"] for e in t["events"]] == ["submitted", "registered", "sent", "received"]
    assert [e["unit"] for e in t["events"][1:]] == ["Mesa de Partes", GDU, GDU]
    text = html(citizen.page(filed.tracking_token))
    assert GDU in text
    since = received["received_at"]  # 2026-11-21T10:02:11-05:00 -> 21/11/2026 10:02
    assert f"{dmy(since[:10])} {since[11:16]}" in text

    # The applicant consented: a second e-mail names the destination.
    [*_, moved] = wait_for_mails(mailbox, filed.email, 3)
    assert f"Destino: {GDU}" in text_of(moved)
    assert [m["Subject"] for m in mails_to(mailbox, filed.email)] == [
        f"Recibimos su solicitud {filed.number}",
        f"Su solicitud {filed.number} es el expediente {code}",
        f"Su expediente {code} pasó a {GDU}"]


def test_without_consent_only_the_desks_answers_are_emailed(server, staff, citizen, demo, mailbox):
    filed = citizen.file(submission(demo.type("SOLGEN"), consent=False))
    accepted = staff["mesa1"].ok("POST", f"/api/v1/submissions/{filed.id}/accept")
    transfer = send(staff["mesa1"], accepted["dossier_id"], demo.unit("GDU"))
    receive(staff["oficina1"], transfer["id"])
    subjects = [m["Subject"] for m in wait_for_mails(mailbox, filed.email, 2)]
    assert subjects == [f"Recibimos su solicitud {filed.number}",
                        f"Su solicitud {filed.number} es el expediente {accepted['code']}"]
    time.sleep(3)  # the sender looks at the outbox every 2 s: a transfer notice would be here
    assert len(mails_to(mailbox, filed.email)) == 2


def as_user(server, logged_in: Client) -> Client:
    """Another connection with the same session (one connection per thread)."""
    c = server.client()
    c.token = logged_in.token
    return c


def test_a_double_click_submits_once_and_two_clerks_accept_once(server, staff, demo):
    # Four drafts, each submitted by four simultaneous clicks.
    people = [new_citizen(server) for _ in range(4)]
    drafts = [p.draft(submission(demo.type("SOLGEN"))) for p in people]
    for p, (sid, token) in zip(people, drafts):
        assert p.upload(sid, token, "solicitud.pdf", REQUEST_PDF).status == 201
    clicks = [(Citizen(server, p.address), sid, token) for p, (sid, token) in zip(people, drafts) for _ in range(4)]
    with ThreadPoolExecutor(len(clicks)) as pool:
        answers = list(pool.map(lambda c: c[0].submit(c[1], c[2]), clicks))
    by_draft = {}
    for (_, sid, _), r in zip(clicks, answers):
        by_draft.setdefault(sid, []).append(r)
    numbers = []
    for sid, rs in by_draft.items():
        assert sorted(r.status for r in rs) == [200, 409, 409, 409], rs
        numbers.append(int(next(r for r in rs if r.status == 200).json["number"].split("-")[1]))
    assert sorted(numbers) == list(range(min(numbers), min(numbers) + 4)), f"numbers with gaps: {numbers}"

    # Two clerks of the desk accept the same submission at the same moment: one dossier.
    sid = drafts[0][0]
    clerks = [as_user(server, staff["mesa1"]) for _ in range(4)]
    dossiers_before = server.db.value("SELECT COUNT(*) FROM dossier")
    with ThreadPoolExecutor(len(clerks)) as pool:
        answers = list(pool.map(lambda c: c.post(f"/api/v1/submissions/{sid}/accept"), clerks))
    assert sorted(r.status for r in answers) == [200, 409, 409, 409], answers
    assert server.db.value("SELECT COUNT(*) FROM dossier") == dossiers_before + 1
    assert server.db.value("SELECT COUNT(*) FROM submission WHERE id = ? AND dossier_id IS NOT NULL", sid) == 1
    for c in clerks + [c for c, _, _ in clicks] + people:
        c.close()


# --------------------------------------------------------------------------- observe, correct


def test_an_observed_submission_is_corrected_by_the_citizen_and_then_accepted(
        server, staff, citizen, filed, mailbox):
    mesa1 = staff["mesa1"]
    token = filed.tracking_token
    wait_for_mails(mailbox, filed.email, 1)

    # Nothing to correct yet.
    assert_problem(citizen.resubmit(token), 409)
    assert_problem(citizen.correct(token, "recibo.pdf", pdf("Recibo")), 409)

    reason = "Falta el comprobante de pago del derecho de trámite."
    deadline = lima_date(5)
    r = mesa1.post(f"/api/v1/submissions/{filed.id}/observe", {"reason": reason, "deadline": deadline})
    assert r.status == 200, r
    assert r.json["state"] == "observed" and r.json["observation"] == reason
    assert r.json["correction_deadline"].startswith(deadline)
    assert in_tray(mesa1, filed.id, state="submitted") is None
    assert in_tray(mesa1, filed.id, state="observed") is not None
    assert_problem(mesa1.post(f"/api/v1/submissions/{filed.id}/accept"), 409)

    # The citizen learns it from the tracking link...
    t = citizen.track(token).json
    assert t["state"] == "observed" and t["code"] is None and t["number"] == filed.number
    assert t["observation"] == reason
    assert t["can_correct"] is True
    assert t["correction_deadline"].startswith(deadline)
    assert [e["action"] for e in t["events"]] == ["submitted", "observed"]
    page = html(citizen.page(token))
    assert reason in page and dmy(deadline) in page
    assert f"/subsanar/{token}" in page  # the way to correct it
    # ... and by e-mail, with the reason and the deadline.
    [_, observed] = wait_for_mails(mailbox, filed.email, 2)
    assert observed["Subject"] == f"Su solicitud {filed.number} tiene observaciones"
    assert reason in text_of(observed) and dmy(deadline) in text_of(observed)

    # The correction goes through the same file rules as the first filing.
    before = nothing_written(server)
    assert_problem(citizen.correct(token, "comprobante.pdf", b"No es un PDF, es texto.\n"), 422, "body")
    assert_problem(citizen.correct(token, "comprobante.pdf", b""), 422, "body")
    status, _, payload = raw_http(
        server.port, "POST", f"/api/v1/public/tracking/{token}/attachments?name=enorme.pdf",
        {"Content-Type": "application/pdf", "X-Forwarded-For": citizen.address},
        b"%PDF-1.4\n" + b"0" * MAX_FILE_BYTES)
    assert status == 413, payload[:300]
    assert_nothing_written(server, before)

    # The correction: one more file through the link, and back to the desk.
    receipt_pdf = pdf("Comprobante de pago 000123")
    r = citizen.correct(token, "comprobante-de-pago.pdf", receipt_pdf)
    assert r.status == 201, r
    assert r.json["sha256"] == sha256(receipt_pdf)
    r = citizen.resubmit(token)
    assert r.status == 200, r
    assert r.json["number"] == filed.number and r.json["tracking_token"] == token

    item = in_tray(mesa1, filed.id, state="submitted")
    assert item is not None, "the corrected submission is not back in the tray"
    assert [f["name"] for f in item["files"]] == ["solicitud.pdf", "dni.pdf", "comprobante-de-pago.pdf"]
    t = citizen.track(token).json
    assert t["state"] == "submitted" and t["can_correct"] is False
    assert [e["action"] for e in t["events"]] == ["submitted", "observed", "corrected"]
    # Corrected once: it is the desk's turn again.
    assert_problem(citizen.resubmit(token), 409)
    assert_problem(citizen.correct(token, "otro.pdf", pdf("Otro")), 409)

    accepted = mesa1.ok("POST", f"/api/v1/submissions/{filed.id}/accept")
    attachments = mesa1.ok("GET", f"/api/v1/dossiers/{accepted['dossier_id']}/attachments")["items"]
    assert sorted(a["name"] for a in attachments) == ["comprobante-de-pago.pdf", "dni.pdf", "solicitud.pdf"]
    assert citizen.track(token).json["code"] == accepted["code"]
    assert_problem(citizen.resubmit(token), 409)


def observed_and_expired(server, staff, filed) -> str:
    """Observed, and then its correction deadline passed. The server's clock cannot be moved
    from here, so the deadline is moved back instead, to the moment it was submitted."""
    staff["mesa1"].ok("POST", f"/api/v1/submissions/{filed.id}/observe",
                      {"reason": "Falta el comprobante de pago.", "deadline": lima_date(1)})
    server.db.execute(f"UPDATE submission SET correction_deadline = submitted_at WHERE id = {int(filed.id)}")
    return filed.tracking_token


def test_after_the_correction_deadline_the_citizen_can_no_longer_resubmit(server, staff, citizen, filed):
    token = observed_and_expired(server, staff, filed)
    t = citizen.track(token).json
    assert t["state"] == "observed" and t["can_correct"] is False
    assert f"/subsanar/{token}" not in html(citizen.page(token)), "the page still offers to correct it"
    r = citizen.resubmit(token)
    assert_problem(r, 409)
    assert "plazo" in r.json["detail"], r.json
    assert in_tray(staff["mesa1"], filed.id)["state"] == "observed"


def test_after_the_correction_deadline_no_file_can_be_added(server, staff, citizen, filed):
    token = observed_and_expired(server, staff, filed)
    before = nothing_written(server)
    assert_problem(citizen.correct(token, "tarde.pdf", pdf("Fuera de plazo")), 409)
    assert_nothing_written(server, before)


def test_once_submitted_the_upload_token_adds_nothing_even_when_observed(server, staff, citizen, filed):
    staff["mesa1"].ok("POST", f"/api/v1/submissions/{filed.id}/observe",
                      {"reason": "Falta el comprobante de pago.", "deadline": lima_date(3)})
    before = nothing_written(server)
    assert_problem(citizen.upload(filed.id, filed.upload_token, "extra.pdf", pdf("Extra")), 409)
    assert_nothing_written(server, before)


def test_the_desks_words_are_shown_to_the_citizen_as_text_not_markup(staff, citizen, filed):
    reason = 'Adjunte el plano <A3> firmado & sellado <script>alert("x")</script>'
    staff["mesa1"].ok("POST", f"/api/v1/submissions/{filed.id}/observe", {"reason": reason, "deadline": lima_date(2)})
    assert citizen.track(filed.tracking_token).json["observation"] == reason
    page = html(citizen.page(filed.tracking_token))
    assert "<script" not in page.lower()
    assert "Adjunte el plano &lt;A3&gt; firmado &amp; sellado &lt;script&gt;" in page


def test_a_rejected_submission_shows_the_reason_and_is_emailed(server, staff, citizen, filed, mailbox):
    mesa1 = staff["mesa1"]
    wait_for_mails(mailbox, filed.email, 1)
    reason = "El trámite no corresponde a esta entidad: preséntelo en el Gobierno Regional."
    r = mesa1.post(f"/api/v1/submissions/{filed.id}/reject", {"reason": reason})
    assert r.status == 200, r
    assert r.json["state"] == "rejected" and r.json["rejection_reason"] == reason

    t = citizen.track(filed.tracking_token).json
    assert t["state"] == "rejected" and t["code"] is None
    assert t["rejection_reason"] == reason and t["can_correct"] is False
    assert [e["action"] for e in t["events"]] == ["submitted", "rejected"]
    assert reason in html(citizen.page(filed.tracking_token))

    [_, rejected] = wait_for_mails(mailbox, filed.email, 2)
    assert rejected["Subject"] == f"Su solicitud {filed.number} no fue admitida"
    assert reason in text_of(rejected)

    # Decided: nothing more happens to it.
    before = nothing_written(server)
    assert_problem(mesa1.post(f"/api/v1/submissions/{filed.id}/accept"), 409)
    assert_problem(mesa1.post(f"/api/v1/submissions/{filed.id}/observe",
                              {"reason": "Otra cosa", "deadline": lima_date(3)}), 409)
    assert_problem(mesa1.post(f"/api/v1/submissions/{filed.id}/reject", {"reason": "Otra vez"}), 409)
    assert_problem(citizen.resubmit(filed.tracking_token), 409)
    assert_problem(citizen.correct(filed.tracking_token, "tarde.pdf", pdf("Tarde")), 409)
    assert_nothing_written(server, before)


def test_what_was_accepted_cannot_be_decided_again(server, staff, filed):
    mesa1 = staff["mesa1"]
    mesa1.ok("POST", f"/api/v1/submissions/{filed.id}/accept")
    before = nothing_written(server)
    assert_problem(mesa1.post(f"/api/v1/submissions/{filed.id}/accept"), 409)
    assert_problem(mesa1.post(f"/api/v1/submissions/{filed.id}/observe",
                              {"reason": "Falta firma", "deadline": lima_date(3)}), 409)
    assert_problem(mesa1.post(f"/api/v1/submissions/{filed.id}/reject", {"reason": "No procede"}), 409)
    assert_nothing_written(server, before)


def test_only_the_main_desk_decides(server, staff, filed):
    for user in ("oficina1", "consulta1", "carga1", "autoridad1", "mesa2"):
        staff[user]  # logged in before the snapshot: a login is recorded in the audit trail
    before = nothing_written(server)
    for user in ("oficina1", "consulta1", "carga1", "autoridad1"):
        for action, body in (("accept", None), ("observe", {"reason": "Falta firma", "deadline": lima_date(3)}),
                             ("reject", {"reason": "No procede"})):
            r = staff[user].post(f"/api/v1/submissions/{filed.id}/{action}", body)
            assert_problem(r, 403)
    r = staff["mesa2"].post(f"/api/v1/submissions/{filed.id}/accept")
    assert r.status in (403, 404), r
    assert_nothing_written(server, before)
    assert in_tray(staff["mesa1"], filed.id)["state"] == "submitted"


# --------------------------------------------------------------------------- bad input: step 1

SUNAT_RUC = "20131312955"  # a real RUC: 2013131295 and its modulo-11 check digit 5


def _without(key):
    def change(body):
        del body[key]
    return change


def _applicant(**fields):
    def change(body):
        body["applicant"].update(fields)
    return change


def _applicant_without(key):
    def change(body):
        del body["applicant"][key]
    return change


BAD_FORMS = [
    # (id, change to a good form, field named, words of the message)
    ("dni-of-7-digits", _applicant(id_number="4123456"), "applicant.id_number", "El DNI tiene 8 dígitos"),
    ("dni-with-a-letter", _applicant(id_number="4123456A"), "applicant.id_number", "El DNI tiene 8 dígitos"),
    ("ruc-wrong-check-digit", _applicant(id_type="RUC", id_number="20131312954"), "applicant.id_number", "RUC"),
    ("ruc-of-10-digits", _applicant(id_type="RUC", id_number="2013131295"), "applicant.id_number", "RUC"),
    ("ruc-wrong-prefix", _applicant(id_type="RUC", id_number="30131312955"), "applicant.id_number", "RUC"),
    ("ce-too-short", _applicant(id_type="CE", id_number="00123456"), "applicant.id_number", "carné de extranjería"),
    ("passport-too-short", _applicant(id_type="PASSPORT", id_number="AB123"), "applicant.id_number", "pasaporte"),
    ("passport-too-long", _applicant(id_type="PASSPORT", id_number="AB12345678901"), "applicant.id_number",
     "pasaporte"),
    ("unknown-document", _applicant(id_type="LE"), "applicant.id_type", "DNI, RUC, CE"),
    ("no-email-key", _applicant_without("email"), "applicant.email", "correo"),
    ("empty-email", _applicant(email=""), "applicant.email", "correo"),
    ("malformed-email", _applicant(email="teresa.en.correo"), "applicant.email", "correo"),
    ("no-name", _applicant(name=""), "applicant.name", None),
    ("no-applicant", _without("applicant"), "applicant", None),
    ("no-summary", _without("summary"), "summary", None),
    ("blank-summary", lambda b: b.update(summary="   "), "summary", None),
    ("summary-too-long", lambda b: b.update(summary="Solicito " + "x" * 500), "summary", None),
    ("consent-not-a-boolean", lambda b: b.update(consent="sí"), "consent", None),
    ("no-type", _without("type_id"), "type_id", None),
    ("unknown-type", lambda b: b.update(type_id=999999), "type_id", "tipo de expediente"),
    ("procedure-not-offered-yet", lambda b: b.update(procedure_id=1), "procedure_id", None),
]


@pytest.mark.parametrize("change, field, words", [c[1:] for c in BAD_FORMS], ids=[c[0] for c in BAD_FORMS])
def test_step_one_refuses_a_bad_form_with_a_clear_message(server, citizen, demo, change, field, words):
    body = submission(demo.type("SOLGEN"))
    change(body)
    before = nothing_written(server)
    r = citizen.start(body)
    assert_problem(r, 422, field)
    if words:
        assert words.lower() in field_message(r.json, field).lower(), r.json
    assert_nothing_written(server, before)


def test_step_one_refuses_an_internal_type(server, citizen, demo):
    before = nothing_written(server)
    r = citizen.start(submission(demo.type("MEMO")))
    assert_problem(r, 422, "type_id")
    assert_nothing_written(server, before)


def test_step_one_refuses_malformed_json(server, citizen):
    before = nothing_written(server)
    for raw in (b"{\"type_id\": 1,", b"[1, 2]", b""):
        r = citizen.post("/api/v1/public/submissions", raw=raw, headers={"Content-Type": "application/json"})
        assert r.status in (400, 422), r
        assert_problem(r, r.status)
    assert_nothing_written(server, before)


@pytest.mark.parametrize("id_type, id_number", [
    ("DNI", "41234567"),
    ("RUC", SUNAT_RUC),
    ("RUC", "10412345679"),  # a person with a business: 10 + DNI 41234567 + check digit 9
    ("CE", "001234567"),
    ("CE", "X12345678901"),
    ("PASSPORT", "AB1234"),
    ("PASSPORT", "P12345678901"),
])
def test_valid_identity_documents_are_accepted(citizen, demo, id_type, id_number):
    r = citizen.start(submission(demo.type("SOLGEN"), id_type=id_type, id_number=id_number))
    assert r.status == 201, r


def test_drafts_are_limited_per_client_address(server, citizen, demo):
    for _ in range(20):
        assert citizen.start(submission(demo.type("SOLGEN"))).status == 201
    r = citizen.start(submission(demo.type("SOLGEN")))
    assert_problem(r, 429)
    assert int(r.headers["retry-after"]) > 0
    other = new_citizen(server)
    assert other.start(submission(demo.type("SOLGEN"))).status == 201


# --------------------------------------------------------------------------- bad input: files


def test_a_file_over_10_mb_is_refused_before_it_is_read(server, citizen, demo):
    draft_id, token = citizen.draft(submission(demo.type("SOLGEN")))
    before = nothing_written(server)
    seen = {}
    status, headers, payload = raw_http(
        server.port, "POST", f"/api/v1/public/submissions/{draft_id}/attachments?name=planos.pdf",
        {"X-Upload-Token": token, "Content-Type": "application/pdf", "X-Forwarded-For": citizen.address},
        b"%PDF-1.4\n" + b"0" * (MAX_FILE_BYTES + 1 - 9), seen=seen)
    assert status == 413, payload[:300]
    assert headers["content-type"].startswith("application/problem+json")
    problem = json.loads(payload)
    assert problem["status"] == 413 and "10 MB" in problem["detail"], problem
    assert [e["field"] for e in problem.get("errors", [])] == ["body"], problem
    assert not seen["asked_for_body"], "the server read a body it had to refuse by its declared size"
    assert_nothing_written(server, before)

    # Exactly 10 MB is within the limit.
    r = citizen.upload(draft_id, token, "planos.pdf", b"%PDF-1.4\n" + b"0" * (MAX_FILE_BYTES - 9))
    assert r.status == 201, r
    assert r.json["size"] == MAX_FILE_BYTES


@pytest.mark.parametrize("content, name, declared", [
    (b"Solicito licencia de funcionamiento.\nAtentamente,\nTeresa\n", "solicitud.pdf", "application/pdf"),
    (b"<!doctype html><html><body><script>alert(1)</script></body></html>", "foto.png", "image/png"),
    (b"PK\x03\x04" + b"\x00" * 200, "solicitud.pdf", "application/pdf"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "dni.jpg", "image/jpeg"),
], ids=["text-named-pdf", "html-named-png", "zip-named-pdf", "program-named-jpg"])
def test_a_disguised_file_is_refused_naming_the_type_rule(server, citizen, demo, content, name, declared):
    draft_id, token = citizen.draft(submission(demo.type("SOLGEN")))
    before = nothing_written(server)
    r = citizen.upload(draft_id, token, name, content, declared)
    assert_problem(r, 422, "body")
    assert "PDF" in r.json["detail"] and "JPG o PNG" in r.json["detail"], r.json
    assert_nothing_written(server, before)


def test_files_are_judged_by_their_content_not_their_name(citizen, demo):
    draft_id, token = citizen.draft(submission(demo.type("SOLGEN")))
    r = citizen.upload(draft_id, token, "plano.pdf", png(), "application/pdf")
    assert r.status == 201, r
    assert r.json["content_type"] == "image/png"
    r = citizen.upload(draft_id, token, "escrito.txt", REQUEST_PDF, "text/plain")
    assert r.status == 201, r
    assert r.json["content_type"] == "application/pdf"


def test_at_most_ten_files(server, citizen, demo):
    draft_id, token = citizen.draft(submission(demo.type("SOLGEN")))
    for i in range(MAX_FILES):
        assert citizen.upload(draft_id, token, f"anexo-{i + 1}.pdf", pdf(f"Anexo {i + 1}")).status == 201
    before = nothing_written(server)
    r = citizen.upload(draft_id, token, "anexo-11.pdf", pdf("Anexo 11"))
    assert_problem(r, 422, "body")
    assert "10 archivos" in r.json["detail"], r.json
    assert_nothing_written(server, before)
    assert len(files_of(server, draft_id)) == MAX_FILES


def test_an_empty_file_or_a_missing_name_is_refused(server, citizen, demo):
    draft_id, token = citizen.draft(submission(demo.type("SOLGEN")))
    before = nothing_written(server)
    assert_problem(citizen.upload(draft_id, token, "vacio.pdf", b""), 422, "body")
    assert_problem(citizen.upload(draft_id, token, None, REQUEST_PDF), 422, "name")
    assert_problem(citizen.upload(draft_id, token, "../../etc/passwd.pdf", REQUEST_PDF), 422, "name")
    assert_nothing_written(server, before)


def test_the_upload_token_guards_the_uploads_and_the_submit(server, citizen, demo):
    draft_id, token = citizen.draft(submission(demo.type("SOLGEN")))
    other_id, other_token = citizen.draft(submission(demo.type("SOLGEN")))
    assert citizen.upload(draft_id, token, "solicitud.pdf", REQUEST_PDF).status == 201
    before = nothing_written(server)
    for wrong in (None, "", "x" * len(token), other_token, token + "x"):
        assert_problem(citizen.upload(draft_id, wrong, "intruso.pdf", ID_CARD_PDF), 403)
        assert_problem(citizen.submit(draft_id, wrong), 403)
    # A draft that does not exist.
    assert_problem(citizen.upload(999999, token, "x.pdf", REQUEST_PDF), 404)
    assert_problem(citizen.submit(999999, token), 404)
    assert_nothing_written(server, before)
    r = citizen.upload(draft_id, None, "intruso.pdf", ID_CARD_PDF)
    assert "X-Upload-Token" in r.json["detail"], r.json


def test_after_submitting_no_file_can_be_added_and_it_cannot_be_submitted_twice(server, citizen, filed):
    before = nothing_written(server)
    assert_problem(citizen.upload(filed.id, filed.upload_token, "tarde.pdf", pdf("Tarde")), 409)
    assert_problem(citizen.submit(filed.id, filed.upload_token), 409)
    assert_nothing_written(server, before)
    assert len(files_of(server, filed.id)) == 2


# --------------------------------------------------------------------------- bad input: the desk


@pytest.mark.parametrize("body, field", [
    ({"deadline": "+5"}, "reason"),
    ({"reason": "   ", "deadline": "+5"}, "reason"),
    ({"reason": "Falta la firma del solicitante."}, "deadline"),
    ({"reason": "Falta la firma del solicitante.", "deadline": "-1"}, "deadline"),
    ({"reason": "Falta la firma del solicitante.", "deadline": "-30"}, "deadline"),
    ({"reason": "Falta la firma del solicitante.", "deadline": "30/11/2026"}, "deadline"),
], ids=["no-reason", "blank-reason", "no-deadline", "yesterday", "last-month", "not-iso"])
def test_observing_needs_a_reason_and_a_future_deadline(server, staff, filed, body, field):
    body = dict(body)
    if body.get("deadline", "").lstrip("+-").isdigit():
        body["deadline"] = lima_date(int(body["deadline"]))
    before = nothing_written(server)
    assert_problem(staff["mesa1"].post(f"/api/v1/submissions/{filed.id}/observe", body), 422, field)
    assert_nothing_written(server, before)
    assert in_tray(staff["mesa1"], filed.id)["state"] == "submitted"


def test_rejecting_needs_a_reason(server, staff, filed):
    before = nothing_written(server)
    for body in ({}, {"reason": ""}, {"reason": "  "}):
        assert_problem(staff["mesa1"].post(f"/api/v1/submissions/{filed.id}/reject", body), 422, "reason")
    r = staff["mesa1"].post(f"/api/v1/submissions/{filed.id}/reject", raw=b"{\"reason\":",
                            headers={"Content-Type": "application/json"})
    assert_problem(r, 400)
    assert_nothing_written(server, before)


def test_unknown_submissions_are_404(server, staff, citizen):
    mesa1 = staff["mesa1"]
    before = nothing_written(server)
    assert_problem(mesa1.get("/api/v1/submissions/999999"), 404)
    assert_problem(mesa1.post("/api/v1/submissions/999999/accept"), 404)
    assert_problem(mesa1.post("/api/v1/submissions/999999/observe",
                              {"reason": "Falta firma", "deadline": lima_date(3)}), 404)
    assert_problem(mesa1.post("/api/v1/submissions/999999/reject", {"reason": "No procede"}), 404)
    assert_problem(mesa1.get("/api/v1/submissions/999999/files/1/content"), 404)
    assert_problem(citizen.resubmit("no-existe-este-enlace"), 404)
    assert_problem(citizen.correct("no-existe-este-enlace", "x.pdf", REQUEST_PDF), 404)
    assert_nothing_written(server, before)
