"""Reserved dossiers and the access scope (PRODUCT.md "Access scope", API.md "Scope rules"):
a reserved dossier is invisible outside its route — 404, as if it did not exist — while a
public one outside the route is 403; the route grows with each transfer; the global query
shows public dossiers from elsewhere with limited data and never reserved ones; ADMIN and
AUTHORITY see everything; the tracking token and PIN are for the registering unit and ADMIN.
"""

from __future__ import annotations

import uuid

import pytest

from sige_client import assert_problem, receive, register, send


def word() -> str:
    return "r" + uuid.uuid4().hex[:10]


@pytest.fixture(scope="module")
def solgen(demo):
    return demo.type("SOLGEN")


@pytest.fixture(scope="module")
def gdu(demo):
    return demo.unit("GDU")


@pytest.fixture(scope="module")
def reserved(users, solgen):
    """A reserved dossier registered at mesa1's desk, with an attachment and a note."""
    mesa1 = users["mesa1"]
    d = register(mesa1, solgen, reserved=True, summary="Denuncia reservada contra funcionario")
    att = mesa1.upload(d["id"], "denuncia.txt", b"Texto de la denuncia", "text/plain")
    assert att.status == 201, att
    mesa1.ok("POST", f"/api/v1/dossiers/{d['id']}/annotations", {"text": "Confidencial"}, expect=201)
    return {"dossier": d, "attachment": att.json}


def reads_of(dossier_id: int, attachment_id: int) -> list[str]:
    return [
        f"/api/v1/dossiers/{dossier_id}",
        f"/api/v1/dossiers/{dossier_id}/history",
        f"/api/v1/dossiers/{dossier_id}/transfers",
        f"/api/v1/dossiers/{dossier_id}/attachments",
        f"/api/v1/dossiers/{dossier_id}/annotations",
        f"/api/v1/attachments/{attachment_id}/content",
    ]


READ_NAMES = ["dossier", "history", "transfers", "attachments", "annotations", "attachment-content"]


@pytest.mark.parametrize("user", ["mesa2", "oficina1"])
@pytest.mark.parametrize("index", range(len(READ_NAMES)), ids=READ_NAMES)
def test_a_reserved_dossier_is_404_outside_its_route(users, reserved, user, index):
    path = reads_of(reserved["dossier"]["id"], reserved["attachment"]["id"])[index]
    assert_problem(users[user].get(path), 404)


def test_the_404_of_a_reserved_dossier_says_the_same_as_for_one_that_does_not_exist(users, reserved):
    mesa2 = users["mesa2"]
    hidden = mesa2.get(f"/api/v1/dossiers/{reserved['dossier']['id']}")
    missing = mesa2.get("/api/v1/dossiers/987654321")
    assert hidden.status == missing.status == 404
    assert hidden.json["detail"] == missing.json["detail"]
    assert hidden.json["title"] == missing.json["title"]


@pytest.mark.parametrize("user", ["mesa1", "carga1", "consulta1", "admin", "autoridad1"])
@pytest.mark.parametrize("index", range(len(READ_NAMES)), ids=READ_NAMES)
def test_a_reserved_dossier_is_visible_on_its_route_and_to_admin_and_authority(users, reserved, user, index):
    path = reads_of(reserved["dossier"]["id"], reserved["attachment"]["id"])[index]
    r = users[user].get(path)
    assert r.status == 200, r


def test_a_reserved_dossier_is_writable_by_nobody_outside_its_route(users, reserved, gdu):
    d = reserved["dossier"]["id"]
    mesa2 = users["mesa2"]
    assert_problem(mesa2.patch(f"/api/v1/dossiers/{d}", {"summary": "Intento"}), 404)
    assert_problem(mesa2.post(f"/api/v1/dossiers/{d}/annotations", {"text": "Intento"}), 404)
    assert_problem(mesa2.upload(d, "x.txt", b"x", "text/plain"), 404)


@pytest.mark.parametrize("user", ["mesa2", "oficina1"])
def test_a_public_dossier_outside_the_route_is_403_not_404(users, solgen, user):
    d = register(users["mesa1"], solgen, summary="Expediente público de la mesa")
    for path in (f"/api/v1/dossiers/{d['id']}", f"/api/v1/dossiers/{d['id']}/history",
                 f"/api/v1/dossiers/{d['id']}/transfers", f"/api/v1/dossiers/{d['id']}/attachments"):
        assert_problem(users[user].get(path), 403)


def test_a_reserved_dossier_becomes_visible_to_the_unit_it_is_sent_to(users, solgen, gdu):
    mesa1, oficina1 = users["mesa1"], users["oficina1"]
    d = register(mesa1, solgen, reserved=True)
    assert_problem(oficina1.get(f"/api/v1/dossiers/{d['id']}"), 404)
    t = send(mesa1, d["id"], gdu)
    # Visible from the moment it is on its way, so the office can receive it.
    assert oficina1.get(f"/api/v1/dossiers/{d['id']}").status == 200
    receive(oficina1, t["id"])
    assert oficina1.get(f"/api/v1/dossiers/{d['id']}").status == 200
    assert oficina1.get(f"/api/v1/dossiers/{d['id']}/history").status == 200
    # Still hidden from everyone else outside the route.
    assert_problem(users["mesa2"].get(f"/api/v1/dossiers/{d['id']}"), 404)


