"""The life of a dossier through the API, as a desk and an office live it: registration,
reading, editing, transfers ("pases") and reception, bulk transfers with a delivery note,
ADMIN's revert, archive, annulment, history, and search.

Users (API.md "Demo data"): mesa1 works at the main desk ("Mesa de Partes", MP) of the
first organisation; oficina1 at its "Gerencia de Desarrollo Urbano" (GDU)."""

from __future__ import annotations

import datetime
import re
import uuid

import pytest

from sige_client import (
    assert_problem,
    external_body,
    history_actions,
    receive,
    register,
    send,
)


def unique_word() -> str:
    """A word no other test uses, to find exactly this test's dossiers by `q`."""
    return "w" + uuid.uuid4().hex[:10]


@pytest.fixture(scope="module")
def mesa1(users):
    return users["mesa1"]


@pytest.fixture(scope="module")
def oficina1(users):
    return users["oficina1"]


@pytest.fixture(scope="module")
def admin(users):
    return users["admin"]


@pytest.fixture(scope="module")
def gdu(demo, oficina1):
    """oficina1's unit, found through GET /api/v1/units (and checked against GET /me)."""
    unit = demo.units[(1, "GDU")]
    assert unit["name"] == "Gerencia de Desarrollo Urbano"
    assert oficina1.me["unit"]["id"] == unit["id"]
    return unit["id"]


@pytest.fixture(scope="module")
def mp(demo, mesa1):
    unit = demo.units[(1, "MP")]
    assert unit["is_desk"] is True
    assert mesa1.me["unit"]["id"] == unit["id"]
    return unit["id"]


@pytest.fixture(scope="module")
def solgen(demo):
    return demo.type("SOLGEN")


# --------------------------------------------------------------------------- registration


def test_desk_registers_an_external_dossier_numbered_number_year_with_token_and_pin(mesa1, mp, solgen):
    r = mesa1.post("/api/v1/dossiers", external_body(solgen, summary="Licencia para bodega"))
    assert r.status == 201, r
    d = r.json
    year = int(d["created_at"][:4])
    assert d["year"] == year
    assert isinstance(d["number"], int) and d["number"] >= 1
    assert d["code"] == f"{d['number']}-{year}"
    assert re.fullmatch(r"[A-Za-z0-9_-]{16,}", d["tracking_token"]), d["tracking_token"]
    assert re.fullmatch(r"\d{4,}", d["pin"]), d["pin"]
    assert d["state"] == "registered"
    assert d["origin"] == "external"
    assert d["custody_unit_id"] == mp
    assert d["summary"] == "Licencia para bodega"
    assert d["applicant"]["id_number"] == "45678912"
    assert d["folios"] == 3 and d["volumes"] == 1
    assert d["in_transit"] is False


def test_numbers_of_an_organisation_follow_one_another(mesa1, solgen):
    first = register(mesa1, solgen)
    second = register(mesa1, solgen)
    assert second["number"] == first["number"] + 1


def test_letters_go_between_number_and_year_in_the_code(mesa1, solgen):
    d = register(mesa1, solgen, letters="lic")
    assert d["letters"] == "LIC"
    assert d["code"] == f"{d['number']}-LIC-{d['year']}"


def test_an_internal_dossier_needs_no_applicant(mesa1, demo):
    d = register(mesa1, demo.type("MEMO"), external=False)
    assert d["origin"] == "internal"
    assert d["applicant"] is None


def test_the_registered_dossier_reads_back_the_same(mesa1, solgen):
    created = register(mesa1, solgen, summary="Reclamo por ruidos molestos", priority="urgent")
    r = mesa1.get(f"/api/v1/dossiers/{created['id']}")
    assert r.status == 200
    read = r.json
    for key in ("id", "code", "number", "year", "summary", "priority", "state", "custody_unit_id",
                "applicant", "folios", "volumes", "type_id", "created_at", "tracking_token", "pin"):
        assert read[key] == created[key], key
    assert read["priority"] == "urgent"


# --------------------------------------------------------------------------- editing


