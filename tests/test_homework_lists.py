"""Class lists as French schools export them (issue 21, outcome 1)."""

import io
import json
import os
from pathlib import Path

import pytest

from game.modes.devoir.homework.classlist import parse_class_list, read_class_list_file

LISTES = Path(__file__).parent / "data" / "listes"


def names(result):
    return [f"{e.nom} {e.prenom}".strip() for e in result.eleves]


@pytest.mark.parametrize(
    "fichier", sorted(json.loads((LISTES / "attendus.json").read_text("utf-8")))
)
def test_each_realistic_export_gives_exactly_its_pupils(fichier):
    expected = json.loads((LISTES / "attendus.json").read_text("utf-8"))[fichier]
    result = read_class_list_file(LISTES / fichier)
    assert names(result) == expected
    assert not result.refus
    assert not any("Séparateur" in m or "pas de prénom" in m for m in result.messages)


@pytest.mark.parametrize(
    "text",
    [
        "NOM;Prénom;Classe\nDURAND;Chloé;5e B\nMARTIN;Noé;5e B\n",
        "Nom de famille;Prénom\nDURAND;Chloé\nMARTIN;Noé\n",
        "Prénom(s);Sexe;NOM\nChloé;F;DURAND\nNoé;M;MARTIN\n",
        "Élève;Né(e) le;Sexe;Classe\nDURAND Chloé;01/01/2014;F;5B\nMARTIN Noé;02/02/2014;M;5B\n",
        "NOM Prénom\nDURAND Chloé\nMARTIN Noé\n",
        "DURAND\tChloé\nMARTIN\tNoé\n",
    ],
)
def test_headers_in_any_wording_and_order(text):
    result = parse_class_list(text)
    assert names(result) == ["DURAND Chloé", "MARTIN Noé"]
    assert not any("Prénom" in e.prenom or "/" in e.prenom for e in result.eleves)
    assert not any("Séparateur" in m for m in result.messages)


def test_class_column_gives_the_label_and_particles_stay_in_the_name():
    result = parse_class_list("Élève;Classe\nDE LA FONTAINE Jean-Baptiste;5e B\nN'DIAYE Awa;5e B\n")
    assert [(e.nom, e.prenom) for e in result.eleves] == [
        ("DE LA FONTAINE", "Jean-Baptiste"),
        ("N'DIAYE", "Awa"),
    ]
    assert result.classe == "5e B"


def test_excel_unicode_text_utf16():
    data = "NOM\tPrénom\r\nDURAND\tChloé\r\nMARTIN\tNoé\r\n".encode("utf-16")
    assert names(parse_class_list(data, "liste.txt")) == ["DURAND Chloé", "MARTIN Noé"]


def test_windows_1252_and_bom():
    raw = "NOM;Prénom\r\nDUPONT;Léa\r\nMARTIN;Noé\r\n".encode("cp1252")
    assert names(parse_class_list(raw, "liste.csv")) == ["DUPONT Léa", "MARTIN Noé"]
    bom = parse_class_list("\ufeffNom;Prénom\nBernard;Zoé\n".encode())
    assert [(e.nom, e.prenom, e.ligne) for e in bom.eleves] == [("Bernard", "Zoé", 2)]


def test_xlsx_made_here_is_read_for_real():
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Classe", "Prénom", "Nom"])
    book.active.append(["5e B", "Chloé", "DURAND"])
    book.active.append(["5e B", "Noé", "MARTIN"])
    out = io.BytesIO()
    book.save(out)
    result = parse_class_list(out.getvalue(), "liste.xlsx")
    assert names(result) == ["DURAND Chloé", "MARTIN Noé"] and result.classe == "5e B"


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "liste.xls", "Enregistrer sous"),
        (b"NOM;Pr\xe9nom\nDUPONT;L\xe9a\n", "liste.xls", ".xls"),
        (b"%PDF-1.4\n" + os.urandom(500), "liste.pdf", "PDF"),
        (b"PK\x03\x04" + os.urandom(500), "liste.xlsx", "CSV"),
        (bytes(range(256)) * 8, "liste.csv", "pas du texte"),
    ],
)
def test_other_files_are_refused_with_a_way_out(data, name, words):
    result = parse_class_list(data, name)
    assert result.eleves == [] and words in result.refus


def test_random_binary_and_prose_are_never_names():
    for seed in range(20):
        data = os.urandom(2000 + seed)
        assert parse_class_list(data, "x.csv").eleves == []
    prose = (
        "Bonjour à tous, voici le compte rendu du conseil de classe du 3 décembre.\n"
        "Les résultats en mathématiques sont en hausse depuis septembre.\n"
        "Merci.\n"
    )
    result = parse_class_list(prose)
    assert result.eleves == [] and "liste de classe" in result.refus
    figures = parse_class_list("12;14;15\n8;9;10\n11;12;13\n")
    assert figures.eleves == [] and figures.refus


def test_title_line_repeated_headers_and_initials():
    text = "Élèves\nPrénom,Nom de famille\nChloé,DURAND\nPrénom,Nom de famille\nNoé,MARTIN\n"
    assert names(parse_class_list(text)) == ["DURAND Chloé", "MARTIN Noé"]
    assert [e.prenom for e in parse_class_list("Léa D.\nLéa M.\nNoé\n").eleves] == [
        "Léa D.",
        "Léa M.",
        "Noé",
    ]


def test_cli_refuses_an_old_xls_list_with_a_way_out(tmp_path, capsys):
    from game.cli import main

    (tmp_path / "rendus").mkdir()
    xls = tmp_path / "classe.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert main(["devoir", "corriger", str(tmp_path / "rendus"), "--liste", str(xls)]) == 2
    err = capsys.readouterr().err
    assert ".xls" in err and "CSV" in err and "Traceback" not in err
