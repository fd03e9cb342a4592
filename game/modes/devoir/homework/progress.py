"""A pupil's homework, kept in their profile (`profile.homework`), saved like the rest.

    profile.homework = {
        "actif": "K7QM-3XPA-HW9D" or None,       # the homework shown on the map
        "devoirs": {code: {"journaux": {level id: run log}, "rendu_le": "", "fichier": ""}},
    }

Homework runs never touch the adventure's progress: they live here only. For each
level, the best run is kept (done by the homework's rule first, then more stars).
"""

from __future__ import annotations

import datetime as dt

from game.modes.devoir.homework import handin
from game.modes.devoir.homework.code import decode, game_version, normaliser
from game.modes.devoir.homework.seeds import personal_seed

MAX_HOMEWORKS = 20


def clean(data):
    """A valid homework dict from whatever was on disk (never raises; bad parts dropped);
    {} when there is no homework."""
    out = {"actif": None, "devoirs": {}}
    if not isinstance(data, dict):
        return {}
    devoirs = data.get("devoirs")
    for code, entry in devoirs.items() if isinstance(devoirs, dict) else []:
        if not isinstance(code, str) or not isinstance(entry, dict):
            continue
        logs = entry.get("journaux")
        logs = (
            {k: v for k, v in logs.items() if isinstance(v, dict)} if isinstance(logs, dict) else {}
        )
        out["devoirs"][code] = {
            "journaux": logs,
            "rendu_le": entry.get("rendu_le") if isinstance(entry.get("rendu_le"), str) else "",
            "fichier": entry.get("fichier") if isinstance(entry.get("fichier"), str) else "",
            "prenom": entry.get("prenom") if isinstance(entry.get("prenom"), str) else "",
        }
    actif = data.get("actif")
    out["actif"] = actif if actif in out["devoirs"] else None
    return out if out["devoirs"] else {}


def state(profile):
    profile.homework = clean(getattr(profile, "homework", None)) or {"actif": None, "devoirs": {}}
    return profile.homework


def join(profile, text):
    """Takes a typed code: the homework becomes the active one. Returns (code, Devoir).

    Raises `ErreurCode` (French) for a wrong code or one from a newer game.
    """
    from game.modes.devoir.homework.code import ErreurCode

    code = normaliser(text)
    devoir = decode(code)
    if tuple(devoir.version) > tuple(game_version()[:2]):
        raise ErreurCode(
            "Ce code vient d'une version plus récente du jeu : demande à un adulte "
            "de mettre Tuto LLM à jour.",
            cle="version",
        )
    homework = state(profile)
    entry = homework["devoirs"].setdefault(code, _empty(profile))
    entry["prenom"] = entry["prenom"] or profile.name
    homework["actif"] = code
    if len(homework["devoirs"]) > MAX_HOMEWORKS:
        oldest = next(c for c in homework["devoirs"] if c != code)
        del homework["devoirs"][oldest]
    return code, devoir


def active(profile):
    """(code, Devoir) of the homework shown on the map, or (None, None)."""
    code = state(profile)["actif"]
    if code is None:
        return None, None
    try:
        return code, decode(code)
    except ValueError:
        return None, None


def _empty(profile):
    return {"journaux": {}, "rendu_le": "", "fichier": "", "prenom": profile.name}


def pupil_name(profile, code):
    """The first name the homework was taken with (seeds and hand-in use it)."""
    entry = state(profile)["devoirs"].get(code)
    return (entry or {}).get("prenom") or profile.name


def seed(profile, code, level_id):
    """The pupil's personal seed for this level of this homework."""
    return personal_seed(code, pupil_name(profile, code), level_id)


def _rank(devoir, journal):
    claims = journal.get("annonce", {}) if isinstance(journal, dict) else {}
    stars = sum(1 for e in claims.get("etoiles", []) if e is True)
    done = bool(claims.get("termine")) and (stars == 3 or not devoir.trois_etoiles)
    return (done, bool(claims.get("termine")), stars)


def record(profile, code, devoir, journal):
    """Keeps a homework run if it is better than the one kept; returns True if kept."""
    entry = state(profile)["devoirs"].setdefault(code, _empty(profile))
    level_id = journal.get("niveau")
    old = entry["journaux"].get(level_id)
    if old is not None and _rank(devoir, old) >= _rank(devoir, journal):
        return False
    entry["journaux"][level_id] = journal
    return True


def level_status(profile, code, devoir):
    """[(level number, level id, done, stars)] for the map's homework panel."""
    from levels import registry

    entry = state(profile)["devoirs"].get(code, {"journaux": {}})
    by_number = {n.numero: n for n in registry.niveaux()}
    rows = []
    for numero in devoir.niveaux:
        niveau = by_number.get(numero)
        if niveau is None:
            continue
        journal = entry["journaux"].get(niveau.id)
        done, _, stars = _rank(devoir, journal) if journal else (False, False, 0)
        rows.append((numero, niveau.id, done, stars))
    return rows


def hand_in(profile, code, folder, now=None):
    """Writes `devoir-CODE-Prenom.tuto` in `folder`; returns its path. Raises `SaveError`."""
    entry = state(profile)["devoirs"].setdefault(code, _empty(profile))
    now = now or dt.datetime.now().replace(microsecond=0)
    data = handin.build(code, pupil_name(profile, code), entry["journaux"], now)
    path = handin.write(folder, data)
    entry["rendu_le"] = now.isoformat()
    entry["fichier"] = str(path)
    return path


def homework_dir():
    from game.storage import home_dir

    return home_dir() / "devoirs"