def test_the_desk_in_custody_edits_and_the_change_is_in_the_history(mesa1, solgen):
    d = register(mesa1, solgen)
    r = mesa1.patch(f"/api/v1/dossiers/{d['id']}",
                    {"summary": "Licencia de funcionamiento para restaurante", "priority": "urgent",
                     "folios": 7, "instrument_number": "OF-123-2024"})
    assert r.status == 200, r
    assert r.json["summary"] == "Licencia de funcionamiento para restaurante"
    again = mesa1.get(f"/api/v1/dossiers/{d['id']}").json
    assert again["priority"] == "urgent"
    assert again["folios"] == 7
    assert again["instrument_number"] == "OF-123-2024"
    assert again["code"] == d["code"]
    events = mesa1.get(f"/api/v1/dossiers/{d['id']}/history").json["items"]
    edited = [e for e in events if e["action"] == "dossier.edited"]
    assert len(edited) == 1
    assert edited[0]["actor"] == "mesa1"
    assert edited[0]["details"]["before"]["summary"] == d["summary"]
    assert edited[0]["details"]["after"]["summary"] == "Licencia de funcionamiento para restaurante"


@pytest.mark.parametrize("change, field", [
    ({"origin": "internal"}, "origin"),
    ({"letters": "XYZ"}, "letters"),
], ids=["origin-is-fixed", "letters-are-fixed"])
def test_edit_cannot_change_what_makes_the_code(mesa1, solgen, change, field):
    d = register(mesa1, solgen)
    r = mesa1.patch(f"/api/v1/dossiers/{d['id']}", change)
    assert_problem(r, 422, field)
    assert mesa1.get(f"/api/v1/dossiers/{d['id']}").json["code"] == d["code"]


# --------------------------------------------------------------------------- transfers


def test_custody_moves_only_when_the_destination_receives(mesa1, oficina1, mp, gdu, solgen):
    d = register(mesa1, solgen, folios=3)
    t = send(mesa1, d["id"], gdu, folios_added=2, volumes_added=1, notes="Para su atención")
    assert t["state"] == "pending"
    assert t["from_unit_id"] == mp and t["to_unit_id"] == gdu
    assert t["received_at"] is None

    sent = mesa1.get(f"/api/v1/dossiers/{d['id']}").json
    assert sent["custody_unit_id"] == mp, "custody must not move before reception"
    assert sent["in_transit"] is True
    assert sent["state"] == "in_process"
    assert sent["folios"] == 3, "folios are added on reception"

    inbox = oficina1.get("/api/v1/inbox")
    assert inbox.status == 200
    mine = [x for x in inbox.json["items"] if x["id"] == t["id"]]
    assert len(mine) == 1
    assert isinstance(mine[0]["waiting_seconds"], int) and mine[0]["waiting_seconds"] >= 0
    assert mine[0]["dossier_id"] == d["id"]

    r = oficina1.post(f"/api/v1/transfers/{t['id']}/receive")
    assert r.status == 200, r
    assert r.json["state"] == "received"
    assert r.json["received_at"]

    after = oficina1.get(f"/api/v1/dossiers/{d['id']}").json
    assert after["custody_unit_id"] == gdu
    assert after["in_transit"] is False
    assert after["folios"] == 5
    assert after["volumes"] == 2
    assert t["id"] not in [x["id"] for x in oficina1.get("/api/v1/inbox").json["items"]]


def test_the_sending_desk_cannot_edit_a_dossier_in_transit(mesa1, gdu, solgen):
    d = register(mesa1, solgen)
    send(mesa1, d["id"], gdu)
    assert_problem(mesa1.patch(f"/api/v1/dossiers/{d['id']}", {"summary": "Cambio en tránsito"}), 409)
    assert_problem(mesa1.post(f"/api/v1/dossiers/{d['id']}/transfers",
                              {"to_unit": gdu, "action": "attend"}), 409)


def test_receiving_twice_is_a_conflict(mesa1, oficina1, gdu, solgen):
    d = register(mesa1, solgen)
    t = send(mesa1, d["id"], gdu)
    receive(oficina1, t["id"])
    assert_problem(oficina1.post(f"/api/v1/transfers/{t['id']}/receive"), 409)


