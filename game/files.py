"""Files named on the command line (logs to verify, datasets, `--out`): safe to touch.

- `read_regular_file(path, limit)`: the bytes of a regular file, never more than
  `limit`; a folder, a pipe (FIFO), a device (`/dev/zero`), a socket is named for what it
  is. Opened with O_NONBLOCK, so a pipe with no writer never hangs.
- `write_output(path, text)`: writes a result file atomically; a symlink is written
  through (the file it points to is replaced, the link stays), anything that is not a
  regular file (a device, a pipe, a folder) is refused with a French sentence.
- `path_problem(path)`: why a path cannot be used (missing, symlink loop…), the same
  words in every command; None when it exists.
- `os_error_text(error)`: a French explanation of an `OSError` (never English strerror).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class FileKindError(Exception):
    """A file that cannot be used, explained in one French phrase (no final full stop)."""


# errno → what it means, for a kid or a teacher
_ERRNO_TEXTS = {
    errno.ENOENT: "le fichier ou le dossier n'existe pas",
    errno.EACCES: "tu n'as pas le droit d'y accéder",
    errno.EPERM: "tu n'as pas le droit de faire ça",
    errno.EROFS: "le disque est en lecture seule",
    errno.ENOSPC: "le disque est plein",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENAMETOOLONG: "le nom est trop long",
    errno.ELOOP: "le chemin tourne en rond (liens symboliques)",
    errno.EBUSY: "le fichier est occupé par un autre programme",
    errno.EIO: "erreur du disque (lecture ou écriture impossible)",
    errno.EINVAL: "le nom ou le chemin n'est pas valable",
    errno.EEXIST: "le fichier existe déjà",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.ENXIO: "le périphérique n'est pas disponible",
    errno.EAGAIN: "le fichier n'est pas prêt (réessaie)",
}
if hasattr(errno, "EDQUOT"):
    _ERRNO_TEXTS[errno.EDQUOT] = "ton espace disque est plein"


def os_error_text(error: BaseException) -> str:
    """French words for an OSError (what happened, not the English system text)."""
    number = getattr(error, "errno", None)
    if number in _ERRNO_TEXTS:
        return _ERRNO_TEXTS[number]
    if isinstance(error, PermissionError):
        return _ERRNO_TEXTS[errno.EACCES]
    if isinstance(error, FileNotFoundError):
        return _ERRNO_TEXTS[errno.ENOENT]
    return f"erreur du système n° {number}" if number else "erreur du système"


def kind_text(mode: int) -> str | None:
    """What a non-regular file is, in French; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "c'est un dossier, pas un fichier"
    if stat.S_ISFIFO(mode):
        return "c'est un tube (FIFO), pas un fichier"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "c'est un périphérique (comme /dev/zero), pas un fichier"
    if stat.S_ISSOCK(mode):
        return "c'est une prise de communication (socket), pas un fichier"
    return "ce n'est pas un fichier ordinaire"


def path_problem(path: str | os.PathLike) -> str | None:
    """Why `path` cannot be used (French phrase, no final full stop), or None when it
    exists. The one wording of every command: a missing file, a symlink loop, no right."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "fichier introuvable"
    except ValueError:  # a NUL in the name
        return f"impossible de lire le fichier ({_ERRNO_TEXTS[errno.EINVAL]})"
    except OSError as error:
        return f"impossible de lire le fichier ({os_error_text(error)})"
    return None


def read_regular_file(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or `FileKindError`."""
    path = Path(path)
    problem = path_problem(path)
    if problem is not None:
        raise FileKindError(problem)
    try:
        info = path.stat()
    except (OSError, ValueError) as error:
        raise FileKindError(f"impossible de lire le fichier ({os_error_text(error)})") from None
    kind = kind_text(info.st_mode)
    if kind is not None:
        raise FileKindError(kind)
    if info.st_size > limit:
        raise FileKindError(_too_big(limit))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise FileKindError(f"impossible de lire le fichier ({os_error_text(error)})") from None
    try:
        kind = kind_text(os.fstat(fd).st_mode)  # swapped between stat and open?
        if kind is not None:
            raise FileKindError(kind)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise FileKindError(_too_big(limit))
        return b"".join(chunks)
    except OSError as error:
        raise FileKindError(f"impossible de lire le fichier ({os_error_text(error)})") from None
    finally:
        os.close(fd)


def _too_big(limit: int) -> str:
    return f"fichier beaucoup trop gros (plus de {limit // (1024 * 1024)} Mo)"


def output_target(path: str | os.PathLike) -> Path:
    """Where `write_output` would write: the file itself, or what a symlink points to.

    `FileKindError` if it is (or points to) a folder, a device, a pipe…
    """
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    try:
        info = target.stat()
    except FileNotFoundError:
        return target
    except OSError as error:
        raise FileKindError(f"impossible d'y écrire ({os_error_text(error)})") from None
    kind = kind_text(info.st_mode)
    if kind is not None:
        raise FileKindError(kind)
    return target


def write_output(path: str | os.PathLike, content: str | bytes) -> Path:
    """Write a result file safely (atomic); returns the file really written.

    Raises `FileKindError` (French phrase) for a folder, device or pipe, or any OS error.
    """
    from game.storage import SaveError, write_atomic

    target = output_target(path)
    if not target.parent.is_dir():
        raise FileKindError(f"le dossier « {target.parent} » n'existe pas")
    try:
        write_atomic(target, content, backup=False)
    except SaveError as error:
        cause = error.__cause__
        text = os_error_text(cause) if isinstance(cause, OSError) else str(error)
        raise FileKindError(f"impossible d'y écrire ({text})") from None
    return target
