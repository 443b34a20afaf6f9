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
    """The test's SMTP server; stop() and start() again keep the same port."""

    def __init__(self, folder: Path):
        self.folder = folder
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(["/usr/bin/python3", str(SINK), str(self.folder), str(self.port)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("smtp: listening"), line
        return self

    def stop(self):
        if self.proc:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
            self.proc = None

    def messages(self) -> list[email.message.EmailMessage]:
        files = sorted(self.folder.glob("*.eml"))
        return [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"
