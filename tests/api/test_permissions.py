"""Who may do what: the whole profile x action matrix (PRODUCT.md "Who uses it",
src/domain/access_policy.cpp), asserted cell by cell through the API.

Demo users and where they work (API.md "Demo data"):

    admin       ADMIN      no unit: everything, everywhere
    mesa1       DESK       Mesa de Partes (MP), main desk of organisation 1
    oficina1    OFFICE     Gerencia de Desarrollo Urbano (GDU), organisation 1
    carga1      LOADER     MP
    consulta1   VIEWER     MP
    autoridad1  AUTHORITY  Alcaldía (ALC), organisation 1: reads everything, changes nothing
    mesa2       DESK       Trámite Documentario (TD), main desk of organisation 2

Situations of the dossier acted on, relative to the acting user:

    own        in the custody of the user's own unit, with WRITE (for a reception: a
               transfer addressed to the user's unit)
    sent_on    on the user's route (registered there) but now held by another unit (for a
               reception: a transfer from the user's unit addressed to another one)
    outside    public, never in the user's unit
    reserved   reserved, never in the user's unit (it must look as if it did not exist)

In the tables, "ok" is the action's success status, 403 forbidden, 404 not found.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from sige_client import assert_problem, receive, register, send

USERS = ("admin", "mesa1", "oficina1", "carga1", "consulta1", "autoridad1", "mesa2")

# The unit each user works in ("own"); admin has none and acts on the main desk's dossiers.
HOME = {"admin": "MP", "mesa1": "MP", "carga1": "MP", "consulta1": "MP",
        "oficina1": "GDU", "autoridad1": "ALC", "mesa2": "TD"}
ORG_OF_UNIT = {"MP": 1, "GDU": 1, "ALC": 1, "TD": 2, "GGR": 2}
# Where a dossier held by a unit goes when it is "sent on".
ELSEWHERE = {"MP": "GDU", "GDU": "MP", "ALC": "GDU", "TD": "GGR", "GGR": "TD"}

OK = {
    "read": 200, "edit": 200, "transfer": 201, "receive": 200, "archive": 200,
    "unarchive": 200, "request_annulment": 200, "annul": 200, "revert": 200,
    "upload": 201, "annotate": 201, "remove_others_annotation": 204,
}

#                                          admin mesa1 oficina1 carga1 consulta1 autoridad1 mesa2
MATRIX = {
    ("read", "own"):                        "ok    ok    ok       ok     ok        ok         ok",
    ("read", "sent_on"):                    "ok    ok    ok       ok     ok        ok         ok",
    ("read", "outside"):                    "ok    403   403      403    403       ok         403",
    ("read", "reserved"):                   "ok    404   404      404    404       ok         404",

    ("edit", "own"):                        "ok    ok    ok       403    403       403        ok",
    ("edit", "sent_on"):                    "ok    403   403      403    403       403        403",
    ("edit", "outside"):                    "ok    403   403      403    403       403        403",
    ("edit", "reserved"):                   "ok    404   404      404    404       403        404",

    ("transfer", "own"):                    "ok    ok    ok       403    403       403        ok",
    ("transfer", "sent_on"):                "ok    403   403      403    403       403        403",
    ("transfer", "outside"):                "ok    403   403      403    403       403        403",
    ("transfer", "reserved"):               "ok    404   404      404    404       403        404",

    ("receive", "own"):                     "ok    ok    ok       403    403       403        ok",
    ("receive", "sent_on"):                 "ok    403   403      403    403       403        403",
    ("receive", "outside"):                 "ok    403   403      403    403       403        403",
    ("receive", "reserved"):                "ok    404   404      404    404       403        404",

    ("archive", "own"):                     "ok    ok    ok       403    403       403        ok",
    ("archive", "sent_on"):                 "ok    403   403      403    403       403        403",
    ("archive", "outside"):                 "ok    403   403      403    403       403        403",
    ("archive", "reserved"):                "ok    404   404      404    404       403        404",

    ("unarchive", "own"):                   "ok    ok    ok       403    403       403        ok",
    ("unarchive", "sent_on"):               "ok    403   403      403    403       403        403",
    ("unarchive", "outside"):               "ok    403   403      403    403       403        403",
    ("unarchive", "reserved"):              "ok    404   404      404    404       403        404",

    ("request_annulment", "own"):           "ok    ok    ok       403    403       403        ok",
    ("request_annulment", "sent_on"):       "ok    403   403      403    403       403        403",
    ("request_annulment", "outside"):       "ok    403   403      403    403       403        403",
    ("request_annulment", "reserved"):      "ok    404   404      404    404       403        404",

    ("annul", "own"):                       "ok    403   403      403    403       403        403",
    ("annul", "sent_on"):                   "ok    403   403      403    403       403        403",
    ("annul", "outside"):                   "ok    403   403      403    403       403        403",
    ("annul", "reserved"):                  "ok    404   404      404    404       403        404",

    # Revert is ADMIN's alone, whatever the transfer: refused before anything is looked up.
    ("revert", "own"):                      "ok    403   403      403    403       403        403",
    ("revert", "sent_on"):                  "ok    403   403      403    403       403        403",
    ("revert", "outside"):                  "ok    403   403      403    403       403        403",
    ("revert", "reserved"):                 "ok    403   403      403    403       403        403",

    ("upload", "own"):                      "ok    ok    ok       ok     403       403        ok",
    ("upload", "sent_on"):                  "ok    403   403      403    403       403        403",
    ("upload", "outside"):                  "ok    403   403      403    403       403        403",
    ("upload", "reserved"):                 "ok    404   404      404    404       403        404",

    ("annotate", "own"):                    "ok    ok    ok       403    403       403        ok",
    ("annotate", "sent_on"):                "ok    403   403      403    403       403        403",
    ("annotate", "outside"):                "ok    403   403      403    403       403        403",
    ("annotate", "reserved"):               "ok    404   404      404    404       403        404",

    ("remove_others_annotation", "own"):      "ok  403   403      403    403       403        403",
    ("remove_others_annotation", "sent_on"):  "ok  403   403      403    403       403        403",
    ("remove_others_annotation", "outside"):  "ok  403   403      403    403       403        403",
    ("remove_others_annotation", "reserved"): "ok  404   404      404    404       403        404",
}

#                                   admin mesa1 oficina1 carga1 consulta1 autoridad1 mesa2
GLOBAL_MATRIX = {
    "register":                     "201   201   201      403    403       403        201",
    "list_users":                   "200   403   403      403    403       403        403",
    "create_user":                  "201   403   403      403    403       403        403",
    "edit_user":                    "200   403   403      403    403       403        403",
    "create_dossier_type":          "201   403   403      403    403       403        403",
    "global_search":                "200   200   200      403    403       200        200",
}


def expected(row: str, ok: int) -> dict:
    cells = row.split()
    assert len(cells) == len(USERS), row
    return {u: ok if c == "ok" else int(c) for u, c in zip(USERS, cells)}


def cases():
    for (action, situation), row in MATRIX.items():
        for user, status in expected(row, OK[action]).items():
            verdict = "allowed" if status == OK[action] else f"refused-{status}"
            yield pytest.param(action, situation, user, status,
                               id=f"{action}-{situation}-{user}-{verdict}")


def global_cases():
    for action, row in GLOBAL_MATRIX.items():
        for user, status in expected(row, 0).items():
            verdict = "allowed" if status < 400 else f"refused-{status}"
            yield pytest.param(action, user, status, id=f"{action}-{user}-{verdict}")


# --------------------------------------------------------------------------- building situations


@dataclass
class Placed:
    dossier_id: int
    unit: str    # code of the unit that holds it
    holder: str  # a user who may act for that unit (its desk/office, or admin)


class World:
    """Builds, through the API, fresh dossiers in each situation."""

    def __init__(self, users, demo):
        self.users = users
        self.demo = demo

    def unit(self, code: str) -> int:
        return self.demo.unit(code, ORG_OF_UNIT[code])

    def at(self, code: str, reserved: bool = False) -> Placed:
        """A fresh dossier in the custody of unit `code`, with WRITE."""
        u = self.users
        if code == "MP":
            d = register(u["mesa1"], self.demo.type("SOLGEN"), reserved=reserved)
            return Placed(d["id"], "MP", "mesa1")
        if code == "GDU":
            d = register(u["oficina1"], self.demo.type("SOLGEN"), reserved=reserved)
            return Placed(d["id"], "GDU", "oficina1")
        if code == "TD":
            d = register(u["mesa2"], self.demo.type("SOLGEN", 2), reserved=reserved)
            return Placed(d["id"], "TD", "mesa2")
        if code == "ALC":
            d = register(u["mesa1"], self.demo.type("SOLGEN"), reserved=reserved)
            receive(u["admin"], send(u["mesa1"], d["id"], self.unit("ALC"))["id"])
            return Placed(d["id"], "ALC", "admin")
        raise ValueError(code)

    def moved_on(self, placed: Placed) -> Placed:
        """The dossier sent from its unit to another one, and received there."""
        dest = ELSEWHERE[placed.unit]
        t = send(self.users[placed.holder], placed.dossier_id, self.unit(dest))
        holder = {"MP": "mesa1", "GDU": "oficina1"}.get(dest, "admin")
        receive(self.users[holder], t["id"])
        return Placed(placed.dossier_id, dest, holder)

    def situation(self, user: str, situation: str) -> Placed:
        home = HOME[user]
        if situation == "own":
            return self.at(home)
        if situation == "sent_on":
            return self.moved_on(self.at(home))
        foreign = "MP" if ORG_OF_UNIT[home] == 2 else "TD"
        return self.at(foreign, reserved=(situation == "reserved"))

    def pending_transfer(self, user: str, situation: str) -> int:
        """A transfer waiting for reception, addressed to the user's unit only when "own"."""
        if situation == "own":
            home = HOME[user]
            source = self.at("GDU" if home == "MP" else "MP")
            return send(self.users[source.holder], source.dossier_id, self.unit(home))["id"]
        if situation == "sent_on":
            placed = self.at(HOME[user])
        else:
            placed = self.situation(user, situation)
        return send(self.users[placed.holder], placed.dossier_id, self.unit(ELSEWHERE[placed.unit]))["id"]


