"""The class report: `rapport.csv` for French Excel / LibreOffice, and the printed grid.

CSV: UTF-8 with a BOM (so Excel reads the accents), `;` between columns, a decimal
comma in figures, exactly one row per pupil (of the class list, plus one per unknown
hand-in) with the assigned levels side by side. Text cells that Excel would take for a
formula (=, +, -, @, or a tab / line break first) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

from game.modes.devoir.homework.french import plural
from game.modes.devoir.homework.seeds import normalise_name

FIXED = ["Nom", "Prénom", "Fichier rendu", "Bilan"]
PER_LEVEL = [
    "fait",
    "étoiles",
    "compris du 1er coup",
    "indices",
    "pas d'entraînement",
    "actions",
    "objectif (recalculé)",
]
LAST = ["Temps déclaré (min)", "En retard", "Rendu le (déclaré)", "Problèmes et remarques"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def columns(grille):
    """The header: one row per pupil, the assigned levels side by side."""
    per_level = [f"N{n.numero} {what}" for n in grille.niveaux for what in PER_LEVEL]
    return FIXED + per_level + LAST


def decimal(value, digits=4):
    """2.845 → « 2,845 » (French decimal comma); integers stay whole; None → empty."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value == value:
        return f"{value:.{digits}f}".rstrip("0").rstrip(".").replace(".", ",")
    return ""


def _text(value):
    text = str(value or "")
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def yes_no(value):
    return "" if value is None else ("oui" if value else "non")


def status(copie):
    if not copie.rendu:
        return "rien rendu"
    return "valide" if copie.valide else "à voir"


def _level_cells(case):
    if case is None or not case.rendu:
        return ["non", "", "", "", "", "", ""]
    return [
        yes_no(case.fait),
        str(case.etoiles),
        yes_no(case.compris),
        str(case.indices),
        decimal(case.pas),
        decimal(case.actions),
        decimal(case.mesure),
    ]


def _row(grille, copie):
    cells = [_text(copie.nom), _text(copie.prenom), _text(Path(copie.fichier).name)]
    cells.append(status(copie))
    for niveau in grille.niveaux:
        cells += _level_cells(copie.cases.get(niveau.numero))
    minutes = sum(c.temps_ms for c in copie.cases.values() if c.rendu) / 60000
    cells += [
        decimal(minutes, 1) if copie.rendu_le else "",
        "oui" if copie.en_retard else "non",
        _text(_when(copie.rendu_le)),
        _text(" ; ".join(copie.raisons())),
    ]
    return cells


def _when(iso):
    """« 2026-12-01T18:02:11 » → « 01/12/2026 18:02 » (a date French Excel reads)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return iso or ""


def csv_text(grille):
    """The report as text, one line per pupil (write it with `write_csv`)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns(grille))
    for copie in grille.copies:
        writer.writerow(_row(grille, copie))
    return out.getvalue()


def write_csv(path, grille):
    """Writes `rapport.csv` atomically (UTF-8 with BOM). Raises `SaveError` (French)."""
    from game.storage import write_atomic

    write_atomic(path, "\ufeff" + csv_text(grille), backup=False)


def cell(case, copie=None):
    """One grid cell in a terminal: « ✔ ★★☆ Q✔ », « ✘ ★☆☆ Q✘ », « — » (not handed in,
    or in a file that does not count); Q✔ / Q✘: the understanding questions right (or not)
    at the first try."""
    if case is None or not case.rendu:
        return "—"
    stars = "★" * case.etoiles + "☆" * (3 - case.etoiles)
    understood = " Q✔" if case.compris else (" Q✘" if case.compris is False else "")
    return f"{'✔' if case.fait else '✘'} {stars}{understood}"


def grid_text(grille):
    """The class grid for a terminal, then the reason for every problem."""
    lines = []
    title = f"Devoir {grille.code}" + (f" — {grille.classe}" if grille.classe else "")
    lines.append(title)
    width = max([len(_name(c)) for c in grille.copies] + [6])
    head = "Élève".ljust(width) + "".join(f" | N{n.numero}".ljust(14) for n in grille.niveaux)
    lines.append(head + " | bilan")
    lines.append("-" * (len(head) + 10))
    for copie in grille.copies:
        cells = "".join(
            f" | {cell(copie.cases.get(n.numero), copie)}".ljust(14) for n in grille.niveaux
        )
        late = " (en retard)" if copie.en_retard else ""
        lines.append(_name(copie).ljust(width) + cells + f" | {status(copie)}{late}")
    lines.append(
        "✔ fait · ✘ pas fait ou à revoir · ★ étoiles · Q✔ / Q✘ : questions de compréhension"
        " justes (ou non) du premier coup · — : pas rendu."
    )
    for line in understanding_lines(grille):
        lines.append(line)
    problems = [(c, c.raisons()) for c in grille.copies]
    if any(reasons for _, reasons in problems):
        lines.append("")
        lines.append("Pourquoi :")
    for copie, reasons in problems:
        for reason in reasons:
            lines.append(f"  {_name(copie)} : {reason}")
    for message in grille.messages:
        lines.append(f"Note : {message}")
    lines.append(summary_line(grille))
    return "\n".join(lines)


def summary_line(grille):
    pupils = len(grille.copies)
    valid = plural(grille.valides, "devoir valide", "devoirs valides")
    text = f"{valid} sur {plural(pupils, 'élève')}"
    if grille.illisibles:
        text += f" ; {plural(len(grille.illisibles), 'fichier', 'fichiers')} qui ne compte"
        text += "nt pas" if len(grille.illisibles) > 1 else " pas"
    return text + "."


def understanding(grille):
    """Per assigned level: (niveau, right at the first try, answered, most missed text)."""
    out = []
    for niveau in grille.niveaux:
        cases = [c.cases.get(niveau.numero) for c in grille.copies]
        answered = [c for c in cases if c is not None and c.compris is not None]
        right = sum(1 for c in answered if c.compris)
        missed = Counter(q for c in answered for q in c.manquees)
        text = question_text(niveau, missed.most_common(1)[0][0]) if missed else ""
        out.append((niveau, right, len(answered), text))
    return out


def understanding_lines(grille):
    lines = []
    for niveau, right, answered, text in understanding(grille):
        line = f"Niveau {niveau.numero} : compris du premier coup : {right}/{answered}"
        if text:
            line += f" — question la plus manquée : « {text} »"
        lines.append(line)
    return lines


def question_text(niveau, question):
    """The question as the pupils read it, its computed values shown as « … »."""
    try:
        template = niveau.textes("fr")["questions"][question]["texte"]
    except (KeyError, TypeError, AttributeError, OSError):
        return str(question)
    return re.sub(r"\{[^{}]*\}", "…", str(template))


def _name(copie):
    return f"{copie.prenom} {copie.nom}".strip()


def sort_key(copie):
    return (normalise_name(copie.nom), normalise_name(copie.prenom))
