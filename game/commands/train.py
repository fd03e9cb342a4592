"""`tuto-llm train`: train the tiny GPT from the command line.

Progress bar on stderr; with `--json`, one JSON object on the last stdout line:
steps, seconds (the training loop only, also as loop_seconds), steps_per_s,
command_seconds (the whole command: loading, training, evaluation, sampling),
python (the version), cores, workers, train_loss (mean of the last 100 steps), val_loss
(per-token loss on the whole held-out split of `engine.donnees.separer_train_val`),
bigram_val_loss (a bigram model on the same split), samples (20 names),
novel_fraction (share of 200 names at temperature 0.8 that are non-empty and not
in the training set), plus config, params, batch, lr, seed, dataset, saved, and
diverged: None, or what `engine.entrainement.diagnostic_divergence` found (raison,
etape, perte, hasard). A training that diverged (a loss above the random guess
ln(vocab) after the first steps, a loss climbing back, an infinite loss) still prints its
result, then a French warning on stderr, and the command exits with DIVERGED_EXIT (3).
"""

import json
import math
import platform
import sys
import time

from game.commands.train_options import parse_settings

NAME = "train"
HELP = "entraîne le petit GPT sur une liste de mots (barre de progression, résumé ou JSON)"

SAMPLES = 20
DIVERGED_EXIT = 3  # the training ran but exploded: the figures are not a model to trust
NOVELTY_SAMPLES = 200
NOVELTY_TEMPERATURE = 0.8


def add_arguments(parser):
    parser.add_argument(
        "--dataset", default="prenoms", help="un jeu de données du jeu ou un fichier .txt"
    )
    parser.add_argument("--steps", default="1000", help="nombre d'étapes (1000)")
    parser.add_argument("--seed", default="42", help="graine du hasard (42)")
    parser.add_argument("--batch", default="1", help="mots par étape, gradients moyennés (1)")
    parser.add_argument(
        "--workers",
        default=None,
        help="processus qui se partagent les mots d'un lot (par défaut : les cœurs moins un) ; "
        "le résultat ne change pas",
    )
    parser.add_argument("--lr", default="0.01", help="pas d'apprentissage de départ (0.01)")
    parser.add_argument("--embd", default="16", help="largeur du modèle, n_embd (16)")
    parser.add_argument("--heads", default="4", help="têtes d'attention, n_head (4)")
    parser.add_argument("--layers", default="1", help="couches, n_layer (1)")
    parser.add_argument("--context", default="16", help="longueur du contexte, block_size (16)")
    parser.add_argument(
        "--temperature", default="0.5", help="température des 20 exemples inventés (0.5)"
    )
    parser.add_argument("--save", metavar="FICHIER", help="enregistre le modèle (JSON)")
    parser.add_argument("--json", action="store_true", help="un objet JSON sur la dernière ligne")


def load_words(dataset):
    """The words of a dataset (name or .txt path) and their vocabulary, or a CliError."""
    from engine.donnees import ErreurDonnees, charger_dataset, vocab_du_dataset
    from game.cli import CliError

    try:
        words = charger_dataset(dataset)
    except ErreurDonnees as error:
        raise CliError(str(error)) from None
    except OSError as error:
        from game.files import os_error_text

        raise CliError(
            f"Je n'arrive pas à lire « {dataset} » ({os_error_text(error)}). "
            "Vérifie le fichier et ses droits, puis réessaie."
        ) from None
    if len(set(words)) < 2:
        raise CliError(
            f"« {dataset} » ne contient qu'un seul mot différent : il en faut au moins deux "
            "(un pour apprendre, un pour vérifier), et plutôt quelques centaines."
        )
    return words, vocab_du_dataset(words)


def check_save_path(path):
    """Fail before training, not after, if the model cannot be saved there.

    Returns the file to write: `path` itself, or the file a symlink points to (written
    through, the link stays); a folder, a device or a pipe is refused.
    """
    from game.cli import CliError
    from game.files import FileKindError, output_target

    try:
        target = output_target(path)
    except FileKindError as error:
        raise CliError(
            f"--save « {path} » : {error}. Donne un nom de fichier (modele.json)."
        ) from None
    if not target.parent.is_dir():
        raise CliError(
            f"Le dossier de « {path} » n'existe pas : crée-le d'abord ou choisis un autre chemin."
        )
    return target


