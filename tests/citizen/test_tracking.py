"""Public tracking: "who has my file, since when", for anyone holding the receipt's link
(QR) or its code and PIN, without an account.

Issue 5: "a wrong PIN is refused and repeated guesses get 429; a reserved dossier's tracking
page shows no summary". API.md: `GET /api/v1/public/tracking/{token}`,
`POST /api/v1/public/tracking` (`{"code","pin"}`), `GET /t/{token}` (HTML without
JavaScript); "failed ... wrong tracking PINs, per account or code and per client address
(e.g. 5 failures in 15 minutes, then 429 with Retry-After)"; PRODUCT.md: "reserved
dossiers ... their public tracking shows only code, state and dates".
The OpenAPI document adds: the same 404 "whether the code does not exist or the PIN is
wrong, and takes the same time"; 429 after 5 failures for a code or 20 for an address; 429
after 20 unknown tokens from one address; never an internal annotation or a staff name.

One server for the module, started with `--trusted-proxy 127.0.0.1`: every test speaks
from its own client address (X-Forwarded-For), and every test that guesses PINs guesses
at its own dossier, so the throttles of one test never reach another.
"""

from __future__ import annotations

import itertools
import json
import statistics
import time
import urllib.parse

import pytest

from citizen_steps import Citizen, Staff, applicant, assert_problem, html, in_tray, submission
from sige_client import Client, Demo, Server, init_demo, receive, register, send, start_demo, stop_checked

BAD_CODE_OR_PIN = "No encontramos un expediente con ese número y PIN. Revise ambos datos del cargo."
BAD_LINK = "El enlace de seguimiento no es válido."
GDU = "Gerencia de Desarrollo Urbano"
STAFF_NAMES = ("María Quispe Huamán", "Quispe", "Jorge Ramírez", "Ramírez Salazar", "mesa1", "oficina1")


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_demo(tmp_path_factory, "seguimiento", "--trusted-proxy", "127.0.0.1")
    yield srv
    stop_checked(srv)


@pytest.fixture(scope="module")
def mesa1(staff):
    return staff["mesa1"]


_addresses = itertools.count(1)


def new_address() -> str:
    n = next(_addresses)
    return f"10.77.{n // 250}.{n % 250 + 1}"


@pytest.fixture
def person(server):
    """Someone at the tracking page, at an address of their own."""
    c = Citizen(server, new_address())
    yield c
    c.close()


def someone_else(server) -> Citizen:
    return Citizen(server, new_address())


@pytest.fixture
def dossier(mesa1, demo):
    """A dossier just registered at the desk: its code, PIN and tracking token are on the
    receipt the applicant took home."""
    return register(mesa1, demo.type("SOLGEN"), summary="Solicito copia certificada de partida",
                    applicant=applicant())


def wrong(pin: str) -> str:
    return f"{(int(pin) + 1) % 1_000_000:06d}"


def form_post(who: Citizen, code: str, pin: str):
    return who.post("/t", raw=urllib.parse.urlencode({"code": code, "pin": pin}),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})


def retry_after(r) -> int:
    seconds = int(r.headers["retry-after"])
    assert 0 < seconds <= 15 * 60, r.headers
    return seconds


# --------------------------------------------------------------------------- code and PIN


def test_the_right_code_and_pin_give_the_tracking_and_its_token(person, dossier):
    r = person.track_by_code(dossier["code"], dossier["pin"])
    assert r.status == 200, r
    t = r.json
    assert t["tracking_token"] == dossier["tracking_token"]
    assert t["code"] == dossier["code"]
    assert t["state"] == dossier["state"] == "registered"
    assert t["reserved"] is False
    assert t["summary"] == "Solicito copia certificada de partida"
    assert t["custody_unit"] == {"name": "Mesa de Partes"}
    assert t["since"] and t["overdue"] is False
    assert [(e["action"], e["unit"]) for e in t["events"]] == [("registered", "Mesa de Partes")]
    # The token leads on to the link's data and page.
    assert person.track(t["tracking_token"]).json["code"] == dossier["code"]
    assert dossier["code"] in html(person.page(t["tracking_token"]))


