"""`tuto-llm solve N --out FILE`: the built-in solver plays level N and writes its log.

The solver only uses actions a kid could play; the log it writes is an ordinary
run log that `tuto-llm verify` replays like any other, with one mark: `"outil":
"solveur"`, so a teacher sees « partie jouée par le solveur » (its steady 1,000 ms
clock is flagged too). A developer tool: hidden from the kids' `tuto-llm --help`.
"""

from game.cli import seed_type

NAME = "solve"
HIDDEN = True
HELP = "Fait jouer le solveur intégré d'un niveau et écrit son journal (pour vérifier ou comparer)."

GRAINE_PAR_DEFAUT = 1


def add_arguments(parser):
    parser.add_argument("niveau", type=int, metavar="N", help="le numéro du niveau (1, 2, 3…)")
    parser.add_argument(
        "--out", "-o", required=True, metavar="FICHIER", help="où écrire le journal (.json)"
    )
    parser.add_argument(
        "--seed",
        "--graine",
        dest="graine",
        type=seed_type,
        default=GRAINE_PAR_DEFAUT,
        metavar="S",
        help=f"la graine de la partie (par défaut {GRAINE_PAR_DEFAUT})",
    )


def run(args):
    from game.cli import CliError
    from game.files import FileKindError, write_output
    from game.proofs.core import describe_verdict
    from game.proofs.solve import solve_level
    from levels import registry
    from levels.base import OUTIL_SOLVEUR, rejouer, texte_journal

    try:
        niveau = registry.niveau_numero(args.niveau)
    except KeyError:
        disponibles = ", ".join(str(n.numero) for n in registry.niveaux()) or "aucun"
        raise CliError(
            f"Il n'y a pas de niveau {args.niveau}. Niveaux disponibles : {disponibles}."
        ) from None
    try:
        partie = solve_level(niveau, args.graine)
    except NotImplementedError:
        raise CliError(f"Le niveau {args.niveau} n'a pas encore de solveur.") from None
    journal = {**partie.journal(), "outil": OUTIL_SOLVEUR}
    sortie = args.out
    try:
        write_output(sortie, texte_journal(journal))
    except FileKindError as erreur:
        raise CliError(
            f"Je n'arrive pas à écrire « {sortie} » : {erreur}. "
            "Donne un nom de fichier dans un dossier où tu as le droit d'écrire, "
            "par ex. niveau1.json."
        ) from None
    verdict = rejouer(journal, registry.par_id())
    nombre = sum(1 for _, action in journal["actions"] if action["type"] != "indice")
    print(
        f"Solveur du niveau {niveau.numero} « {niveau.titre} », graine {args.graine} : "
        f"{nombre} actions."
    )
    print(describe_verdict(str(sortie), verdict, journal))
    if not verdict.valide:
        print("tuto-llm : le solveur n'atteint pas l'objectif (c'est un bug du niveau).")
        return 1
    return 0