@pytest.fixture(scope="module")
def world(users, demo):
    return World(users, demo)


def unique(prefix: str) -> str:
    return prefix + uuid.uuid4().hex[:8]


# --------------------------------------------------------------------------- the matrix


def act(world: World, action: str, situation: str, user: str):
    """Prepares the situation, then performs `action` as `user`; returns the response."""
    c = world.users[user]
    admin = world.users["admin"]
    if action == "receive":
        return c.post(f"/api/v1/transfers/{world.pending_transfer(user, situation)}/receive")
    placed = world.situation(user, situation)
    d = placed.dossier_id
    if action == "read":
        return c.get(f"/api/v1/dossiers/{d}")
    if action == "edit":
        return c.patch(f"/api/v1/dossiers/{d}", {"summary": "Resumen cambiado en la prueba"})
    if action == "transfer":
        dest = world.unit(ELSEWHERE[placed.unit])
        return c.post(f"/api/v1/dossiers/{d}/transfers", {"to_unit": dest, "action": "attend"})
    if action == "archive":
        return c.post(f"/api/v1/dossiers/{d}/archive")
    if action == "unarchive":
        admin.ok("POST", f"/api/v1/dossiers/{d}/archive")
        return c.post(f"/api/v1/dossiers/{d}/unarchive")
    if action == "request_annulment":
        return c.post(f"/api/v1/dossiers/{d}/annulment-request", {"reason": "Registro duplicado"})
    if action == "annul":
        return c.post(f"/api/v1/dossiers/{d}/annul", {"reason": "Registro duplicado"})
    if action == "revert":
        dest = world.unit(ELSEWHERE[placed.unit])
        t = send(admin, d, dest)
        return c.post(f"/api/v1/transfers/{t['id']}/revert", {"reason": "Destino equivocado"})
    if action == "upload":
        return c.upload(d, "escrito.txt", "Escrito del administrado\n".encode(), "text/plain")
    if action == "annotate":
        return c.post(f"/api/v1/dossiers/{d}/annotations", {"text": "Nota interna de prueba"})
    if action == "remove_others_annotation":
        author = placed.holder if placed.holder != user else "admin"
        assert author != user
        note = world.users[author].ok("POST", f"/api/v1/dossiers/{d}/annotations",
                                      {"text": "Nota de otra persona"}, expect=201)
        return c.delete(f"/api/v1/annotations/{note['id']}")
    raise ValueError(action)


