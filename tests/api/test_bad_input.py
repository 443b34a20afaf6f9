"""Bad input on every route (API.md "Conventions"): malformed JSON is 400; missing fields,
wrong types and invalid values are 422 naming the field in `errors[].field`; unknown ids are
404; bodies over the limits are 413. Every answer is an RFC 9457 problem in Spanish, never a
500, and leaves nothing half-written: after each test the database holds the same records
(and the blob store the same files) as before it.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from sige_client import (
    assert_problem,
    blob_files,
    external_body,
    raw_http,
    register,
    send,
    snapshot,
    wait_until,
)

UNKNOWN = 987654321



@pytest.fixture(scope="module")
def ctx(server, users, demo):
    """Everything the tests act on, created (and every user logged in) before any snapshot."""
    for name in ("admin", "mesa1", "oficina1", "carga1", "consulta1", "autoridad1", "mesa2"):
        users[name]
    mesa1, admin = users["mesa1"], users["admin"]
    d = register(mesa1, demo.type("SOLGEN"))
    moving = register(mesa1, demo.type("SOLGEN"))
    t = send(mesa1, moving["id"], demo.unit("GDU"))
    att = mesa1.upload(d["id"], "informe.txt", b"Informe tecnico", "text/plain")
    assert att.status == 201
    note = mesa1.ok("POST", f"/api/v1/dossiers/{d['id']}/annotations", {"text": "Nota"}, expect=201)
    # A submission of the virtual desk, waiting in mesa1's "Mesa virtual" tray.
    citizen = users.server.client()
    draft = citizen.ok("POST", "/api/v1/public/submissions", {
        "type_id": demo.type("SOLGEN"), "summary": "Solicitud en línea",
        "applicant": {"name": "Ana Torres", "id_type": "DNI", "id_number": "45678912",
                      "email": "ana@example.pe"}}, expect=201)
    citizen.ok("POST", f"/api/v1/public/submissions/{draft['id']}/submit",
               headers={"X-Upload-Token": draft["upload_token"]}, expect=200)
    return SimpleNamespace(
        users=users, demo=demo, dossier=d, moving=moving, transfer=t, attachment=att.json,
        note=note, unit=demo.unit("MP"), type=demo.type("SOLGEN"), submission=draft["id"],
        user_id=users["consulta1"].me["user"]["id"], admin_id=admin.me["user"]["id"],
    )


@pytest.fixture(autouse=True)
def nothing_changes(server, ctx):
    """Every test in this file must leave the installation exactly as it found it."""
    before = snapshot(server.db)
    blobs_before = blob_files(server.blob_dir)
    yield
    assert server.alive(), server.stderr_text()[-2000:]
    assert snapshot(server.db) == before, "a refused request wrote something"
    # A refused upload's temporary file may outlive the answer by a moment, not more.
    assert wait_until(lambda: blob_files(server.blob_dir) == blobs_before, timeout=3), \
        f"a refused upload left a file: {blob_files(server.blob_dir) - blobs_before}"


# --------------------------------------------------------------------------- the routes

# (method, path, user) of every route that reads a JSON body; {d} a dossier in mesa1's
# custody, {t} a pending transfer, {n} an annotation, {u} a unit, {usr} a user, {ty} a type.
JSON_ROUTES = [
    ("POST", "/api/v1/session", None),
    ("POST", "/api/v1/organizations", "admin"),
    ("POST", "/api/v1/units", "admin"),
    ("PATCH", "/api/v1/units/{u}", "admin"),
    ("POST", "/api/v1/users", "admin"),
    ("PATCH", "/api/v1/users/{usr}", "admin"),
    ("POST", "/api/v1/dossier-types", "admin"),
    ("PATCH", "/api/v1/dossier-types/{ty}", "admin"),
    ("POST", "/api/v1/dossiers", "mesa1"),
    ("PATCH", "/api/v1/dossiers/{d}", "mesa1"),
    ("POST", "/api/v1/dossiers/{d}/archive", "mesa1"),
    ("POST", "/api/v1/dossiers/{d}/unarchive", "mesa1"),
    ("POST", "/api/v1/dossiers/{d}/annulment-request", "mesa1"),
    ("POST", "/api/v1/dossiers/{d}/annul", "admin"),
    ("POST", "/api/v1/dossiers/{d}/transfers", "mesa1"),
    ("POST", "/api/v1/transfers/bulk", "mesa1"),
    ("POST", "/api/v1/transfers/receive", "oficina1"),
    ("POST", "/api/v1/transfers/{t}/revert", "admin"),
    ("POST", "/api/v1/dossiers/{d}/annotations", "mesa1"),
    ("POST", "/api/v1/dossiers/{d}/resolve", "mesa1"),
    ("POST", "/api/v1/public/submissions", None),
    ("POST", "/api/v1/public/tracking", None),
    ("POST", "/api/v1/submissions/{s}/observe", "mesa1"),
    ("POST", "/api/v1/submissions/{s}/reject", "mesa1"),
]

# Routes whose body is optional: an empty body is an empty object.
OPTIONAL_BODY = {"/archive", "/unarchive", "/annulment-request", "/annul", "/revert", "/resolve"}

# Every route with an id in its path, with the user who would be allowed to use it.
ID_ROUTES = [
    ("PATCH", "/api/v1/units/{}", "admin", {"name": "Unidad"}),
    ("PATCH", "/api/v1/users/{}", "admin", {"name": "Nombre"}),
    ("PATCH", "/api/v1/dossier-types/{}", "admin", {"name": "Tipo"}),
    ("GET", "/api/v1/dossiers/{}", "mesa1", None),
    ("PATCH", "/api/v1/dossiers/{}", "mesa1", {"summary": "Resumen válido"}),
    ("GET", "/api/v1/dossiers/{}/history", "mesa1", None),
    ("POST", "/api/v1/dossiers/{}/archive", "mesa1", None),
    ("POST", "/api/v1/dossiers/{}/unarchive", "mesa1", None),
    ("POST", "/api/v1/dossiers/{}/annulment-request", "mesa1", {"reason": "Motivo"}),
    ("POST", "/api/v1/dossiers/{}/annul", "admin", {"reason": "Motivo"}),
    ("POST", "/api/v1/dossiers/{}/transfers", "mesa1", {"to_unit": 7, "action": "attend"}),
    ("GET", "/api/v1/dossiers/{}/transfers", "mesa1", None),
    ("POST", "/api/v1/transfers/{}/receive", "oficina1", None),
    ("POST", "/api/v1/transfers/{}/revert", "admin", None),
    ("GET", "/api/v1/delivery-notes/{}", "mesa1", None),
    ("GET", "/api/v1/delivery-notes/{}.pdf", "mesa1", None),
    ("GET", "/api/v1/dossiers/{}/receipt.pdf", "mesa1", None),
    ("GET", "/api/v1/dossiers/{}/attachments", "mesa1", None),
    ("GET", "/api/v1/attachments/{}/content", "mesa1", None),
    ("GET", "/api/v1/dossiers/{}/annotations", "mesa1", None),
    ("POST", "/api/v1/dossiers/{}/annotations", "mesa1", {"text": "Nota"}),
    ("DELETE", "/api/v1/annotations/{}", "mesa1", None),
    ("POST", "/api/v1/dossiers/{}/resolve", "mesa1", None),
    ("GET", "/api/v1/submissions/{}", "mesa1", None),
    ("POST", "/api/v1/submissions/{}/accept", "mesa1", None),
    ("POST", "/api/v1/submissions/{}/observe", "mesa1", {"reason": "Falta un documento", "deadline": "2099-12-31"}),
    ("POST", "/api/v1/submissions/{}/reject", "mesa1", {"reason": "No corresponde"}),
    ("POST", "/api/v1/public/submissions/{}/submit", "mesa1", None),
]


def fill(path: str, ctx) -> str:
    return path.format(d=ctx.dossier["id"], t=ctx.transfer["id"], n=ctx.note["id"], u=ctx.unit,
                       usr=ctx.user_id, ty=ctx.type, s=ctx.submission)


def client_for(ctx, server, user):
    return ctx.users[user] if user else server.client()


def route_id(route) -> str:
    return f"{route[0]} {route[1]}"


def test_the_tables_cover_every_route_of_the_openapi_document(server):
    doc = server.client().get("/api/v1/openapi.json").json
    documented = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops
                  if m in ("get", "post", "patch", "put", "delete")}
    covered = {(m, p.replace("{d}", "{id}").replace("{t}", "{id}").replace("{u}", "{id}")
                .replace("{usr}", "{id}").replace("{ty}", "{id}").replace("{s}", "{id}"))
               for m, p, _ in JSON_ROUTES}
    covered |= {(m, p.replace("{}", "{id}")) for m, p, _, _ in ID_ROUTES}
    covered |= {("POST", "/api/v1/dossiers/{id}/attachments"), ("GET", "/api/v1/dossiers"),
                ("GET", "/api/v1/units"), ("GET", "/api/v1/dossier-types"), ("GET", "/api/v1/inbox"),
                ("GET", "/api/v1/outbox"), ("DELETE", "/api/v1/dossiers/{id}")}
    # The citizen's routes: tests/citizen refuses their bad input in depth (identity numbers,
    # files by content and size, tokens, PINs, throttling, HTML forms).
    covered |= {("GET", "/api/v1/public/dossier-types"), ("GET", "/api/v1/submissions"),
                ("POST", "/api/v1/public/submissions/{id}/attachments"),
                ("GET", "/api/v1/public/tracking/{token}"),
                ("POST", "/api/v1/public/tracking/{token}/attachments"),
                ("POST", "/api/v1/public/tracking/{token}/resubmit"),
                ("GET", "/api/v1/submissions/{id}/files/{file}/content"),
                ("GET", "/t/{token}"), ("GET", "/t"), ("POST", "/t")}
    # Routes without input to get wrong.
    covered |= {("DELETE", "/api/v1/session"), ("GET", "/api/v1/me"), ("GET", "/api/v1/organizations"),
                ("GET", "/api/v1/users"), ("GET", "/healthz"), ("GET", "/api/v1/openapi.json")}
    missing = sorted(documented - covered)
    assert not missing, f"routes without bad-input tests: {missing}"


# --------------------------------------------------------------------------- malformed JSON: 400


MALFORMED = {
    "truncated": b'{"summary": "abc"',
    "not-json": b"summary=abc",
    "single-quotes": b"{'summary': 'abc'}",
    "trailing-comma": b'{"summary": "abc",}',
    "array": b'[{"summary": "abc"}]',
    "string": b'"summary"',
    "number": b"42",
    "null": b"null",
    "nested-too-deep": b'{"a":' * 5000 + b"1" + b"}" * 5000,
}



@pytest.mark.parametrize("kind", list(MALFORMED), ids=list(MALFORMED))
@pytest.mark.parametrize("route", JSON_ROUTES, ids=route_id)
def test_malformed_json_is_400(server, ctx, route, kind):
    method, path, user = route
    r = client_for(ctx, server, user).request(
        method, fill(path, ctx), raw=MALFORMED[kind], headers={"Content-Type": "application/json"})
    assert_problem(r, 400)


@pytest.mark.parametrize("route", [r for r in JSON_ROUTES
                                   if not any(r[1].endswith(s) for s in OPTIONAL_BODY)], ids=route_id)
def test_a_missing_body_is_400(server, ctx, route):
    method, path, user = route
    r = client_for(ctx, server, user).request(method, fill(path, ctx), raw=b"",
                                              headers={"Content-Type": "application/json"})
    assert_problem(r, 400)


@pytest.mark.parametrize("route", JSON_ROUTES, ids=route_id)
def test_invalid_utf8_in_json_is_refused(server, ctx, route):
    method, path, user = route
    r = client_for(ctx, server, user).request(
        method, fill(path, ctx), raw=b'{"summary": "caf\xe9 \xff", "text": "\xc3\x28", "name": "\xed\xa0\x80"}',
        headers={"Content-Type": "application/json"})
    assert r.status in (400, 422), r
    assert_problem(r, r.status)


# --------------------------------------------------------------------------- huge bodies: 413


@pytest.mark.parametrize("route", JSON_ROUTES, ids=route_id)
def test_json_over_one_megabyte_is_413(server, ctx, route):
    method, path, user = route
    c = client_for(ctx, server, user)
    body = json.dumps({"summary": "x" * (1024 * 1024 + 10)}).encode()
    headers = {"Content-Type": "application/json"}
    if c.token:
        headers["Authorization"] = f"Bearer {c.token}"
    status, hdrs, payload = raw_http(server.port, method, fill(path, ctx), headers, body)
    assert status == 413, payload[:300]
    assert hdrs.get("content-type", "").startswith("application/problem+json")
    assert json.loads(payload)["detail"]


def test_json_just_under_one_megabyte_is_read_and_judged_by_its_fields(ctx):
    body = external_body(ctx.type, summary="x" * (1000 * 1000))
    assert_problem(ctx.users["mesa1"].post("/api/v1/dossiers", body), 422, "summary")


# --------------------------------------------------------------------------- unknown ids: 404


@pytest.mark.parametrize("bad_id", [str(UNKNOWN), "0", "-1", "abc", "1.5", "99999999999999999999999"],
                         ids=["unknown", "zero", "negative", "letters", "decimal", "huge"])
@pytest.mark.parametrize("route", ID_ROUTES, ids=route_id)
def test_unknown_ids_are_404(server, ctx, route, bad_id):
    method, path, user, body = route
    r = ctx.users[user].request(method, path.format(bad_id), body)
    assert_problem(r, 404)


@pytest.mark.parametrize("bad_id", [str(UNKNOWN), "abc"],
                         ids=["unknown", "letters"])
def test_upload_to_an_unknown_dossier_is_404(ctx, bad_id):
    r = ctx.users["mesa1"].request("POST", f"/api/v1/dossiers/{bad_id}/attachments",
                                   raw=b"contenido", params={"name": "a.txt"},
                                   headers={"Content-Type": "text/plain"})
    assert_problem(r, 404)


def test_unknown_route_is_404_and_wrong_method_405(server, ctx):
    c = ctx.users["mesa1"]
    assert_problem(c.get("/api/v1/no-such-thing"), 404)
    assert_problem(server.client().get("/api/v1/no-such-thing"), 404)
    r = c.request("PUT", f"/api/v1/dossiers/{ctx.dossier['id']}", {"summary": "x"})
    assert_problem(r, 405)
    assert "PATCH" in r.headers.get("allow", "")


@pytest.mark.parametrize("params", [
    {"organization": UNKNOWN},
], ids=["unknown-organization"])
@pytest.mark.parametrize("path", ["/api/v1/units", "/api/v1/dossier-types"])
def test_unknown_organization_in_a_query_is_404(ctx, path, params):
    assert_problem(ctx.users["mesa1"].get(path, params=params), 404)


# --------------------------------------------------------------------------- wrong query parameters: 422


QUERY_CASES = [
    ("/api/v1/dossiers", {"state": "lost"}, "state"),
    ("/api/v1/dossiers", {"type": "abc"}, "type"),
    ("/api/v1/dossiers", {"unit": "-3"}, "unit"),
    ("/api/v1/dossiers", {"from": "31/12/2024"}, "from"),
    ("/api/v1/dossiers", {"to": "2024-13-45"}, "to"),
    ("/api/v1/dossiers", {"reserved": "maybe"}, "reserved"),
    ("/api/v1/dossiers", {"global": "si"}, "global"),
    ("/api/v1/dossiers", {"page": "0"}, "page"),
    ("/api/v1/dossiers", {"page": "x"}, "page"),
    ("/api/v1/dossiers", {"per_page": "501"}, "per_page"),
    ("/api/v1/dossiers", {"per_page": "0"}, "per_page"),
    ("/api/v1/dossiers", {"q": "a" * 201}, "q"),
    ("/api/v1/units", {"organization": "abc"}, "organization"),
    ("/api/v1/dossier-types", {"organization": "1x"}, "organization"),
    ("/api/v1/inbox", {"unit": "abc"}, "unit"),
    ("/api/v1/inbox", {"per_page": "1000"}, "per_page"),
    ("/api/v1/outbox", {"page": "-1"}, "page"),
    ("/api/v1/dossiers/{d}/history", {"include_reads": "yes"}, "include_reads"),
]


@pytest.mark.parametrize("path, params, field", QUERY_CASES,
                         ids=[f"{p}?{next(iter(q))}" for p, q, _ in QUERY_CASES])
def test_wrong_query_parameters_are_422_naming_them(ctx, path, params, field):
    r = ctx.users["mesa1"].get(fill(path, ctx), params=params)
    assert_problem(r, 422, field)


ODD_SEARCHES = ['"', "*", "a OR b", "NOT", "NEAR(a b)", "-", "'; DROP TABLE dossier; --", "%", "_",
                "\\", "ñ", "🙂", "a" * 200, "código:1", "^x", "(", "{}", "1-2024 AND"]


@pytest.mark.parametrize("q", ODD_SEARCHES, ids=[f"q{i}" for i in range(len(ODD_SEARCHES))])
@pytest.mark.parametrize("glob", ["false", "true"], ids=["scope", "global"])
def test_search_text_with_odd_characters_is_just_text(ctx, q, glob):
    r = ctx.users["mesa1"].get("/api/v1/dossiers", params={"q": q, "global": glob})
    assert r.status == 200, r
    assert isinstance(r.json["items"], list) and r.json["total"] == len(r.json["items"])


@pytest.mark.parametrize("to", ["2030-01-01T00:00:00-05:00", "2030-01-01T05:00:00Z", "2030-01-01"],
                         ids=["offset", "utc", "day"])
def test_search_dates_accept_days_and_instants_with_offset(ctx, to):
    r = ctx.users["mesa1"].get("/api/v1/dossiers", params={"from": "2000-01-01", "to": to})
    assert r.status == 200, r
    assert ctx.dossier["id"] in [d["id"] for d in r.json["items"]]


# --------------------------------------------------------------------------- wrong bodies: 422


def base_external(ctx, **changes):
    body = external_body(ctx.type)
    body.update(changes)
    return body


def with_applicant(ctx, **changes):
    body = external_body(ctx.type)
    body["applicant"] = {**body["applicant"], **changes}
    return body


REGISTER_CASES = {
    "empty-object": (lambda c: {}, "type_id"),
    "no-summary": (lambda c: {k: v for k, v in base_external(c).items() if k != "summary"}, "summary"),
    "no-origin": (lambda c: {k: v for k, v in base_external(c).items() if k != "origin"}, "origin"),
    "no-type": (lambda c: {k: v for k, v in base_external(c).items() if k != "type_id"}, "type_id"),
    "type-as-text": (lambda c: base_external(c, type_id="1"), "type_id"),
    "type-unknown": (lambda c: base_external(c, type_id=UNKNOWN), "type_id"),
    "type-of-other-organisation": (lambda c: base_external(c, type_id=c.demo.type("SOLGEN", 2)), "type_id"),
    "internal-type-for-external": (lambda c: base_external(c, type_id=c.demo.type("MEMO")), "type_id"),
    "summary-as-number": (lambda c: base_external(c, summary=123), "summary"),
    "summary-too-short": (lambda c: base_external(c, summary="ab"), "summary"),
    "summary-blank": (lambda c: base_external(c, summary="     "), "summary"),
    "summary-too-long": (lambda c: base_external(c, summary="x" * 501), "summary"),
    "summary-control-chars": (lambda c: base_external(c, summary="Solicitud\u0007 rara"), "summary"),
    "origin-unknown": (lambda c: base_external(c, origin="outer"), "origin"),
    "origin-as-bool": (lambda c: base_external(c, origin=True), "origin"),
    "reserved-as-text": (lambda c: base_external(c, reserved="yes"), "reserved"),
    "priority-unknown": (lambda c: base_external(c, priority="high"), "priority"),
    "letters-with-space": (lambda c: base_external(c, letters="A B"), "letters"),
    "letters-too-long": (lambda c: base_external(c, letters="ABCDEFGHIJK"), "letters"),
    "letters-accented": (lambda c: base_external(c, letters="ÑAÑA"), "letters"),
    "instrument-too-long": (lambda c: base_external(c, instrument_number="x" * 51), "instrument_number"),
    "folios-negative": (lambda c: base_external(c, folios=-1), "folios"),
    "folios-fraction": (lambda c: base_external(c, folios=1.5), "folios"),
    "folios-as-text": (lambda c: base_external(c, folios="3"), "folios"),
    "folios-huge": (lambda c: base_external(c, folios=2 ** 40), "folios"),
    "folios-over-max": (lambda c: base_external(c, folios=1_000_001), "folios"),
    "volumes-negative": (lambda c: base_external(c, volumes=-2), "volumes"),
    "volumes-as-list": (lambda c: base_external(c, volumes=[1]), "volumes"),
    "procedure-unknown": (lambda c: base_external(c, procedure_id=UNKNOWN), "procedure_id"),
    "procedure-as-text": (lambda c: base_external(c, procedure_id="x"), "procedure_id"),
    "unit-as-text": (lambda c: base_external(c, unit_id="MP"), "unit_id"),
    "no-applicant-for-external": (lambda c: {k: v for k, v in base_external(c).items() if k != "applicant"}, "applicant"),
    "applicant-as-text": (lambda c: base_external(c, applicant="Ana"), "applicant"),
    "applicant-without-name": (lambda c: with_applicant(c, name=""), "applicant.name"),
    "applicant-name-as-number": (lambda c: with_applicant(c, name=5), "applicant.name"),
    "applicant-id-type-unknown": (lambda c: with_applicant(c, id_type="LE"), "applicant.id_type"),
    "applicant-id-type-missing": (lambda c: {**base_external(c), "applicant": {"name": "Ana Torres", "id_number": "45678912"}}, "applicant.id_type"),
    "applicant-email": (lambda c: with_applicant(c, email="ana-at-example.pe"), "applicant.email"),
    "applicant-phone": (lambda c: with_applicant(c, phone="llámame"), "applicant.phone"),
    "applicant-address-as-number": (lambda c: with_applicant(c, address=12), "applicant.address"),
}


@pytest.mark.parametrize("case", REGISTER_CASES, ids=list(REGISTER_CASES))
def test_register_with_bad_fields_is_422_naming_the_field(ctx, case):
    make, field = REGISTER_CASES[case]
    assert_problem(ctx.users["mesa1"].post("/api/v1/dossiers", make(ctx)), 422, field)


def test_several_bad_fields_are_all_named(ctx):
    r = ctx.users["mesa1"].post("/api/v1/dossiers", {"type_id": "x", "summary": 5, "origin": "outer",
                                                       "folios": -1})
    assert_problem(r, 422)
    fields = {e["field"] for e in r.json["errors"]}
    assert {"type_id", "summary", "origin", "folios"} <= fields


@pytest.mark.parametrize("unit", [None, UNKNOWN, "x"], ids=["no-unit", "unknown-unit", "unit-as-text"])
def test_admin_must_name_an_existing_unit_to_register(ctx, unit):
    body = base_external(ctx)
    if unit is not None:
        body["unit_id"] = unit
    assert_problem(ctx.users["admin"].post("/api/v1/dossiers", body), 422, "unit_id")


# API.md "Identity numbers": DNI 8 digits; RUC 11 digits starting 10, 15, 17 or 20 with its
# modulo-11 check digit; carné de extranjería 9 to 12 letters or digits; passport 6 to 12.
BAD_IDENTITIES = [
    ("DNI", "1234567", "dni-7-digits"),
    ("DNI", "123456789", "dni-9-digits"),
    ("DNI", "1234567A", "dni-with-letter"),
    ("DNI", "12 345 678", "dni-with-spaces"),
    ("DNI", "１２３４５６７８", "dni-fullwidth-digits"),
    ("RUC", "20100070971", "ruc-wrong-check-digit"),
    ("RUC", "30100070970", "ruc-wrong-prefix"),
    ("RUC", "2010007097", "ruc-10-digits"),
    ("RUC", "201000709701", "ruc-12-digits"),
    ("RUC", "2010007097X", "ruc-with-letter"),
    ("CE", "12345678", "ce-8-chars"),
    ("CE", "1234567890123", "ce-13-chars"),
    ("CE", "00123-4567", "ce-with-dash"),
    ("PASSPORT", "AB123", "passport-5-chars"),
    ("PASSPORT", "AB12345678901", "passport-13-chars"),
    ("PASSPORT", "AB 12345", "passport-with-space"),
    ("DNI", "", "dni-empty"),
    ("DNI", 45678912, "dni-as-number"),
]


@pytest.mark.parametrize("id_type, number", [(t, n) for t, n, _ in BAD_IDENTITIES],
                         ids=[i for _, _, i in BAD_IDENTITIES])
def test_invalid_identity_numbers_are_422_naming_applicant_id_number(ctx, id_type, number):
    body = with_applicant(ctx, id_type=id_type, id_number=number)
    assert_problem(ctx.users["mesa1"].post("/api/v1/dossiers", body), 422, "applicant.id_number")


@pytest.mark.parametrize("id_type, number", [(t, n) for t, n, _ in BAD_IDENTITIES[:8]],
                         ids=[i for _, _, i in BAD_IDENTITIES[:8]])
def test_invalid_identity_numbers_are_refused_on_edit_too(ctx, id_type, number):
    body = {"applicant": {"name": "Ana Torres", "id_type": id_type, "id_number": number}}
    r = ctx.users["mesa1"].patch(f"/api/v1/dossiers/{ctx.dossier['id']}", body)
    assert_problem(r, 422, "applicant.id_number")


EDIT_CASES = {
    "summary-too-short": (lambda c: {"summary": "ab"}, "summary"),
    "summary-empty": (lambda c: {"summary": ""}, "summary"),
    "summary-as-number": (lambda c: {"summary": 1}, "summary"),
    "folios-negative": (lambda c: {"folios": -5}, "folios"),
    "type-unknown": (lambda c: {"type_id": UNKNOWN}, "type_id"),
    "type-internal": (lambda c: {"type_id": c.demo.type("MEMO")}, "type_id"),
    "type-of-other-organisation": (lambda c: {"type_id": c.demo.type("SOLGEN", 2)}, "type_id"),
    "reserved-as-number": (lambda c: {"reserved": 1}, "reserved"),
    "priority-unknown": (lambda c: {"priority": "ASAP"}, "priority"),
    "origin-changed": (lambda c: {"origin": "internal"}, "origin"),
    "letters-changed": (lambda c: {"letters": "NEW"}, "letters"),
    "applicant-email": (lambda c: {"applicant": {"name": "Ana Torres", "id_type": "DNI",
                                                 "id_number": "45678912", "email": "no es correo"}},
                        "applicant.email"),
}


@pytest.mark.parametrize("case", EDIT_CASES, ids=list(EDIT_CASES))
def test_edit_with_bad_fields_is_422_naming_the_field(ctx, case):
    make, field = EDIT_CASES[case]
    r = ctx.users["mesa1"].patch(f"/api/v1/dossiers/{ctx.dossier['id']}", make(ctx))
    assert_problem(r, 422, field)


def transfer_body(ctx, **changes):
    body = {"to_unit": ctx.demo.unit("GDU"), "action": "attend", "permission": "WRITE",
            "folios_added": 1, "volumes_added": 0, "notes": "Para su atención"}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


TRANSFER_CASES = {
    "no-destination": (lambda c: transfer_body(c, to_unit=...), "to_unit"),
    "destination-as-text": (lambda c: transfer_body(c, to_unit="GDU"), "to_unit"),
    "destination-unknown": (lambda c: transfer_body(c, to_unit=UNKNOWN), "to_unit"),
    "destination-zero": (lambda c: transfer_body(c, to_unit=0), "to_unit"),
    "destination-is-the-holder": (lambda c: transfer_body(c, to_unit=c.unit), "to_unit"),
    "no-action": (lambda c: transfer_body(c, action=...), "action"),
    "action-unknown": (lambda c: transfer_body(c, action="fly"), "action"),
    "permission-unknown": (lambda c: transfer_body(c, permission="ALL"), "permission"),
    "permission-lowercase-number": (lambda c: transfer_body(c, permission=1), "permission"),
    "folios-negative": (lambda c: transfer_body(c, folios_added=-1), "folios_added"),
    "folios-as-text": (lambda c: transfer_body(c, folios_added="2"), "folios_added"),
    "volumes-negative": (lambda c: transfer_body(c, volumes_added=-1), "volumes_added"),
    "notes-too-long": (lambda c: transfer_body(c, notes="n" * 1001), "notes"),
    "notes-control-chars": (lambda c: transfer_body(c, notes="a\u0000b"), "notes"),
    "notes-as-object": (lambda c: transfer_body(c, notes={"a": 1}), "notes"),
}


@pytest.mark.parametrize("case", TRANSFER_CASES, ids=list(TRANSFER_CASES))
def test_transfer_with_bad_fields_is_422_naming_the_field(ctx, case):
    make, field = TRANSFER_CASES[case]
    r = ctx.users["mesa1"].post(f"/api/v1/dossiers/{ctx.dossier['id']}/transfers", make(ctx))
    assert_problem(r, 422, field)


def bulk_body(ctx, ids):
    return {"dossier_ids": ids, "to_unit": ctx.demo.unit("GDU"), "action": "attend"}


BULK_CASES = {
    "no-ids": (lambda c: {"to_unit": c.demo.unit("GDU"), "action": "attend"}, "dossier_ids", 422),
    "ids-empty": (lambda c: bulk_body(c, []), "dossier_ids", 422),
    "ids-as-text": (lambda c: bulk_body(c, "1,2"), "dossier_ids", 422),
    "an-id-as-text": (lambda c: bulk_body(c, [c.dossier["id"], "x"]), "dossier_ids[1]", 422),
    "an-id-negative": (lambda c: bulk_body(c, [c.dossier["id"], -4]), "dossier_ids[1]", 422),
    "an-id-repeated": (lambda c: bulk_body(c, [c.dossier["id"], c.dossier["id"]]), "dossier_ids[1]", 422),
    "too-many-ids": (lambda c: bulk_body(c, list(range(1, 502))), "dossier_ids", 422),
    "no-action": (lambda c: {"dossier_ids": [c.dossier["id"]], "to_unit": c.demo.unit("GDU")}, "action", 422),
    "destination-unknown": (lambda c: {**bulk_body(c, [c.dossier["id"]]), "to_unit": UNKNOWN}, "to_unit", 422),
    "an-id-unknown": (lambda c: bulk_body(c, [c.dossier["id"], UNKNOWN]), None, 404),
}


@pytest.mark.parametrize("case", BULK_CASES, ids=list(BULK_CASES))
def test_bulk_transfer_with_bad_fields_sends_nothing(ctx, case):
    make, field, status = BULK_CASES[case]
    r = ctx.users["mesa1"].post("/api/v1/transfers/bulk", make(ctx))
    assert_problem(r, status, field)


RECEIVE_CASES = {
    "no-ids": ({}, "ids", 422),
    "ids-empty": ({"ids": []}, "ids", 422),
    "ids-null": ({"ids": None}, "ids", 422),
    "ids-as-number": ({"ids": 5}, "ids", 422),
    "an-id-as-text": ({"ids": ["uno"]}, "ids[0]", 422),
    "an-id-unknown": ({"ids": [UNKNOWN]}, None, 404),
}


@pytest.mark.parametrize("case", RECEIVE_CASES, ids=list(RECEIVE_CASES))
def test_bulk_reception_with_bad_ids_receives_nothing(ctx, case):
    body, field, status = RECEIVE_CASES[case]
    r = ctx.users["oficina1"].post("/api/v1/transfers/receive", body)
    assert_problem(r, status, field)


STATE_CASES = [
    ("annulment-request", "mesa1", {"reason": 5}, "reason"),
    ("annulment-request", "mesa1", {"reason": "r" * 1001}, "reason"),
    ("annulment-request", "mesa1", {"reason": "con\u0001control"}, "reason"),
    ("annul", "admin", {"reason": ["x"]}, "reason"),
    ("annul", "admin", {"reason": "r" * 1001}, "reason"),
    ("archive", "mesa1", {"reason": False}, "reason"),
    ("unarchive", "mesa1", {"reason": 1}, "reason"),
]


@pytest.mark.parametrize("action, user, body, field", STATE_CASES,
                         ids=[f"{a}-{f}-{type(b[f]).__name__}" + ("-long" if isinstance(b[f], str) and len(b[f]) > 100 else "")
                              for a, _, b, f in STATE_CASES])
def test_state_changes_with_a_bad_reason_are_422(ctx, action, user, body, field):
    r = ctx.users[user].post(f"/api/v1/dossiers/{ctx.dossier['id']}/{action}", body)
    assert_problem(r, 422, field)


@pytest.mark.parametrize("body", [{"reason": 5}, {"reason": "r" * 1001}], ids=["as-number", "too-long"])
def test_revert_with_a_bad_reason_is_422(ctx, body):
    r = ctx.users["admin"].post(f"/api/v1/transfers/{ctx.transfer['id']}/revert", body)
    assert_problem(r, 422, "reason")


ANNOTATION_CASES = {
    "no-text": ({}, "text"),
    "text-empty": ({"text": ""}, "text"),
    "text-blank": ({"text": "   \n  "}, "text"),
    "text-as-number": ({"text": 5}, "text"),
    "text-too-long": ({"text": "a" * 4001}, "text"),
    "text-control-chars": ({"text": "hola\u0008"}, "text"),
}


@pytest.mark.parametrize("case", ANNOTATION_CASES, ids=list(ANNOTATION_CASES))
def test_annotation_with_bad_text_is_422(ctx, case):
    body, field = ANNOTATION_CASES[case]
    r = ctx.users["mesa1"].post(f"/api/v1/dossiers/{ctx.dossier['id']}/annotations", body)
    assert_problem(r, 422, field)


SESSION_CASES = {
    "empty-object": ({}, "username"),
    "no-password": ({"username": "mesa1"}, "password"),
    "username-as-number": ({"username": 5, "password": "demo"}, "username"),
    "password-as-list": ({"username": "mesa1", "password": ["demo"]}, "password"),
}


@pytest.mark.parametrize("case", SESSION_CASES, ids=list(SESSION_CASES))
def test_login_with_bad_fields_is_422(server, case):
    body, field = SESSION_CASES[case]
    assert_problem(server.client().post("/api/v1/session", body), 422, field)


def user_body(ctx, **changes):
    body = {"username": "nuevo.usuario", "name": "Usuario Nuevo", "profile": "VIEWER",
            "unit_id": ctx.unit, "password": "clave-segura-123", "email": "nuevo@example.pe"}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


USER_CASES = {
    "no-username": (lambda c: user_body(c, username=...), "username"),
    "username-with-space": (lambda c: user_body(c, username="nuevo usuario"), "username"),
    "username-uppercase": (lambda c: user_body(c, username="Nuevo"), "username"),
    "username-too-short": (lambda c: user_body(c, username="ab"), "username"),
    "username-taken": (lambda c: user_body(c, username="mesa1"), "username"),
    "no-name": (lambda c: user_body(c, name=...), "name"),
    "no-profile": (lambda c: user_body(c, profile=...), "profile"),
    "profile-unknown": (lambda c: user_body(c, profile="KING"), "profile"),
    "password-short": (lambda c: user_body(c, password="corta"), "password"),
    "no-password": (lambda c: user_body(c, password=...), "password"),
    "unit-missing-for-desk": (lambda c: user_body(c, profile="DESK", unit_id=...), "unit_id"),
    "unit-unknown": (lambda c: user_body(c, unit_id=UNKNOWN), "unit_id"),
    "unit-as-text": (lambda c: user_body(c, unit_id="MP"), "unit_id"),
    "active-as-text": (lambda c: user_body(c, active="true"), "active"),
}


@pytest.mark.parametrize("case", USER_CASES, ids=list(USER_CASES))
def test_create_user_with_bad_fields_is_422(ctx, case):
    make, field = USER_CASES[case]
    assert_problem(ctx.users["admin"].post("/api/v1/users", make(ctx)), 422, field)


USER_EDIT_CASES = {
    "username-changed": ({"username": "otro"}, "username"),
    "name-empty": ({"name": ""}, "name"),
    "password-short": ({"password": "1234"}, "password"),
    "profile-unknown": ({"profile": "ROOT"}, "profile"),
    "unit-unknown": ({"unit_id": UNKNOWN}, "unit_id"),
    "active-as-number": ({"active": 0}, "active"),
}


@pytest.mark.parametrize("case", USER_EDIT_CASES, ids=list(USER_EDIT_CASES))
def test_edit_user_with_bad_fields_is_422(ctx, case):
    body, field = USER_EDIT_CASES[case]
    assert_problem(ctx.users["admin"].patch(f"/api/v1/users/{ctx.user_id}", body), 422, field)


@pytest.mark.parametrize("body, field", [({"active": False}, "active"), ({"profile": "VIEWER"}, "profile")],
                         ids=["deactivate-yourself", "demote-yourself"])
def test_an_admin_cannot_lock_themselves_out(ctx, body, field):
    r = ctx.users["admin"].patch(f"/api/v1/users/{ctx.admin_id}", body)
    assert_problem(r, 422, field)


UNIT_CASES = {
    "no-organization": ({"code": "NUEVA", "name": "Unidad nueva"}, "organization_id"),
    "organization-unknown": ({"organization_id": UNKNOWN, "code": "NUEVA", "name": "Unidad nueva"}, "organization_id"),
    "code-with-space": ({"organization_id": 1, "code": "NU EVA", "name": "Unidad nueva"}, "code"),
    "code-too-long": ({"organization_id": 1, "code": "X" * 21, "name": "Unidad nueva"}, "code"),
    "code-taken": ({"organization_id": 1, "code": "MP", "name": "Otra mesa"}, "code"),
    "no-name": ({"organization_id": 1, "code": "NUEVA"}, "name"),
    "parent-of-other-organisation": ({"organization_id": 1, "code": "NUEVA", "name": "Unidad nueva",
                                      "parent_id": 18}, "parent_id"),
    "is-desk-as-text": ({"organization_id": 1, "code": "NUEVA", "name": "Unidad nueva", "is_desk": "no"}, "is_desk"),
}


@pytest.mark.parametrize("case", UNIT_CASES, ids=list(UNIT_CASES))
def test_create_unit_with_bad_fields_is_422(ctx, case):
    body, field = UNIT_CASES[case]
    body = dict(body)
    if "organization_id" in body and body["organization_id"] == 1:
        body["organization_id"] = ctx.demo.org(1)
    if "parent_id" in body:
        body["parent_id"] = ctx.demo.unit("TD", 2)
    assert_problem(ctx.users["admin"].post("/api/v1/units", body), 422, field)


@pytest.mark.parametrize("body, field", [({"name": ""}, "name"), ({"code": "OTRO"}, "code"),
                                         ({"organization_id": 2}, "organization_id"),
                                         ({"active": "no"}, "active")],
                         ids=["name-empty", "code-fixed", "organization-fixed", "active-as-text"])
def test_edit_unit_with_bad_fields_is_422(ctx, body, field):
    assert_problem(ctx.users["admin"].patch(f"/api/v1/units/{ctx.unit}", body), 422, field)


ORG_CASES = {
    "no-code": ({"name": "Municipalidad Nueva"}, "code"),
    "code-taken": ({"code": "MDSI", "name": "Otra"}, "code"),
    "no-name": ({"code": "MNUEVA"}, "name"),
    "time-zone-unknown": ({"code": "MNUEVA", "name": "Municipalidad Nueva", "time_zone": "Lima/Peru"}, "time_zone"),
    "name-as-number": ({"code": "MNUEVA", "name": 7}, "name"),
}


@pytest.mark.parametrize("case", ORG_CASES, ids=list(ORG_CASES))
def test_create_organization_with_bad_fields_is_422(ctx, case):
    body, field = ORG_CASES[case]
    assert_problem(ctx.users["admin"].post("/api/v1/organizations", body), 422, field)


TYPE_CASES = {
    "no-organization": ({"code": "NUEVO", "name": "Tipo nuevo", "origin": "external"}, "organization_id"),
    "organization-unknown": ({"organization_id": UNKNOWN, "code": "NUEVO", "name": "Tipo nuevo",
                              "origin": "external"}, "organization_id"),
    "no-origin": ({"organization_id": 1, "code": "NUEVO", "name": "Tipo nuevo"}, "origin"),
    "origin-unknown": ({"organization_id": 1, "code": "NUEVO", "name": "Tipo nuevo", "origin": "both"}, "origin"),
    "code-taken": ({"organization_id": 1, "code": "SOLGEN", "name": "Otra", "origin": "external"}, "code"),
    "code-with-symbols": ({"organization_id": 1, "code": "NU/EVO", "name": "Tipo", "origin": "external"}, "code"),
    "no-name": ({"organization_id": 1, "code": "NUEVO", "origin": "external"}, "name"),
}


@pytest.mark.parametrize("case", TYPE_CASES, ids=list(TYPE_CASES))
def test_create_dossier_type_with_bad_fields_is_422(ctx, case):
    body, field = TYPE_CASES[case]
    body = dict(body)
    if body.get("organization_id") == 1:
        body["organization_id"] = ctx.demo.org(1)
    assert_problem(ctx.users["admin"].post("/api/v1/dossier-types", body), 422, field)


@pytest.mark.parametrize("body, field", [({"name": ""}, "name"), ({"active": "no"}, "active"),
                                         ({"name": 3}, "name")],
                         ids=["name-empty", "active-as-text", "name-as-number"])
def test_edit_dossier_type_with_bad_fields_is_422(ctx, body, field):
    assert_problem(ctx.users["admin"].patch(f"/api/v1/dossier-types/{ctx.type}", body), 422, field)


# --------------------------------------------------------------------------- every field, every wrong type


def _register(c):
    return external_body(c.type, letters="", instrument_number="OF-1", volumes=1, procedure_id=None)


# For each JSON route: the user, a valid body, and the type of each field it reads.
TYPED_ROUTES = {
    "POST /api/v1/session": (None, lambda c: {"username": "mesa1", "password": "demo"},
                             {"username": "text", "password": "text"}),
    "POST /api/v1/dossiers": ("mesa1", _register, {
        "type_id": "int", "summary": "text", "origin": "text", "reserved": "bool", "priority": "text",
        "letters": "text", "instrument_number": "text", "folios": "int", "volumes": "int",
        "procedure_id": "int", "unit_id": "int", "applicant": "object", "applicant.name": "text",
        "applicant.id_type": "text", "applicant.id_number": "text", "applicant.email": "text",
        "applicant.phone": "text", "applicant.address": "text"}),
    "PATCH /api/v1/dossiers/{d}": ("mesa1", lambda c: {"summary": "Resumen corregido"}, {
        "type_id": "int", "summary": "text", "reserved": "bool", "priority": "text",
        "instrument_number": "text", "folios": "int", "volumes": "int", "applicant": "object"}),
    "POST /api/v1/dossiers/{d}/transfers": ("mesa1", lambda c: transfer_body(c), {
        "to_unit": "int", "action": "text", "permission": "text", "folios_added": "int",
        "volumes_added": "int", "notes": "text"}),
    "POST /api/v1/transfers/bulk": ("mesa1", lambda c: bulk_body(c, [c.dossier["id"]]), {
        "dossier_ids": "list", "to_unit": "int", "action": "text"}),
    "POST /api/v1/transfers/receive": ("oficina1", lambda c: {"ids": [c.transfer["id"]]}, {"ids": "list"}),
    "POST /api/v1/transfers/{t}/revert": ("admin", lambda c: {"reason": "Error"}, {"reason": "text"}),
    "POST /api/v1/dossiers/{d}/annulment-request": ("mesa1", lambda c: {"reason": "Duplicado"},
                                                    {"reason": "text"}),
    "POST /api/v1/dossiers/{d}/annotations": ("mesa1", lambda c: {"text": "Nota"}, {"text": "text"}),
    "POST /api/v1/users": ("admin", lambda c: user_body(c), {
        "username": "text", "name": "text", "email": "text", "profile": "text", "unit_id": "int",
        "password": "text", "active": "bool", "sees_subunits": "bool"}),
    "PATCH /api/v1/users/{usr}": ("admin", lambda c: {"name": "Carlos Flores Vega"}, {
        "name": "text", "email": "text", "profile": "text", "unit_id": "int", "password": "text",
        "active": "bool", "sees_subunits": "bool"}),
    "POST /api/v1/units": ("admin", lambda c: {"organization_id": c.demo.org(1), "code": "NUEVA",
                                               "name": "Unidad nueva", "parent_id": c.unit}, {
        "organization_id": "int", "parent_id": "int", "code": "text", "name": "text",
        "is_desk": "bool", "active": "bool"}),
    "PATCH /api/v1/units/{u}": ("admin", lambda c: {"name": "Mesa de Partes"}, {
        "name": "text", "is_desk": "bool", "active": "bool"}),
    "POST /api/v1/organizations": ("admin", lambda c: {"code": "MNUEVA", "name": "Municipalidad Nueva"}, {
        "code": "text", "name": "text", "time_zone": "text"}),
    "POST /api/v1/dossier-types": ("admin", lambda c: {"organization_id": c.demo.org(1), "code": "NUEVO",
                                                       "name": "Tipo nuevo", "origin": "external"}, {
        "organization_id": "int", "code": "text", "name": "text", "origin": "text"}),
    "PATCH /api/v1/dossier-types/{ty}": ("admin", lambda c: {"name": "Solicitud general"}, {
        "name": "text", "active": "bool"}),
}

WRONG_VALUES = {"int": [1.5, "7", True, [7], {"n": 7}],
                "text": [123, True, ["texto"], {"t": "texto"}],
                "bool": [1, "true", [True], {"b": True}],
                "object": ["Ana", 5, True, ["Ana"]],
                "list": ["1", 5, True, {"ids": 1}]}


def set_path(body: dict, path: str, value):
    body = json.loads(json.dumps(body))
    target = body
    *parents, last = path.split(".")
    for p in parents:
        target = target[p]
    target[last] = value
    return body


def typed_cases():
    for route, (user, _, fields) in TYPED_ROUTES.items():
        for field, kind in fields.items():
            for value in WRONG_VALUES[kind]:
                yield pytest.param(route, field, value, id=f"{route}-{field}={json.dumps(value)}")


@pytest.mark.parametrize("route, field, value", list(typed_cases()))
def test_a_field_of_the_wrong_type_is_422_naming_it(server, ctx, route, field, value):
    user, make, _ = TYPED_ROUTES[route]
    method, path = route.split(" ", 1)
    r = client_for(ctx, server, user).request(method, fill(path, ctx), set_path(make(ctx), field, value))
    assert_problem(r, 422, field)


REQUIRED = {
    "POST /api/v1/session": ["username", "password"],
    "POST /api/v1/dossiers": ["type_id", "summary", "origin", "applicant", "applicant.name",
                              "applicant.id_type", "applicant.id_number"],
    "POST /api/v1/dossiers/{d}/transfers": ["to_unit", "action"],
    "POST /api/v1/transfers/bulk": ["dossier_ids", "to_unit", "action"],
    "POST /api/v1/transfers/receive": ["ids"],
    "POST /api/v1/dossiers/{d}/annotations": ["text"],
    "POST /api/v1/users": ["username", "name", "profile", "password"],
    "POST /api/v1/units": ["organization_id", "code", "name"],
    "POST /api/v1/organizations": ["code", "name"],
    "POST /api/v1/dossier-types": ["organization_id", "code", "name", "origin"],
}


@pytest.mark.parametrize("route, field", [pytest.param(r, f, id=f"{r}-{f}")
                                          for r, fields in REQUIRED.items() for f in fields])
def test_a_required_field_sent_as_null_is_422_naming_it(server, ctx, route, field):
    user, make, _ = TYPED_ROUTES[route]
    method, path = route.split(" ", 1)
    r = client_for(ctx, server, user).request(method, fill(path, ctx), set_path(make(ctx), field, None))
    assert_problem(r, 422, field)


# --------------------------------------------------------------------------- uploads


UPLOAD_NAME_CASES = {
    "no-name": (None, "name"),
    "empty-name": ("", "name"),
    "slash": ("../../etc/passwd", "name"),
    "backslash": ("a\\b.txt", "name"),
    "dot-dot": ("..", "name"),
    "control-char": ("a\u0001.txt", "name"),
    "too-long": ("a" * 201 + ".txt", "name"),
}


@pytest.mark.parametrize("case", UPLOAD_NAME_CASES, ids=list(UPLOAD_NAME_CASES))
def test_upload_with_a_bad_file_name_is_422(ctx, case):
    name, field = UPLOAD_NAME_CASES[case]
    r = ctx.users["mesa1"].upload(ctx.dossier["id"], name, b"contenido del archivo", "text/plain")
    assert_problem(r, 422, field)


def test_upload_with_an_empty_body_is_422(ctx):
    r = ctx.users["mesa1"].upload(ctx.dossier["id"], "vacio.pdf", b"", "application/pdf")
    assert_problem(r, 422)


@pytest.fixture(scope="module")
def small_limit(tmp_path_factory):
    """A second server started with --max-upload-mb 1, and a dossier of mesa1 on it."""
    from sige_client import Demo, Server, init_demo
    data = tmp_path_factory.mktemp("small") / "data"
    init_demo(data)
    srv = Server(data, "--max-upload-mb", "1").start()
    mesa1 = srv.login("mesa1")
    d = register(mesa1, Demo.load(mesa1).type("SOLGEN"))
    yield SimpleNamespace(server=srv, mesa1=mesa1, dossier=d)
    srv.stop()


BIG_PDF = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1)


def assert_413_and_nothing_stored(small, send_it):
    srv = small.server
    before, blobs_before = snapshot(srv.db), blob_files(srv.blob_dir)
    status, hdrs, payload = send_it()
    assert status == 413, payload[:300]
    assert hdrs.get("content-type", "").startswith("application/problem+json")
    problem = json.loads(payload)
    assert "1 MB" in problem["detail"], problem
    assert snapshot(srv.db) == before
    assert wait_until(lambda: blob_files(srv.blob_dir) == blobs_before, timeout=3), \
        "the refused upload left a file"


def test_upload_over_the_limit_is_413_and_stores_nothing(small_limit):
    c = small_limit.mesa1
    path = f"/api/v1/dossiers/{small_limit.dossier['id']}/attachments?name=grande.pdf"
    headers = {"Authorization": f"Bearer {c.token}", "Content-Type": "application/pdf"}
    assert_413_and_nothing_stored(
        small_limit, lambda: raw_http(small_limit.server.port, "POST", path, headers, BIG_PDF))


def test_upload_over_the_limit_sent_chunked_is_413_and_stores_nothing(small_limit):
    c = small_limit.mesa1
    path = f"/api/v1/dossiers/{small_limit.dossier['id']}/attachments?name=grande.pdf"
    headers = {"Authorization": f"Bearer {c.token}", "Content-Type": "application/pdf",
               "Transfer-Encoding": "chunked", "Content-Length": None}
    assert_413_and_nothing_stored(
        small_limit, lambda: raw_http(small_limit.server.port, "POST", path, headers, chunked(BIG_PDF)))


def test_upload_just_under_the_limit_is_accepted(small_limit):
    srv = small_limit.server
    before = snapshot(srv.db)
    r = small_limit.mesa1.upload(small_limit.dossier["id"], "justo.bin", b"1" * (1024 * 1024 - 1))
    assert r.status == 201, r
    assert r.json["size"] == 1024 * 1024 - 1
    assert snapshot(srv.db)["attachment"] == before["attachment"] + 1


def chunked(body: bytes, size: int = 64 * 1024) -> bytes:
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"
