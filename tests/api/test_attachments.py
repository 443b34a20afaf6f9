"""Attachments (PRODUCT.md mission 3): scans and digital documents uploaded as a raw body,
stored by content hash, typed by their content (not by their name), versioned by name,
never lost, downloaded byte for byte — and refused before a byte is stored when the caller
may not upload."""

from __future__ import annotations

import hashlib
import os
import urllib.parse

import pytest

from sige_client import assert_problem, blob_files, raw_http, receive, register, send, snapshot

PDF = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a1b7e2d30000000049454e44ae426082")


@pytest.fixture(scope="module")
def mesa1(users):
    return users["mesa1"]


@pytest.fixture
def dossier(mesa1, demo):
    return register(mesa1, demo.type("SOLGEN"))


def test_upload_answers_201_with_id_sha256_and_size(mesa1, dossier):
    content = "Escrito de subsanación de observaciones\n".encode()
    r = mesa1.upload(dossier["id"], "escrito.txt", content, "text/plain")
    assert r.status == 201, r
    a = r.json
    assert isinstance(a["id"], int)
    assert a["sha256"] == hashlib.sha256(content).hexdigest()
    assert a["size"] == len(content)
    assert a["name"] == "escrito.txt"
    assert a["version"] == 1
    assert a["dossier_id"] == dossier["id"]
    assert a["created_at"]
    listed = mesa1.get(f"/api/v1/dossiers/{dossier['id']}/attachments").json
    assert listed["total"] == 1 and listed["items"][0]["id"] == a["id"]
    assert "attachment.uploaded" in [e["action"] for e in
                                     mesa1.get(f"/api/v1/dossiers/{dossier['id']}/history").json["items"]]


@pytest.mark.parametrize("content, name, declared, expected", [
    (PDF, "carta.txt", "text/plain", "application/pdf"),
    (PNG, "plano.pdf", "application/pdf", "image/png"),
    (b"Solo texto, sin formato.\n", "nota.pdf", "application/pdf", "text/plain"),
], ids=["pdf-named-txt", "png-named-pdf", "text-named-pdf"])
def test_the_content_type_is_sniffed_from_the_content_not_the_name(mesa1, dossier, content, name, declared, expected):
    r = mesa1.upload(dossier["id"], name, content, declared)
    assert r.status == 201, r
    assert r.json["content_type"] == expected
    got = mesa1.get(f"/api/v1/attachments/{r.json['id']}/content")
    assert got.headers["content-type"].split(";")[0] == expected


def test_the_same_name_again_is_version_2_and_version_1_stays(mesa1, dossier):
    v1 = mesa1.upload(dossier["id"], "informe.pdf", PDF).json
    v2 = mesa1.upload(dossier["id"], "informe.pdf", PDF + b"% corregido\n").json
    other = mesa1.upload(dossier["id"], "anexo.pdf", PDF).json
    assert (v1["version"], v2["version"], other["version"]) == (1, 2, 1)
    listed = mesa1.get(f"/api/v1/dossiers/{dossier['id']}/attachments").json["items"]
    assert sorted((a["name"], a["version"]) for a in listed) == [
        ("anexo.pdf", 1), ("informe.pdf", 1), ("informe.pdf", 2)]
    assert mesa1.get(f"/api/v1/attachments/{v1['id']}/content").body == PDF


def test_download_returns_the_exact_bytes_with_type_name_and_etag(mesa1, dossier):
    content = os.urandom(300_000)
    name = "Informe técnico Nº 5 – año 2024.bin"
    a = mesa1.upload(dossier["id"], name, content).json
    r = mesa1.get(f"/api/v1/attachments/{a['id']}/content")
    assert r.status == 200
    assert r.body == content
    assert r.headers["content-type"] == a["content_type"] == "application/octet-stream"
    assert r.headers["etag"] == f'"{a["sha256"]}"'
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment")
    encoded = disposition.split("filename*=UTF-8''", 1)[1].split(";")[0]
    assert urllib.parse.unquote(encoded, encoding="utf-8") == name
    ascii_name = disposition.split('filename="', 1)[1].split('"')[0]
    assert ascii_name.isascii() and ascii_name.endswith(".bin")


def test_if_none_match_with_the_etag_is_304_without_body(mesa1, dossier):
    a = mesa1.upload(dossier["id"], "foto.png", PNG).json
    first = mesa1.get(f"/api/v1/attachments/{a['id']}/content")
    again = mesa1.get(f"/api/v1/attachments/{a['id']}/content",
                      headers={"If-None-Match": first.headers["etag"]})
    assert again.status == 304
    assert again.body == b""
    stale = mesa1.get(f"/api/v1/attachments/{a['id']}/content", headers={"If-None-Match": '"otro"'})
    assert stale.status == 200 and stale.body == PNG