def test_the_receiver_may_send_it_on_and_folios_keep_adding_up(mesa1, oficina1, mp, gdu, solgen):
    d = register(mesa1, solgen, folios=10)
    receive(oficina1, send(mesa1, d["id"], gdu, folios_added=4)["id"])
    back = send(oficina1, d["id"], mp, action="report", folios_added=6)
    receive(mesa1, back["id"])
    final = mesa1.get(f"/api/v1/dossiers/{d['id']}").json
    assert final["custody_unit_id"] == mp
    assert final["folios"] == 20
    transfers = mesa1.get(f"/api/v1/dossiers/{d['id']}/transfers").json["items"]
    assert [t["state"] for t in transfers] == ["received", "received"]


def test_a_read_only_transfer_lets_the_receiver_pass_it_on_but_not_edit(mesa1, oficina1, mp, gdu, solgen):
    d = register(mesa1, solgen)
    receive(oficina1, send(mesa1, d["id"], gdu, permission="READ")["id"])
    read = oficina1.get(f"/api/v1/dossiers/{d['id']}").json
    assert read["custody_permission"] == "READ"
    assert_problem(oficina1.patch(f"/api/v1/dossiers/{d['id']}", {"summary": "Intento de cambio"}), 403)
    send(oficina1, d["id"], mp)


def test_bulk_transfer_of_three_dossiers_gives_one_delivery_note(mesa1, oficina1, gdu, mp, solgen):
    ids = [register(mesa1, solgen)["id"] for _ in range(3)]
    r = mesa1.post("/api/v1/transfers/bulk",
                   {"dossier_ids": ids, "to_unit": gdu, "action": "attend", "folios_added": 1})
    assert r.status == 201, r
    note = r.json
    note_id = note["delivery_note_id"]
    assert note_id
    assert len(note["transfers"]) == 3
    assert {t["dossier_id"] for t in note["transfers"]} == set(ids)
    assert {t["delivery_note_id"] for t in note["transfers"]} == {note_id}
    assert all(t["state"] == "pending" and t["to_unit_id"] == gdu for t in note["transfers"])

    listed = oficina1.get(f"/api/v1/delivery-notes/{note_id}")
    assert listed.status == 200, listed
    assert sorted(t["id"] for t in listed.json["transfers"]) == sorted(t["id"] for t in note["transfers"])

    transfer_ids = [t["id"] for t in note["transfers"]]
    r = oficina1.post("/api/v1/transfers/receive", {"ids": transfer_ids})
    assert r.status == 200, r
    assert {t["state"] for t in r.json["items"]} == {"received"}
    for i in ids:
        d = oficina1.get(f"/api/v1/dossiers/{i}").json
        assert d["custody_unit_id"] == gdu
        assert d["folios"] == 4


def test_a_bulk_transfer_with_one_bad_dossier_sends_none(mesa1, oficina1, gdu, solgen):
    good = [register(mesa1, solgen)["id"] for _ in range(2)]
    elsewhere = register(mesa1, solgen)["id"]
    receive(oficina1, send(mesa1, elsewhere, gdu)["id"])  # no longer in mesa1's custody
    r = mesa1.post("/api/v1/transfers/bulk",
                   {"dossier_ids": good + [elsewhere], "to_unit": gdu, "action": "attend"})
    assert_problem(r, 403, "dossier_ids[2]")  # says which one cannot go
    for i in good:
        d = mesa1.get(f"/api/v1/dossiers/{i}").json
        assert d["in_transit"] is False, "nothing half-written: the other dossiers stay"
        assert mesa1.get(f"/api/v1/dossiers/{i}/transfers").json["total"] == 0


def test_a_bulk_reception_with_one_bad_id_receives_none(mesa1, oficina1, gdu, solgen):
    t1 = send(mesa1, register(mesa1, solgen)["id"], gdu)
    t2 = send(mesa1, register(mesa1, solgen)["id"], gdu)
    receive(oficina1, t2["id"])
    r = oficina1.post("/api/v1/transfers/receive", {"ids": [t1["id"], t2["id"]]})
    assert_problem(r, 409, "ids[1]")
    assert oficina1.get(f"/api/v1/dossiers/{t1['dossier_id']}").json["in_transit"] is True


# --------------------------------------------------------------------------- revert


