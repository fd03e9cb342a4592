"""`tuto-llm devoir creer|corriger|simuler|attestation|sauvegarder|importer`: homework
for teachers, from a terminal.

The game's « Espace enseignant » does the same without a terminal; both use
`game.modes.devoir.homework`.
"""

NAME = "devoir"
HELP = "Devoirs : créer un code de devoir, corriger les fichiers rendus par une classe."


def add_arguments(parser):
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    creer = sub.add_parser("creer", help="crée un devoir : affiche son code, écrit sa feuille")
    creer.add_argument("--niveaux", default="1-4", help="par exemple 1-4 ou 1,3 (défaut 1-4)")
    creer.add_argument("--sans-indices", action="store_true", help="indices interdits")
    creer.add_argument(
        "--trois-etoiles", action="store_true", help="fait = les 3 étoiles (sinon l'objectif)"
    )
    creer.add_argument("--pour", metavar="JJ/MM/AAAA", help="date limite (incluse)")
    creer.add_argument("--classe", default="", help="le nom de la classe, par exemple « 5e B »")
    creer.add_argument("--dossier", default=".", help="où écrire la feuille (défaut : ici)")
    creer.add_argument(
        "--liste", metavar="FICHIER", help="la liste de la classe (le jeu demande une initiale "
        "aux élèves qui ont le même prénom)",
    )  # fmt: skip
    corriger = sub.add_parser("corriger", help="vérifie les devoirs rendus d'un dossier")
    corriger.add_argument("dossier", nargs="+", metavar="DOSSIER", help="dossiers ou fichiers")
    corriger.add_argument(
        "--liste", metavar="CSV", help="la liste de la classe (.csv, .xlsx, .ods…)"
    )
    corriger.add_argument("--csv", metavar="FICHIER", help="écrit le rapport (rapport.csv)")
    corriger.add_argument("--code", help="le code du devoir (défaut : celui des fichiers)")
    corriger.add_argument("--classe", default=None, help="le nom de la classe pour le rapport")
    corriger.add_argument("--coeurs", type=int, default=None, help="processus (défaut : tous)")
    simuler = sub.add_parser("simuler", help="simule une classe entière et mesure la correction")
    simuler.add_argument("--eleves", type=int, default=30)
    simuler.add_argument("--niveaux", default="1-4")
    simuler.add_argument("--dossier", help="garde les fichiers rendus ici (défaut : temporaire)")
    simuler.add_argument("--coeurs", type=int, default=None)
    simuler.add_argument("--json", action="store_true", help="dernière ligne : un objet JSON")
    attest = sub.add_parser("attestation", help="vérifie le code d'une attestation")
    attest.add_argument("code", help="le code imprimé sur l'attestation")
    save = sub.add_parser(
        "sauvegarder", help="sauvegarde l'espace enseignant (clé des attestations comprise)"
    )
    save.add_argument("fichier", nargs="?", help="le .zip à écrire (défaut : dans enseignant/)")
    load = sub.add_parser("importer", help="importe la sauvegarde d'un autre ordinateur")
    load.add_argument("fichier", help="le .zip fait par « sauvegarder »")


def parse_levels(text):
    """« 1-4 » → (1, 2, 3, 4); « 1,3 » → (1, 3). Raises CliError (French)."""
    from game.cli import CliError
    from levels import registry

    known = {n.numero for n in registry.niveaux()}
    numbers = set()
    try:
        for part in str(text).replace(" ", "").split(","):
            low, _, high = part.partition("-")
            numbers.update(range(int(low), int(high or low) + 1))
    except ValueError:
        raise CliError(f"« {text} » : écris les niveaux comme 1-4 ou 1,3,5.") from None
    wrong = sorted(numbers - known)
    if wrong or not numbers:
        raise CliError(
            ("Niveaux inconnus" if len(wrong) > 1 else "Niveau inconnu")
            + f" : {', '.join(map(str, wrong)) or 'aucun'}. "
            f"Niveaux disponibles : {', '.join(map(str, sorted(known)))}."
        )
    return tuple(sorted(numbers))


def parse_date(text):
    import datetime as dt

    from game.cli import CliError

    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise CliError(f"« {text} » n'est pas une date : écris-la comme 08/12/2026.")


