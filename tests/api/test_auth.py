"""Sessions (API.md "Auth", "Throttling"): log in with username and password, get a bearer
token and an HttpOnly SameSite=Strict cookie; cookie-authenticated unsafe requests need the
CSRF token; failed logins are throttled per account; deactivated users are shut out."""

from __future__ import annotations

import uuid

import pytest

from sige_client import assert_problem, external_body, snapshot


def new_user(users, demo, profile="DESK", unit="MP", password="clave-segura-123"):
    """A user created by admin for a test that changes or locks its account."""
    username = "u" + uuid.uuid4().hex[:10]
    r = users["admin"].post("/api/v1/users", {
        "username": username, "name": "Persona de Prueba", "profile": profile,
        "unit_id": demo.unit(unit), "password": password})
    assert r.status == 201, r
    return r.json, password


# --------------------------------------------------------------------------- log in, log out


def test_login_returns_a_token_a_csrf_token_and_who_i_am(server):
    c = server.client()
    r = c.login("mesa1")
    assert r.status == 200, r
    assert len(r.json["token"]) >= 20
    assert r.json["csrf_token"]
    assert r.json["me"]["user"]["username"] == "mesa1"
    assert "no-store" in r.headers.get("cache-control", "")


def test_login_sets_an_httponly_samesite_strict_session_cookie(server):
    c = server.client()
    r = c.login("mesa1")
    cookie = r.headers["set-cookie"]
    name, _, rest = cookie.partition("=")
    assert rest.split(";")[0] == r.json["token"]
    attributes = [a.strip().lower() for a in cookie.split(";")[1:]]
    assert "httponly" in attributes
    assert "samesite=strict" in attributes
    assert "path=/" in attributes


def test_logout_ends_the_session(server):
    c = server.client()
    c.login("oficina1")
    assert c.get("/api/v1/me").status == 200
    r = c.logout()
    assert r.status == 204
    assert "max-age=0" in r.headers.get("set-cookie", "").lower()
    assert_problem(c.get("/api/v1/me"), 401)


def test_logging_out_one_session_leaves_the_others(server):
    a, b = server.client(), server.client()
    a.login("consulta1")
    b.login("consulta1")
    a.logout()
    assert b.get("/api/v1/me").status == 200


@pytest.mark.parametrize("username, password", [("mesa1", "equivocada"), ("nadie.existe", "demo")],
                         ids=["wrong-password", "unknown-user"])
def test_bad_credentials_are_401_with_a_spanish_detail(server, username, password):
    r = server.client().login(username, password)
    assert_problem(r, 401)
    assert r.json["detail"] == "Usuario o contraseña incorrectos."
    assert r.headers.get("www-authenticate", "").startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer ", "Bearer not-a-token", "Basic bWVzYTE6ZGVtbw==", "Bearer " + "x" * 300],
                         ids=["empty-bearer", "unknown-token", "basic-auth", "huge-token"])
def test_requests_without_a_valid_session_are_401(server, header):
    r = server.client().get("/api/v1/me", headers={"Authorization": header}, auth=False)
    assert_problem(r, 401)


# --------------------------------------------------------------------------- throttling


def test_five_failures_lock_the_account_for_a_while_even_with_the_right_password(server, users, demo):
    user, password = new_user(users, demo)
    c = server.client()
    for _ in range(5):
        assert c.login(user["username"], "incorrecta").status == 401
    r = c.login(user["username"], password)
    assert_problem(r, 429)
    retry = int(r.headers["retry-after"])
    assert 1 <= retry <= 15 * 60
    assert str(retry) in r.json["detail"] or "segundos" in r.json["detail"]
    # Others at the same address are not locked out.
    assert server.client().login("oficina1").status == 200


def test_many_failures_from_one_address_throttle_that_address(fresh_server):
    """Guessing across many accounts from one address is throttled too (API.md: "per account
    ... and per client address"); an office behind one address gets far more than five."""
    c = fresh_server.client()
    statuses = [c.login(f"usuario{i}", "adivinanza").status for i in range(30)]
    assert statuses[:6] == [401] * 6, "other accounts are not locked by one account's failures"
    assert 429 in statuses, statuses
    first = statuses.index(429)
    assert all(s == 429 for s in statuses[first:])
    r = c.login("mesa1")
    assert_problem(r, 429)
    assert int(r.headers["retry-after"]) >= 1


# --------------------------------------------------------------------------- cookie and CSRF


@pytest.fixture
def cookie_client(server):
    c = server.client()
    c.login("mesa1")
    c.use_bearer = False  # from now on, only the cookie authenticates
    return c


def test_the_cookie_alone_authenticates_safe_requests(cookie_client):
    r = cookie_client.get("/api/v1/me")
    assert r.status == 200, r
    assert r.json["user"]["username"] == "mesa1"


def test_cookie_post_without_csrf_token_is_403_and_changes_nothing(server, cookie_client, demo):
    before = snapshot(server.db)
    r = cookie_client.post("/api/v1/dossiers", external_body(demo.type("SOLGEN")))
    assert_problem(r, 403)
    r = cookie_client.post("/api/v1/dossiers", external_body(demo.type("SOLGEN")),
                           headers={"X-CSRF-Token": "otro-token"})
    assert_problem(r, 403)
    assert snapshot(server.db) == before


