"""What a citizen does at the virtual desk and at the tracking page, and how the tests read
what reaches them (e-mails, the receipt PDF and its QR). Shared by test_virtual_desk.py and
test_tracking.py; the server, the HTTP client and the database access are sige_client's
(tests/api), the SMTP server is tests/support/smtp.py.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
for _sub in ("api", "support"):
    if str(TESTS / _sub) not in sys.path:
        sys.path.insert(0, str(TESTS / _sub))

from sige_client import Client, Response, Server, Sessions, assert_problem, wait_until  # noqa: E402

# The demo organisations keep America/Lima time: UTC-5 all year (Peru has no summer time).
LIMA = timezone(timedelta(hours=-5))

MAX_FILE_BYTES = 10 * 1024 * 1024  # API: at most 10 MB a file, 10 files a submission
MAX_FILES = 10


def today_in_lima():
    return datetime.now(LIMA).date()


def lima_date(days_from_today: int) -> str:
    """A day as the desk types it for a correction deadline: YYYY-MM-DD, in Lima."""
    return (today_in_lima() + timedelta(days=days_from_today)).isoformat()


def dmy(iso_day: str) -> str:
    """2026-11-30 -> 30/11/2026, as people read dates."""
    y, m, d = iso_day.split("-")
    return f"{d}/{m}/{y}"


# --------------------------------------------------------------------------- files


def pdf(text: str) -> bytes:
    """A small valid one-page PDF that shows `text` (ASCII): libmagic calls it
    application/pdf, pdftotext reads the text back."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 770 Td ({safe}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


REQUEST_PDF = pdf("Solicitud de licencia de funcionamiento - formulario firmado")
ID_CARD_PDF = pdf("Copia del DNI del solicitante")


# --------------------------------------------------------------------------- the applicant

_serial = itertools.count(1)


def unique_email(label: str) -> str:
    """A new address per scenario, so each test finds its own e-mails in the shared folder."""
    return f"{label}.{next(_serial)}@correo.example.pe"


def applicant(**fields) -> dict:
    """A citizen with a valid DNI, an e-mail and their consent to be told of each movement."""
    person = {
        "name": "Teresa Ñahui Cárdenas",
        "id_type": "DNI",
        "id_number": "41234567",
        "email": unique_email("teresa"),
        "phone": "+51 944 123 456",
        "address": "Jr. Huiracocha 1250, Jesús María",
    }
    person.update(fields)
    return person


def submission(type_id: int, summary: str = "Solicito licencia de funcionamiento para bodega",
               consent: bool = True, **applicant_fields) -> dict:
    """The body of step 1, as the virtual desk's form sends it."""
    return {"type_id": type_id, "summary": summary, "consent": consent,
            "applicant": applicant(**applicant_fields)}


# --------------------------------------------------------------------------- the citizen


@dataclass
class Filed:
    """A submission filed online and submitted (steps 1 to 3 done)."""

    id: int
    upload_token: str
    number: str
    tracking_token: str
    tracking_url: str
    body: dict
    files: list = field(default_factory=list)  # the answers to the uploads

    @property
    def email(self) -> str:
        return self.body["applicant"]["email"]