def test_pdfs_open_inline_and_html_is_only_ever_downloaded(mesa1, dossier):
    pdf = mesa1.upload(dossier["id"], "resolucion.pdf", PDF).json
    assert mesa1.get(f"/api/v1/attachments/{pdf['id']}/content").headers["content-disposition"].startswith("inline")
    forced = mesa1.get(f"/api/v1/attachments/{pdf['id']}/content", params={"download": "1"})
    assert forced.headers["content-disposition"].startswith("attachment")
    html = mesa1.upload(dossier["id"], "pagina.html",
                        b"<!doctype html><html><body><script>alert(1)</script></body></html>").json
    r = mesa1.get(f"/api/v1/attachments/{html['id']}/content")
    assert r.headers["content-disposition"].startswith("attachment")
    assert r.headers["x-content-type-options"] == "nosniff"


def test_an_empty_body_is_422(server, mesa1, dossier):
    before = snapshot(server.db)
    assert_problem(mesa1.upload(dossier["id"], "vacio.pdf", b""), 422)
    assert snapshot(server.db) == before


def test_identical_content_is_stored_once(server, mesa1, demo):
    content = os.urandom(10_000)
    before = blob_files(server.blob_dir)
    a = mesa1.upload(register(mesa1, demo.type("SOLGEN"))["id"], "copia.bin", content).json
    b = mesa1.upload(register(mesa1, demo.type("SOLGEN"))["id"], "misma.bin", content).json
    assert a["sha256"] == b["sha256"] and a["id"] != b["id"]
    assert len(blob_files(server.blob_dir) - before) == 1


def test_a_scan_of_several_megabytes_is_accepted(mesa1, dossier):
    content = b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024)
    r = mesa1.upload(dossier["id"], "expediente-escaneado.pdf", content)
    assert r.status == 201, r
    assert r.json["size"] == len(content)
    assert mesa1.get(f"/api/v1/attachments/{r.json['id']}/content").body == content


# --------------------------------------------------------------------------- refused before storing


@pytest.mark.parametrize("user, status", [("consulta1", 403), ("autoridad1", 403), ("mesa2", 403),
                                          ("oficina1", 403)],
                         ids=["viewer", "authority", "desk-outside-route", "office-outside-route"])
def test_who_may_not_upload_is_refused_before_the_body_is_stored(server, users, dossier, user, status):
    c = users[user]
    before, blobs_before = snapshot(server.db), blob_files(server.blob_dir)
    seen = {}
    code, headers, payload = raw_http(
        server.port, "POST", f"/api/v1/dossiers/{dossier['id']}/attachments?name=intruso.pdf",
        {"Authorization": f"Bearer {c.token}", "Content-Type": "application/pdf"},
        PDF + os.urandom(512 * 1024), seen=seen)
    assert code == status, payload[:300]
    assert seen["asked_for_body"] is False, "the server asked for the body it was going to refuse"
    assert seen["body_sent"] is False
    assert snapshot(server.db) == before
    assert blob_files(server.blob_dir) == blobs_before


def test_without_a_session_the_upload_is_refused_before_the_body(server, dossier):
    seen = {}
    code, _, _ = raw_http(server.port, "POST",
                          f"/api/v1/dossiers/{dossier['id']}/attachments?name=x.pdf",
                          {"Content-Type": "application/pdf"}, PDF, seen=seen)
    assert code == 401
    assert seen["body_sent"] is False


def test_an_allowed_upload_is_asked_for_its_body(server, users, dossier):
    seen = {}
    code, _, payload = raw_http(
        server.port, "POST", f"/api/v1/dossiers/{dossier['id']}/attachments?name=ok.pdf",
        {"Authorization": f"Bearer {users['carga1'].token}", "Content-Type": "application/pdf"},
        PDF, seen=seen)
    assert code == 201, payload
    assert seen["asked_for_body"] is True


@pytest.mark.parametrize("state", ["archived", "in_transit", "annulled"])
def test_no_uploads_to_a_dossier_that_cannot_change(server, users, demo, state):
    mesa1 = users["mesa1"]
    d = register(mesa1, demo.type("SOLGEN"))
    if state == "archived":
        mesa1.ok("POST", f"/api/v1/dossiers/{d['id']}/archive")
    elif state == "in_transit":
        send(mesa1, d["id"], demo.unit("GDU"))
    else:
        users["admin"].ok("POST", f"/api/v1/dossiers/{d['id']}/annul", {"reason": "Duplicado"})
    blobs_before = blob_files(server.blob_dir)
    assert_problem(mesa1.upload(d["id"], "tarde.pdf", PDF), 409)
    assert blob_files(server.blob_dir) == blobs_before


def test_the_unit_that_receives_a_dossier_may_attach_to_it(users, demo):
    mesa1, oficina1 = users["mesa1"], users["oficina1"]
    d = register(mesa1, demo.type("SOLGEN"))
    receive(oficina1, send(mesa1, d["id"], demo.unit("GDU"))["id"])
    assert oficina1.upload(d["id"], "informe-tecnico.pdf", PDF).status == 201
    assert_problem(mesa1.upload(d["id"], "tarde.pdf", PDF), 403)
    # The desk still reads what the office attached.
    listed = mesa1.get(f"/api/v1/dossiers/{d['id']}/attachments").json["items"]
    assert [a["name"] for a in listed] == ["informe-tecnico.pdf"]