def test_a_wrong_pin_and_an_unknown_code_get_the_same_404(person, dossier):
    bad_pin = person.track_by_code(dossier["code"], wrong(dossier["pin"]))
    no_code = person.track_by_code("987654-2026", dossier["pin"])
    for r in (bad_pin, no_code):
        assert_problem(r, 404)
        assert r.json["detail"] == BAD_CODE_OR_PIN
    assert bad_pin.json == no_code.json, "the answer tells whether the code exists"
    assert bad_pin.headers["content-type"] == no_code.headers["content-type"]
    assert bad_pin.body == no_code.body


def test_code_and_pin_are_both_required(person):
    assert_problem(person.post("/api/v1/public/tracking", {"code": "1-2026"}), 422, "pin")
    assert_problem(person.post("/api/v1/public/tracking", {"pin": "123456"}), 422, "code")
    r = person.post("/api/v1/public/tracking", raw=b'{"code":', headers={"Content-Type": "application/json"})
    assert_problem(r, 400)


def test_five_wrong_pins_for_a_code_lock_it_even_with_the_right_pin(server, dossier, mesa1, demo):
    # Five guesses, each from another address: only the limit per code is at play.
    for _ in range(5):
        r = someone_else(server).track_by_code(dossier["code"], wrong(dossier["pin"]))
        assert_problem(r, 404)
    owner = someone_else(server)
    r = owner.track_by_code(dossier["code"], dossier["pin"])
    assert_problem(r, 429)
    retry_after(r)
    r = form_post(owner, dossier["code"], dossier["pin"])
    assert r.status == 429, r
    retry_after(r)
    assert "<form" in html(r)
    # The lock is on that code: another dossier's pair still works from the same address...
    other = register(mesa1, demo.type("SOLGEN"))
    assert owner.track_by_code(other["code"], other["pin"]).status == 200
    # ... and the receipt's link (a 128-bit secret, not a guess) still opens the page.
    assert owner.track(dossier["tracking_token"]).status == 200


def test_twenty_failures_from_one_address_lock_that_address(server, dossier):
    guesser = someone_else(server)
    for n in range(20):  # each at another code: only the limit per address is at play
        assert_problem(guesser.track_by_code(f"{700000 + n}-2026", "000000"), 404)
    r = guesser.track_by_code(dossier["code"], dossier["pin"])
    assert_problem(r, 429)
    retry_after(r)
    # Someone else, elsewhere, is not slowed down.
    assert someone_else(server).track_by_code(dossier["code"], dossier["pin"]).status == 200


def test_x_forwarded_for_is_believed_only_from_the_trusted_proxy(server, dossier):
    # 127.0.0.2 is not the trusted proxy: what it claims in X-Forwarded-For is ignored, so
    # changing the claim at each guess does not escape the limit per address.
    liar = Client(server.port, source="127.0.0.2")
    for n in range(20):
        r = liar.post("/api/v1/public/tracking", {"code": f"{800000 + n}-2026", "pin": "000000"},
                      headers={"X-Forwarded-For": new_address()})
        assert_problem(r, 404)
    r = liar.post("/api/v1/public/tracking", {"code": dossier["code"], "pin": dossier["pin"]},
                  headers={"X-Forwarded-For": new_address()})
    assert_problem(r, 429)
    liar.close()


# --------------------------------------------------------------------------- the HTML form


def test_the_html_form_leads_to_the_tracking_page(server, person, dossier):
    r = person.get("/t")
    assert r.status == 200, r
    page = html(r)
    assert '<form method="post" action="/t"' in page
    assert 'name="code"' in page and 'name="pin"' in page
    assert "<script" not in page.lower()

    r = form_post(person, dossier["code"], dossier["pin"])
    assert r.status == 303, r
    assert r.headers["location"] == f"/t/{dossier['tracking_token']}"
    r = person.get(r.headers["location"])
    assert r.status == 200 and dossier["code"] in html(r)


