"""The teacher's backup: one `.zip` with what another school computer needs to check
this computer's certificates and name its homeworks' classes.

It holds the certificate key (`cle-attestations`, secret: keep the backup like a key),
the keys imported before, the list of certificates and the list of homeworks. Importing
it on another computer adds all of that to what is there (nothing is lost or replaced).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from game.modes.devoir.homework import certificate, register

MAX_BYTES = 5 * 1024 * 1024
FILES = (certificate.KEY_FILE, certificate.IMPORTED_KEYS, certificate.LEDGER, register.FILE)


class BackupError(Exception):
    """A French sentence for the teacher."""


def default_path(folder=None):
    folder = folder or certificate.teacher_dir()
    return folder / "sauvegardes" / f"sauvegarde-enseignant-{dt.date.today()}.zip"


def export(path=None, folder=None):
    """Writes the backup (atomically); returns its path. Raises `BackupError`."""
    from game.storage import SaveError, write_atomic

    folder = folder or certificate.teacher_dir()
    certificate._key(folder)  # a computer that never issued one still gets its key saved
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in FILES:
            try:
                archive.writestr(name, (folder / name).read_bytes())
            except OSError:
                continue
    path = path or default_path(folder)
    try:
        write_atomic(path, out.getvalue(), backup=False)
    except SaveError as error:
        raise BackupError(str(error)) from None
    return path


def import_backup(path, folder=None):
    """Adds a backup's keys, certificates and homeworks here. Returns a French summary;
    raises `BackupError` for a file that is not a teacher backup."""
    from game.storage import SaveError, write_atomic, write_json

    folder = folder or certificate.teacher_dir()
    parts = _read(path)
    try:
        keys = _merge_keys(folder, parts.get(certificate.KEY_FILE, b""), parts)
        ledger = certificate._load_ledger(folder)
        theirs = _json(parts.get(certificate.LEDGER))
        added = {k: v for k, v in theirs.items() if k not in ledger and isinstance(v, dict)}
        if added:
            write_json(folder / certificate.LEDGER, {**ledger, **added})
        homeworks = _json(parts.get(register.FILE))
        mine = _load(folder / register.FILE)
        new = {k: v for k, v in homeworks.items() if k not in mine and isinstance(v, dict)}
        if new:
            write_json(folder / register.FILE, {**mine, **new})
        if keys:
            text = "\n".join(k.hex() for k in keys) + "\n"
            write_atomic(folder / certificate.IMPORTED_KEYS, text, backup=False)
    except SaveError as error:
        raise BackupError(str(error)) from None
    from game.modes.devoir.homework.french import plural

    return (
        f"Sauvegarde importée : {plural(len(added), 'attestation')}, "
        f"{plural(len(new), 'devoir')} ; les attestations de cet ordinateur-là "
        "peuvent maintenant être vérifiées ici."
    )


def _read(path):
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise BackupError("Ce fichier est trop gros pour une sauvegarde d'enseignant.")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist()) & set(FILES)
            parts = {name: archive.read(name)[:MAX_BYTES] for name in names}
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError):
        raise BackupError(
            "Ce fichier n'est pas une sauvegarde de l'espace enseignant (un .zip fait par "
            "« Sauvegarder »)."
        ) from None
    if certificate.KEY_FILE not in parts:
        raise BackupError("Cette sauvegarde ne contient pas de clé d'attestations.")
    return parts


def _key_of(raw):
    try:
        key = bytes.fromhex(raw.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        return None
    return key if len(key) == 32 else None


def _merge_keys(folder, own_raw, parts):
    known = certificate.imported_keys(folder)
    mine = certificate._key(folder, create=False)
    theirs = [_key_of(own_raw)]
    extra = parts.get(certificate.IMPORTED_KEYS, b"").decode("ascii", "replace").split()
    theirs += [_key_of(line.encode()) for line in extra[:200]]
    for key in theirs:
        if key and key != mine and key not in known:
            known.append(key)
    return known


def _load(path):
    from game.storage import read_json

    data, _ = read_json(path, lambda d: d if isinstance(d, dict) else None)
    return data or {}


def _json(raw):
    try:
        data = json.loads(raw.decode("utf-8")) if raw else {}
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}
