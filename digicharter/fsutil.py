"""Moving built files into place."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path


def move_into(source: Path, target: Path) -> None:
    """Move everything in ``source`` into ``target``, merging folders and replacing only what has the same name."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            move_into(entry, destination)
            entry.rmdir()
            continue
        if destination.is_dir():
            shutil.rmtree(destination)
        elif destination.exists():
            destination.unlink()
        shutil.move(str(entry), str(destination))


#: renameat2's flag that swaps two existing paths (linux/fs.h) and "relative to the current folder".
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
#: What renameat2 answers where the kernel, the C library or the file system cannot exchange.
_CANNOT_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step, so that each name always names a complete folder.

    Two renames (site → old, new → site) leave a moment with no ``site/`` at
    all, and a build killed in that moment leaves none until the next one.
    Linux's ``renameat2(RENAME_EXCHANGE)`` swaps the two names in a single
    atomic step: there is no such moment. Python has no binding for it, so it
    is called from the C library. Returns False (and changes nothing) where
    the system cannot exchange: not Linux, a C library older than glibc 2.28,
    or a file system without the flag; the caller then renames twice.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _CANNOT_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(second))
