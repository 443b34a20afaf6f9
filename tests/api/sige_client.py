"""Helpers for the API tests: a real `sige` server on a temporary data directory, a small
HTTP client, database snapshots for "nothing changed" checks, and demo-data look-ups.

Only the Python standard library is used (Debian's /usr/bin/python3 with pytest 7.2).
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

DEMO_PASSWORD = "demo"

# The demo users of API.md "Demo data".
DEMO_USERS = ("admin", "mesa1", "oficina1", "carga1", "consulta1", "autoridad1", "mesa2")


def sige_bin() -> str:
    path = os.environ.get("SIGE_BIN")
    if not path:
        raise RuntimeError("SIGE_BIN must name the built sige binary")
    return path


def run_cli(*args: str, timeout: float = 60, input: str | None = None) -> subprocess.CompletedProcess:
    """Runs `sige ARGS...` and returns the finished process (text mode)."""
    return subprocess.run(
        [sige_bin(), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input,
    )


def init_demo(data_dir: Path) -> None:
    done = run_cli("init", "--demo", "--data", str(data_dir))
    if done.returncode != 0:
        raise RuntimeError(f"sige init --demo failed: {done.stdout}{done.stderr}")


# --------------------------------------------------------------------------- server


class Server:
    """A `sige serve` process on 127.0.0.1 with a random port.

    It is started with --exit-on-stdin-eof, so it ends by itself if the test process dies;
    stop() closes stdin and, if that is not enough, terminates and finally kills it.
    """

    def __init__(self, data_dir: Path, *extra_args: str):
        self.data_dir = Path(data_dir)
        self.extra_args = extra_args
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self.stdout_lines: list[str] = []
        self._stderr_path = self.data_dir.parent / f"{self.data_dir.name}.stderr.log"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "sige.db"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    def start(self, timeout: float = 15) -> "Server":
        self._stderr = open(self._stderr_path, "ab")
        self.proc = subprocess.Popen(
            [
                sige_bin(),
                "serve",
                "--data",
                str(self.data_dir),
                "--listen",
                "127.0.0.1:0",
                "--exit-on-stdin-eof",
                *self.extra_args,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        lines: queue.Queue = queue.Queue()

        def drain(stream):
            # Keeps reading stdout so the server never blocks on a full pipe.
            for raw in iter(stream.readline, b""):
                text = raw.decode("utf-8", "replace").rstrip("\n")
                self.stdout_lines.append(text)
                lines.put(text)
            lines.put(None)

        threading.Thread(target=drain, args=(self.proc.stdout,), daemon=True).start()
        try:
            first = lines.get(timeout=timeout)
        except queue.Empty:
            self.stop()
            raise RuntimeError("sige serve did not say where it listens")
        prefix = "sige: escuchando en http://127.0.0.1:"
        if first is None or not first.startswith(prefix):
            self.stop()
            raise RuntimeError(f"unexpected first line from sige serve: {first!r}; {self.stderr_text()}")
        self.port = int(first[len(prefix):].split()[0])
        self.first_line = first
        return self

    def stderr_text(self) -> str:
        try:
            return self._stderr_path.read_text("utf-8", "replace")
        except OSError:
            return ""

    def stop(self) -> int | None:
        proc = self.proc
        if proc is None:
            return None
        try:
            if proc.stdin and not proc.stdin.closed:
                proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        self._stderr.close()
        self.proc = None
        return proc.returncode

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def client(self) -> "Client":
        return Client(self.port)

    def login(self, username: str, password: str = DEMO_PASSWORD) -> "Client":
        c = self.client()
        c.login(username, password)
        return c

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# --------------------------------------------------------------------------- client


class Response:
    """status, headers (names lower-cased), body bytes and the parsed JSON (or None).

    Unpacks as (status, headers, json)."""

    def __init__(self, status: int, headers: dict, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body
        self.json = None
        ctype = headers.get("content-type", "")
        if body and "json" in ctype:
            self.json = json.loads(body.decode("utf-8"))

    def __iter__(self):
        return iter((self.status, self.headers, self.json))

    def __repr__(self):
        shown = self.json if self.json is not None else self.body[:300]
        return f"<Response {self.status} {shown!r}>"


class Client:
    """One keep-alive HTTP connection to the server; not thread-safe (one per thread)."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.host = host
        self.port = port
        self.token: str | None = None
        self.csrf_token: str | None = None
        self.me: dict | None = None
        self.cookie: str | None = None  # "sige_session=..." when using the cookie
        self.use_bearer = True
        self._conn: http.client.HTTPConnection | None = None

    # -- plumbing

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(
        self,
        method: str,
        path: str,
        body=None,
        *,
        params: dict | None = None,
        headers: dict | None = None,
        raw: bytes | str | None = None,
        auth: bool = True,
    ) -> Response:
        """Sends one request. `body` is sent as JSON; `raw` as is (bytes or text)."""
        if params:
            path = path + ("&" if "?" in path else "?") + urllib.parse.urlencode(params)
        hdrs = {}
        data = None
        if raw is not None:
            data = raw.encode("utf-8") if isinstance(raw, str) else raw
        elif body is not None:
            data = json.dumps(body).encode("utf-8")
            hdrs["Content-Type"] = "application/json"
        if auth:
            if self.use_bearer and self.token:
                hdrs["Authorization"] = f"Bearer {self.token}"
            elif self.cookie:
                hdrs["Cookie"] = self.cookie
        if headers:
            hdrs.update(headers)
        for attempt in range(2):
            conn = self._connection()
            reused = conn.sock is not None
            try:
                conn.request(method, path, body=data, headers=hdrs)
                resp = conn.getresponse()
                payload = resp.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed a kept-alive connection before reading this request.
                self.close()
                if reused and attempt == 0:
                    continue
                raise
            headers_out = {k.lower(): v for k, v in resp.getheaders()}
            if resp.will_close:
                self.close()
            return Response(resp.status, headers_out, payload)
        raise AssertionError("unreachable")

    def get(self, path, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw) -> Response:
        return self.request("POST", path, body, **kw)

    def patch(self, path, body=None, **kw) -> Response:
        return self.request("PATCH", path, body, **kw)

    def delete(self, path, body=None, **kw) -> Response:
        return self.request("DELETE", path, body, **kw)

    def upload(self, dossier_id: int, name: str | None, content: bytes, content_type: str = "application/octet-stream", **kw) -> Response:
        path = f"/api/v1/dossiers/{dossier_id}/attachments"
        params = {"name": name} if name is not None else None
        return self.request(
            "POST", path, raw=content, params=params, headers={"Content-Type": content_type}, **kw
        )

    # -- session

    def login(self, username: str, password: str = DEMO_PASSWORD) -> Response:
        r = self.post("/api/v1/session", {"username": username, "password": password}, auth=False)
        if r.status == 200:
            self.token = r.json["token"]
            self.csrf_token = r.json.get("csrf_token")
            self.me = r.json.get("me")
            set_cookie = r.headers.get("set-cookie", "")
            self.cookie = set_cookie.split(";", 1)[0] if set_cookie else None
        return r

    def logout(self) -> Response:
        return self.delete("/api/v1/session")

    # -- conveniences used by many tests

    def ok(self, method: str, path: str, body=None, expect: int | tuple = (200, 201), **kw):
        """A request that must succeed; returns its JSON."""
        r = self.request(method, path, body, **kw)
        expected = expect if isinstance(expect, tuple) else (expect,)
        assert r.status in expected, f"{method} {path} -> {r.status} {r!r}"
        return r.json


