"""`tuto-llm bench`: the fast engine against the `Valeur` reference, in the same run.

Both train the microgpt configuration (n_embd 16, 4 heads, 1 layer, context 16,
one name per step) from the same weights on the same names, turn by turn (so a
busy machine slows both alike). With `--json`, the last stdout line is one JSON
object: reference_steps_per_s, fast_steps_per_s, ratio (wall clock), cpu_ratio
(CPU time, less sensitive to other programs), max_grad_rel_diff (fast vs Valeur
gradients on the same weights and names, at the start and after the fast run),
max_loss_diff (the two loss curves over the reference steps), config…, python
(the version) and `workers`: the fast engine at batch 8 with one process and with
every core (`engine.parallele`), turn by turn too: {"batch", "cores",
"names_per_s_1", "names_per_s_all", "ratio", "hardware_ratio", "same_weights"};
`hardware_ratio` is what this computer gives at best, measured in the same run: every
process computing the same pieces on its own, nothing to share or add up (2.0 on two
free cores; less on cores that share one physical core or a busy virtual machine).
`arithmetic_only` is the fast engine's own best, measured in the same turns: only its
dot products and its Adam, nothing around them (`bench_floor`): {"steps_per_s", "ratio",
"dot_products_per_step", "dot_products_ms_per_step", "adam_ms_per_step"}.
"""

import gc
import json
import os
import platform
import time

NAME = "bench"
HELP = "compare la vitesse du moteur rapide et de la version Valeur (référence)"

GRADIENT_WORDS = 4  # names used for the gradient comparison, at the start and at the end
ROUNDS = 5  # turns of the reference and the fast engine (each a few seconds at most)
WORKERS_BATCH = 8  # names per step for the one-core / every-core comparison
WORKERS_ROUND = 4  # steps per turn in that comparison
HARDWARE_PIECES = 4  # pieces of 4 names per process and per turn: what the cores give at best


def add_arguments(parser):
    parser.add_argument(
        "--dataset", default="prenoms", help="un jeu de données du jeu ou un fichier .txt"
    )
    parser.add_argument("--ref-steps", default="40", help="étapes de la référence Valeur (40)")
    parser.add_argument("--steps", default="300", help="étapes du moteur rapide (300)")
    parser.add_argument(
        "--workers-steps",
        default="100",
        help="étapes de 8 mots pour comparer un cœur et tous les cœurs (100)",
    )
    parser.add_argument("--seed", default="42", help="graine du hasard (42)")
    parser.add_argument("--json", action="store_true", help="un objet JSON sur la dernière ligne")


