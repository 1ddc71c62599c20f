"""A team server that can be killed and started again hundreds of times within the bounded
test run (#17: 200 SIGKILLs). Starting ``sro-case server run`` as a new process costs about two
seconds of imports per start; this process imports everything once and, for each line
``<pg-url> <port>`` on stdin, forks a child that runs exactly ``sro-case server run --pg …
--listen 127.0.0.1:<port> --workers 1`` (the CLI's own code, in a session of its own) and
answers the child's pid on stdout. The test kills the child with SIGKILL; the zygote reaps it.

Nothing here opens a connection or starts a thread before forking, so each child starts as
clean as a new process – only without paying for the imports again."""

from __future__ import annotations

import importlib
import os
import sys

from sro_case.cli import main

# what `server run` imports on its way, loaded once here
for _module in ("fastapi", "psycopg", "uvicorn", "sro_case.server.api", "sro_case.server.database"):
    importlib.import_module(_module)


def _reap() -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def serve_forever() -> None:
    for line in sys.stdin:
        _reap()
        pg, port = line.split()
        pid = os.fork()
        if pid == 0:  # the server
            os.setsid()  # killed as one group, like the unit systemd stops
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            args = ["server", "run", "--pg", pg, "--listen", f"127.0.0.1:{port}"]
            os._exit(main([*args, "--workers", "1"]))
        print(pid, flush=True)


if __name__ == "__main__":
    serve_forever()
