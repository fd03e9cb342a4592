"""`tuto-llm course …`: speedrun categories and the solver's runs.

- `tuto-llm course categories [--json] [--langue en]`: the categories, their ids and rules;
- `tuto-llm course resoudre CATEGORIE --profil PRENOM --out FICHIER [--code C | --graine N]`:
  the built-in solver plays the category through a speedrun `Run` (a steady human pace,
  the engine's computing time left out of game time), records the attempt in that
  profile's history (the profile is created if needed), writes the run file and
  verifies it. The seed is the club code's, or else the seed of the week.
- `tuto-llm course salon-simuler --coureurs 30 --json`: a whole race room on 127.0.0.1
  (see `game.modes.salon.race.command`).
"""

from game.cli import seed_type
from game.modes.salon.race import command as race_command  # cheap: imports nothing heavy

NAME = "course"
HELP = "Speedrun : les catégories de course (et des outils de test pour les développeurs)."


def add_arguments(parser):
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    cats = sub.add_parser("categories", help="liste les catégories de course et leurs règles")
    cats.add_argument("--json", action="store_true", help="en JSON (pour d'autres outils)")
    cats.add_argument("--langue", choices=("fr", "en"), default="fr")
    # A developer tool, like `solve`: no help= keeps it out of the kids' --help.
    solve = sub.add_parser(
        "resoudre", description="(outil des développeurs) le solveur court une catégorie"
    )
    solve.add_argument("categorie", metavar="CATEGORIE", help="l'id de la catégorie")
    solve.add_argument("--profil", required=True, metavar="PRENOM", help="le coureur")
    solve.add_argument("--out", "-o", required=True, metavar="FICHIER", help="le fichier")
    seed = solve.add_mutually_exclusive_group()
    seed.add_argument("--code", metavar="CODE", help="le code du club (sinon : la semaine)")
    seed.add_argument("--graine", type=seed_type, metavar="N", help="une graine précise")
    solve.add_argument(
        "--rythme", type=int, default=1000, metavar="MS", help="ms de réflexion par action"
    )
    race_command.add_parser(sub)


def run(args):
    if args.action == "salon-simuler":
        return race_command.run(args)
    if args.action == "categories":
        return _list(args)
    return _solve(args)


def _list(args):
    import json

    from game.modes.course.speedrun.categories import categories

    if args.json:
        data = [c.to_json(args.langue) for c in categories()]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    for cat in categories():
        print(f"{cat.id} — {cat.title(args.langue)}")
        print(f"    {cat.rule_text(args.langue)}")
    return 0


def find_profile(name):
    """The profile with this first name (any case, spaces trimmed), or None."""
    from game.profiles import ProfileStore, _same_name

    for profile in ProfileStore().list_profiles():
        if _same_name(profile.name, " ".join(name.split())):
            return profile
    return None


def find_or_create_profile(name):
    """The profile with this first name (any case), created when missing; CliError else."""
    from game.cli import CliError
    from game.profiles import ProfileError, ProfileStore
    from game.storage import SaveError

    store = ProfileStore()
    profile = find_profile(name)
    if profile is not None:
        return store, profile
    try:
        return store, store.create(name)
    except (ProfileError, SaveError) as error:
        raise CliError(f"Profil « {name} » impossible à créer : {error}") from None


def resolve_seed(args):
    """(seed, code) from --graine, --code, or the seed of the week."""
    from game.cli import CliError
    from game.modes.course.speedrun.seeds import CodeError, clean_code, seed_from_code, week_code

    if args.graine is not None:
        return args.graine, ""
    if args.code is not None:
        try:
            return seed_from_code(args.code), clean_code(args.code)
        except CodeError as error:
            raise CliError(str(error)) from None
    code, seed = week_code()
    return seed, code


def _solve(args):
    from pathlib import Path

    from game import __version__
    from game.cli import CliError
    from game.modes.course.speedrun.categories import category, unknown_category_message
    from game.modes.course.speedrun.files import keep_run, write_run_file
    from game.modes.course.speedrun.records import record_attempt
    from game.modes.course.speedrun.seeds import picture_words
    from game.modes.course.speedrun.solver import solve_run
    from game.modes.course.speedrun.timer import format_time
    from game.modes.course.speedrun.verify import verify_run
    from game.storage import SaveError
    from levels import registry

    try:
        cat = category(args.categorie)
    except KeyError:
        raise CliError(unknown_category_message(args.categorie)) from None
    if not 0 <= args.rythme <= 600_000:
        raise CliError("Le rythme doit être entre 0 et 600000 ms par action.")
    if Path(args.out).is_dir():
        raise CliError(f"« {args.out} » est un dossier : donne un nom de fichier (course.json).")
    seed, code = resolve_seed(args)
    store, profile = find_or_create_profile(args.profil)
    try:
        run = solve_run(cat, seed, registry.niveaux(), args.rythme, code, profile.name)
    except (RuntimeError, NotImplementedError) as error:
        print(f"tuto-llm : le solveur n'y arrive pas ({error}) : c'est un bug du jeu.")
        return 1
    data = run.run_file(__version__)
    result = record_attempt(profile, run)
    try:
        write_run_file(args.out, data)
        keep_run(data, profile.id)
        store.save(profile)
    except SaveError as error:
        raise CliError(f"Écriture impossible : {error}") from None
    verdict = verify_run(data)
    print(f"Course « {cat.name} » par {profile.name}, graine {seed} ({picture_words(seed)})")
    for level, (real, game) in zip(run.niveaux, run.splits, strict=True):
        print(f"    niveau {level.numero} : jeu {format_time(game)} · réel {format_time(real)}")
    total = run.splits[-1]
    pb = "nouveau record personnel !" if result.new_pb else "pas de nouveau record"
    print(
        f"Temps de jeu {format_time(total[1])} · temps réel {format_time(total[0])} "
        f"(déclarés) · essai n° {result.attempt} · {pb}"
    )
    print(f"{verdict.reason}")
    return 0 if verdict.valid else 1