def test_admin_reverts_a_pending_transfer(mesa1, oficina1, admin, mp, gdu, solgen):
    d = register(mesa1, solgen, folios=2)
    t = send(mesa1, d["id"], gdu, folios_added=5)
    r = admin.post(f"/api/v1/transfers/{t['id']}/revert", {"reason": "Unidad equivocada"})
    assert r.status == 200, r
    assert r.json["state"] == "reverted"
    after = mesa1.get(f"/api/v1/dossiers/{d['id']}").json
    assert after["custody_unit_id"] == mp
    assert after["in_transit"] is False
    assert after["folios"] == 2
    assert t["id"] not in [x["id"] for x in oficina1.get("/api/v1/inbox").json["items"]]
    assert "transfer.reverted" in history_actions(mesa1, d["id"])
    # Custody is back: the desk can work on it again.
    assert mesa1.patch(f"/api/v1/dossiers/{d['id']}", {"summary": "Corregido tras revertir"}).status == 200


def test_admin_reverts_a_received_transfer_restoring_custody_and_folios(mesa1, oficina1, admin, mp, gdu, solgen):
    d = register(mesa1, solgen, folios=2)
    t = send(mesa1, d["id"], gdu, folios_added=5, volumes_added=1, permission="READ")
    receive(oficina1, t["id"])
    assert oficina1.get(f"/api/v1/dossiers/{d['id']}").json["folios"] == 7
    r = admin.post(f"/api/v1/transfers/{t['id']}/revert", {"reason": "Enviado por error"})
    assert r.status == 200, r
    after = admin.get(f"/api/v1/dossiers/{d['id']}").json
    assert after["custody_unit_id"] == mp
    assert after["custody_permission"] == "WRITE"
    assert after["folios"] == 2
    assert after["volumes"] == 1
    events = admin.get(f"/api/v1/dossiers/{d['id']}/history").json["items"]
    reverted = [e for e in events if e["action"] == "transfer.reverted"]
    assert len(reverted) == 1 and reverted[0]["actor"] == "admin"
    assert "Enviado por error" in str(reverted[0]["details"])
    transfers = admin.get(f"/api/v1/dossiers/{d['id']}/transfers").json["items"]
    assert transfers[0]["state"] == "reverted"


def test_only_the_latest_transfer_can_be_reverted(mesa1, oficina1, admin, mp, gdu, solgen):
    d = register(mesa1, solgen)
    first = send(mesa1, d["id"], gdu)
    receive(oficina1, first["id"])
    send(oficina1, d["id"], mp)
    assert_problem(admin.post(f"/api/v1/transfers/{first['id']}/revert"), 409)


def test_a_transfer_is_reverted_only_once(mesa1, admin, gdu, solgen):
    t = send(mesa1, register(mesa1, solgen)["id"], gdu)
    assert admin.post(f"/api/v1/transfers/{t['id']}/revert").status == 200
    assert_problem(admin.post(f"/api/v1/transfers/{t['id']}/revert"), 409)


# --------------------------------------------------------------------------- archive, annulment


def test_archive_freezes_the_dossier_and_unarchive_reopens_it(mesa1, gdu, solgen):
    d = register(mesa1, solgen)
    r = mesa1.post(f"/api/v1/dossiers/{d['id']}/archive")
    assert r.status == 200, r
    assert r.json["state"] == "archived"
    assert_problem(mesa1.patch(f"/api/v1/dossiers/{d['id']}", {"summary": "Cambio archivado"}), 409)
    assert_problem(mesa1.post(f"/api/v1/dossiers/{d['id']}/transfers", {"to_unit": gdu, "action": "attend"}), 409)
    assert_problem(mesa1.post(f"/api/v1/dossiers/{d['id']}/archive"), 409)
    r = mesa1.post(f"/api/v1/dossiers/{d['id']}/unarchive")
    assert r.status == 200, r
    assert r.json["state"] == "registered", "unarchive restores the state it had"
    assert_problem(mesa1.post(f"/api/v1/dossiers/{d['id']}/unarchive"), 409)
    assert history_actions(mesa1, d["id"])[-2:] == ["dossier.archived", "dossier.unarchived"]