@pytest.mark.parametrize("action, situation, user, status", list(cases()))
def test_dossier_action(world, action, situation, user, status):
    r = act(world, action, situation, user)
    if status >= 400:
        assert_problem(r, status)
    else:
        assert r.status == status, r


def test_a_refused_action_changes_nothing(world):
    """Spot check of the matrix's refusals: the dossier is as it was."""
    placed = world.situation("carga1", "own")
    before = world.users["admin"].get(f"/api/v1/dossiers/{placed.dossier_id}").json
    c = world.users["carga1"]
    assert c.patch(f"/api/v1/dossiers/{placed.dossier_id}", {"summary": "No debería cambiar"}).status == 403
    assert c.post(f"/api/v1/dossiers/{placed.dossier_id}/archive").status == 403
    after = world.users["admin"].get(f"/api/v1/dossiers/{placed.dossier_id}").json
    assert after["summary"] == before["summary"]
    assert after["state"] == before["state"]
    assert after["updated_at"] == before["updated_at"]


def test_authors_remove_their_own_annotations(world):
    placed = world.at("MP")
    c = world.users["mesa1"]
    note = c.ok("POST", f"/api/v1/dossiers/{placed.dossier_id}/annotations", {"text": "Mía"}, expect=201)
    assert c.delete(f"/api/v1/annotations/{note['id']}").status == 204
    listed = c.get(f"/api/v1/dossiers/{placed.dossier_id}/annotations").json["items"]
    assert note["id"] not in [n["id"] for n in listed]
    assert "annotation.removed" in [e["action"] for e in
                                    c.get(f"/api/v1/dossiers/{placed.dossier_id}/history").json["items"]]


