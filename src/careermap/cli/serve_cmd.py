"""``careermap serve``: the web pages and the REST API, with uvicorn.

Local mode (the default) is one person with no sign-in, so it listens on a loopback
address only: bound to a network interface it would hand that person's data to anyone
who can reach it. ``--accounts`` is server mode: sign-up, sign-in, each person's own data.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from typing import Any

import typer

from careermap.cli.app import app
from careermap.errors import CancelledError, InputError

__all__ = ["LOG_CONFIG", "is_loopback", "serve_cmd"]

#: uvicorn's own messages and careermap's access log (method, path, status) on stderr;
#: uvicorn's access log, which writes query strings, is off
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        "careermap": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free one), or a one-line InputError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise InputError(f"cannot resolve the host '{host}'.", hint="Give an IP address.") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise InputError(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}).",
            hint="Another program may be using the port: choose another with --port.",
        ) from None
    sock.set_inheritable(True)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def _warm() -> None:
    """Load careermap's data before the first request, then move it and the application
    out of the garbage collector's reach: a full collection would otherwise walk the few
    hundred thousand objects of the knowledge base, lexicon and routes, stopping every
    request while it does."""
    import gc

    from careermap.runtime import get_runtime

    get_runtime().warm()
    gc.collect()
    gc.freeze()


@app.command("serve")
def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port (0: any free one)."),
    accounts: bool = typer.Option(
        False, "--accounts", help="Server mode: sign-up, sign-in, each person's own data."
    ),
) -> None:
    """Run careermap's web pages and REST API (local mode: just you, no sign-in)."""
    if not accounts and not is_loopback(host):
        raise InputError(
            f"local mode serves one person with no sign-in, so it listens on a loopback "
            f"address only, not {host}.",
            hint="Use --host 127.0.0.1, or run with --accounts to serve other people.",
        )
    import uvicorn

    from careermap.api import create_app

    sock = _bind(host, port)
    url = _url(sock)
    application = create_app(accounts=accounts)
    _warm()  # after the app, so that its routes and schemas are frozen too
    config = uvicorn.Config(
        application,
        timeout_keep_alive=30,
        log_config=LOG_CONFIG,
        access_log=False,
        server_header=False,
        lifespan="on",
    )
    mode = (
        "server mode with accounts (sign-up at /signup)"
        if accounts
        else "local mode: just you, no sign-in"
    )
    sys.stdout.write(
        f"careermap is serving at {url}/ ({mode}); stop it with Ctrl-C.\n"
        f"REST API: {url}/api/v1 (described at {url}/api/v1/openapi.json)\n"
    )
    sys.stdout.flush()
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except CancelledError:
        pass
    finally:
        sock.close()
    sys.stdout.write("careermap stopped.\n")
