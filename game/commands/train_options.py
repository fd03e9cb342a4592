"""The numeric options of `tuto-llm train` (and `bench`), read and checked: a value out
of its range or not a number is a CliError saying in French which option and what to write."""

import math

# (minimum, maximum) of each integer option; checked in `run` with a French message.
INT_LIMITS = {
    "steps": (1, 1_000_000),
    "batch": (1, 1024),
    "embd": (1, 256),
    "heads": (1, 64),
    "layers": (1, 8),
    "context": (2, 128),
    "workers": (1, 64),
}
OPTION_NAMES = {
    "steps": "--steps (le nombre d'étapes)",
    "batch": "--batch (le nombre de mots par étape)",
    "embd": "--embd (la largeur du modèle)",
    "heads": "--heads (le nombre de têtes d'attention)",
    "layers": "--layers (le nombre de couches)",
    "context": "--context (la longueur du contexte)",
    "workers": "--workers (le nombre de processus qui calculent)",
    "seed": "--seed (la graine du hasard)",
    "ref_steps": "--ref-steps (les étapes de la référence Valeur)",
    "workers_steps": "--workers-steps (les étapes de la comparaison des cœurs)",
    "lr": "--lr (le pas d'apprentissage)",
    "temperature": "--temperature",
}


def french_number(x):
    """1000000 → « 1 000 000 », 0.5 → « 0,5 » (numbers as French readers write them)."""
    if isinstance(x, int):
        return f"{x:,}".replace(",", "\u00a0")
    return f"{x:g}".replace(".", ",")


def parse_int(args, name, limits=None):
    """An integer option, or a CliError in French."""
    from game.cli import CliError

    text = str(getattr(args, name)).strip()
    try:
        value = int(text)
    except ValueError:
        raise CliError(
            f"{OPTION_NAMES[name]} doit être un nombre entier, pas « {text} »."
        ) from None
    if limits and not limits[0] <= value <= limits[1]:
        raise CliError(
            f"{OPTION_NAMES[name]} vaut {value} : il faut un nombre entre "
            f"{french_number(limits[0])} et {french_number(limits[1])}."
        )
    return value


def parse_float(args, name, low, high, low_included):
    """A finite decimal option in (low, high] or [low, high], or a CliError in French."""
    from game.cli import CliError

    text = str(getattr(args, name)).strip()
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise CliError(f"{OPTION_NAMES[name]} doit être un nombre, pas « {text} ».") from None
    too_low = value < low if low_included else value <= low
    if not math.isfinite(value) or too_low or value > high:
        bound = "entre" if low_included else "plus grand que"
        link = "et" if low_included else "et au plus"
        raise CliError(
            f"{OPTION_NAMES[name]} vaut « {text} » : il faut un nombre {bound} "
            f"{french_number(low)} {link} {french_number(high)}."
        )
    return value


def parse_settings(args):
    """All the numeric options, checked; returns a dict."""
    from engine.parallele import travailleurs_par_defaut
    from game.cli import CliError, parse_seed

    if getattr(args, "workers", None) is None:
        args.workers = str(travailleurs_par_defaut())
    settings = {name: parse_int(args, name, limits) for name, limits in INT_LIMITS.items()}
    settings["seed"] = parse_seed(args.seed)
    settings["lr"] = parse_float(args, "lr", 0.0, 1.0, low_included=False)
    settings["temperature"] = parse_float(args, "temperature", 0.0, 100.0, low_included=True)
    if settings["heads"] > settings["embd"] or settings["embd"] % settings["heads"]:
        raise CliError(
            f"La largeur --embd {settings['embd']} doit se partager en --heads "
            f"{settings['heads']} têtes égales : choisis un nombre de têtes qui divise la largeur "
            "(par exemple --embd 16 --heads 4)."
        )
    return settings