class ProgressBar:
    """A progress bar on stderr: redrawn in place on a terminal, ten lines in a log file."""

    def __init__(self, total, stream=None, width=30):
        self.total, self.width = total, width
        self.stream = stream or sys.stderr
        self.live = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = max(1, total // (100 if self.live else 10))
        self.start = time.perf_counter()

    def update(self, done, loss):
        if done % self.every and done != self.total:
            return
        filled = self.width * done // self.total
        bar = "█" * filled + "·" * (self.width - filled)
        seconds = time.perf_counter() - self.start
        line = f"entraînement [{bar}] {done}/{self.total} · perte {loss:.3f} · {seconds:.1f} s"
        if self.live:
            self.stream.write("\r" + line + ("\n" if done == self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def novel_fraction(samples, training_words):
    """Share of samples that are real new words: non-empty and not in the training set."""
    known = set(training_words)
    return sum(1 for s in samples if s and s not in known) / len(samples)


def make_config(settings, vocab):
    """The model size from the options, or a CliError."""
    from engine.gpt import Config
    from game.cli import CliError

    try:
        return Config(
            n_embd=settings["embd"],
            n_head=settings["heads"],
            n_layer=settings["layers"],
            block_size=settings["context"],
            vocab_size=len(vocab),
        )
    except ValueError as error:
        raise CliError(str(error)) from None


def invented_names(weights, config, vocab, settings, train_words):
    """The 20 sample names and the share of new words among 200 (temperature 0.8)."""
    from engine.generation import generer

    seed = settings["seed"]
    samples = generer(
        weights, config, vocab, n=SAMPLES, temperature=settings["temperature"], graine=seed
    )
    others = generer(
        weights, config, vocab, n=NOVELTY_SAMPLES, temperature=NOVELTY_TEMPERATURE, graine=seed + 1
    )
    return {"samples": samples, "novel_fraction": novel_fraction(others, train_words)}


def train(words, vocab, settings, progress=True):
    """Train, evaluate and sample; returns (result dict, weights, config)."""
    from engine import bigramme
    from engine.donnees import separer_train_val
    from engine.entrainement import (
        Entrainement,
        Explosion,
        diagnostic_divergence,
        perte_validation,
    )
    from engine.gpt import nombre_parametres
    from engine.parallele import coeurs
    from game.cli import CliError

    config = make_config(settings, vocab)
    train_words, val_words = separer_train_val(words)
    run = Entrainement(
        train_words,
        config,
        lr=settings["lr"],
        etapes=settings["steps"],
        batch=settings["batch"],
        graine=settings["seed"],
        vocab=vocab,
        travailleurs=settings["workers"],
    )
    bar = ProgressBar(settings["steps"]) if progress else None
    start = time.perf_counter()
    infinite = None
    try:
        for stats in run:
            if bar:
                bar.update(stats["etape"], stats["perte_moyenne"])
    except Explosion as explosion:  # divergence is a lesson, not a crash
        if bar:
            print(file=sys.stderr)
        if not run.pertes:
            raise CliError(f"{explosion} Par exemple : --lr 0.01.") from None
        infinite = {"raison": "infini", "etape": explosion.etape, "perte": None}
    seconds = time.perf_counter() - start
    recent = run.pertes[-100:]
    val_loss = perte_validation(
        run.poids, config, val_words, vocab, progres=_validation_progress if bar else None
    )
    if bar:
        print(file=sys.stderr)
    diverged = infinite or diagnostic_divergence(run.pertes, len(vocab), val_loss)
    if infinite:
        infinite["hasard"] = math.log(len(vocab))
    bigram = bigramme.probabilites(bigramme.compter(train_words, vocab))
    seed = settings["seed"]
    result = {
        "steps": settings["steps"],
        "seconds": round(seconds, 3),
        "loop_seconds": round(seconds, 3),
        "steps_per_s": round(settings["steps"] / seconds, 2) if seconds > 0 else None,
        "train_loss": round(sum(recent) / len(recent), 4),
        "val_loss": round(val_loss, 4) if math.isfinite(val_loss) else None,
        "bigram_val_loss": round(bigramme.perte_moyenne(bigram, val_words, vocab), 4),
        **invented_names(run.poids, config, vocab, settings, train_words),
        "config": config.vers_dict(),
        "params": nombre_parametres(config),
        "batch": settings["batch"],
        "workers": settings["workers"],
        "cores": coeurs(),
        "python": platform.python_version(),
        "lr": settings["lr"],
        "seed": seed,
        "temperature": settings["temperature"],
        "train_words": len(train_words),
        "val_words": len(val_words),
        "diverged": _rounded(diverged),
    }
    return result, run.poids, config


def _validation_progress(done, total):
    """« validation : 12 000 / 43 000 mots » on stderr (stdout keeps the JSON)."""
    from game.i18n import format_number

    line = f"validation : {format_number(done, 0, 'fr')} / {format_number(total, 0, 'fr')} mots"
    print(f"\r{line}", end="", file=sys.stderr, flush=True)


def _rounded(diverged):
    if diverged is None:
        return None
    perte = diverged["perte"]
    perte = round(perte, 4) if perte is not None and math.isfinite(perte) else None
    return {**diverged, "perte": perte, "hasard": round(diverged["hasard"], 4)}


def divergence_warning(result):
    """The French warning line of a training that exploded (None when it did not)."""
    from engine.entrainement import phrase_divergence

    diverged = result.get("diverged")
    if not diverged:
        return None
    if diverged["perte"] is None:
        diverged = {**diverged, "perte": math.inf}
    return (
        f"Attention : {phrase_divergence(diverged)} Par exemple : --lr {result['lr'] / 10:g}. "
        f"(Les chiffres ci-dessus sont ceux d'un modèle qui a explosé ; code de sortie "
        f"{DIVERGED_EXIT}.)"
    )


def print_summary(result):
    c = result["config"]
    print(
        f"Modèle : largeur {c['n_embd']}, {c['n_head']} tête(s), {c['n_layer']} couche(s), "
        f"contexte {c['block_size']} ({result['params']} paramètres)."
    )
    print(
        f"{result['steps']} étapes de {result['batch']} mot(s) en {result['seconds']:.1f} s "
        f"({result['steps_per_s']} étapes par seconde, {result['workers']} processus, "
        f"Python {result['python']})."
    )
    print(f"Perte d'entraînement (100 dernières étapes) : {result['train_loss']:.4f}")
    val = "—" if result["val_loss"] is None else f"{result['val_loss']:.4f}"
    print(
        f"Perte sur les {result['val_words']} mots de validation : {val} "
        f"(le modèle bigramme fait {result['bigram_val_loss']:.4f})"
    )
    print(f"Prénoms inventés : {', '.join(s or '(vide)' for s in result['samples'])}")
    print(f"Part de mots nouveaux (température 0,8) : {result['novel_fraction']:.0%}")
    if result.get("saved"):
        print(f"Modèle enregistré dans « {result['saved']} ».")


def run(args):
    from engine.sauvegarde import sauvegarder
    from game.cli import CliError
    from game.files import os_error_text

    started = time.perf_counter()
    settings = parse_settings(args)
    target = check_save_path(args.save) if args.save else None
    words, vocab = load_words(args.dataset)
    result, weights, config = train(words, vocab, settings)
    result["dataset"] = str(args.dataset)
    result["saved"] = None
    if args.save:
        try:
            sauvegarder(target, weights, config, vocab, infos={"train": result})
        except OSError as error:
            raise CliError(
                f"Je n'arrive pas à enregistrer le modèle dans « {args.save} » "
                f"({os_error_text(error)})."
            ) from None
        result["saved"] = str(args.save)
    result["command_seconds"] = round(time.perf_counter() - started, 3)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_summary(result)
    warning = divergence_warning(result)
    if warning:
        print(warning, file=sys.stderr)
        return DIVERGED_EXIT
    return 0
