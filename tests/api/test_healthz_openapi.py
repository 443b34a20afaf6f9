"""Public system routes (API.md): /healthz for liveness and storage, and the OpenAPI 3.1
reference the server itself serves, which describes the routes it really has."""

from __future__ import annotations

import json

import pytest

NOT_A_ROUTE = "La ruta no existe."


def test_healthz_is_200_without_logging_in(server):
    r = server.client().get("/healthz")
    assert r.status == 200, r
    assert r.json["status"] == "ok"
    assert "no-store" in r.headers.get("cache-control", "")


def test_healthz_answers_head_without_a_body(server):
    r = server.client().request("HEAD", "/healthz")
    assert r.status == 200
    assert r.body == b""


def test_healthz_ignores_a_stale_token(server):
    r = server.client().get("/healthz", headers={"Authorization": "Bearer caducado"}, auth=False)
    assert r.status == 200


def test_openapi_is_public_json_and_openapi_3_1(server):
    r = server.client().get("/api/v1/openapi.json")
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/json")
    doc = json.loads(r.body)
    assert doc["openapi"].startswith("3.1")
    assert doc["info"]["title"] and doc["info"]["version"]
    assert doc["paths"]


@pytest.fixture(scope="module")
def openapi(server):
    return server.client().get("/api/v1/openapi.json").json


def test_openapi_paths_are_absolute(openapi):
    for path in openapi["paths"]:
        # The API, the health check, and the citizen's tracking pages of API.md (/t, /t/{token}).
        assert path.startswith("/api/v1/") or path in ("/healthz", "/t", "/t/{token}"), path


def test_openapi_documents_the_core_routes_of_the_contract(openapi):
    paths = openapi["paths"]
    for path, method in [("/api/v1/session", "post"), ("/api/v1/session", "delete"),
                         ("/api/v1/me", "get"), ("/api/v1/dossiers", "post"),
                         ("/api/v1/dossiers", "get"), ("/api/v1/dossiers/{id}", "get"),
                         ("/api/v1/dossiers/{id}", "patch"), ("/api/v1/dossiers/{id}/history", "get"),
                         ("/api/v1/dossiers/{id}/transfers", "post"), ("/api/v1/transfers/bulk", "post"),
                         ("/api/v1/inbox", "get"), ("/api/v1/transfers/{id}/receive", "post"),
                         ("/api/v1/transfers/{id}/revert", "post"),
                         ("/api/v1/dossiers/{id}/attachments", "post"),
                         ("/api/v1/attachments/{id}/content", "get"), ("/healthz", "get"),
                         ("/api/v1/openapi.json", "get")]:
        assert method in paths.get(path, {}), f"{method.upper()} {path} is not documented"


def test_every_documented_operation_exists_on_the_server(server, openapi):
    anon = server.client()
    checked = 0
    for path, operations in openapi["paths"].items():
        for method in operations:
            if method not in ("get", "post", "patch", "put", "delete"):
                continue
            concrete = path.replace("{id}", "1").replace("{file}", "1").replace("{token}", "desconocido")
            r = anon.request(method.upper(), concrete, {} if method in ("post", "patch", "put") else None)
            # DELETE of a dossier is documented as "always 405".
            assert r.status != 405 or (method, path) == ("delete", "/api/v1/dossiers/{id}"), (method, path, r)
            if r.status == 404 and r.json is not None:
                assert r.json["detail"] != NOT_A_ROUTE, f"{method.upper()} {path} is documented but missing"
            checked += 1
    assert checked >= 10