def test_annulment_is_requested_by_the_desk_and_done_by_admin(mesa1, admin, gdu, solgen):
    d = register(mesa1, solgen)
    r = mesa1.post(f"/api/v1/dossiers/{d['id']}/annulment-request", {"reason": "Registrado por duplicado"})
    assert r.status == 200, r
    assert r.json["annulment_request"]["reason"] == "Registrado por duplicado"
    assert r.json["state"] != "annulled"
    assert_problem(mesa1.post(f"/api/v1/dossiers/{d['id']}/annulment-request", {"reason": "Otra vez"}), 409)

    r = admin.post(f"/api/v1/dossiers/{d['id']}/annul", {"reason": "Duplicado confirmado"})
    assert r.status == 200, r
    assert r.json["state"] == "annulled"
    assert r.json["annulment"]["reason"] == "Duplicado confirmado"

    # Annulled is final: no more changes, but the dossier is still there to read.
    assert_problem(mesa1.patch(f"/api/v1/dossiers/{d['id']}", {"summary": "Cambio anulado"}), 409)
    assert_problem(mesa1.post(f"/api/v1/dossiers/{d['id']}/transfers", {"to_unit": gdu, "action": "attend"}), 409)
    assert_problem(admin.post(f"/api/v1/dossiers/{d['id']}/annul", {"reason": "De nuevo"}), 409)
    assert mesa1.get(f"/api/v1/dossiers/{d['id']}").json["state"] == "annulled"
    found = mesa1.get("/api/v1/dossiers", params={"q": d["code"], "state": "annulled"}).json
    assert d["id"] in [x["id"] for x in found["items"]]
    assert history_actions(mesa1, d["id"])[-2:] == ["dossier.annulment_requested", "dossier.annulled"]


def test_a_dossier_in_transit_cannot_be_annulled(mesa1, admin, gdu, solgen):
    d = register(mesa1, solgen)
    send(mesa1, d["id"], gdu)
    assert_problem(admin.post(f"/api/v1/dossiers/{d['id']}/annul", {"reason": "Error"}), 409)


@pytest.mark.parametrize("who", ["mesa1", "admin", None], ids=["desk", "admin", "anonymous"])
def test_delete_of_a_dossier_is_always_405(users, server, solgen, who):
    d = register(users["mesa1"], solgen)
    client = users[who] if who else server.client()
    for target in (d["id"], 999999):
        r = client.delete(f"/api/v1/dossiers/{target}")
        assert_problem(r, 405)
        assert "GET" in r.headers.get("allow", "")
    assert users["mesa1"].get(f"/api/v1/dossiers/{d['id']}").status == 200


# --------------------------------------------------------------------------- history


def test_history_lists_every_event_oldest_first(mesa1, oficina1, admin, mp, gdu, solgen):
    d = register(mesa1, solgen)
    mesa1.ok("PATCH", f"/api/v1/dossiers/{d['id']}", {"summary": "Resumen corregido por la mesa"})
    t = send(mesa1, d["id"], gdu)
    receive(oficina1, t["id"])
    oficina1.ok("POST", f"/api/v1/dossiers/{d['id']}/annotations", {"text": "Revisar planos"}, expect=201)
    back = send(oficina1, d["id"], mp)
    admin.ok("POST", f"/api/v1/transfers/{back['id']}/revert", {"reason": "No correspondía"})
    oficina1.ok("POST", f"/api/v1/dossiers/{d['id']}/archive")

    r = admin.get(f"/api/v1/dossiers/{d['id']}/history")
    assert r.status == 200
    items = r.json["items"]
    assert [e["action"] for e in items] == [
        "dossier.registered",
        "dossier.edited",
        "transfer.sent",
        "transfer.received",
        "annotation.added",
        "transfer.sent",
        "transfer.reverted",
        "dossier.archived",
    ]
    assert [e["actor"] for e in items] == [
        "mesa1", "mesa1", "mesa1", "oficina1", "oficina1", "oficina1", "admin", "oficina1"]
    stamps = [datetime.datetime.fromisoformat(e["at"]) for e in items]
    assert stamps == sorted(stamps)
    for e in items:
        assert set(e) >= {"at", "actor", "action", "details"}
    assert r.json["total"] == len(items)


# --------------------------------------------------------------------------- search


