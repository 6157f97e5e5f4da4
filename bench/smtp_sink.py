"""An aiosmtpd server on loopback that logs each accepted message's arrival.

One line per accepted message, written and flushed as it is accepted:
``<unix time>\\t<Message-ID>\\t<To>``. The runner reads the file to time acknowledgements and
to count copies per Message-ID (exactly once).
Run: python -m bench.smtp_sink PORT LOGFILE
"""

from __future__ import annotations

import asyncio
import sys
import time
from email.parser import BytesHeaderParser

from aiosmtpd.smtp import SMTP


class Recorder:
    def __init__(self, path: str) -> None:
        self.out = open(path, "a", buffering=1)  # open for the process's life
        self.parser = BytesHeaderParser()

    async def handle_DATA(self, server, session, envelope) -> str:
        accepted = time.time()
        headers = self.parser.parsebytes(envelope.original_content or envelope.content)
        message_id = str(headers.get("Message-ID", "")).strip()
        to = ",".join(envelope.rcpt_tos)
        self.out.write(f"{accepted:.6f}\t{message_id}\t{to}\n")
        return "250 Message accepted for delivery"


async def main(port: int, path: str) -> None:
    recorder = Recorder(path)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(recorder, hostname="bench.invalid", ident="bench-sink"),
        "127.0.0.1",
        port,
        backlog=256,
    )
    async with server:
        await server.serve_forever()


def read_log(path: str) -> list[tuple[float, str, str]]:
    rows = []
    with open(path) as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                rows.append((float(parts[0]), parts[1], parts[2]))
    return rows


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
