"""`tuto-llm club …`: the club board from the command line.

- `tuto-llm club importer DOSSIER|FICHIER…`: verifies run files and stores them in the
  board (SQLite in the game's data folder; each file copied there);
- `tuto-llm club classement CATEGORIE [--code C | --graine N | --semaine] [--csv F] [--json]`:
  the leaderboard (verified runs only, each runner's best, ties broken by costs);
- `tuto-llm club lss --profil PRENOM --categorie CAT --out F.lss`: LiveSplit splits.
"""

NAME = "club"
HELP = "Tableau du club : importer des courses, le classement, l'export LiveSplit (.lss)."


def add_arguments(parser):
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("importer", help="vérifie et range des fichiers de course")
    imp.add_argument("chemins", nargs="+", metavar="DOSSIER", help="dossiers ou fichiers .json")
    ranking = sub.add_parser("classement", help="le classement d'une catégorie")
    ranking.add_argument("categorie", metavar="CATEGORIE")
    seed = ranking.add_mutually_exclusive_group()
    seed.add_argument("--code", metavar="CODE", help="seulement les courses de ce code")
    seed.add_argument("--graine", type=int, metavar="N", help="seulement cette graine")
    seed.add_argument("--semaine", action="store_true", help="seulement la graine de la semaine")
    ranking.add_argument("--csv", metavar="FICHIER", help="écrit aussi le classement en CSV")
    ranking.add_argument("--json", action="store_true", help="en JSON")
    lss = sub.add_parser("lss", help="exporte les temps d'un profil pour LiveSplit")
    lss.add_argument("--profil", required=True, metavar="PRENOM")
    lss.add_argument("--categorie", required=True, metavar="CATEGORIE")
    lss.add_argument("--out", "-o", required=True, metavar="FICHIER.lss")


def _category(cat_id):
    from game.cli import CliError
    from game.modes.course.speedrun.categories import category, unknown_category_message

    try:
        return category(cat_id)
    except KeyError:
        raise CliError(unknown_category_message(cat_id)) from None


def run(args):
    return {"importer": _import, "classement": _ranking, "lss": _lss}[args.action](args)


def _import(args):

    from game.modes.course.speedrun.board import ADDED, Board

    board = Board()
    with _board_errors():
        results = _import_all(board, args.chemins)
    if board.message:
        print(board.message)
    for result in results:
        mark = {"ajoutée": "✔", "déjà là": "="}.get(result.status, "✗")
        print(f"{mark} {result.path} : {result.status} — {result.reason}")
    added = sum(r.status == ADDED for r in results)
    print(f"{added} course(s) ajoutée(s) sur {len(results)} fichier(s).")
    return 0 if all(r.status != "refusée" for r in results) else 1


def _import_all(board, names):
    """Every file and folder imported; « courses vérifiées : 3/10 » on stderr meanwhile."""
    from pathlib import Path

    from game.progress import stderr_progress

    progress = stderr_progress("courses vérifiées")
    files, results = [], []
    for name in names:
        path = Path(name)
        if path.is_dir():  # each folder's replays on every core
            results += board.import_folder(path, progress=progress)
        else:
            files.append(path)
    results += board.import_files(files, progress=progress)
    progress.finish()
    return results


def _board_errors():
    """A board that is busy or cannot open: one French paragraph (CliError), never
    SQLite's English text (that goes to the log)."""
    import contextlib
    import logging
    import sqlite3

    from game.cli import CliError
    from game.modes.course.speedrun.board import BoardError, is_busy

    @contextlib.contextmanager
    def guard():
        try:
            yield
        except BoardError as error:
            raise CliError(str(error)) from None
        except sqlite3.Error as error:
            logging.getLogger(__name__).warning("tableau du club : %r", error)
            from game.modes.course.speedrun.board import BUSY_MESSAGE, UNAVAILABLE_MESSAGE

            raise CliError(BUSY_MESSAGE if is_busy(error) else UNAVAILABLE_MESSAGE) from None

    return guard()


def _seed(args):
    from game.cli import CliError
    from game.modes.course.speedrun.seeds import CodeError, seed_from_code, week_code

    if args.semaine:
        return week_code()[1]
    if args.code is not None:
        try:
            return seed_from_code(args.code)
        except CodeError as error:
            raise CliError(str(error)) from None
    return args.graine


def _ranking(args):
    import json

    from game.cli import CliError
    from game.modes.course.speedrun.board import Board
    from game.modes.course.speedrun.export import write_csv
    from game.modes.course.speedrun.timer import format_time
    from game.storage import SaveError

    cat = _category(args.categorie)
    seed = _seed(args)
    board = Board()
    with _board_errors():
        rows = board.leaderboard(cat.id, seed)
        apart = board.leaderboard(cat.id, seed, human=False)
        if args.csv:
            try:
                write_csv(args.csv, board, cat.id, seed)
            except SaveError as error:
                raise CliError(f"Écriture impossible de « {args.csv} » : {error}") from None
    if args.json:
        tables = [{**r.__dict__, "table": "classe"} for r in rows]
        tables += [{**r.__dict__, "table": "a_part"} for r in apart]
        print(json.dumps(tables, ensure_ascii=False, indent=1))
        return 0
    if board.message:
        print(board.message)
    print(f"Classement « {cat.name} » (courses vérifiées ; temps déclarés, temps de jeu)")
    if not rows:
        print("    Aucune course vérifiée pour l'instant : importe des fichiers de course.")
    _print_rows(rows, format_time)
    if apart:
        print("À part (un programme a joué, d'après les remarques ; pas classées) :")
        _print_rows(apart, format_time)
    return 0


def _print_rows(rows, format_time):
    for row in rows:
        costs = row.costs
        print(
            f"{row.rank:>4}. {row.runner or '?':<20} {format_time(row.game_ms):>9}  "
            f"(réel {format_time(row.real_ms)}) · {costs['actions']} actions · "
            f"{costs['pas']} pas · {costs['prenoms']} prénoms"
        )
        if row.remarks:
            print(f"        Attention : {row.remarks}")


def _lss(args):
    from game.cli import CliError
    from game.modes.course.command import find_profile
    from game.modes.course.speedrun.lss import export_lss, segment_names
    from game.modes.course.speedrun.records import category_record
    from game.storage import SaveError, write_atomic
    from levels import registry

    cat = _category(args.categorie)
    profile = find_profile(args.profil)
    if profile is None:
        raise CliError(f"Il n'y a pas de profil « {args.profil} » sur cet ordinateur.")
    record = category_record(profile, cat.id)
    names = segment_names(cat, registry.niveaux())
    try:
        write_atomic(args.out, export_lss(record, cat, names, profile.name), backup=False)
    except SaveError as error:
        raise CliError(f"Écriture impossible de « {args.out} » : {error}") from None
    print(f"Temps de {profile.name} pour « {cat.name} » : {record.attempts} essai(s) → {args.out}")
    return 0
