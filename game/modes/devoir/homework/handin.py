"""The hand-in file: one file per pupil and homework, `devoir-CODE-Prenom.tuto`.

It is JSON (a teacher can open it in a text editor):

    {"format": 1, "jeu": "tuto-llm", "type": "devoir", "code": "K7QM-3XPA-HW9D",
     "prenom": "Chloé", "version_jeu": "0.1.0", "rendu_le": "2026-12-01T18:02:11",
     "journaux": {"l1_devine": {…run log…}, …}, "somme": "<sha256>"}

`somme` is a SHA-256 of everything else: it catches a damaged, cut or hand-edited
file. It is not a secret (the game is open source): what really proves the work is
the replay of every log through the engine. `rendu_le` comes from the pupil's
computer: it is « déclaré », never « vérifié ».
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from game.modes.devoir.homework.code import game_version, version_text
from game.modes.devoir.homework.seeds import file_name_part, normalise_name

FORMAT = 1
KIND = "devoir"
SUFFIX = ".tuto"
MAX_LOGS = 12


@dataclass
class HandIn:
    """A hand-in file as read (nothing in it is trusted before the checker replays it)."""

    code: str
    prenom: str
    version_jeu: str
    rendu_le: str
    journaux: dict
    somme_ok: bool
    chemin: str = ""
    remarques: list = field(default_factory=list)

    def rendu_date(self):
        """The declared hand-in date, or None if unreadable."""
        try:
            return dt.datetime.fromisoformat(self.rendu_le).date()
        except (TypeError, ValueError):
            return None


def canonical(data):
    return json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def checksum(data):
    """The SHA-256 of a hand-in without its `somme` field."""
    body = {k: v for k, v in data.items() if k != "somme"}
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


def build(code, prenom, journaux, quand=None):
    """The content of a hand-in file (a dict with its checksum)."""
    quand = quand or dt.datetime.now().replace(microsecond=0)
    data = {
        "format": FORMAT,
        "jeu": "tuto-llm",
        "type": KIND,
        "code": code,
        "prenom": prenom,
        "version_jeu": version_text(game_version()),
        "rendu_le": quand.isoformat(),
        "journaux": dict(journaux),
    }
    data["somme"] = checksum(data)
    return data


def file_name(code, prenom, number=1):
    extra = f"-{number}" if number > 1 else ""
    return f"devoir-{code}-{file_name_part(prenom)}{extra}{SUFFIX}"


FILE_NAME = re.compile(
    r"^devoir-([0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4})-(.+?)(?:-\d{1,2})?(?: ?\(\d+\))?$"
)


def name_in_file_name(path):
    """(code, name part) of `devoir-CODE-Name.tuto` (copies « (1) », « -2 » ignored),
    else (« », the file's stem)."""
    stem = Path(str(path)).stem
    found = FILE_NAME.match(stem)
    if found is None:
        return "", stem
    return found.group(1).upper(), found.group(2)


def free_path(folder, code, prenom):
    """Where this pupil's hand-in goes: their own older file is replaced, never another
    pupil's (a file of the same name but another first name gets « -2 », « -3 »…)."""
    for number in range(1, 50):
        path = Path(folder) / file_name(code, prenom, number)
        if not path.exists():
            return path
        found, _ = read(path)
        if found is not None and normalise_name(found.prenom) == normalise_name(prenom):
            return path
    return Path(folder) / file_name(code, f"{prenom} {dt.datetime.now():%H%M%S}")


def write(folder, data):
    """Writes the hand-in atomically in `folder` (this pupil's older one is replaced,
    never another pupil's); returns its path.

    Raises `game.storage.SaveError` (a French sentence) if it cannot be written.
    """
    from game.storage import write_atomic

    path = free_path(folder, data["code"], data["prenom"])
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    write_atomic(path, text, backup=False)
    return path


def from_dict(data, chemin=""):
    """A `HandIn` from parsed JSON, or raises ValueError with a French reason."""
    if not isinstance(data, dict):
        raise ValueError("ce n'est pas un devoir rendu par Tuto LLM")
    if data.get("type") != KIND:
        if "actions" in data and "graine" in data:
            raise ValueError(
                "c'est un journal de partie seul, pas un devoir rendu "
                "(l'élève doit utiliser « Rendre mon devoir »)"
            )
        raise ValueError("ce n'est pas un devoir rendu par Tuto LLM")
    if data.get("jeu") != "tuto-llm" or data.get("format") != FORMAT:
        raise ValueError(f"format de devoir inconnu ({data.get('format')!r})")
    for key in ("code", "prenom", "version_jeu", "rendu_le"):
        if not isinstance(data.get(key), str) or len(data[key]) > 200:
            raise ValueError(f"le champ « {key} » manque ou est abîmé")
    logs = data.get("journaux")
    if not isinstance(logs, dict) or len(logs) > MAX_LOGS:
        raise ValueError("la liste des niveaux joués manque ou est abîmée")
    if not all(isinstance(k, str) and isinstance(v, dict) for k, v in logs.items()):
        raise ValueError("un des niveaux joués est abîmé")
    try:
        somme_ok = data.get("somme") == checksum(data)
    except (TypeError, ValueError):
        somme_ok = False
    return HandIn(
        code=data["code"],
        prenom=data["prenom"],
        version_jeu=data["version_jeu"],
        rendu_le=data["rendu_le"],
        journaux=logs,
        somme_ok=somme_ok,
        chemin=str(chemin),
    )


def read(path):
    """(HandIn, None) or (None, French reason); never raises."""
    from game.proofs.core import read_log

    data, problem = read_log(path)
    if problem is not None:
        if "JSON" in problem:  # cut on the way or edited: no format jargon for a teacher
            problem = "fichier abîmé ou coupé (il s'arrête au milieu ou a été modifié)"
        return None, problem
    try:
        return from_dict(data, path), None
    except ValueError as error:
        return None, str(error)
    except RecursionError:
        return None, "fichier abîmé (trop imbriqué)"