def test_the_html_form_with_a_wrong_pair_says_so(person, dossier):
    for code, pin in ((dossier["code"], wrong(dossier["pin"])), ("987654-2026", dossier["pin"])):
        r = form_post(person, code, pin)
        assert r.status == 404, r
        page = html(r)
        assert BAD_CODE_OR_PIN in page
        assert f'value="{code}"' in page  # the code stays typed; the PIN does not
        assert dossier["pin"] not in page and "location" not in r.headers


def test_the_html_form_shows_what_was_typed_as_text_not_markup(person):
    r = form_post(person, '"><script>alert(1)</script>', "123456")
    assert r.status == 404, r
    page = html(r)
    assert "<script" not in page.lower()
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page


def test_the_code_is_found_as_people_type_it(mesa1, demo, person):
    d = register(mesa1, demo.type("SOLGEN"), letters="gsc")
    assert d["code"].endswith("-GSC-" + d["code"].split("-")[-1]), d["code"]
    assert person.track_by_code(d["code"].lower(), d["pin"]).status == 200
    assert person.track_by_code(f" {d['code']} ", d["pin"]).status == 200
    assert form_post(person, f"{d['code'].lower()} ", d["pin"]).status == 303


# --------------------------------------------------------------------------- the link


def test_an_unknown_link_is_404_in_json_and_html(person):
    r = person.track("esteEnlaceNoExiste0123")
    assert_problem(r, 404)
    assert r.json["detail"] == BAD_LINK
    r = person.page("esteEnlaceNoExiste0123")
    assert r.status == 404
    page = html(r)
    assert BAD_LINK in page and '<form method="post" action="/t"' in page


def test_many_unknown_links_from_one_address_get_429(server, dossier):
    prober = someone_else(server)
    for n in range(20):
        r = prober.track(f"adivinanza{n:04d}") if n % 2 else prober.page(f"adivinanza{n:04d}")
        assert r.status == 404, r
    r = prober.track("adivinanza9999")
    assert_problem(r, 429)
    retry_after(r)
    r = prober.page("adivinanza9999")
    assert r.status == 429 and "<form" in html(r)
    retry_after(r)
    # Others are not affected.
    other = someone_else(server)
    assert other.track("adivinanza9999").status == 404
    assert other.track(dossier["tracking_token"]).status == 200


# --------------------------------------------------------------------------- confidentiality


def public_views(who: Citizen, d: dict) -> list[str]:
    """Everything the public sees of a dossier: JSON by link, JSON by code + PIN, the page."""
    by_link = who.track(d["tracking_token"])
    by_code = who.track_by_code(d["code"], d["pin"])
    page = who.page(d["tracking_token"])
    assert by_link.status == by_code.status == page.status == 200, (by_link, by_code, page)
    return [json.dumps(by_link.json, ensure_ascii=False), json.dumps(by_code.json, ensure_ascii=False), html(page)]


def assert_never_shown(views: list[str], secrets) -> None:
    for view in views:
        for secret in secrets:
            assert secret not in view, f"{secret!r} is shown to the public:\n{view[:2000]}"


ANNOTATION = "Nota interna: el denunciante pidió que no se revele su identidad"
TRANSFER_NOTES = "Revisar antecedentes con la asesoría jurídica antes de responder"


def moved_with_notes(staff, demo, d):
    """Annotated, sent to Desarrollo Urbano with internal notes, received there."""
    staff["mesa1"].ok("POST", f"/api/v1/dossiers/{d['id']}/annotations", {"text": ANNOTATION}, expect=201)
    t = send(staff["mesa1"], d["id"], demo.unit("GDU"), "opinion", notes=TRANSFER_NOTES)
    return receive(staff["oficina1"], t["id"])


