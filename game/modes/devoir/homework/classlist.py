"""The class list, as French schools export it.

The columns are found by their header, in any common wording and order (« NOM »,
« Nom de famille », « Prénom(s) », « Élève » holding « NOM Prénom », « Classe »,
« Né(e) le », « Sexe »… — the others are ignored); without a header, `NOM;Prénom`,
a single « NOM Prénom » column or first names only. The file itself may be a CSV, a
text, a pasted spreadsheet, an `.xlsx` or an `.ods` (`game.modes.devoir.homework.listfile`).

Something that is not a class list (a binary file, a letter, a table of figures) is
refused with a reason (`ListeClasse.refus`), never read as names. Every oddity gets a
French message with its line number; nothing ever raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.modes.devoir.homework import listfile
from game.modes.devoir.homework.seeds import normalise_name

MAX_BYTES = listfile.MAX_BYTES
MAX_PUPILS = 200
MAX_NAME_WORDS = 6
HEADER_ROWS = 6  # a title line or two may come before the header (Pronote, ENT)

NOM = {"nom", "noms", "nomdefamille", "nomdusage", "nomeleve", "name", "lastname", "surname"}
PRENOM = {"prenom", "prenoms", "prenomeleve", "prenom1", "firstname", "givenname"}
FULL = {"eleve", "eleves", "nomprenom", "nometprenom", "nomprenoms", "identite", "student"}
CLASSE = {"classe", "division", "groupe", "class"}
OTHER = {
    "nele", "nee", "neele", "datedenaissance", "naissance", "sexe", "genre", "ine",
    "regime", "identifiant", "options", "option", "email", "mail",
}  # fmt: skip


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
    refus: str = ""  # not a class list: why (then `eleves` is empty)
    classe: str = ""  # the « Classe » column, when every pupil has the same


def parse_class_list(data, name=""):
    """Parses a class list (bytes, with its file `name` if any, or pasted text)."""
    result = ListeClasse()
    try:
        rows, result.messages = listfile.rows_of(data, name)
    except listfile.Refus as refus:
        return _refuse(result, str(refus))
    rows = [[_clean(c) for c in row] for row in rows]
    header_at, columns = _find_header(rows)
    seen = {}
    rejected = 0
    for number, row in enumerate(rows, start=1):
        if number <= header_at or not any(row) or _is_header_again(row):
            continue
        if len(result.eleves) >= MAX_PUPILS:
            result.messages.append(f"Ligne {number} : plus de {MAX_PUPILS} élèves, j'arrête là.")
            break
        rejected += not _add_row(result, number, row, columns, seen)
    if rejected >= 2 and rejected > len(result.eleves) // 3:
        return _refuse(
            result,
            "Ce fichier ne ressemble pas à une liste de classe : trop de lignes sans nom "
            "d'élève lisible. Il faut une ligne par élève, avec les colonnes NOM et Prénom.",
        )
    if not result.eleves:
        return _refuse(result, "Aucun élève trouvé : il faut une ligne « NOM;Prénom » par élève.")
    result.classe = _class_label(rows, header_at, columns)
    _warn_same_first_names(result)
    return result


def _refuse(result, reason):
    result.eleves, result.refus = [], reason
    result.messages = [reason]
    return result


def _clean(cell):
    return " ".join(str(cell).replace("\u00a0", " ").split()).strip('"').strip()


def _header_columns(row):
    columns = {}
    for index, cell in enumerate(row):
        key = normalise_name(cell)
        for role, words in (("nom", NOM), ("prenom", PRENOM), ("full", FULL)):
            if key in words:
                columns.setdefault(role, index)
        if key in CLASSE:
            columns.setdefault("classe", index)
    return columns


def _names_found(columns):
    return sum(1 for role in ("nom", "prenom", "full") if role in columns)


def _find_header(rows):
    """(row number of the header or 0, {"nom"/"prenom"/"full"/"classe": column}): the
    first rows' one with the most name headers (a title line « Élèves » comes first)."""
    best, best_columns = 0, {}
    for number, row in enumerate(rows[:HEADER_ROWS], start=1):
        columns = _header_columns(row)
        if _names_found(columns) > _names_found(best_columns):
            best, best_columns = number, columns
    return best, best_columns


