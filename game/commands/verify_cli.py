"""`tuto-llm verify FILE…`: replays run logs through the engine and says, per file,
whether the goal is really reached (in French), with the recomputed figures and stars.

Exit status 0 only if every file is valid. The work is done by the proof core
(`game.proofs.core`); this module only reads the command line and prints.
"""

NAME = "verify"
HELP = (
    "Rejoue des journaux de partie avec le moteur et dit s'ils sont valides (devoirs, speedruns)."
)


def add_arguments(parser):
    parser.add_argument("fichiers", nargs="+", metavar="FICHIER", help="les journaux à vérifier")
    parser.add_argument(
        "--json", action="store_true", help="écrit le résultat en JSON (pour un tableau de scores)"
    )
    parser.add_argument(
        "--temps-max",
        dest="temps_max",
        type=_seconds,
        default=None,
        metavar="SECONDES",
        help="au-delà, un fichier est « trop long à vérifier » (par défaut 300)",
    )


def _seconds(text):
    import argparse
    import math

    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= 24 * 3600):
        raise argparse.ArgumentTypeError("donne un nombre de secondes entre 1 et 86400")
    return value


def run(args):
    import json

    from game.proofs.core import _claims_mismatch, _plain, _seed, describe_verdict, verify_files

    valid_count = 0
    results = []
    verdicts = verify_files(args.fichiers, args.temps_max)
    for name, (journal, verdict) in zip(args.fichiers, verdicts, strict=True):
        if hasattr(verdict, "to_json"):  # a run file (game.modes.course.speedrun.verify.RunVerdict)
            from game.modes.course.speedrun.report import describe_run

            valid_count += verdict.valid
            if args.json:
                results.append({"fichier": name, **verdict.to_json()})
            else:
                print(describe_run(name, verdict))
            continue
        valid_count += verdict.valide
        if args.json:
            results.append(
                {
                    "fichier": name,
                    "valide": verdict.valide,
                    "raison": verdict.raison,
                    "niveau": verdict.niveau_id,
                    "graine": _seed(journal),
                    "etoiles": verdict.etoiles,
                    "mesures": verdict.mesures,
                    "temps_ms": verdict.temps_ms,
                    "temps": "déclaré",  # written by the player's computer: never verified
                    "indices": verdict.indices,
                    "actions_refusees": verdict.actions_refusees,
                    "remarques": verdict.remarques + _claims_mismatch(verdict, journal),
                }
            )
        else:
            print(describe_verdict(name, verdict, journal))
    total = len(args.fichiers)
    if args.json:
        print(json.dumps(_plain(results), ensure_ascii=False, indent=1, default=str))
    elif total > 1:
        print(f"{valid_count} journal(aux) valide(s) sur {total}.")
    return 0 if valid_count == total else 1
