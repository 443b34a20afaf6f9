#!/usr/bin/python3
"""A real SMTP server on loopback for tests: every message it receives is written whole to
DIR as NNNN.eml. It prints "smtp: listening on 127.0.0.1:PORT" once ready and stops when
its standard input closes, so it never outlives the test that started it.

    /usr/bin/python3 tests/support/smtp_sink.py DIR [PORT]

Debian's python3-aiosmtpd provides the server (call /usr/bin/python3: the python3 first on
PATH may lack it).
"""

import itertools
import os
import socket
import sys

from aiosmtpd.controller import Controller


class SaveToFolder:
    def __init__(self, folder):
        self.folder = folder
        # A restarted sink goes on numbering after the messages already in the folder.
        taken = [int(name[:4]) for name in os.listdir(folder) if name.endswith(".eml")]
        self.counter = itertools.count(max(taken, default=0) + 1)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        tmp = os.path.join(self.folder, f".{n:04d}.tmp")
        with open(tmp, "wb") as f:
            f.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode())
            f.write(f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(envelope.original_content)
        os.rename(tmp, os.path.join(self.folder, f"{n:04d}.eml"))  # appears whole
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else free_port()
    os.makedirs(folder, exist_ok=True)
    controller = Controller(SaveToFolder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"smtp: listening on 127.0.0.1:{port}", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
