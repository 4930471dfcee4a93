"""What the operating system refused, in plain words: the one place an :class:`OSError` becomes a message.

A full disk, a read-only USB stick, a folder without write permission, a
file name that is too long, a link that points to itself, a port another
program already uses: none of these is a bug in Digicharter, and none should
show a Python traceback. The system's own wording (``[Errno 28] No space left
on device``) is English only and names no remedy, so each errno a user can do
something about has a sentence here saying what happened and what to do, with
the path or address it happened to. Errors not in the table are left to the
CLI's "internal error" path: an unexpected errno is more likely a bug.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .escaping import terminal_text
from .i18n import N_, _

#: errno → what happened and what to do (the path it happened to is put before it).
_MESSAGES: dict[int, str] = {
    errno.ENOSPC: N_("the disk is full; make room (or choose another --output) and try again"),
    errno.EDQUOT: N_("your disk quota is used up; make room (or choose another --output) and try again"),
    errno.EROFS: N_("this disk or folder is read-only; choose a folder you can write to (e.g. --output site)"),
    errno.EACCES: N_("permission denied: you may not read or change this here; choose another folder, or ask who manages this computer"),
    errno.EPERM: N_("the system does not allow this; choose a folder you may write to, or ask who manages this computer"),
    errno.ENAMETOOLONG: N_("this file name is too long for the system; choose a shorter name or a shorter folder path"),
    errno.ELOOP: N_("this is a link that (in the end) points to itself; replace it with the real file or folder"),
    errno.ENOENT: N_("this file or folder does not exist (or was removed while Digicharter was working)"),
    errno.ENOTDIR: N_("part of this path is a file, not a folder; choose another path"),
    errno.EISDIR: N_("this is a folder where a file was expected; move it away or choose another path"),
    errno.EEXIST: N_("something with this name is in the way; move it away and try again"),
    errno.EXDEV: N_("the output folder and its work folder are on different disks; choose another --output"),
    errno.EIO: N_("the disk reported a read or write error; check the disk (or USB stick) and try again"),
    errno.EMFILE: N_("too many files are open at once; close other programs and try again"),
    errno.ENFILE: N_("too many files are open at once; close other programs and try again"),
    errno.EBUSY: N_("this file or folder is in use by another program; close it and try again"),
    errno.EADDRINUSE: N_("another program already uses this address (port); stop it or choose another port, "
                         "e.g. --dev-addr 127.0.0.1:8001"),
    errno.EADDRNOTAVAIL: N_("this computer has no such network address; use e.g. --dev-addr 127.0.0.1:8000"),
}


def is_user_os_error(exc: BaseException) -> bool:
    """Whether ``exc`` is something the system refused that the user can fix (see the table above)."""
    return isinstance(exc, OSError) and exc.errno in _MESSAGES


def os_error_reason(exc: OSError) -> str:
    """What happened and what to do, without the path (for a message that names the file itself).

    The system's own words follow in brackets, so nothing it said is lost.
    """
    template = _MESSAGES.get(exc.errno or 0)
    reason = exc.strerror or str(exc)
    if template is None:
        return _("the system refused: {reason}").format(reason=reason)
    return _("{message} (system: {reason})").format(message=_(template), reason=reason)


def os_error_message(exc: OSError, path: object | None = None) -> str:
    """The plain-words message for ``exc``, naming ``path`` (else the file or address the system named)."""
    where = path if path is not None else exc.filename
    if where is None:
        return os_error_reason(exc)
    return _("{path}: {reason}").format(path=terminal_text(str(where)), reason=os_error_reason(exc))


def resolved(path: Path) -> Path:
    """``path.resolve()``, but a link loop is an :class:`OSError` (ELOOP) like every other refusal.

    Python 3.11 raises RuntimeError for it, which would be reported as a bug.
    """
    try:
        return path.resolve()
    except RuntimeError:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None
