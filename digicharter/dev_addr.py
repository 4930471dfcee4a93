"""The ``serve --dev-addr`` value: checked and tried before the preview starts.

MkDocs builds the whole site first and only then binds the port, so a port
in use (or a port like 99999) would end a minute-long start with a traceback.
Here the address is read as ``HOST:PORT``, the port is checked to be a number
from 1 to 65535, and the address is bound once, with the options the preview
server uses, so any refusal is reported before anything is built.
"""

from __future__ import annotations

import ipaddress
import socket

from .errors import DigicharterError
from .escaping import terminal_text
from .i18n import _
from .os_errors import is_user_os_error, os_error_reason

_EXAMPLE = "127.0.0.1:8000"


def parse_dev_addr(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8000`` for IPv6) as host and port, or a message naming the setting."""
    host, sep, port_text = value.strip().rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not host or not port_text.isascii() or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise DigicharterError(
            _("--dev-addr '{value}' is not an address to serve on: write HOST:PORT with a port from 1 to 65535, "
              "e.g. --dev-addr {example}").format(value=terminal_text(value[:80]), example=_EXAMPLE)
        )
    return host, int(port_text)


def check_dev_addr(value: str) -> tuple[str, int]:
    """Parse ``value`` and bind it once (then let go), so a busy or unknown address is the user's message, not a crash."""
    host, port = parse_dev_addr(value)
    try:
        family = socket.AF_INET6 if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address) else socket.AF_INET
    except ValueError:
        family = socket.AF_INET  # a host name such as localhost, as the preview server treats it
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as http.server does: a TIME_WAIT port is free
            probe.bind((host, port))
    except socket.gaierror:
        raise DigicharterError(
            _("--dev-addr '{value}': this computer does not know the host '{host}'; use e.g. --dev-addr {example}").format(
                value=terminal_text(value[:80]), host=terminal_text(host[:80]), example=_EXAMPLE)
        ) from None
    except PermissionError:
        raise DigicharterError(
            _("--dev-addr '{value}': only an administrator may use port {port}; choose a port above 1024, "
              "e.g. --dev-addr {example}").format(value=terminal_text(value[:80]), port=port, example=_EXAMPLE)
        ) from None
    except OSError as exc:
        if not is_user_os_error(exc):
            raise
        raise DigicharterError(
            _("--dev-addr '{value}': {reason}").format(value=terminal_text(value[:80]), reason=os_error_reason(exc))
        ) from None
    return host, port