# --------------------------------------------------------------------------- what the UI offers


BUTTONS = ("edit", "transfer", "archive", "request_annulment", "annul", "upload", "annotate")


def readable_cells():
    for situation in ("own", "sent_on", "outside", "reserved"):
        for user, status in expected(MATRIX[("read", situation)], 200).items():
            if status == 200:
                yield pytest.param(user, situation, id=f"{situation}-{user}")


@pytest.mark.parametrize("user, situation", list(readable_cells()))
def test_allowed_actions_offer_exactly_what_the_matrix_allows(world, user, situation):
    placed = world.situation(user, situation)
    r = world.users[user].get(f"/api/v1/dossiers/{placed.dossier_id}")
    assert r.status == 200, r
    offered = set(r.json["allowed_actions"])
    for button in BUTTONS:
        allowed = expected(MATRIX[(button, situation)], OK[button])[user] == OK[button]
        assert (button in offered) == allowed, f"{button}: offered={sorted(offered)}"


# --------------------------------------------------------------------------- the rest


def global_act(world: World, action: str, user: str):
    c = world.users[user]
    demo = world.demo
    if action == "register":
        org = 2 if user == "mesa2" else 1
        body = {"type_id": demo.type("SOLGEN", org), "summary": "Solicitud de prueba de permisos",
                "origin": "external",
                "applicant": {"name": "Ana Torres", "id_type": "DNI", "id_number": "45678912"}}
        if user == "admin":
            body["unit_id"] = demo.unit("MP")
        return c.post("/api/v1/dossiers", body)
    if action == "list_users":
        return c.get("/api/v1/users")
    if action == "create_user":
        return c.post("/api/v1/users", {"username": unique("u"), "name": "Usuario de prueba",
                                        "profile": "VIEWER", "unit_id": demo.unit("MP"),
                                        "password": "clave-segura-123"})
    if action == "edit_user":
        target = world.users["consulta1"].me["user"]["id"]
        return c.patch(f"/api/v1/users/{target}", {"name": "Carlos Flores Vega"})
    if action == "create_dossier_type":
        return c.post("/api/v1/dossier-types", {"organization_id": demo.org(1), "code": unique("T").upper(),
                                                "name": "Tipo de prueba", "origin": "external"})
    if action == "global_search":
        return c.get("/api/v1/dossiers", params={"global": "true"})
    raise ValueError(action)


@pytest.mark.parametrize("action, user, status", list(global_cases()))
def test_action_outside_any_dossier(world, action, user, status):
    r = global_act(world, action, user)
    if status >= 400:
        assert_problem(r, status)
    else:
        assert r.status == status, r


@pytest.mark.parametrize("user", ["mesa1", "oficina1"])
def test_desk_and_office_register_only_at_their_own_unit(world, user):
    c = world.users[user]
    other = world.demo.unit("SG")
    body = {"type_id": world.demo.type("SOLGEN"), "summary": "En nombre de otra unidad",
            "origin": "external", "unit_id": other,
            "applicant": {"name": "Ana Torres", "id_type": "DNI", "id_number": "45678912"}}
    assert_problem(c.post("/api/v1/dossiers", body), 403)


def test_an_office_registers_on_behalf_of_its_desk(world):
    d = register(world.users["oficina1"], world.demo.type("SOLGEN"))
    assert d["registered_unit_id"] == world.demo.unit("GDU")
    assert d["custody_unit_id"] == world.demo.unit("GDU")
    assert d["desk_unit_id"] == world.demo.unit("MP")
    # The desk it depends on sees it (it is on the desk's route).
    assert world.users["mesa1"].get(f"/api/v1/dossiers/{d['id']}").status == 200


def test_a_desk_registers_only_types_of_its_own_organisation(world):
    r = world.users["mesa2"].post("/api/v1/dossiers", {
        "type_id": world.demo.type("SOLGEN", 1), "summary": "Tipo de otra organización",
        "origin": "external",
        "applicant": {"name": "Ana Torres", "id_type": "DNI", "id_number": "45678912"}})
    assert_problem(r, 422, "type_id")


def test_anonymous_requests_are_401(server, world):
    anon = server.client()
    placed = world.at("MP")
    for method, path in [("GET", "/api/v1/me"), ("GET", "/api/v1/dossiers"),
                         ("GET", f"/api/v1/dossiers/{placed.dossier_id}"),
                         ("POST", "/api/v1/dossiers"), ("GET", "/api/v1/inbox"),
                         ("GET", "/api/v1/users"), ("GET", "/api/v1/organizations")]:
        r = anon.request(method, path, {} if method == "POST" else None)
        assert_problem(r, 401)
