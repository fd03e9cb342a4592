"""The homework sheet a teacher prints or projects: the code, what to do, the due date.

`sheet_texts` gives the words (shared by the PNG the game draws with pygame and the
HTML page written here, which any browser prints on one A4 page).
"""

from __future__ import annotations

import html

from game.modes.devoir.homework.french import long_day


def level_titles(numeros):
    from levels import registry

    titles = {n.numero: n.titre for n in registry.niveaux()}
    return [(n, titles.get(n, "?")) for n in numeros]


def sheet_texts(devoir, code, classe=""):
    """A dict: titre, classe, code, niveaux [(n, titre)], etapes [str], regles [str], pour."""
    regles = []
    if devoir.trois_etoiles:
        regles.append("Pour chaque niveau, gagne les 3 étoiles.")
    else:
        regles.append("Pour chaque niveau, atteins l'objectif (les étoiles sont en bonus).")
    if devoir.indices:
        regles.append("Tu as le droit aux indices.")
    else:
        regles.append("Sans indices : tu trouves tout seul, c'est ça le défi !")
    return {
        "titre": "Devoir Tuto LLM",
        "classe": classe,
        "code": code,
        "niveaux": level_titles(devoir.niveaux),
        "etapes": [
            "Ouvre Tuto LLM et choisis ton profil (avec ton vrai prénom).",
            "Sur la carte, clique sur « J'ai un code de devoir » et tape le code.",
            "Joue les niveaux du devoir : chaque élève a sa propre version.",
            "Clique sur « Rendre mon devoir » et donne le fichier à ton professeur.",
        ],
        "regles": regles,
        "pour": f"À rendre au plus tard le {long_day(devoir.echeance)}." if devoir.echeance else "",
        "note": "Deux élèves ont le même prénom ? Ajoutez l'initiale du nom : « Léa D. ».",
    }


def html_page(texts):
    """The sheet as one HTML page (prints on one A4 page)."""
    e = html.escape
    levels = "".join(f"<li>Niveau {n} : {e(t)}</li>" for n, t in texts["niveaux"])
    steps = "".join(f"<li>{e(s)}</li>" for s in texts["etapes"])
    rules = "".join(f"<p>{e(r)}</p>" for r in texts["regles"])
    classe = f" — {e(texts['classe'])}" if texts["classe"] else ""
    pour = f"<p class='pour'>{e(texts['pour'])}</p>" if texts["pour"] else ""
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{e(texts["titre"])} {e(texts["code"])}</title>
<style>
body{{font-family:Arial,Helvetica,sans-serif;max-width:18cm;margin:1cm auto;font-size:14pt}}
h1{{font-size:22pt}} .code{{font:bold 40pt 'Courier New',monospace;letter-spacing:.1em;
border:3px solid #333;border-radius:12px;padding:.3em;text-align:center;margin:.5em 0}}
.pour{{font-weight:bold;font-size:16pt}} .note{{font-size:11pt;color:#555}}
</style></head><body>
<h1>{e(texts["titre"])}{classe}</h1>
<p>Ton code de devoir :</p>
<div class="code">{e(texts["code"])}</div>
{pour}
<h2>Les niveaux à faire</h2><ul>{levels}</ul>
<h2>Comment faire</h2><ol>{steps}</ol>
{rules}
<p class="note">{e(texts["note"])}</p>
</body></html>
"""
