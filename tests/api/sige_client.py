"""Helpers for the API tests: a real `sige` server on a temporary data directory, a small
HTTP client, database snapshots for "nothing changed" checks, and demo-data look-ups.

Two backends, chosen by the environment, the same tests on both:

- SQLite (default): each installation is its data directory, database in DIR/sige.db.
- PostgreSQL, when SIGE_TEST_PG_URL names a server (scripts/pg-tmp starts a throwaway one
  and sets it): each installation gets its own new database on that server, and its data
  directory holds the attachments. init_demo() creates that database and remembers its URL
  for the data directory; Server and run_cli() then add the matching `--db URL` by
  themselves, and Database reads it with psql.

Only the Python standard library is used (Debian's /usr/bin/python3 with pytest 7.2).
"""

from __future__ import annotations

import http.client
import json
import itertools
import os
import queue
import re
import shutil
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
    """Runs `sige ARGS...` and returns the finished process (text mode).

    When ARGS name a `--data DIR` whose installation lives in PostgreSQL (see init_demo), and
    no `--db`, the matching `--db URL` is added."""
    args = list(args)
    if "--db" not in args and "--data" in args:
        url = database_url(args[args.index("--data") + 1])
        if url:
            args += ["--db", url]
    return subprocess.run(
        [sige_bin(), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input,
    )


def init_demo(data_dir: Path) -> None:
    """`sige init --demo` of a new installation at data_dir (in its own new database on
    PostgreSQL)."""
    if on_postgresql():
        register_database(data_dir, create_database(Path(data_dir).parent.name))
    done = run_cli("init", "--demo", "--data", str(data_dir))
    if done.returncode != 0:
        raise RuntimeError(f"sige init --demo failed: {done.stdout}{done.stderr}")


def copy_installation(data_dir: Path, target: Path) -> None:
    """A copy of a stopped installation: its data directory and, on PostgreSQL, its
    database (CREATE DATABASE ... TEMPLATE, registered for the target directory)."""
    shutil.copytree(data_dir, target)
    url = database_url(data_dir)
    if url:
        _PsqlSession.close(url)  # a template database must have no connections
        register_database(target, create_database(Path(target).parent.name, template=url))


# --------------------------------------------------------------------------- backends


def pg_server_url() -> str | None:
    """The PostgreSQL server the tests create their databases on, if any."""
    return os.environ.get("SIGE_TEST_PG_URL") or None


def on_postgresql() -> bool:
    return pg_server_url() is not None


_databases: dict[str, str] = {}  # resolved data directory -> its PostgreSQL URL
_created: list[str] = []  # names of the databases created by this process
_counter = itertools.count(1)


def _key(data_dir) -> str:
    return str(Path(data_dir).resolve())


def register_database(data_dir: Path, url: str) -> None:
    _databases[_key(data_dir)] = url


def database_url(data_dir) -> str | None:
    """The PostgreSQL URL of the installation at data_dir; None for a SQLite installation."""
    return _databases.get(_key(data_dir))


def _with_database(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def psql(url: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Runs psql against url (no ~/.psqlrc, stop at the first error); the finished process."""
    return subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, *args],
        capture_output=True, text=True, timeout=timeout,
    )


def create_database(hint: str = "", template: str | None = None) -> str:
    """A new empty database (or a copy of `template`, a URL nobody is connected to) on the
    test server; returns its URL."""
    server = pg_server_url()
    if not server:
        raise RuntimeError("SIGE_TEST_PG_URL is not set")
    word = re.sub(r"[^a-z0-9]+", "_", hint.lower()).strip("_")[:30]
    name = f"sige_{word}_{os.getpid()}_{next(_counter)}".replace("__", "_")
    sql = f"CREATE DATABASE {name}"
    if template:
        sql += f" TEMPLATE {urllib.parse.urlsplit(template).path.lstrip('/')}"
    done = psql(server, "-c", sql)
    if done.returncode != 0:
        raise RuntimeError(f"{sql}: {done.stderr.strip()}")
    _created.append(name)
    return _with_database(server, name)


def drop_database(url: str) -> None:
    """Drops a database create_database() made (its servers stopped first)."""
    _PsqlSession.close(url)
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if name in _created:
        _created.remove(name)
        psql(pg_server_url(), "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def drop_created_databases() -> None:
    """Drops every database this process created (a reused server does not fill up)."""
    for url in list(_PsqlSession._open):
        _PsqlSession.close(url)
    server = pg_server_url()
    while server and _created:
        psql(server, "-c", f"DROP DATABASE IF EXISTS {_created.pop()} WITH (FORCE)")


# --------------------------------------------------------------------------- server


class Server:
    """A `sige serve` process on 127.0.0.1 with a random port.

    It is started with --exit-on-stdin-eof, so it ends by itself if the test process dies;
    stop() closes stdin and, if that is not enough, terminates and finally kills it.
    """

    def __init__(self, data_dir: Path, *extra_args: str, name: str | None = None):
        """`name` (default: the data directory's) names the stderr log beside the data
        directory; several servers on one installation need different names."""
        self.data_dir = Path(data_dir)
        self.db = Database(self.data_dir)
        self.extra_args = extra_args
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self.stdout_lines: list[str] = []
        self._stderr_path = self.data_dir.parent / f"{name or self.data_dir.name}.stderr.log"

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
                *self.db.serve_args(),
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

    def __init__(self, port: int, host: str = "127.0.0.1", source: str | None = None):
        """`source`: the local address to connect from (e.g. "127.0.0.2"; any 127.x.y.z is
        loopback on Linux), to be another client address than the tests' 127.0.0.1."""
        self.host = host
        self.port = port
        self.source = source
        self.token: str | None = None
        self.csrf_token: str | None = None
        self.me: dict | None = None
        self.cookie: str | None = None  # "sige_session=..." when using the cookie
        self.use_bearer = True
        self._conn: http.client.HTTPConnection | None = None

    # -- plumbing

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(
                self.host, self.port, timeout=60,
                source_address=(self.source, 0) if self.source else None)
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


class DatabaseError(Exception):
    """The database refused a statement (the message is the database's)."""


class Database:
    """SQL access to one installation's database, for what the API does not show: sqlite3
    on SQLite (DIR/sige.db), the psql client on PostgreSQL. Parameters are written `?`.

    rows() and value() read what is committed; execute() runs statements in one
    transaction (for the tests that tamper with the audit chain)."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)

    @property
    def url(self) -> str | None:
        """The PostgreSQL URL; None on SQLite."""
        return database_url(self.data_dir)

    @property
    def path(self) -> Path:
        """The SQLite database file."""
        return self.data_dir / "sige.db"

    def serve_args(self) -> list[str]:
        return ["--db", self.url] if self.url else []

    def rows(self, sql: str, *params) -> list[tuple]:
        if self.url is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)
            try:
                return [tuple(r) for r in db.execute(sql, params)]
            finally:
                db.close()
        # One JSON object per row keeps the types (numbers stay numbers, NULL is None).
        lines = _PsqlSession.of(self.url).query(f"SELECT row_to_json(q) FROM ({_inline(sql, params)}) AS q")
        return [json.loads(line, object_pairs_hook=lambda pairs: tuple(v for _, v in pairs))
                for line in lines]

    def value(self, sql: str, *params):
        rows = self.rows(sql, *params)
        return rows[0][0] if rows else None

    def execute(self, *statements: str) -> None:
        """Runs the statements in one transaction; DatabaseError if the database refuses one
        (and then nothing of them stays)."""
        if self.url is None:
            db = sqlite3.connect(self.path, timeout=10)
            try:
                for sql in statements:
                    db.execute(sql)
                db.commit()
            except sqlite3.DatabaseError as e:
                db.rollback()
                raise DatabaseError(str(e)) from e
            finally:
                db.close()
            return
        args = ["-1"]
        for sql in statements:
            args += ["-c", sql]
        done = psql(self.url, *args)
        if done.returncode != 0:
            raise DatabaseError(done.stderr.strip())

    def drop_trigger(self, trigger: str, table: str) -> str:
        """The statement that drops one of the append-only triggers."""
        return f"DROP TRIGGER {trigger}" + (f" ON {table}" if self.url else "")


class _PsqlSession:
    """One long-lived psql per database for the reads (snapshots run before and after every
    bad-input test: a new psql each time would cost ~50 ms). Autocommit: each query sees
    what is committed."""

    _open: dict[str, "_PsqlSession"] = {}
    _MARK = "--sige-test-end--"

    def __init__(self, url: str):
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(
            ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=0", "-d", url],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", bufsize=1)

    @classmethod
    def of(cls, url: str) -> "_PsqlSession":
        session = cls._open.get(url)
        if session is None or session.proc.poll() is not None:
            session = cls._open[url] = cls(url)
        return session

    @classmethod
    def close(cls, url: str) -> None:
        """Ends the session on url, if any (before the database is copied or dropped)."""
        session = cls._open.pop(url, None)
        if session is not None:
            session.proc.stdin.close()
            session.proc.wait(timeout=10)
            session.proc.stdout.close()

    def query(self, sql: str) -> list[str]:
        """The output lines of one statement; DatabaseError with psql's message if it fails."""
        if "\\" in sql or ";" in sql:
            raise ValueError(f"one statement without backslashes, please: {sql!r}")
        with self.lock:
            self.proc.stdin.write(f"{sql};\n\\echo {self._MARK}\n")
            self.proc.stdin.flush()
            lines, errors = [], []
            for line in self.proc.stdout:
                line = line.rstrip("\n")
                if line == self._MARK:
                    break
                (lines if line.startswith("{") and not errors else errors).append(line)
            else:
                raise DatabaseError("psql ended: " + "\n".join(errors))
        if errors:
            raise DatabaseError("\n".join(errors))
        return lines


def _inline(sql: str, params: tuple) -> str:
    """sql with each `?` replaced by its parameter as a literal (ints and text only)."""
    parts = sql.split("?")
    if len(parts) != len(params) + 1:
        raise ValueError(f"{len(params)} parameters for {sql!r}")
    out = [parts[0]]
    for value, rest in zip(params, parts[1:]):
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise TypeError(f"unsupported parameter {value!r}")
        out.append(str(value) if isinstance(value, int) else "'" + value.replace("'", "''") + "'")
        out.append(rest)
    return "".join(out)


def snapshot(db: Database) -> dict:
    """Row counts of the record tables plus the audit events that are not mere reads."""
    counts = [f"(SELECT COUNT(*) FROM {t})" for t in SNAPSHOT_TABLES]
    counts.append("(SELECT COUNT(*) FROM audit_event WHERE action NOT LIKE '%.read')")
    values = db.rows(f"SELECT {', '.join(counts)}")[0]
    return dict(zip((*SNAPSHOT_TABLES, "audit_event (not reads)"), values))


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


# --------------------------------------------------------------------------- shared fixtures' parts


def pytest_configure(config):
    """Imported by the conftest files: the suites need the built binary."""
    import pytest

    if not os.environ.get("SIGE_BIN"):
        raise pytest.UsageError("set SIGE_BIN to the built sige binary")


def pytest_report_header(config):
    if on_postgresql():
        return f"sige backend: PostgreSQL ({pg_server_url()}), one database per installation"
    return "sige backend: SQLite (set SIGE_TEST_PG_URL, e.g. through scripts/pg-tmp, for PostgreSQL)"


def pytest_sessionfinish(session, exitstatus):
    drop_created_databases()


class Sessions:
    """Logged-in clients of the demo users, created on first use (a login costs ~70 ms)."""

    def __init__(self, server: Server):
        self.server = server
        self._clients: dict[str, Client] = {}

    def __getitem__(self, username: str) -> Client:
        if username not in self._clients:
            c = self.server.client()
            r = c.login(username)
            assert r.status == 200, f"login {username}: {r!r}"
            self._clients[username] = c
        return self._clients[username]

    def close(self):
        for c in self._clients.values():
            c.close()


def start_demo(tmp_path_factory, name: str, *args: str) -> Server:
    """A started server on a new demo installation in a temporary folder named `name`."""
    data = tmp_path_factory.mktemp(name) / "data"
    init_demo(data)
    return Server(data, *args).start()


def stop_checked(srv: Server) -> None:
    """Stops the server; it must have stayed up and must end cleanly when stdin closes."""
    alive = srv.alive()
    code = srv.stop()
    assert alive, f"the server died while in use:\n{srv.stderr_text()[-3000:]}"
    assert code == 0, f"the server did not stop cleanly on stdin EOF (exit {code})"


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