def found_ids(client, **params) -> list[int]:
    r = client.get("/api/v1/dossiers", params=params)
    assert r.status == 200, r
    return [x["id"] for x in r.json["items"]]


def test_search_by_applicant_name_ignores_accents_and_case(mesa1, solgen):
    word = unique_word()
    d = register(mesa1, solgen, summary=f"Pedido {word}",
                 applicant={"name": "José Núñez Ñahui", "id_type": "DNI", "id_number": "41234567"})
    assert d["id"] in found_ids(mesa1, q="nunez")
    assert d["id"] in found_ids(mesa1, q=f"NUNEZ {word}")
    assert d["id"] in found_ids(mesa1, q=f"jose nuñez {word}")
    assert d["id"] in found_ids(mesa1, q=f"Ñahui {word}")
    assert found_ids(mesa1, q=f"perez {word}") == []


def test_search_by_code_summary_and_identity_number(mesa1, solgen):
    word = unique_word()
    d = register(mesa1, solgen, summary=f"Construcción de cerco perimétrico {word}",
                 applicant={"name": "Constructora Andina SAC", "id_type": "RUC", "id_number": "20100070970"})
    assert found_ids(mesa1, q=d["code"])[:1] == [d["id"]]
    assert d["id"] in found_ids(mesa1, q=f"perimetrico {word}")
    assert d["id"] in found_ids(mesa1, q="20100070970")


def test_search_filters_by_state_type_unit_and_reserved(mesa1, oficina1, mp, gdu, demo):
    word = unique_word()
    solgen, reclam = demo.type("SOLGEN"), demo.type("RECLAM")
    plain = register(mesa1, solgen, summary=f"Uno {word}")
    other_type = register(mesa1, reclam, summary=f"Dos {word}")
    secret = register(mesa1, solgen, summary=f"Tres {word}", reserved=True)
    moved = register(mesa1, solgen, summary=f"Cuatro {word}")
    receive(oficina1, send(mesa1, moved["id"], gdu)["id"])
    archived = register(mesa1, solgen, summary=f"Cinco {word}")
    mesa1.ok("POST", f"/api/v1/dossiers/{archived['id']}/archive")

    everything = {plain["id"], other_type["id"], secret["id"], moved["id"], archived["id"]}
    assert set(found_ids(mesa1, q=word)) == everything
    assert set(found_ids(mesa1, q=word, state="registered")) == {plain["id"], other_type["id"], secret["id"]}
    assert set(found_ids(mesa1, q=word, state="in_process")) == {moved["id"]}
    assert set(found_ids(mesa1, q=word, state="archived")) == {archived["id"]}
    assert set(found_ids(mesa1, q=word, type=reclam)) == {other_type["id"]}
    assert set(found_ids(mesa1, q=word, unit=gdu)) == {moved["id"]}
    assert set(found_ids(mesa1, q=word, unit=mp)) == everything - {moved["id"]}
    assert set(found_ids(mesa1, q=word, reserved="true")) == {secret["id"]}
    assert set(found_ids(mesa1, q=word, reserved="false")) == everything - {secret["id"]}


def test_search_by_registration_date_range(mesa1, solgen):
    word = unique_word()
    d = register(mesa1, solgen, summary=f"Fechas {word}")
    day = datetime.date.fromisoformat(d["created_at"][:10])  # the day in the organisation's zone
    before, after = day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)
    assert found_ids(mesa1, q=word, **{"from": day.isoformat()}) == [d["id"]]
    assert found_ids(mesa1, q=word, to=day.isoformat()) == [d["id"]], "`to` includes its whole day"
    assert found_ids(mesa1, q=word, **{"from": day.isoformat(), "to": day.isoformat()}) == [d["id"]]
    assert found_ids(mesa1, q=word, **{"from": after.isoformat()}) == []
    assert found_ids(mesa1, q=word, to=before.isoformat()) == []


def test_search_pages_carry_the_total(mesa1, solgen):
    word = unique_word()
    ids = {register(mesa1, solgen, summary=f"Página {word}")["id"] for _ in range(5)}
    seen = []
    for page in (1, 2, 3):
        r = mesa1.get("/api/v1/dossiers", params={"q": word, "per_page": 2, "page": page})
        assert r.status == 200
        assert r.json["total"] == 5
        assert len(r.json["items"]) == (2 if page < 3 else 1)
        seen += [x["id"] for x in r.json["items"]]
    assert set(seen) == ids and len(seen) == 5
    r = mesa1.get("/api/v1/dossiers", params={"q": word, "per_page": 2, "page": 4})
    assert r.json == {"items": [], "total": 5}


