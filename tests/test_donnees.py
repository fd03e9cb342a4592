"""engine.donnees: loading word lists, cleaning them, explaining problems in French."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.donnees import (
    BANDES,
    DATASETS,
    ErreurDonnees,
    charger_dataset,
    formater_training,
    garder_accents,
    lire_frequences,
    lire_lignes,
    mots_depuis_lignes,
    nettoyer_mot,
    prenoms_par_bande,
    separer_train_val,
    valider_vocab,
)
from engine.vocab import VOCAB_STANDARD, Vocabulaire

LETTRES = set("abcdefghijklmnopqrstuvwxyz")


def ecrire(tmp_path, contenu, nom="mots.txt"):
    chemin = tmp_path / nom
    if isinstance(contenu, str):
        contenu = contenu.encode("utf-8")
    chemin.write_bytes(contenu)
    return chemin


# ---------------------------------------------------------------- the shipped datasets


@pytest.mark.parametrize("nom", sorted(DATASETS))
def test_every_shipped_dataset_loads(nom):
    mots = charger_dataset(nom)
    assert len(mots) >= 300
    assert len(set(mots)) == len(mots)


def test_shipped_counts():
    assert 26_000 <= len(charger_dataset("prenoms")) <= 27_500
    assert 2_000 <= len(charger_dataset("prenoms_courants")) <= 6_000
    assert len(charger_dataset("prenoms_accents")) == len(charger_dataset("prenoms"))
    assert len(charger_dataset("dinosaures")) >= 300


def test_prenoms_accents_keeps_accents_with_its_own_vocabulary():
    mots = charger_dataset("prenoms_accents")
    assert {"zoé", "inès", "maël", "léa", "chloé"} <= set(mots)
    assert set("".join(mots)) - LETTRES  # some accented letters are really there


def test_prenoms_courants_are_band_one_and_well_known():
    courants = charger_dataset("prenoms_courants")
    assert courants == prenoms_par_bande(1)
    assert {"marie", "jean", "lea", "lucas", "emma", "hugo"} <= set(courants)
    assert courants == sorted(courants)


def test_lire_frequences_matches_prenoms():
    frequences = lire_frequences()
    assert sorted(frequences) == charger_dataset("prenoms")
    assert set(frequences.values()) == set(BANDES)
    assert frequences["marie"] == 1
    assert len(prenoms_par_bande(4)) == len(frequences)
    assert len(prenoms_par_bande(1)) < len(prenoms_par_bande(2)) < len(prenoms_par_bande(3))


# ---------------------------------------------------------------- charger_dataset on files


def test_good_file_is_cleaned(tmp_path):
    chemin = ecrire(tmp_path, "Zoé\n  Lina \nŒdipe\r\nÆgir\n")
    assert charger_dataset(chemin) == ["zoe", "lina", "oedipe", "aegir"]
    assert charger_dataset(str(chemin)) == ["zoe", "lina", "oedipe", "aegir"]


def test_byte_order_mark_and_line_endings(tmp_path):
    chemin = ecrire(tmp_path, b"\xef\xbb\xbfzoe\r\nlina\rhugo\n")
    assert charger_dataset(chemin) == ["zoe", "lina", "hugo"]


def test_missing_file(tmp_path):
    with pytest.raises(ErreurDonnees, match="Je ne trouve pas le fichier") as erreur:
        charger_dataset(tmp_path / "absent.txt")
    assert "absent.txt" in str(erreur.value)
    assert "prenoms" in str(erreur.value)  # suggests the shipped datasets


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(ErreurDonnees, match="pas un fichier de texte ordinaire"):
        charger_dataset(tmp_path)


@pytest.mark.parametrize("contenu", ["", "\n\n", "   \n\t\n", "\ufeff"])
def test_empty_file(tmp_path, contenu):
    chemin = ecrire(tmp_path, contenu, "vide.txt")
    with pytest.raises(ErreurDonnees, match="vide") as erreur:
        charger_dataset(chemin)
    assert "vide.txt" in str(erreur.value)


def test_not_utf8_gives_the_line(tmp_path):
    chemin = ecrire(tmp_path, b"zoe\nlina\n" + "héloïse\n".encode("latin-1"), "l1.txt")
    with pytest.raises(ErreurDonnees, match="UTF-8") as erreur:
        charger_dataset(chemin)
    assert "ligne 3" in str(erreur.value)
    assert "l1.txt" in str(erreur.value)


def test_not_utf8_line_counts_with_bom_and_crlf(tmp_path):
    chemin = ecrire(tmp_path, b"\xef\xbb\xbfzoe\r\nlina\r\n\r\n\xe9mile\r\n")
    with pytest.raises(ErreurDonnees, match="ligne 4"):
        charger_dataset(chemin)


def test_odd_characters_give_line_numbers(tmp_path):
    chemin = ecrire(tmp_path, "zoe\nlin4\nhugo\nanne marie\nbob\njean-luc\n", "bizarre.txt")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_dataset(chemin)
    message = str(erreur.value)
    assert "bizarre.txt" in message
    assert "ligne 2 « lin4 » ('4')" in message
    assert "ligne 4 « anne marie » (' ')" in message
    assert "ligne 6 « jean-luc » ('-')" in message
    assert "ligne 1 " not in message and "ligne 3 " not in message


def test_blank_lines_are_skipped_but_keep_line_numbers(tmp_path):
    chemin = ecrire(tmp_path, "\nzoe\n\n   \nlina\n\nx.y\n")
    with pytest.raises(ErreurDonnees, match=r"ligne 7 « x\.y »"):
        charger_dataset(chemin)
    chemin = ecrire(tmp_path, "\nzoe\n\n   \nlina\n\n")
    assert charger_dataset(chemin) == ["zoe", "lina"]


def test_the_end_token_is_reserved(tmp_path):
    with pytest.raises(ErreurDonnees, match=r"ligne 2 « a\.b » \('\.'\)"):
        charger_dataset(ecrire(tmp_path, "zoe\na.b\n"))


def test_many_bad_lines_are_summarised(tmp_path):
    chemin = ecrire(tmp_path, "".join(f"mot{n}\n" for n in range(20)))
    with pytest.raises(ErreurDonnees, match=r"et 12 autre\(s\) ligne\(s\)"):
        charger_dataset(chemin)


def test_line_separators_inside_a_line_do_not_shift_numbers(tmp_path):
    # \u2028 or a form feed is a character in the line, not a new line (as in an editor)
    chemin = ecrire(tmp_path, "zoe\u2028lina\nhugo\nab\x0ccd\n")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_dataset(chemin)
    assert "ligne 1 " in str(erreur.value) and "ligne 3 " in str(erreur.value)
    assert "ligne 2 " not in str(erreur.value)


def test_lire_lignes(tmp_path):
    assert lire_lignes(ecrire(tmp_path, "a\nb\n")) == ["a", "b"]
    assert lire_lignes(ecrire(tmp_path, "a\nb")) == ["a", "b"]
    assert lire_lignes(ecrire(tmp_path, "a\n\nb\n\n")) == ["a", "", "b", ""]
    assert lire_lignes(ecrire(tmp_path, "")) == []


def test_custom_vocabulary(tmp_path):
    chemin = ecrire(tmp_path, "abba\nbaba\n")
    assert charger_dataset(chemin, Vocabulaire("ab")) == ["abba", "baba"]
    with pytest.raises(ErreurDonnees, match="ligne 2"):
        charger_dataset(ecrire(tmp_path, "abba\ncab\n"), Vocabulaire("ab"))


# ---------------------------------------------------------------- lire_frequences


def test_lire_frequences_reports_bad_lines(tmp_path):
    chemin = ecrire(tmp_path, "prenom\tbande\nzoe\t1\nlina 2\nhugo\t7\nzoe\t2\nél\t3\n", "f.tsv")
    with pytest.raises(ErreurDonnees) as erreur:
        lire_frequences(chemin)
    message = str(erreur.value)
    for numero in (3, 4, 5, 6):
        assert f"ligne {numero} " in message
    assert "ligne 2 " not in message
    assert "f.tsv" in message


def test_lire_frequences_small_file(tmp_path):
    chemin = ecrire(tmp_path, "prenom\tbande\nzoe\t1\n\nlina\t4\n")
    assert lire_frequences(chemin) == {"zoe": 1, "lina": 4}
    assert prenoms_par_bande(1, chemin) == ["zoe"]
    with pytest.raises(ErreurDonnees, match="vide"):
        lire_frequences(ecrire(tmp_path, "prenom\tbande\n"))


# ---------------------------------------------------------------- nettoyer_mot & co


@pytest.mark.parametrize(
    ("mot", "propre"),
    [
        ("Zoé", "zoe"),
        ("Œdipe", "oedipe"),
        ("Ægir", "aegir"),
        ("œil", "oeil"),
        ("  Hélène \n", "helene"),
        ("MAËL", "mael"),
        ("Inès", "ines"),
        ("François", "francois"),
        ("Noël", "noel"),
        ("", ""),
        ("Ǣ", "ae"),  # æ with a macron: the accent goes, then the ligature
    ],
)
def test_nettoyer_mot(mot, propre):
    assert nettoyer_mot(mot) == propre


def test_garder_accents():
    assert garder_accents(" Zoé ") == "zoé"
    assert garder_accents("Zoe\u0301") == "zoé"  # decomposed é becomes one character
    assert len(garder_accents("Zoe\u0301")) == 3


def test_valider_vocab():
    assert valider_vocab(["zoe", "lina"]) == []
    assert valider_vocab(["zoe", "l1na", "a b"]) == [(2, "l1na", ["1"]), (3, "a b", [" "])]


def test_formater_training():
    assert formater_training("ab") == [0, 1, 2, 0]
    assert formater_training("") == [0, 0]


def test_mots_depuis_lignes_for_a_kids_own_list():
    assert mots_depuis_lignes(["Zoé", "", "Lina"], "ma liste") == ["zoe", "lina"]
    with pytest.raises(ErreurDonnees, match="« ma liste »"):
        mots_depuis_lignes(["zoe", "l1na"], "ma liste")
    assert mots_depuis_lignes(["Zoé", "Maël"], "x", None, nettoyer=False) == ["zoé", "maël"]


# ---------------------------------------------------------------- separer_train_val


def test_separer_train_val_is_deterministic_and_disjoint():
    mots = [f"mot{n}" for n in range(200)]
    train, val = separer_train_val(mots, graine=7, part_validation=0.1)
    assert (train, val) == separer_train_val(list(reversed(mots)), graine=7, part_validation=0.1)
    assert len(val) == 20 and len(train) == 180
    assert not set(train) & set(val)
    assert set(train) | set(val) == set(mots)
    assert separer_train_val(mots, graine=8)[1] != val


def test_separer_train_val_on_real_names_and_duplicates():
    prenoms = charger_dataset("prenoms")
    train, val = separer_train_val(prenoms, 42)
    assert not set(train) & set(val)
    assert len(train) + len(val) == len(prenoms)
    train, val = separer_train_val(["zoe", "zoe", "lina", "lina", "hugo"], 1, 0.34)
    assert sorted(train + val) == ["hugo", "lina", "zoe"]
    assert separer_train_val(["zoe"], 1) == (["zoe"], [])
    assert separer_train_val([], 1) == ([], [])


# ---------------------------------------------------------------- properties

texte = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from("éèêëàâäïîôöüûçœæÆŒ \t\r\n-'."),
    max_size=40,
)


@settings(max_examples=300)
@given(texte)
def test_nettoyer_mot_properties(mot):
    propre = nettoyer_mot(mot)
    assert isinstance(propre, str)
    assert propre == propre.strip()
    assert nettoyer_mot(propre) == propre  # cleaning twice changes nothing
    assert not any(unicodedata.combining(c) for c in propre)
    assert "œ" not in propre and "æ" not in propre


@settings(max_examples=300)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçœæÉÈÀÇŒÆ ", max_size=20))
def test_nettoyer_mot_on_french_text_gives_letters(mot):
    assert set(nettoyer_mot(mot)) <= LETTRES | {" "}


@settings(max_examples=300)
@given(st.lists(texte, max_size=12), st.booleans(), st.booleans())
def test_mots_depuis_lignes_only_raises_erreur_donnees(lignes, libre, nettoyer):
    vocab = None if libre else VOCAB_STANDARD
    try:
        mots = mots_depuis_lignes(lignes, "liste", vocab, nettoyer=nettoyer)
    except ErreurDonnees as erreur:
        assert str(erreur)  # always a message
        return
    assert mots and all(mots)
    assert all("." not in mot for mot in mots)
    if not libre:
        assert set("".join(mots)) <= LETTRES