def _create(args):
    from pathlib import Path

    from game.cli import CliError
    from game.modes.devoir.homework import register
    from game.modes.devoir.homework.code import Devoir
    from game.modes.devoir.homework.sheet import html_page, sheet_texts
    from game.storage import SaveError, write_atomic

    numeros = parse_levels(args.niveaux)
    echeance = parse_date(args.pour) if args.pour else None
    devoir = Devoir.nouveau(numeros, not args.sans_indices, args.trois_etoiles, echeance)
    try:
        code = devoir.code
    except ValueError as error:
        raise CliError(f"Impossible de faire ce devoir : {error}.") from None
    texts = sheet_texts(devoir, code, args.classe)
    folder = Path(args.dossier)
    try:
        write_atomic(folder / f"feuille-{code}.html", html_page(texts), backup=False)
        class_list = _read_class_list(args.liste) if args.liste else None
        register.remember(code, args.classe or getattr(class_list, "classe", ""), class_list)
        png = _sheet_png(texts, folder / f"feuille-{code}.png")
    except SaveError as error:
        raise CliError(str(error)) from None
    print(f"Code du devoir : {code}")
    print(f"Niveaux : {', '.join(f'{n} « {t} »' for n, t in texts['niveaux'])}")
    for line in texts["regles"] + ([texts["pour"]] if texts["pour"] else []):
        print(line)
    print(f"Feuille : {folder / f'feuille-{code}.html'}" + (f" et {png}" if png else ""))
    return 0


def _sheet_png(texts, path):
    """The PNG sheet, drawn with pygame when it is installed (None otherwise)."""
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        from game.modes.devoir.teacher.sheet_png import write_sheet_png
    except ImportError:
        return None
    return write_sheet_png(texts, path)


def _correct(args):

    from game.cli import CliError
    from game.files import path_problem
    from game.modes.devoir.homework import register, report
    from game.modes.devoir.homework.check import check_files
    from game.modes.devoir.homework.code import ErreurCode, normaliser
    from game.progress import stderr_progress
    from game.storage import SaveError

    for item in args.dossier:
        problem = path_problem(item)
        if problem is not None:
            raise CliError(f"« {item} » : {problem}. Donne le dossier des devoirs rendus.")
    code = None
    if args.code:
        try:
            code = normaliser(args.code)
        except ErreurCode as error:
            raise CliError(f"Code du devoir : {error}") from None
    classe = None
    if args.liste:
        classe = _read_class_list(args.liste)
        for message in classe.messages:
            print(f"Liste de la classe : {message}")
    progress = stderr_progress("journaux rejoués")  # on stderr: stdout keeps the report
    grille = check_files(args.dossier, code, classe, workers=args.coeurs, progress=progress)
    progress.finish()
    # the label given here, else the list's « Classe » column, else the homework's own
    grille.classe = args.classe or grille.classe or register.label(grille.code)
    print(report.grid_text(grille))
    if args.csv:
        try:
            report.write_csv(args.csv, grille)
        except SaveError as error:
            raise CliError(str(error)) from None
        print(f"Rapport écrit : {args.csv}")
    return 0 if not grille.illisibles and grille.copies else 1


def _read_class_list(path):
    from game.cli import CliError
    from game.modes.devoir.homework.classlist import read_class_list_file

    classe = read_class_list_file(path)
    if classe.refus:
        raise CliError(f"Liste de la classe « {path} » : {classe.refus}")
    return classe


def _simulate(args):
    import json
    import tempfile
    from pathlib import Path

    from game.cli import CliError
    from game.modes.devoir.homework import report
    from game.modes.devoir.homework.replay import cores
    from game.modes.devoir.homework.simulate import SimulationError, simulate

    numeros = parse_levels(args.niveaux)
    if not 2 <= args.eleves <= 200:
        raise CliError("Il faut entre 2 et 200 élèves (--eleves).")
    workers = args.coeurs or cores()
    with tempfile.TemporaryDirectory(prefix="tuto-devoir-") as temp:
        folder = Path(args.dossier or temp)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            grille, summary = simulate(folder, args.eleves, numeros, workers)
        except SimulationError as error:
            raise CliError(str(error)) from None
    if not args.json:
        print(report.grid_text(grille))
    print(json.dumps(summary, ensure_ascii=False))
    ok = summary["honnetes_valides"] == summary["honnetes"]
    return 0 if ok and "NON" not in str(summary["pieges"]) else 1


def _certificate(args):
    from game.modes.devoir.homework import certificate

    found, problem = certificate.check(args.code)
    if found is None:
        print(problem)
        return 1
    print(f"Attestation authentique : {certificate.describe(found)}")
    return 0


def _backup(args):
    from game.cli import CliError
    from game.modes.devoir.homework import backup

    try:
        path = backup.export(args.fichier)
    except backup.BackupError as error:
        raise CliError(str(error)) from None
    print(f"Sauvegarde écrite : {path}")
    print("Elle contient la clé des attestations : gardez-la comme une clé.")
    return 0


def _import(args):
    from game.cli import CliError
    from game.modes.devoir.homework import backup

    try:
        print(backup.import_backup(args.fichier))
    except backup.BackupError as error:
        raise CliError(str(error)) from None
    return 0


def run(args):
    actions = {
        "creer": _create,
        "corriger": _correct,
        "simuler": _simulate,
        "attestation": _certificate,
        "sauvegarder": _backup,
        "importer": _import,
    }
    return actions[args.action](args)
