"""The class list, as schools export it: `NOM;Prénom`, one pupil per line.

Accepted: UTF-8 (with or without BOM) or Windows-1252 (Excel on Windows), a header
line or not, empty lines, a `,` or tab instead of `;`, a single column (first names
only), extra columns (ignored). Every oddity gets a French message with its line
number; nothing ever raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.modes.devoir.homework.seeds import normalise_name

MAX_BYTES = 1024 * 1024
MAX_PUPILS = 200
SEPARATORS = (";", "\t", ",")
HEADER_WORDS = {"nom", "prenom", "prenoms", "eleve", "eleves", "name", "firstname"}


@dataclass
class Eleve:
    nom: str
    prenom: str
    ligne: int

    @property
    def cle(self):
        return normalise_name(self.prenom)

    def affichage(self):
        return f"{self.prenom} {self.nom}".strip()


@dataclass
class ListeClasse:
    eleves: list = field(default_factory=list)
    messages: list = field(default_factory=list)  # French sentences, with line numbers


def _decode(raw):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def _separator(lines):
    """The separator most lines use (`;` unless another one is clearly used)."""
    counts = {sep: sum(1 for line in lines if sep in line) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else None


def _is_header(fields):
    words = {normalise_name(f) for f in fields if f.strip()}
    return bool(words) and words <= HEADER_WORDS | {""} and bool(words & HEADER_WORDS)


def parse_class_list(data):
    """Parses a class list (bytes or str). Returns a `ListeClasse`; never raises."""
    result = ListeClasse()
    if isinstance(data, bytes | bytearray):
        if len(data) > MAX_BYTES:
            result.messages.append("La liste est beaucoup trop grosse pour une liste de classe.")
            return result
        text, encoding = _decode(bytes(data))
        if encoding != "utf-8-sig":
            result.messages.append("Liste lue comme un fichier Windows (accents en Windows-1252).")
    elif isinstance(data, str):
        text = data[:MAX_BYTES]
    else:
        result.messages.append("Ce n'est pas une liste de classe.")
        return result
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    filled = [line for line in lines if line.strip()]
    sep = _separator(filled)
    if sep not in (";", None):
        shown = "tabulation" if sep == "\t" else f"« {sep} »"
        result.messages.append(f"Séparateur {shown} au lieu de « ; » : je l'ai utilisé quand même.")
    seen = {}
    for number, line in enumerate(lines, start=1):
        _parse_line(result, number, line, sep, seen)
    if not result.eleves:
        result.messages.append("Aucun élève trouvé : il faut une ligne « NOM;Prénom » par élève.")
    _warn_same_first_names(result)
    return result


def _parse_line(result, number, line, sep, seen):
    if not line.strip():
        return
    fields = [f.strip().strip('"').strip() for f in (line.split(sep) if sep else [line])]
    if not seen and _is_header(fields):
        return  # header line
    if len(result.eleves) >= MAX_PUPILS:
        if len(result.eleves) == MAX_PUPILS:
            result.messages.append(f"Ligne {number} : plus de {MAX_PUPILS} élèves, j'arrête là.")
            result.eleves.append(None)
        return
    if len(fields) == 1 or not any(fields[1:2]):
        nom, prenom = "", fields[0]
        if sep:
            result.messages.append(
                f"Ligne {number} : un seul nom (« {prenom} »), pris comme prénom."
            )
    else:
        nom, prenom = fields[0], fields[1]
    if not normalise_name(prenom):
        result.messages.append(f"Ligne {number} : pas de prénom lisible, ligne ignorée.")
        return
    key = (normalise_name(nom), normalise_name(prenom))
    if key in seen:
        shown = f"{prenom} {nom}".strip()
        result.messages.append(
            f"Ligne {number} : « {shown} » est déjà à la ligne {seen[key]} (ignorée)."
        )
        return
    seen[key] = number
    result.eleves.append(Eleve(nom, prenom, number))


def _warn_same_first_names(result):
    if result.eleves and result.eleves[-1] is None:
        result.eleves.pop()
    by_name = {}
    for eleve in result.eleves:
        by_name.setdefault(eleve.cle, []).append(eleve)
    for group in by_name.values():
        if len(group) > 1:
            lignes = ", ".join(str(e.ligne) for e in group)
            result.messages.append(
                f"Lignes {lignes} : plusieurs élèves s'appellent {group[0].prenom}. "
                "Sur leur profil, chacun ajoute l'initiale de son nom (« Léa D. »)."
            )
