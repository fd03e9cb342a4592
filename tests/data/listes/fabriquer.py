"""Writes the realistic class lists of this folder (run it again after a change here).

Each file is a class list as a French school gives it: a Pronote export, an ENT export,
a list pasted from a spreadsheet, a spreadsheet saved as .xlsx and as .ods.
`attendus.json` holds, for each file, the pupils it must give (« NOM Prénom »).

    python tests/data/listes/fabriquer.py
"""

import json
import zipfile
from pathlib import Path

HERE = Path(__file__).parent

CLASSE_5B = [
    ("DURAND", "Chloé", "12/03/2014", "F"),
    ("N'DIAYE", "Moussa", "02/07/2014", "M"),
    ("DE LA FONTAINE", "Jean-Baptiste", "30/11/2013", "M"),
    ("MARTIN", "Léa", "05/05/2014", "F"),
    ("DUBOIS", "Léa", "17/01/2014", "F"),
    ("PETROVA", "Аня", "21/09/2014", "F"),
    ("ÇELIK", "Élif", "08/08/2014", "F"),
    ("LEROY", "Noé", "14/02/2014", "M"),
]
CLASSE_4A = [
    ("Bernard", "Zoé"),
    ("Wang", "李娜"),
    ("Haddad", "آدم"),
    ("Papadopoulos", "Νίκος"),
    ("Moreau", "Maël"),
    ("Lefèvre", "Anaïs"),
]


def pronote():
    """Pronote: one « Élève » column (NOM Prénom), Windows-1252, quoted, `;`."""
    lines = ['"Élève";"Né(e) le";"Sexe";"Classe";"Régime"']
    for nom, prenom, ne, sexe in CLASSE_5B:
        if prenom == "Аня":
            continue  # Windows-1252 has no Cyrillic
        lines.append(f'"{nom} {prenom}";"{ne}";"{sexe}";"5B";"DP DAN 4J"')
    (HERE / "pronote-5B.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return [f"{n} {p}" for n, p, _, _ in CLASSE_5B if p != "Аня"]


def ent():
    """An ENT export: a title line, UTF-8 with BOM, `,`, « Nom de famille » after « Prénom »."""
    lines = ["Liste des élèves - 5e B", "Prénom,Nom de famille,Classe,Identifiant"]
    for i, (nom, prenom, _, _) in enumerate(CLASSE_5B):
        lines.append(f'{prenom},"{nom}",5e B,eleve.{i:03d}')
    (HERE / "ent-5eB.csv").write_bytes(("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"))
    return [f"{n} {p}" for n, p, _, _ in CLASSE_5B]


def pasted():
    """Copied from a spreadsheet and pasted: tabs, NOM then Prénom, a birth date."""
    lines = ["NOM\tPrénom\tNé(e) le"]
    lines += [f"{nom}\t{prenom}\t{ne}" for nom, prenom, ne, _ in CLASSE_5B]
    (HERE / "colle-tableur.txt").write_text("\n".join(lines) + "\n", "utf-8")
    return [f"{n} {p}" for n, p, _, _ in CLASSE_5B]


def xlsx():
    """Made in a spreadsheet: Sexe, Nom, Prénom (in that order), empty rows, a total."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sexe", "Nom", "Prénom", "Classe"])
    for nom, prenom in CLASSE_4A:
        sheet.append(["", nom, prenom, "4e A"])
    book.save(HERE / "tableur-4eA.xlsx")
    return [f"{n} {p}" for n, p in CLASSE_4A]


def ods():
    """Made in LibreOffice: an .ods with repeated empty cells, as LibreOffice writes them."""
    t = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    x = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    o = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

    def row(cells):
        inner = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
            for c in cells
        )
        empty = '<table:table-cell table:number-columns-repeated="1020"/>'
        return f"<table:table-row>{inner}{empty}</table:table-row>"

    rows = [row(["NOM", "Prénom", "Classe"])] + [row([n, p, "4e A"]) for n, p in CLASSE_4A]
    rows.append(
        '<table:table-row table:number-rows-repeated="1048000">'
        "<table:table-cell/></table:table-row>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{o}" '
        f'xmlns:table="{t}" xmlns:text="{x}" office:version="1.3"><office:body>'
        f'<office:spreadsheet><table:table table:name="Feuille1">{"".join(rows)}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(HERE / "tableur-4eA.ods", "w") as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return [f"{n} {p}" for n, p in CLASSE_4A]


def main():
    expected = {
        "pronote-5B.csv": pronote(),
        "ent-5eB.csv": ent(),
        "colle-tableur.txt": pasted(),
        "tableur-4eA.xlsx": xlsx(),
        "tableur-4eA.ods": ods(),
    }
    text = json.dumps(expected, ensure_ascii=False, indent=1)
    (HERE / "attendus.json").write_text(text + "\n", "utf-8")


if __name__ == "__main__":
    main()