def test_search_lists_newest_first(mesa1, solgen):
    word = unique_word()
    ids = [register(mesa1, solgen, summary=f"Orden {word}")["id"] for _ in range(3)]
    assert found_ids(mesa1, q=word) == list(reversed(ids))


def test_the_inbox_pages_carry_the_total(mesa1, oficina1, gdu, solgen):
    for _ in range(3):
        send(mesa1, register(mesa1, solgen)["id"], gdu)
    everything = oficina1.get("/api/v1/inbox", params={"per_page": 500}).json
    assert everything["total"] == len(everything["items"]) >= 3
    first = oficina1.get("/api/v1/inbox", params={"per_page": 1}).json
    assert first["total"] == everything["total"]
    assert len(first["items"]) == 1


# --------------------------------------------------------------------------- shapes of API.md


def has_fields(obj: dict, names: str) -> None:
    missing = set(names.split()) - set(obj)
    assert not missing, f"missing fields {sorted(missing)} in {sorted(obj)}"


def assert_instant(text: str) -> None:
    """ISO 8601 with an offset."""
    t = datetime.datetime.fromisoformat(text)
    assert t.tzinfo is not None, text


def test_core_fields_have_the_names_of_the_contract(mesa1, oficina1, gdu, solgen, demo):
    d = register(mesa1, solgen)
    has_fields(d, "id code number year state custody_unit_id created_at type_id summary origin "
                  "reserved priority letters instrument_number folios volumes procedure_id applicant "
                  "tracking_token pin")
    has_fields(d["applicant"], "name id_type id_number email phone address")
    assert_instant(d["created_at"])

    t = send(mesa1, d["id"], gdu, notes="Revisar")
    has_fields(t, "id dossier_id from_unit_id to_unit_id action permission folios_added "
                  "volumes_added notes sent_at received_at state")
    assert_instant(t["sent_at"])
    item = [x for x in oficina1.get("/api/v1/inbox", params={"per_page": 500}).json["items"]
            if x["id"] == t["id"]][0]
    has_fields(item, "id dossier_id from_unit_id to_unit_id action permission sent_at state waiting_seconds")
    received = receive(oficina1, t["id"])
    assert_instant(received["received_at"])

    a = oficina1.upload(d["id"], "a.txt", b"texto", "text/plain").json
    has_fields(a, "id dossier_id name content_type size sha256 version created_at")
    n = oficina1.ok("POST", f"/api/v1/dossiers/{d['id']}/annotations", {"text": "Nota"}, expect=201)
    has_fields(n, "id dossier_id text author created_at")
    assert n["author"] == "Jorge Ramírez Salazar"
    for e in oficina1.get(f"/api/v1/dossiers/{d['id']}/history").json["items"]:
        has_fields(e, "at actor action details")
        assert_instant(e["at"])

    units = mesa1.get("/api/v1/units", params={"organization": demo.org(1)}).json["items"]
    for u in units:
        has_fields(u, "id name organization_id parent_id is_desk")
    types = mesa1.get("/api/v1/dossier-types", params={"organization": demo.org(1)}).json["items"]
    for ty in types:
        has_fields(ty, "id code name origin organization_id")
        assert ty["origin"] in ("external", "internal")


def test_the_units_of_an_organisation_form_one_tree_with_its_desk(mesa1, demo):
    for org in (1, 2):
        r = mesa1.get("/api/v1/units", params={"organization": demo.org(org)})
        assert r.status == 200
        units = {u["id"]: u for u in r.json["items"]}
        assert r.json["total"] == len(units)
        assert all(u["organization_id"] == demo.org(org) for u in units.values())
        roots = [u for u in units.values() if u["parent_id"] is None]
        assert len(roots) == 1
        assert all(u["parent_id"] in units for u in units.values() if u["parent_id"] is not None)
        assert any(u["is_desk"] for u in units.values())