def raw_http(
    port: int,
    method: str,
    path: str,
    headers: dict,
    body: bytes = b"",
    expect_continue: bool = True,
    timeout: float = 30,
    seen: dict | None = None,
) -> tuple[int, dict, bytes]:
    """A hand-written HTTP/1.1 exchange on a fresh socket.

    With `expect_continue`, the body is sent only after "100 Continue" (or not at all, when
    the server answers first), so a server that refuses a large body before reading it can
    be observed without a reset connection hiding its answer. `seen`, if given, records
    whether the server asked for the body ("asked_for_body") and whether it was sent ("body_sent").
    """
    seen = {} if seen is None else seen
    seen.update(asked_for_body=False, body_sent=False)
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        hdrs = dict(headers)
        hdrs.setdefault("Host", f"127.0.0.1:{port}")
        hdrs.setdefault("Content-Length", str(len(body)))
        hdrs["Connection"] = "close"
        hdrs = {k: v for k, v in hdrs.items() if v is not None}
        if expect_continue and body:
            hdrs["Expect"] = "100-continue"
        head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n"
        sock.sendall(head.encode("latin-1"))
        buf = b""
        if expect_continue and body:
            # Wait for 100 Continue or a final answer (up to 2 s, then send anyway as curl does).
            sock.settimeout(2)
            try:
                while b"\r\n\r\n" not in buf:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    buf += chunk
            except socket.timeout:
                pass
            sock.settimeout(timeout)
            if buf.startswith(b"HTTP/1.1 100"):
                seen["asked_for_body"] = True
                buf = buf.split(b"\r\n\r\n", 1)[1]
                sock.sendall(body)
                seen["body_sent"] = True
            elif not buf:
                sock.sendall(body)
                seen["body_sent"] = True
        elif body:
            sock.sendall(body)
            seen["body_sent"] = True
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            buf += chunk
    finally:
        sock.close()
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    out_headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        out_headers[k.strip().lower()] = v.strip()
    return status, out_headers, rest


# --------------------------------------------------------------------------- database


SNAPSHOT_TABLES = (
    "dossier",
    "transfer",
    "delivery_note",
    "attachment",
    "annotation",
    "app_user",
    "unit",
    "organization",
    "dossier_type",
)


def open_ro(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)


