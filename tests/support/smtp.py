"""The test SMTP server (tests/support/smtp_sink.py) as a Python object: start, stop, read
the messages it received."""

from __future__ import annotations

import email
import email.policy
import socket
import subprocess
from pathlib import Path

SINK = Path(__file__).resolve().parent / "smtp_sink.py"


class SmtpSink:
    """An SMTP server on loopback writing each message it gets to folder/NNNN.eml; stop()
    and start() again keep the same port."""

    def __init__(self, folder: Path):
        self.folder = folder
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> "SmtpSink":
        self.proc = subprocess.Popen(["/usr/bin/python3", str(SINK), str(self.folder), str(self.port)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if not line.startswith("smtp: listening"):
            self.stop()
            raise RuntimeError(f"the SMTP sink did not start: {line!r}")
        return self

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None:
            proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
            proc.stdout.close()

    def messages(self) -> list[email.message.EmailMessage]:
        files = sorted(self.folder.glob("*.eml"))
        return [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]

    def message_ids(self) -> list[str]:
        """The Message-ID of every message received, in order."""
        return [str(m["Message-ID"]).strip() for m in self.messages()]
