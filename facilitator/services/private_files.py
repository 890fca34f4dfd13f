"""Writing a file that leaves the app (an export, a status brief): atomically, and private.

`mkstemp` makes the temporary file 0600 and it sits beside the target, so
`os.replace` is atomic: a half-written file never appears under the real name,
and the finished one is readable by the user only.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from facilitator.domain.validation import ValidationError
from facilitator.storage.os_errors import describe_os_error


class SaveError(ValidationError):
    """A file cannot be written; `message` is one Danish line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "path")


def write_private(path: Path, content: bytes, failure: str) -> Path:
    """Write `content` to `path`; `failure` is the Danish sentence for a refusal, with {path}
    and {reason} in it."""

    def refused(exc: OSError) -> SaveError:
        return SaveError(failure.format(path=path, reason=describe_os_error(exc)))

    path = Path(path)
    if path.is_dir():
        raise refused(IsADirectoryError(errno.EISDIR, "is a directory"))
    try:
        handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".part")
    except OSError as exc:
        raise refused(exc) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise refused(exc) from exc
    return path