def test_a_reserved_dossier_shows_only_code_state_and_dates(staff, demo, person):
    summary = "Denuncia por cobros indebidos en la ventanilla de licencias"
    d = register(staff["mesa1"], demo.type("DENUNC"), summary=summary, reserved=True, applicant=applicant())
    received = moved_with_notes(staff, demo, d)

    t = person.track(d["tracking_token"]).json
    assert t["code"] == d["code"] and t["reserved"] is True
    assert t["state"] == staff["mesa1"].ok("GET", f"/api/v1/dossiers/{d['id']}")["state"]
    assert t["since"] == received["received_at"]
    assert "summary" not in t or not t["summary"], t
    assert t["custody_unit"] is None
    assert [e["action"] for e in t["events"]] == ["registered", "sent", "received"]
    assert all(e["unit"] is None and e["at"] for e in t["events"]), t["events"]
    assert person.track_by_code(d["code"], d["pin"]).json["custody_unit"] is None

    page = html(person.page(d["tracking_token"]))
    since = received["received_at"]  # 2026-11-21T10:02:11-05:00 -> 21/11/2026 10:02
    for shown in (d["code"], "En trámite", f"{since[8:10]}/{since[5:7]}/{since[:4]} {since[11:16]}"):
        assert shown in page, shown
    views = public_views(person, d)
    assert_never_shown(views, [summary, "Mesa de Partes", GDU, ANNOTATION, TRANSFER_NOTES, *STAFF_NAMES])


def test_an_installation_may_name_its_officials_but_never_on_reserved_dossiers(tmp_path):
    """Issue 5: "no staff name unless configured, ever": `--tracking-staff-names`."""
    data = tmp_path / "data"
    init_demo(data)
    srv = Server(data, "--tracking-staff-names").start()
    crew, person = Staff(srv), Citizen(srv)
    try:
        demo = Demo.load(crew["admin"])
        clerk = crew["mesa1"].ok("GET", "/api/v1/me")["user"]["name"]
        official = crew["oficina1"].ok("GET", "/api/v1/me")["user"]["name"]

        d = register(crew["mesa1"], demo.type("SOLGEN"), summary="Solicito constancia", applicant=applicant())
        moved_with_notes(crew, demo, d)
        events = {e["action"]: e for e in person.track(d["tracking_token"]).json["events"]}
        assert events["registered"]["staff"] == clerk
        assert events["sent"]["staff"] == clerk
        assert events["received"]["staff"] == official
        assert official in html(person.page(d["tracking_token"]))
        assert_never_shown(public_views(person, d), [ANNOTATION, TRANSFER_NOTES])

        r = register(crew["mesa1"], demo.type("DENUNC"), summary="Denuncia", reserved=True, applicant=applicant())
        moved_with_notes(crew, demo, r)
        assert all(e["staff"] is None for e in person.track(r["tracking_token"]).json["events"])
        assert_never_shown(public_views(person, r), [clerk, official])
    finally:
        person.close()
        crew.close()
        assert srv.stop() == 0


def test_the_public_never_sees_annotations_staff_names_or_the_applicants_data(staff, demo, person):
    who = applicant(name="Óscar Huamaní Llactahuamán", id_number="47118230", phone="+51 955 700 321",
                    address="Calle Los Cedros 345, Magdalena")
    d = register(staff["mesa1"], demo.type("SOLGEN"), summary="Solicito constancia de posesión", applicant=who)
    moved_with_notes(staff, demo, d)

    views = public_views(person, d)
    for view in views:  # what the public may know
        assert "Solicito constancia de posesión" in view and GDU in view
    assert_never_shown(views, [ANNOTATION, TRANSFER_NOTES, *STAFF_NAMES,
                               who["name"], who["id_number"], who["email"], who["phone"], who["address"]])
    assert all(e["staff"] is None for e in person.track(d["tracking_token"]).json["events"])
    # The desk, of course, sees who filed it.
    assert staff["mesa1"].ok("GET", f"/api/v1/dossiers/{d['id']}")["applicant"]["name"] == who["name"]