def _is_header_again(row):
    """A header repeated on every page of an export: not a pupil."""
    words = [normalise_name(c) for c in row if c]
    headers = NOM | PRENOM | FULL | CLASSE | OTHER
    return bool(words) and all(w in headers for w in words)


def _add_row(result, number, row, columns, seen):
    """Adds the pupil of one row; False when the row holds no readable name."""
    nom, prenom = _names(row, columns)
    if not _looks_like_name(prenom) or (nom and not _looks_like_name(nom)):
        result.messages.append(f"Ligne {number} : pas de prénom lisible, ligne ignorée.")
        return False
    key = (normalise_name(nom), normalise_name(prenom))
    if key in seen:
        shown = f"{prenom} {nom}".strip()
        result.messages.append(
            f"Ligne {number} : « {shown} » est déjà à la ligne {seen[key]} (ignorée)."
        )
        return True
    seen[key] = number
    result.eleves.append(Eleve(nom, prenom, number))
    return True


def _cell(row, index):
    return row[index] if index is not None and index < len(row) else ""


def _names(row, columns):
    if "prenom" in columns:
        nom = _cell(row, columns.get("nom"))
        prenom = _cell(row, columns["prenom"])
        if not prenom and "full" in columns:
            return split_full_name(_cell(row, columns["full"]))
        return nom, prenom
    if "full" in columns or "nom" in columns:  # « Élève » or « Nom » alone: NOM Prénom
        return split_full_name(_cell(row, columns.get("full", columns.get("nom"))))
    filled = [c for c in row if c]
    if len(filled) >= 2:
        return filled[0], filled[1]
    return split_full_name(filled[0]) if filled else ("", "")


def split_full_name(text):
    """« DE LA FONTAINE Jean-Baptiste » → (« DE LA FONTAINE », « Jean-Baptiste »);
    « Chloé » → (« », « Chloé »); « MARTIN LÉA » → (« MARTIN », « LÉA »)."""
    words = text.split()
    if len(words) < 2 or _is_initial(words[-1]):
        return "", text  # « Chloé », « Léa D. »: a first name (with its initial)
    upper = 0
    while upper < len(words) and _is_upper(words[upper]):
        upper += 1
    if upper == len(words):
        upper -= 1  # all in capitals: the last word is the first name
    if upper == 0:
        upper = 1  # « Martin Léa »: a school list writes the family name first
    return " ".join(words[:upper]), " ".join(words[upper:])


def _is_initial(word):
    letters = [c for c in word if c.isalpha()]
    return len(letters) == 1 and len(word) <= 2


def _is_upper(word):
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and (len(letters) > 1)


def _looks_like_name(text):
    """Letters (any alphabet), spaces, dashes, apostrophes and dots; a few words at most."""
    if not text or len(text) > 60 or len(text.split()) > MAX_NAME_WORDS:
        return False
    if not normalise_name(text) or not any(c.isalpha() for c in text):
        return False
    return all(c.isalpha() or c in " -'’." or unicodedata_mark(c) for c in text)


def unicodedata_mark(char):
    import unicodedata

    return unicodedata.category(char).startswith("M")


def _class_label(rows, header_at, columns):
    index = columns.get("classe")
    if index is None:
        return ""
    labels = {_cell(row, index) for row in rows[header_at:] if any(row)}
    labels.discard("")
    return labels.pop()[:24] if len(labels) == 1 else ""


def _warn_same_first_names(result):
    by_name = {}
    for eleve in result.eleves:
        by_name.setdefault(eleve.cle, []).append(eleve)
    for group in by_name.values():
        if len(group) > 1:
            lignes = ", ".join(str(e.ligne) for e in group[:-1]) + f" et {group[-1].ligne}"
            result.messages.append(
                f"Lignes {lignes} : plusieurs élèves s'appellent {group[0].prenom}. "
                "Le jeu demande à chacun l'initiale de son nom (« Léa D. ») : "
                "je les reconnais ainsi."
            )


def read_class_list_file(path):
    """The class list of a file on disk (never raises: a French refusal instead). Read by
    the one reader of named files: a pipe, a folder or /dev/zero is named, never waited for."""
    from pathlib import Path

    from game.files import FileKindError, read_regular_file

    path = Path(path)
    try:
        data = read_regular_file(path, MAX_BYTES)
    except FileKindError as error:
        return _refuse(ListeClasse(), f"Je n'arrive pas à lire « {path.name} » : {error}.")
    return parse_class_list(data, path.name)
