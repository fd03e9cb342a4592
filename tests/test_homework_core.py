"""Homework codes, personal seeds, the class list and the certificates (no engine work)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.modes.devoir.homework import certificate
from game.modes.devoir.homework.classlist import parse_class_list
from game.modes.devoir.homework.code import ALPHABET, Devoir, ErreurCode, decode, encode, normaliser
from game.modes.devoir.homework.seeds import normalise_name, personal_seed

devoirs = st.builds(
    Devoir,
    niveaux=st.sets(st.integers(1, 6), min_size=1).map(lambda s: tuple(sorted(s))),
    indices=st.booleans(),
    trois_etoiles=st.booleans(),
    echeance=st.none() | st.dates(dt.date(2026, 1, 2), dt.date(2031, 8, 1)),
    nonce=st.integers(0, 2**14 - 1),
    version=st.tuples(st.integers(0, 3), st.integers(0, 15)),
)


def test_alphabet_has_no_look_alikes():
    assert not set("01OIL") & set(ALPHABET)
    assert len(ALPHABET) == len(set(ALPHABET)) == 31


@given(devoirs)
def test_codes_round_trip_and_are_short(devoir):
    code = encode(devoir)
    assert len(code) == 14 and code.count("-") == 2
    assert decode(code) == devoir
    assert decode(code.lower().replace("-", " ")) == devoir


@settings(max_examples=60)
@given(devoirs, st.integers(0, 11), st.sampled_from(ALPHABET + "0O1IL?é"))
def test_every_single_typo_is_caught_and_located(devoir, position, typed):
    chars = list(encode(devoir).replace("-", ""))
    if chars[position] == typed:
        return
    chars[position] = typed
    with pytest.raises(ErreurCode) as caught:
        decode("".join(chars))
    assert caught.value.groupe == position // 4 + 1
    assert f"{['1er', '2e', '3e'][position // 4]} groupe" in str(caught.value)


@given(st.text(max_size=40))
def test_any_typed_text_gives_a_code_or_a_french_sentence(text):
    try:
        decode(text)
    except ErreurCode as error:
        assert str(error)[0].isupper() and "Traceback" not in str(error)


def test_missing_and_extra_characters_are_told():
    code = Devoir((1, 2)).code
    with pytest.raises(ErreurCode, match="Il manque 1 caractère"):
        decode(code[:-1])
    with pytest.raises(ErreurCode, match="de trop"):
        decode(code + "A")
    assert normaliser(code.lower()) == code


def test_names_are_normalised_like_on_a_class_list():
    assert normalise_name("Chloé") == normalise_name("CHLOE ") == normalise_name("chloe")
    assert normalise_name("Jean-Luc") == normalise_name("jean luc")
    code = Devoir((1,)).code
    assert personal_seed(code, "Chloé", "l1_devine") == personal_seed(code, "chloe", "l1_devine")
    seeds = {personal_seed(code, n, "l1_devine") for n in ("Chloé", "Léa", "Noé")}
    seeds.add(personal_seed(code, "Chloé", "l2_erreurs"))
    seeds.add(personal_seed(Devoir((1,), nonce=1).code, "Chloé", "l1_devine"))
    assert len(seeds) == 5 and all(0 <= s < 2**63 for s in seeds)


def test_class_list_windows_header_duplicates_and_comma():
    raw = "NOM;Prénom\r\n\r\nDUPONT;Léa\r\nMARTIN;Noé\r\nDUPONT;Léa\r\nDURAND;Léa\r\n"
    result = parse_class_list(raw.encode("cp1252"))
    assert [e.prenom for e in result.eleves] == ["Léa", "Noé", "Léa"]
    text = " ".join(result.messages)
    assert "Windows" in text and "Ligne 5" in text and "déjà à la ligne 3" in text
    assert "plusieurs élèves s'appellent Léa" in text
    comma = parse_class_list("Dupont,Chloé\nMartin,Hugo\n")
    assert [e.nom for e in comma.eleves] == ["Dupont", "Martin"]
    assert not any("Séparateur" in m for m in comma.messages)
    bom = parse_class_list("\ufeffNom;Prénom\nBernard;Zoé\n".encode())
    assert [(e.nom, e.prenom, e.ligne) for e in bom.eleves] == [("Bernard", "Zoé", 2)]


@given(st.binary(max_size=300) | st.text(max_size=300))
def test_class_list_parser_never_crashes(data):
    result = parse_class_list(data)
    assert all(e.prenom.strip() for e in result.eleves)
    assert all(isinstance(m, str) for m in result.messages)


def test_certificate_code_is_rechecked_and_an_edit_is_caught(tmp_path):
    paper = certificate.Attestation(
        "Chloé", "5e B", "2C8G-FYZP-TNDS", ((1, 3), (2, 2)), "2026-12-09"
    )
    code = certificate.issue(paper, tmp_path)
    found, problem = certificate.check(code.lower(), tmp_path)
    assert problem is None and found == paper
    assert certificate.check(Devoir((1,)).code, tmp_path)[0] is None
    found, problem = certificate.check("ZZZZ-ZZZZ", tmp_path)
    assert found is None and problem.endswith(".")
    ledger = (tmp_path / certificate.LEDGER).read_text("utf-8").replace('"Chloé"', '"Chloe"')
    (tmp_path / certificate.LEDGER).write_text(ledger, "utf-8")
    assert "modifiée" in certificate.check(code, tmp_path)[1]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "type",
                "jeu",
                "format",
                "code",
                "prenom",
                "version_jeu",
                "rendu_le",
                "journaux",
                "somme",
            ]
        ),
        json_values,
    )
)
def test_any_hand_in_content_is_read_or_refused_in_french(data):
    from game.modes.devoir.homework.handin import from_dict

    data = {"type": "devoir", "jeu": "tuto-llm", "format": 1, **data}
    try:
        handin = from_dict(data)
    except ValueError as error:
        assert str(error) and "Traceback" not in str(error)
    else:
        assert isinstance(handin.journaux, dict) and isinstance(handin.prenom, str)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.binary(max_size=200), min_size=1, max_size=4))
def test_a_folder_of_garbage_never_stops_the_check(tmp_path_factory, files):
    from game.modes.devoir.homework.check import check_files

    folder = tmp_path_factory.mktemp("rendus")
    for index, content in enumerate(files):
        (folder / f"devoir-{index}.tuto").write_bytes(content)
    grille = check_files([folder], workers=1)
    assert len(grille.illisibles) == len(files)
    # every file is a row (named from its file name), none counts
    assert len(grille.copies) <= len(files) and not any(c.valide for c in grille.copies)
    assert all(reason.endswith(".") for _, reason in grille.illisibles)


def test_a_hand_in_with_broken_logs_is_checked_without_crashing(tmp_path):
    from game.modes.devoir.homework import handin
    from game.modes.devoir.homework.check import check_files

    code = Devoir((1, 2), nonce=3).code
    logs = {
        "l1_devine": {"niveau": "l1_devine", "graine": "x", "actions": "abc", "annonce": []},
        "l2_erreurs": {
            "niveau": "l2_erreurs",
            "format": 1,
            "graine": 5,
            "actions": [[0, 1]],
            "annonce": {"mesures": {"perte": "??"}, "etoiles": 3},
        },
    }
    handin.write(tmp_path, handin.build(code, "Zoé", logs))
    grille = check_files([tmp_path], workers=1)
    zoe = grille.copies[0]
    assert not zoe.valide and len(zoe.cases) == 2
    assert all(case.problemes for case in zoe.cases.values())
