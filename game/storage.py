"""Where a kid's things live on disk, and how they are written so they are never lost.

- `home_dir()`: the data folder (`TUTO_LLM_HOME` overrides it; read at each call).
- `write_atomic(path, content)`: temp file in the same folder, flush + fsync, the previous
  version kept as `<name>.bak`, then `os.replace`. Any failure is one `SaveError` carrying
  a French message the game can show; what was on disk stays as it was.
- `read_json(path, validate)`: the file, else its `.bak`. A damaged file (empty, cut,
  garbage, wrong version…) is recovered from the backup with a one-sentence message for
  the kid; if both are damaged they are renamed `<name>.abime-<date>` (never deleted) and
  the caller starts fresh. It never raises.

See docs/SAVES.md for the whole story (for teachers too).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import i18n

log = logging.getLogger(__name__)

HOME_ENV = "TUTO_LLM_HOME"
BACKUP_SUFFIX = ".bak"
ASIDE_MARK = ".abime-"  # "damaged" in French: teachers see these names in the folder
MAX_FILE_BYTES = 64 * 1024 * 1024  # bigger than that is not one of our files
MAX_DEPTH = 64  # our files nest a few levels; deeper is not one of them (and breaks asdict)
TEMP_SUFFIX = ".tmp"
TEMP_MAX_AGE_S = 60  # a temp file older than this was left by a save that never finished
DEFAULT_MESSAGES = "common.save"  # catalog prefix: .recovered, .lost, .unreadable


class SaveError(Exception):
    """A write that could not be done. `str(error)` is a French sentence for the kid."""

    def __init__(self, message: str, key: str | None = None, path: Path | None = None):
        super().__init__(message)
        self.message = message
        self.key = key
        self.path = path


@dataclass
class ReadResult:
    """What `read_json` found. Unpacks as `data, message = read_json(...)`.

    data: the (validated) content, or None when there is nothing usable (fresh start).
    message: one sentence for the kid (current language), or None when all went well.
    """

    data: Any = None
    message: str | None = None
    message_key: str | None = None
    recovered: bool = False  # data came from the backup
    moved_aside: list[Path] = field(default_factory=list)

    def __iter__(self):
        yield self.data
        yield self.message


# --------------------------------------------------------------------------- paths


def home_dir() -> Path:
    """The folder for profiles, settings and runs, by OS convention (not created here)."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA", "").strip()
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
        return base / "TutoLLM"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "TutoLLM"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "tuto-llm"


def backup_path(path: Path | str) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def _free_name(base: Path) -> Path:
    candidate, n = base, 2
    while candidate.exists() or candidate.is_symlink():
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate


def move_aside(path: Path | str) -> Path | None:
    """Rename a damaged file to `<name>.abime-<date>` next to it; None if it cannot be moved."""
    path = Path(path)
    try:
        target = _free_name(path.with_name(f"{path.name}{ASIDE_MARK}{_stamp()}"))
        os.replace(path, target)
    except OSError as error:
        log.warning("impossible de mettre de côté %s : %s", path, error)
        return None
    log.warning("fichier abîmé mis de côté : %s", target)
    return target


# --------------------------------------------------------------------------- writing


def _write_error(error: BaseException, path: Path) -> SaveError:
    number = getattr(error, "errno", None)
    if isinstance(error, PermissionError) or number in (errno.EACCES, errno.EPERM, errno.EROFS):
        key = "common.save.write_denied"
    elif number in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        key = "common.save.disk_full"
    else:
        key = "common.save.write_failed"
    return SaveError(i18n.t(key), key=key, path=path)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _replace(source: str, target: Path) -> None:
    # Windows: an antivirus or the indexer may hold the file for a moment.
    for attempt in range(3):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 2:
                raise
            time.sleep(0.05)


def shareable(path: str | Path, like: Path | None = None) -> None:
    """A temp file is private (0600): give the file the mode of the one it replaces, or
    0644 — a run file, a .lss, a CSV or a proof is made to be read by others (a teacher,
    LiveSplit under another account)."""
    mode = like.stat().st_mode & 0o777 if like is not None and like.is_file() else 0o644
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