class Citizen:
    """Someone at the virtual desk or the tracking page: no account, no session. With
    `address`, on a server started with `--trusted-proxy 127.0.0.1`, the server sees them at
    that address (X-Forwarded-For), so each test can be its own client for the throttles."""

    def __init__(self, server: Server, address: str | None = None):
        self.http: Client = server.client()
        self.address = address

    def _headers(self, extra: dict | None = None) -> dict:
        headers = {"X-Forwarded-For": self.address} if self.address else {}
        headers.update(extra or {})
        return headers

    def get(self, path: str, **kw) -> Response:
        return self.http.request("GET", path, headers=self._headers(kw.pop("headers", None)), **kw)

    def post(self, path: str, body=None, **kw) -> Response:
        return self.http.request("POST", path, body, headers=self._headers(kw.pop("headers", None)), **kw)

    # -- the virtual desk's three steps

    def start(self, body) -> Response:
        """Step 1: the form, as JSON."""
        return self.post("/api/v1/public/submissions", body)

    def upload(self, submission_id: int, upload_token: str | None, name: str | None, content: bytes,
               content_type: str = "application/pdf") -> Response:
        """Step 2: one file as the raw body."""
        headers = {"Content-Type": content_type}
        if upload_token is not None:
            headers["X-Upload-Token"] = upload_token
        return self.post(f"/api/v1/public/submissions/{submission_id}/attachments", raw=content,
                         params={"name": name} if name is not None else None, headers=headers)

    def submit(self, submission_id: int, upload_token: str | None) -> Response:
        """Step 3."""
        headers = {"X-Upload-Token": upload_token} if upload_token is not None else {}
        return self.post(f"/api/v1/public/submissions/{submission_id}/submit", headers=headers)

    def draft(self, body) -> tuple[int, str]:
        """Step 1, which must succeed: (id, upload_token)."""
        r = self.start(body)
        assert r.status == 201, r
        return r.json["id"], r.json["upload_token"]

    def file(self, body: dict, files=(("solicitud.pdf", REQUEST_PDF), ("dni.pdf", ID_CARD_PDF))) -> Filed:
        """The three steps, each of which must succeed."""
        sid, token = self.draft(body)
        uploaded = []
        for name, content in files:
            r = self.upload(sid, token, name, content)
            assert r.status == 201, r
            uploaded.append(r.json)
        r = self.submit(sid, token)
        assert r.status == 200, r
        return Filed(sid, token, r.json["number"], r.json["tracking_token"], r.json["tracking_url"],
                     body, uploaded)

    # -- corrections of an observed submission, through the tracking link

    def correct(self, tracking_token: str, name: str, content: bytes,
                content_type: str = "application/pdf") -> Response:
        return self.post(f"/api/v1/public/tracking/{tracking_token}/attachments", raw=content,
                         params={"name": name}, headers={"Content-Type": content_type})

    def resubmit(self, tracking_token: str) -> Response:
        return self.post(f"/api/v1/public/tracking/{tracking_token}/resubmit")

    # -- tracking

    def track(self, tracking_token: str) -> Response:
        """The JSON of the tracking link."""
        return self.get(f"/api/v1/public/tracking/{tracking_token}")

    def page(self, tracking_token: str) -> Response:
        """The HTML page the receipt's QR opens."""
        return self.get(f"/t/{tracking_token}")

    def track_by_code(self, code: str, pin: str) -> Response:
        return self.post("/api/v1/public/tracking", {"code": code, "pin": pin})

    def close(self):
        self.http.close()


def html(r: Response) -> str:
    """The text of an HTML answer (which must be one)."""
    assert r.headers.get("content-type", "").startswith("text/html"), r
    return r.body.decode("utf-8")


# --------------------------------------------------------------------------- the staff


# Logged-in clients of the demo users, each logged in once.
Staff = Sessions


def tray(desk: Client, **params) -> list[dict]:
    """The "Mesa virtual" tray of a desk clerk (every page of it)."""
    items, page = [], 1
    while True:
        r = desk.ok("GET", "/api/v1/submissions", params={**params, "page": page, "per_page": 500})
        items += r["items"]
        if len(items) >= r["total"] or not r["items"]:
            return items
        page += 1


def in_tray(desk: Client, submission_id: int, **params) -> dict | None:
    return next((s for s in tray(desk, **params) if s["id"] == submission_id), None)


# --------------------------------------------------------------------------- e-mail


def mails_to(sink, address: str) -> list:
    return [m for m in sink.messages() if m["To"] == address]


def wait_for_mails(sink, address: str, count: int, timeout: float = 15) -> list:
    """The first `count` e-mails to `address`, waiting for them (API.md: within 10 s)."""
    wait_until(lambda: len(mails_to(sink, address)) >= count, timeout=timeout, interval=0.1)
    got = mails_to(sink, address)
    assert len(got) >= count, (f"{len(got)} e-mails to {address} after {timeout} s, expected {count}: "
                               f"{[m['Subject'] for m in got]}")
    return got[:count]


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def pdf_text(content: bytes, folder: Path) -> str:
    """What pdftotext -layout reads in a PDF."""
    path = folder / "leido.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def qr_of(content: bytes, folder: Path) -> str:
    """The QR code on the first page of a PDF, as a phone would read it: rendered at 150 dpi
    by pdftoppm, decoded by zbarimg."""
    path = folder / "qr.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(path), str(folder / "qr")],
                   check=True)
    done = subprocess.run(["zbarimg", "--quiet", "--raw", str(folder / "qr.png")], capture_output=True,
                          text=True)
    assert done.returncode == 0, f"zbarimg found no QR code: {done.stderr}"
    return done.stdout.strip()


__all__ = [
    "Citizen", "Filed", "Staff", "LIMA", "MAX_FILES", "MAX_FILE_BYTES", "REQUEST_PDF", "ID_CARD_PDF",
    "applicant", "assert_problem", "dmy", "html", "in_tray", "lima_date", "mails_to", "pdf", "pdf_text",
    "qr_of", "submission", "text_of", "today_in_lima", "tray", "unique_email", "wait_for_mails",
]