class Stopwatch:
    """Wall-clock and CPU time spent inside `with stopwatch:` blocks, added up."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


def interleaved_runs(words, config, vocab, ref_steps, fast_steps, seed):
    """Both engines train from the same start on the same names, turn by turn.

    A few reference steps, then their share of fast steps, and so on, in `ROUNDS` turns:
    both see the same machine load (on a computer shared with other programs), and each
    runs long enough at a time to be measured at its own pace (after millions of `Valeur`
    objects, the first fast step is slower: a real training never alternates like that).
    """
    from engine import gpt_valeur, marche_arriere
    from engine.entrainement import Entrainement
    from game.commands.bench_floor import ArithmeticFloor

    planned = max(ref_steps, fast_steps)
    runs, clocks = {}, {}
    for name, compute in (
        ("reference", gpt_valeur.perte_et_gradients_lot),
        ("fast", marche_arriere.perte_et_gradients_lot),
    ):
        runs[name] = Entrainement(
            words, config, etapes=planned, graine=seed, vocab=vocab, calcul=compute
        )
        clocks[name] = Stopwatch()
    # the fast engine's arithmetic alone, on the same names, in the same turns (it times itself)
    floor = runs["floor"] = ArithmeticFloor(words, config, vocab, planned, seed, runs["fast"])
    for turn in range(1, ROUNDS + 1):
        for name, steps in (("reference", ref_steps), ("fast", fast_steps)):
            gc.collect()  # each turn starts clean, not in the other engine's garbage
            with clocks[name]:
                runs[name].tranche(steps * turn // ROUNDS - runs[name].etape)
        gc.collect()
        floor.tranche(fast_steps * turn // ROUNDS - floor.etape)
    return runs, clocks


def workers_comparison(words, config, vocab, steps, seed):
    """Names per second at batch 8 on one process and on every core, turn by turn."""
    from engine import parallele
    from engine.entrainement import Entrainement

    cores = parallele.coeurs()
    runs, clocks = {}, {}
    for workers in (1, cores):
        runs[workers] = Entrainement(
            words, config, etapes=steps, batch=WORKERS_BATCH, graine=seed, vocab=vocab,
            travailleurs=workers,
        )  # fmt: skip
        clocks[workers] = Stopwatch()
    parallele.preparer_aides(cores)  # the helpers start (and answer) before the clock does
    piece = runs[1].sequences[: parallele.MOTS_PAR_MORCEAU]
    alone = together = 0.0
    processes = 1
    while runs[1].etape < steps:
        for workers, run in runs.items():
            with clocks[workers]:
                run.tranche(WORKERS_ROUND)
        # what the cores give at best, in the same turns (so under the same load)
        seconds_alone, seconds_together, processes = parallele.plafond_machine(
            runs[1].calcul, runs[1].poids, config, piece, HARDWARE_PIECES, cores
        )
        alone, together = alone + seconds_alone, together + seconds_together
    names = steps * WORKERS_BATCH
    one, every = names / clocks[1].wall, names / clocks[cores].wall
    ceiling = processes * alone / together if together else 1.0
    return {
        "batch": WORKERS_BATCH,
        "cores": cores,
        "names_per_s_1": round(one, 1),
        "names_per_s_all": round(every, 1),
        "ratio": round(every / one, 2),
        # the same pieces computed by every process on its own, nothing shared: what this
        # computer gives at best (2.0 on two real free cores; less on a busy or virtual one)
        "hardware_ratio": round(ceiling, 2),
        "same_weights": runs[1].poids == runs[cores].poids,
    }


def gradient_gap(weights, config, sequences):
    """Largest relative gap between fast and Valeur gradients over a few sequences."""
    from engine import gpt_valeur, marche_arriere

    gaps = []
    for tokens in sequences:
        _, fast = marche_arriere.perte_et_gradients(weights, config, tokens)
        _, reference = gpt_valeur.perte_et_gradients(weights, config, tokens)
        gaps.append(gpt_valeur.ecart_relatif_max(fast, reference))
    return max(gaps)


def predicted_tokens(sequences, config):
    """How many next-letter predictions the sequences ask for (a long name costs more)."""
    return sum(min(config.block_size, len(tokens) - 1) for tokens in sequences)


def bench(words, vocab, ref_steps, fast_steps, seed, workers_steps=100):
    from engine import gpt
    from engine.donnees import separer_train_val
    from engine.gpt import Config

    config = Config(n_embd=16, n_head=4, n_layer=1, block_size=16, vocab_size=len(vocab))
    train_words, _ = separer_train_val(words)
    runs, clocks = interleaved_runs(train_words, config, vocab, ref_steps, fast_steps, seed)
    ref_run, fast_run = runs["reference"], runs["fast"]
    start_weights = gpt.init_poids(config, seed)
    sequences = fast_run.sequences[:GRADIENT_WORDS]
    later = fast_run.sequences[fast_steps : fast_steps + GRADIENT_WORDS] or sequences
    grad_gap = max(
        gradient_gap(start_weights, config, sequences),
        gradient_gap(fast_run.poids, config, later),
    )
    workers = workers_comparison(train_words, config, vocab, workers_steps, seed)
    loss_gap = max(
        abs(a - b) for a, b in zip(ref_run.pertes, fast_run.pertes[:ref_steps], strict=False)
    )
    ref_tokens = predicted_tokens(ref_run.sequences[:ref_steps], config)
    fast_tokens = predicted_tokens(fast_run.sequences[:fast_steps], config)
    ref_speed = ref_steps / clocks["reference"].wall
    fast_speed = fast_steps / clocks["fast"].wall
    cpu_ratio = (fast_steps / clocks["fast"].cpu) / (ref_steps / clocks["reference"].cpu)
    return {
        "config": config.vers_dict(),
        "reference_steps": ref_steps,
        "fast_steps": fast_steps,
        "reference_seconds": round(clocks["reference"].wall, 3),
        "fast_seconds": round(clocks["fast"].wall, 3),
        "reference_steps_per_s": round(ref_speed, 3),
        "fast_steps_per_s": round(fast_speed, 2),
        "ratio": round(fast_speed / ref_speed, 1),
        "cpu_ratio": round(cpu_ratio, 1),
        # The same ratio per predicted letter: names differ in length, so this one does
        # not depend on which names each engine happened to get.
        "token_ratio": round(
            (fast_tokens / clocks["fast"].wall) / (ref_tokens / clocks["reference"].wall), 1
        ),
        "fast_seconds_per_1000_steps": round(1000 / fast_speed, 2),
        "max_grad_rel_diff": grad_gap,
        "max_loss_diff": loss_gap,
        "python": platform.python_version(),
        "arithmetic_only": runs["floor"].summary(ref_speed),
        "workers": workers,
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def run(args):
    from game.cli import parse_seed
    from game.commands.train import load_words
    from game.commands.train_options import parse_int

    ref_steps = parse_int(args, "ref_steps", (1, 1000))
    fast_steps = parse_int(args, "steps", (1, 100_000))
    workers_steps = parse_int(args, "workers_steps", (1, 100_000))
    seed = parse_seed(args.seed)
    words, vocab = load_words(args.dataset)
    result = bench(words, vocab, ref_steps, fast_steps, seed, workers_steps)
    result["dataset"] = str(args.dataset)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"Référence (Valeur) : {result['reference_steps_per_s']:.2f} étapes par seconde "
            f"({ref_steps} étapes)."
        )
        print(
            f"Moteur rapide : {result['fast_steps_per_s']:.1f} étapes par seconde "
            f"({fast_steps} étapes), soit {result['ratio']} fois plus vite."
        )
        floor = result["arithmetic_only"]
        print(
            f"Ses seuls calculs ({floor['dot_products_per_step']} produits scalaires et Adam "
            f"par étape, rien autour) iraient au mieux à {floor['steps_per_s']:.0f} étapes "
            f"par seconde ici : {floor['ratio']} fois la référence."
        )
        print(
            f"Écart relatif maximal entre les gradients des deux moteurs : "
            f"{result['max_grad_rel_diff']:.1e} ; entre leurs pertes : "
            f"{result['max_loss_diff']:.1e}."
        )
        w = result["workers"]
        print(
            f"Lots de {w['batch']} mots : {w['names_per_s_1']:.0f} mots par seconde sur un cœur, "
            f"{w['names_per_s_all']:.0f} sur {w['cores']} cœurs ({w['ratio']} fois plus ; "
            f"cet ordinateur permet au mieux {w['hardware_ratio']} fois plus), "
            f"Python {result['python']}."
        )
    return 0