def test_a_reverted_transfer_takes_the_unit_off_the_route(users, solgen, gdu):
    mesa1, oficina1, admin = users["mesa1"], users["oficina1"], users["admin"]
    d = register(mesa1, solgen, reserved=True)
    t = send(mesa1, d["id"], gdu)
    assert oficina1.get(f"/api/v1/dossiers/{d['id']}").status == 200
    admin.ok("POST", f"/api/v1/transfers/{t['id']}/revert", {"reason": "No debía ir a esa unidad"})
    assert_problem(oficina1.get(f"/api/v1/dossiers/{d['id']}"), 404)


def test_a_transfer_across_organisations_puts_the_other_desk_on_the_route(users, solgen, demo):
    mesa1, mesa2 = users["mesa1"], users["mesa2"]
    d = register(mesa1, solgen, reserved=True)
    assert_problem(mesa2.get(f"/api/v1/dossiers/{d['id']}"), 404)
    t = send(mesa1, d["id"], demo.unit("TD", 2))
    receive(mesa2, t["id"])
    assert mesa2.get(f"/api/v1/dossiers/{d['id']}").json["custody_unit_id"] == demo.unit("TD", 2)


# --------------------------------------------------------------------------- search


def search(client, **params):
    r = client.get("/api/v1/dossiers", params=params)
    assert r.status == 200, r
    return r.json["items"]


def test_ordinary_search_stays_within_the_scope(users, solgen):
    w = word()
    d = register(users["mesa1"], solgen, summary=f"Alcance {w}")
    assert [x["id"] for x in search(users["mesa1"], q=w)] == [d["id"]]
    assert search(users["mesa2"], q=w) == []
    assert search(users["oficina1"], q=w) == []


def test_global_search_shows_public_dossiers_from_elsewhere_with_limited_data(users, solgen):
    w = word()
    d = register(users["mesa1"], solgen, summary=f"Global {w}", instrument_number="CARTA-77")
    found = search(users["mesa2"], q=w, **{"global": "true"})
    assert [x["id"] for x in found] == [d["id"]]
    item = found[0]
    assert item["code"] == d["code"]
    assert item["state"] == d["state"]
    assert item["custody_unit_id"] == d["custody_unit_id"], "global query says where it is"
    assert "tracking_token" not in item and "pin" not in item
    assert "instrument_number" not in item
    assert item["applicant"] is None or not {"email", "phone", "address"} & set(item["applicant"])
    assert item["allowed_actions"] == []


def test_global_search_never_shows_reserved_dossiers(users, solgen):
    w = word()
    d = register(users["mesa1"], solgen, summary=f"Secreto {w}", reserved=True)
    for user in ("mesa2", "oficina1"):
        assert search(users[user], q=w, **{"global": "true"}) == []
        assert search(users[user], q=d["code"], **{"global": "true"}) == []


def test_global_search_keeps_full_data_for_dossiers_on_the_route(users, solgen):
    w = word()
    d = register(users["mesa1"], solgen, summary=f"Propio {w}")
    found = search(users["mesa1"], q=w, **{"global": "true"})
    assert [x["id"] for x in found] == [d["id"]]
    assert found[0]["applicant"]["email"] == d["applicant"]["email"]
    assert "edit" in found[0]["allowed_actions"]


@pytest.mark.parametrize("user", ["admin", "autoridad1"])
def test_admin_and_authority_see_every_dossier_reserved_included(users, solgen, demo, user):
    w = word()
    lima = register(users["mesa1"], solgen, summary=f"Todo {w}", reserved=True)
    cusco = register(users["mesa2"], demo.type("SOLGEN", 2), summary=f"Todo {w}", reserved=True)
    ids = {x["id"] for x in search(users[user], q=w)}
    assert ids == {lima["id"], cusco["id"]}
    for d in (lima, cusco):
        r = users[user].get(f"/api/v1/dossiers/{d['id']}")
        assert r.status == 200
        assert r.json["applicant"]["email"], "full data, not the limited global view"


# --------------------------------------------------------------------------- tracking secrets


def test_tracking_token_and_pin_are_shown_to_the_registering_unit_and_admin_only(users, solgen, gdu):
    mesa1 = users["mesa1"]
    d = register(mesa1, solgen)
    receive(users["oficina1"], send(mesa1, d["id"], gdu)["id"])
    for user in ("mesa1", "admin"):
        got = users[user].get(f"/api/v1/dossiers/{d['id']}").json
        assert got["tracking_token"] == d["tracking_token"], user
        assert got["pin"] == d["pin"], user
    for user in ("oficina1", "autoridad1"):
        got = users[user].get(f"/api/v1/dossiers/{d['id']}").json
        assert "tracking_token" not in got and "pin" not in got, user
    listed = search(users["oficina1"], q=d["code"])
    assert listed and all("pin" not in x and "tracking_token" not in x for x in listed)


def test_the_desk_an_office_registers_for_also_sees_the_tracking_secrets(users, solgen):
    d = register(users["oficina1"], solgen)
    assert d["tracking_token"] and d["pin"], "the answer that creates it carries them"
    got = users["mesa1"].get(f"/api/v1/dossiers/{d['id']}").json
    assert got["tracking_token"] == d["tracking_token"]
    assert got["pin"] == d["pin"]


def test_tracking_secrets_never_appear_in_transfers_or_history(users, solgen, gdu):
    mesa1 = users["mesa1"]
    d = register(mesa1, solgen)
    send(mesa1, d["id"], gdu)
    for path in (f"/api/v1/dossiers/{d['id']}/transfers", "/api/v1/inbox",
                 f"/api/v1/dossiers/{d['id']}/history"):
        for user in ("oficina1", "autoridad1"):
            r = users[user].get(path)
            assert r.status == 200, (path, r)
            assert d["tracking_token"] not in r.body.decode(), (user, path)