def test_the_desks_tray_shows_the_applicant_and_the_public_tracking_does_not(server, staff, demo, person):
    who = dict(name="Wilfredo Ccahuana Quispecondori", id_type="RUC", id_number="20131312955",
               phone="+51 984 111 222", address="Av. Los Incas 901, Wanchaq")
    filed = person.file(submission(demo.type("RECLAM"), summary="Reclamo por cobro de arbitrios", **who))
    email = filed.body["applicant"]["email"]
    item = in_tray(staff["mesa1"], filed.id)
    assert item["applicant"]["name"] == who["name"] and item["applicant"]["id_number"] == who["id_number"]
    assert item["applicant"]["email"] == email and item["applicant"]["address"] == who["address"]

    secrets = [who["name"], who["id_number"], email, who["phone"], who["address"]]
    t = person.track(filed.tracking_token)
    assert t.status == 200 and t.json["state"] == "submitted"
    assert_never_shown([json.dumps(t.json, ensure_ascii=False), html(person.page(filed.tracking_token))], secrets)

    staff["mesa1"].ok("POST", f"/api/v1/submissions/{filed.id}/observe",
                      {"reason": "Adjunte la copia del recibo de arbitrios.", "deadline": "2099-12-31"})
    observed = person.track(filed.tracking_token).json
    assert observed["state"] == "observed"
    assert_never_shown([json.dumps(observed, ensure_ascii=False), html(person.page(filed.tracking_token))],
                       [*secrets, *STAFF_NAMES])


# --------------------------------------------------------------------------- timing


def test_the_answer_takes_as_long_whether_the_code_exists_or_not(server, staff, demo):
    """An unknown code and a known code with a wrong PIN must not be told apart by the time
    the answer takes (otherwise timing reveals which codes exist).

    The bound is loose on purpose: on a loopback socket the noise of a shared, busy test
    machine (two cores, other builds, the database's commit of the failure record on SQLite
    or PostgreSQL) is of a few milliseconds. What it catches is a different path, e.g.
    hashing or comparing the PIN only for codes that exist, loading the dossier's history
    before checking the PIN, or a sleep on one side only: those cost tens of milliseconds
    or more. Medians of interleaved requests keep one slow moment from deciding."""
    # Four dossiers to guess at, at most four wrong PINs each, so the limit per code (5)
    # never answers 429 instead; each request from its own address for the limit per address.
    targets = [register(staff["mesa1"], demo.type("SOLGEN")) for _ in range(4)]
    year = targets[0]["code"].split("-")[-1]
    http = Client(server.port)

    def timed(code: str, pin: str) -> float:
        started = time.perf_counter()
        r = http.post("/api/v1/public/tracking", {"code": code, "pin": pin},
                      headers={"X-Forwarded-For": new_address()})
        elapsed = time.perf_counter() - started
        assert r.status == 404 and r.json["detail"] == BAD_CODE_OR_PIN, r
        return elapsed

    for n in range(3):  # warm up the connection and the server's caches
        timed(f"{600000 + n}-{year}", "000000")
    unknown, known = [], []
    for n in range(15):
        target = targets[n % len(targets)]
        unknown.append(timed(f"{500000 + n}-{year}", "000000"))
        known.append(timed(target["code"], wrong(target["pin"])))
    http.close()
    difference_ms = abs(statistics.median(unknown) - statistics.median(known)) * 1000
    assert difference_ms < 20, (f"median {statistics.median(unknown) * 1000:.1f} ms for unknown codes, "
                                f"{statistics.median(known) * 1000:.1f} ms for known codes with a wrong PIN")