def _write_replace(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shareable(tmp, target)
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def _to_bytes(content: str | bytes | bytearray | memoryview) -> bytes:
    if isinstance(content, str):
        return content.encode("utf-8")
    if isinstance(content, bytes | bytearray | memoryview):
        return bytes(content)
    raise TypeError(f"write_atomic attend du texte ou des octets, pas {type(content).__name__}")


def write_atomic(
    path: Path | str, content: str | bytes | bytearray | memoryview, *, backup: bool = True
) -> None:
    """Write a whole file safely (text is UTF-8); raises only `SaveError`.

    With `backup`, the current file (if any and not empty) becomes `<name>.bak` first.
    A symlink is written through (the file it points to is replaced, the link stays); a
    folder, a device or a pipe at `path` is never replaced (`SaveError`).
    """
    path = Path(path)
    try:
        if path.is_symlink():  # write through the link (the link stays a link)
            path = path.resolve()
        if path.exists() and not path.is_file():  # a device, a pipe, a folder: never replaced
            raise IsADirectoryError(errno.EISDIR, "pas un fichier ordinaire", str(path))
        data = _to_bytes(content)
        path.parent.mkdir(parents=True, exist_ok=True)
        if backup and path.is_file():
            previous = path.read_bytes()
            if previous.strip():
                _write_replace(backup_path(path), previous)
        _write_replace(path, data)
    except SaveError:
        raise
    except Exception as error:
        log.error("écriture impossible %s : %r", path, error)
        raise _write_error(error, path) from error


def write_json(path: Path | str, data: Any, *, backup: bool = True) -> None:
    """`write_atomic` of `data` as readable JSON (UTF-8, indented); raises only `SaveError`."""
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    except Exception as error:  # not JSON-able: a bug, but the kid must not lose the game
        log.error("données non JSON pour %s : %r", path, error)
        raise _write_error(error, Path(path)) from error
    write_atomic(path, text, backup=backup)


# --------------------------------------------------------------------------- reading

_OK, _MISSING, _DAMAGED, _UNREADABLE = "ok", "missing", "damaged", "unreadable"


def check_tree(data: Any) -> None:
    """ValueError if `data` nests deeper than `MAX_DEPTH` or holds text that is not Unicode.

    A lone surrogate (``"\\ud800"`` in the JSON) cannot be drawn nor saved again: such a
    file is damaged like any other. Iterative, so any depth is safe to check.
    """
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValueError("trop imbriqué")
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("texte illisible") from None
        elif isinstance(value, dict):
            stack.extend((k, depth + 1) for k in value)
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def clean_temp_files(folder: Path | str, max_age_s: float = TEMP_MAX_AGE_S) -> int:
    """Remove the `.<name>.*.tmp` files left by saves that were interrupted (power cut, kill).

    Only ours (hidden, `.tmp` suffix) and only old ones: another game open on the same
    computer may be writing one right now. Returns how many were removed; never raises.
    """
    removed = 0
    now = time.time()
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return 0
    for path in entries:
        name = path.name
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        try:
            info = path.lstat()
            if not os.path.isfile(path) or path.is_symlink() or now - info.st_mtime < max_age_s:
                continue
            path.unlink()
            removed += 1
        except OSError as error:
            log.warning("fichier temporaire %s impossible à effacer : %s", path, error)
    if removed:
        log.warning("%d fichier(s) temporaire(s) d'une sauvegarde interrompue effacé(s)", removed)
    return removed


def clean_home_temp_files() -> int:
    """`clean_temp_files` in the data folder and its direct sub-folders (called at start)."""
    home = home_dir()
    removed = clean_temp_files(home)
    try:
        folders = [p for p in home.iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:
        return removed
    return removed + sum(clean_temp_files(folder) for folder in folders)


def _try_read(path: Path, validate: Callable[[Any], Any] | None) -> tuple[str, Any, bytes]:
    from game.proofs.reader import parse_json

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            log.warning("%s : fichier trop gros", path)
            return _DAMAGED, None, b""
        raw = path.read_bytes()
    except FileNotFoundError:
        return _MISSING, None, b""
    except OSError as error:
        log.warning("lecture impossible %s : %s", path, error)
        return _UNREADABLE, None, b""
    try:
        if not raw.strip():
            raise ValueError("fichier vide")
        data = parse_json(raw, MAX_FILE_BYTES, MAX_DEPTH, allow_nan=True)  # bounded first
        check_tree(data)
        if validate is not None:
            checked = validate(data)
            if checked is not None:
                data = checked
    except Exception as error:
        log.warning("fichier abîmé %s : %r", path, error)
        return _DAMAGED, None, raw
    return _OK, data, raw


def _message(prefix: str, name: str) -> tuple[str, str]:
    key = f"{prefix}.{name}"
    try:
        return i18n.t(key), key
    except Exception:  # i18n never raises, but a save must not depend on it
        return key, key


def read_json(
    path: Path | str,
    validate: Callable[[Any], Any] | None = None,
    *,
    messages: str = DEFAULT_MESSAGES,
) -> ReadResult:
    """Read a JSON file written by `write_json`, recovering from its backup; never raises.

    `validate(data)` raises (any exception) when the content is not acceptable — wrong
    structure, unknown version — and returns either None (keep `data`) or the cleaned
    data to hand back. `messages` is the catalog prefix of the kid's messages
    (`<prefix>.recovered`, `.lost`, `.unreadable`).
    """
    try:
        return _read_json(Path(path), validate, messages)
    except Exception as error:  # last guard: a kid's game never stops on a save
        log.exception("lecture de %s : %r", path, error)
        text, key = _message(messages, "unreadable")
        return ReadResult(None, text, key)


def _read_json(path: Path, validate, messages: str) -> ReadResult:
    status, data, _raw = _try_read(path, validate)
    if status == _OK:
        return ReadResult(data)

    bak = backup_path(path)
    bak_status, bak_data, bak_raw = _try_read(bak, validate)
    if bak_status == _OK:
        result = ReadResult(bak_data, recovered=True)
        result.message, result.message_key = _message(messages, "recovered")
        if status == _DAMAGED:
            aside = move_aside(path)
            if aside is not None:
                result.moved_aside.append(aside)
        if status in (_DAMAGED, _MISSING) and not path.exists():
            try:  # put the good copy back in place; the backup stays as it is
                _write_replace(path, bak_raw)
            except OSError as error:
                log.warning("restauration impossible de %s : %s", path, error)
        log.warning("%s récupéré depuis %s", path, bak)
        return result

    if status == _MISSING and bak_status == _MISSING:
        return ReadResult(None)

    result = ReadResult(None)
    for state, damaged in ((status, path), (bak_status, bak)):
        if state == _DAMAGED:
            aside = move_aside(damaged)
            if aside is not None:
                result.moved_aside.append(aside)
    if _UNREADABLE in (status, bak_status):
        result.message, result.message_key = _message(messages, "unreadable")
    else:
        result.message, result.message_key = _message(messages, "lost")
    return result