def snapshot(db_path: Path) -> dict:
    """Row counts of the record tables plus the audit events that are not mere reads."""
    db = open_ro(db_path)
    try:
        counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in SNAPSHOT_TABLES}
        counts["audit_event (not reads)"] = db.execute(
            "SELECT COUNT(*) FROM audit_event WHERE action NOT LIKE '%.read'"
        ).fetchone()[0]
    finally:
        db.close()
    return counts


def blob_files(blob_dir: Path) -> set[str]:
    """Every file under the blob store (temporary files included)."""
    if not blob_dir.exists():
        return set()
    return {str(p.relative_to(blob_dir)) for p in blob_dir.rglob("*") if p.is_file()}


# --------------------------------------------------------------------------- demo data


@dataclass
class Demo:
    """Ids of the demo installation, looked up through the API."""

    orgs: list = field(default_factory=list)
    units: dict = field(default_factory=dict)  # (org_index, code) -> unit json
    types: dict = field(default_factory=dict)  # (org_index, code) -> type json

    @classmethod
    def load(cls, client: Client) -> "Demo":
        d = cls()
        d.orgs = client.ok("GET", "/api/v1/organizations")["items"]
        for i, org in enumerate(d.orgs[:2], start=1):
            for u in client.ok("GET", "/api/v1/units", params={"organization": org["id"]})["items"]:
                d.units[(i, u["code"])] = u
            for t in client.ok("GET", "/api/v1/dossier-types", params={"organization": org["id"]})["items"]:
                d.types[(i, t["code"])] = t
        return d

    def unit(self, code: str, org: int = 1) -> int:
        return self.units[(org, code)]["id"]

    def type(self, code: str, org: int = 1) -> int:
        return self.types[(org, code)]["id"]

    def org(self, index: int) -> int:
        return self.orgs[index - 1]["id"]


def external_body(type_id: int, summary: str = "Solicitud de licencia de funcionamiento", **extra) -> dict:
    body = {
        "type_id": type_id,
        "summary": summary,
        "origin": "external",
        "reserved": False,
        "priority": "normal",
        "folios": 3,
        "applicant": {
            "name": "Ana Torres Díaz",
            "id_type": "DNI",
            "id_number": "45678912",
            "email": "ana.torres@example.pe",
            "phone": "+51 987 654 321",
            "address": "Av. Arequipa 123, Lima",
        },
    }
    body.update(extra)
    return body


def internal_body(type_id: int, summary: str = "Memorando sobre presupuesto anual", **extra) -> dict:
    body = {"type_id": type_id, "summary": summary, "origin": "internal", "folios": 1}
    body.update(extra)
    return body


def wait_until(predicate, timeout: float = 5, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


# --------------------------------------------------------------------------- common steps


def register(client: Client, type_id: int, *, external: bool = True, **extra) -> dict:
    """Registers a dossier that must be accepted (201); returns it."""
    body = external_body(type_id, **extra) if external else internal_body(type_id, **extra)
    return client.ok("POST", "/api/v1/dossiers", body, expect=201)


def send(client: Client, dossier_id: int, to_unit: int, action: str = "attend", **extra) -> dict:
    """Sends a dossier (201); returns the transfer."""
    body = {"to_unit": to_unit, "action": action, **extra}
    return client.ok("POST", f"/api/v1/dossiers/{dossier_id}/transfers", body, expect=201)


def receive(client: Client, transfer_id: int) -> dict:
    return client.ok("POST", f"/api/v1/transfers/{transfer_id}/receive", expect=200)


def history_actions(client: Client, dossier_id: int, **params) -> list[str]:
    items = client.ok("GET", f"/api/v1/dossiers/{dossier_id}/history", params=params or None)["items"]
    return [e["action"] for e in items]


def assert_problem(r: Response, status: int, field: str | None = None) -> None:
    """An RFC 9457 problem in Spanish with `status`; for 422, naming `field` if given."""
    assert r.status == status, f"expected {status}, got {r!r}"
    assert r.headers.get("content-type", "").startswith("application/problem+json"), r.headers
    p = r.json
    assert p["status"] == status
    assert p.get("type") and p.get("title"), p
    assert isinstance(p.get("detail"), str) and p["detail"].strip(), p
    assert_spanish(p["detail"])
    if field is not None:
        fields = [e["field"] for e in p.get("errors", [])]
        assert field in fields, f"expected an error naming {field!r}, got {p!r}"
        for e in p["errors"]:
            assert e.get("message", "").strip(), p
            assert_spanish(e["message"])


_MESSAGE_KEY = re.compile(r"[a-z_]+(\.[a-z_]+)+")


def assert_spanish(text: str) -> None:
    """A sentence for a person, not an untranslated message key such as "dossier.not_found"."""
    last = text.split(": ", 1)[-1]
    assert not _MESSAGE_KEY.fullmatch(last.strip()), f"untranslated message: {text!r}"
    assert " " in last.strip(), f"not a sentence: {text!r}"