def test_cookie_post_with_the_csrf_token_works(cookie_client, demo):
    r = cookie_client.post("/api/v1/dossiers", external_body(demo.type("SOLGEN")),
                           headers={"X-CSRF-Token": cookie_client.csrf_token})
    assert r.status == 201, r
    d = r.json["id"]
    assert_problem(cookie_client.patch(f"/api/v1/dossiers/{d}", {"summary": "Sin token CSRF"}), 403)
    r = cookie_client.patch(f"/api/v1/dossiers/{d}", {"summary": "Con token CSRF"},
                            headers={"X-CSRF-Token": cookie_client.csrf_token})
    assert r.status == 200, r


def test_cookie_logout_needs_the_csrf_token_too(cookie_client):
    assert_problem(cookie_client.delete("/api/v1/session"), 403)
    assert cookie_client.get("/api/v1/me").status == 200
    r = cookie_client.delete("/api/v1/session", headers={"X-CSRF-Token": cookie_client.csrf_token})
    assert r.status == 204
    assert_problem(cookie_client.get("/api/v1/me"), 401)


def test_bearer_requests_need_no_csrf_token(users, demo):
    r = users["mesa1"].post("/api/v1/dossiers", external_body(demo.type("SOLGEN")))
    assert r.status == 201, r


# --------------------------------------------------------------------------- deactivation


def test_a_deactivated_user_cannot_log_in_and_their_sessions_end(server, users, demo):
    user, password = new_user(users, demo)
    c = server.client()
    assert c.login(user["username"], password).status == 200
    assert c.get("/api/v1/me").status == 200
    r = users["admin"].patch(f"/api/v1/users/{user['id']}", {"active": False})
    assert r.status == 200, r
    assert r.json["active"] is False
    assert_problem(c.get("/api/v1/me"), 401)
    r = server.client().login(user["username"], password)
    assert_problem(r, 401)
    assert "desactivada" in r.json["detail"]
    # Reactivated, they may log in again.
    users["admin"].ok("PATCH", f"/api/v1/users/{user['id']}", {"active": True})
    assert server.client().login(user["username"], password).status == 200


def test_a_password_change_ends_the_sessions_and_only_the_new_password_works(server, users, demo):
    user, password = new_user(users, demo)
    c = server.client()
    c.login(user["username"], password)
    users["admin"].ok("PATCH", f"/api/v1/users/{user['id']}", {"password": "otra-clave-larga"})
    assert_problem(c.get("/api/v1/me"), 401)
    assert_problem(server.client().login(user["username"], password), 401)
    assert server.client().login(user["username"], "otra-clave-larga").status == 200


def test_users_are_never_deleted_only_deactivated(users, demo):
    user, _ = new_user(users, demo)
    r = users["admin"].delete(f"/api/v1/users/{user['id']}")
    assert r.status in (404, 405), r
    listed = users["admin"].get("/api/v1/users").json["items"]
    assert user["id"] in [u["id"] for u in listed]


# --------------------------------------------------------------------------- who am I


ME = {  # profile, (organisation, unit code), unit name, organisation name
    "admin": ("ADMIN", None, None, None),
    "mesa1": ("DESK", (1, "MP"), "Mesa de Partes", "Municipalidad Distrital de San Isidro"),
    "oficina1": ("OFFICE", (1, "GDU"), "Gerencia de Desarrollo Urbano", "Municipalidad Distrital de San Isidro"),
    "carga1": ("LOADER", (1, "MP"), "Mesa de Partes", "Municipalidad Distrital de San Isidro"),
    "consulta1": ("VIEWER", (1, "MP"), "Mesa de Partes", "Municipalidad Distrital de San Isidro"),
    "autoridad1": ("AUTHORITY", (1, "ALC"), "Alcaldía", "Municipalidad Distrital de San Isidro"),
    "mesa2": ("DESK", (2, "TD"), "Trámite Documentario", "Gobierno Regional del Cusco"),
}


@pytest.mark.parametrize("username", ME)
def test_me_says_user_profile_unit_and_organisation(users, demo, username):
    profile, where, unit, organization = ME[username]
    r = users[username].get("/api/v1/me")
    assert r.status == 200
    me = r.json
    assert set(me) >= {"user", "unit", "organization"}
    assert set(me["user"]) >= {"id", "username", "name", "profile"}
    assert me["user"]["username"] == username
    assert me["user"]["profile"] == profile
    assert isinstance(me["user"]["id"], int) and me["user"]["name"]
    if where is None:
        assert me["unit"] is None and me["organization"] is None
    else:
        org, code = where
        assert (me["unit"]["id"], me["unit"]["name"]) == (demo.unit(code, org), unit)
        assert (me["organization"]["id"], me["organization"]["name"]) == (demo.org(org), organization)
    assert me == users[username].me, "the login answer says the same"
