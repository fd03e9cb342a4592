"""The class report: `rapport.csv` for French Excel / LibreOffice, and the printed grid.

CSV: UTF-8 with a BOM (so Excel reads the accents), `;` between columns, a decimal
comma in figures, one row per pupil and assigned level. Text cells that Excel would
take for a formula (=, +, -, @) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from game.modes.devoir.homework.seeds import normalise_name

COLUMNS = [
    "Nom",
    "Prénom",
    "Niveau",
    "Titre",
    "Fait",
    "Étoiles",
    "Indices",
    "Pas d'entraînement",
    "Actions",
    "Objectif (recalculé)",
    "Temps déclaré (min)",
    "En retard",
    "Rendu le (déclaré)",
    "Problèmes et remarques",
]


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
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _row(grille, copie, niveau, case):
    reasons = list(copie.problemes) + list(copie.remarques)
    if case is not None:
        reasons += case.problemes + case.remarques
    done = case is not None and case.fait
    return [
        _text(copie.nom),
        _text(copie.prenom),
        str(niveau.numero),
        _text(niveau.titre),
        "oui" if done else "non",
        str(case.etoiles) if case and case.rendu else "",
        str(case.indices) if case and case.rendu else "",
        decimal(case.pas) if case else "",
        decimal(case.actions) if case else "",
        decimal(case.mesure) if case else "",
        decimal(case.temps_ms / 60000, 1) if case and case.rendu else "",
        "oui" if copie.en_retard else "non",
        _text(copie.rendu_le.replace("T", " ")),
        _text(" ; ".join(reasons)),
    ]


def csv_text(grille):
    """The report as text (write it with `encoding='utf-8-sig'` or use `write_csv`)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for copie in grille.copies:
        for niveau in grille.niveaux:
            writer.writerow(_row(grille, copie, niveau, copie.cases.get(niveau.numero)))
    for path, reason in grille.illisibles:
        writer.writerow(
            ["", "", "", "", "non", "", "", "", "", "", "", "", "", _text(f"{path} : {reason}")]
        )
    return out.getvalue()


def write_csv(path, grille):
    """Writes `rapport.csv` atomically (UTF-8 with BOM). Raises `SaveError` (French)."""
    from game.storage import write_atomic

    write_atomic(path, "\ufeff" + csv_text(grille), backup=False)


def cell(case):
    """One grid cell in a terminal: « ✔ ★★☆ », « ✘ ★☆☆ », « — » (not handed in)."""
    if case is None or not case.rendu:
        return "—"
    stars = "★" * case.etoiles + "☆" * (3 - case.etoiles)
    return f"{'✔' if case.fait else '✘'} {stars}"


def grid_text(grille):
    """The class grid for a terminal, then the reason for every problem."""
    lines = []
    title = f"Devoir {grille.code}" + (f" — {grille.classe}" if grille.classe else "")
    lines.append(title)
    width = max([len(_name(c)) for c in grille.copies] + [6])
    head = "Élève".ljust(width) + "".join(f" | N{n.numero}".ljust(10) for n in grille.niveaux)
    lines.append(head + " | bilan")
    lines.append("-" * (len(head) + 10))
    for copie in grille.copies:
        cells = "".join(f" | {cell(copie.cases.get(n.numero))}".ljust(10) for n in grille.niveaux)
        status = "valide" if copie.valide else ("rien rendu" if not copie.rendu else "à voir")
        late = " (en retard)" if copie.en_retard else ""
        lines.append(_name(copie).ljust(width) + cells + f" | {status}{late}")
    problems = [(c, c.raisons()) for c in grille.copies]
    if any(reasons for _, reasons in problems) or grille.illisibles:
        lines.append("")
        lines.append("Pourquoi :")
    for copie, reasons in problems:
        for reason in reasons:
            lines.append(f"  {_name(copie)} : {reason}")
    for path, reason in grille.illisibles:
        lines.append(f"  {path} : {reason}")
    for message in grille.messages:
        lines.append(f"Note : {message}")
    lines.append(
        f"{grille.valides} devoir(s) valide(s) sur {len(grille.copies)} élève(s) ; "
        f"{len(grille.illisibles)} fichier(s) écarté(s)."
    )
    return "\n".join(lines)


def _name(copie):
    return f"{copie.prenom} {copie.nom}".strip()


def sort_key(copie):
    return (normalise_name(copie.nom), normalise_name(copie.prenom))
