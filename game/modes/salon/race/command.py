"""`tuto-llm course salon-simuler`: a whole race room on this computer only.

Registered in the `course` command group (`game/modes/course/command.py`) through
`add_parser(sub)` and `run(args)`. The last line printed is one JSON object (with
`--json`); `--csv FICHIER` also writes the room's results for French Excel.
"""

TARGET_P95_MS = 200


def add_parser(sub):
    sim = sub.add_parser(
        "salon-simuler",
        help="simule un salon de course en local (127.0.0.1) : un hôte, N coureurs, un brouilleur",
    )
    sim.add_argument("--coureurs", type=int, default=30, metavar="N", help="par défaut 30")
    sim.add_argument("--categorie", default="debut", metavar="ID", help="par défaut debut")
    sim.add_argument("--graine", type=int, default=1, metavar="N", help="par défaut 1")
    sim.add_argument("--csv", metavar="FICHIER", help="écrit aussi les résultats en CSV")
    sim.add_argument("--json", action="store_true", help="une ligne JSON à la fin")
    sim.add_argument(
        "--tricheurs",
        action="store_true",
        help="ajoute un tricheur de chaque sorte (faux temps, copie, nom changé, solveur…)",
    )
    return sim


def run(args):
    import json
    import tempfile

    from game.cli import CliError
    from game.modes.salon.race import simulate
    from game.modes.salon.race.runfile import category

    if not 1 <= args.coureurs <= 60:
        raise CliError("« --coureurs » doit être entre 1 et 60.")
    if category(args.categorie) is None:
        raise CliError(
            f"Catégorie inconnue : « {args.categorie} » (voir tuto-llm course categories)."
        )
    if not 0 <= args.graine < 2**31:
        raise CliError("La graine doit être un nombre entier positif.")
    with tempfile.TemporaryDirectory(prefix="tuto-llm-salon-") as folder:
        kept = {}
        figures = simulate.run_simulation(
            args.coureurs,
            args.categorie,
            args.graine,
            folder,
            on_done=_keeper(kept),
            cheaters=args.tricheurs,
        )
        if args.csv and "room" in kept:
            _write_csv(args.csv, kept["room"])
    _print(figures)
    if args.json:
        print(json.dumps(_public(figures), ensure_ascii=False))
    ok = figures["classement_correct"] and figures["reprise_ok"] and figures["hote_survit_au_flot"]
    ok = ok and not figures.get("tricheurs_classes_verifies")
    p95 = figures.get("latence_split_ms_p95")
    return 0 if ok and p95 is not None and p95 <= TARGET_P95_MS else 1


def _keeper(kept):
    def on_done(host, sims):
        kept["room"] = host.room

    return on_done


def _write_csv(path, room):
    from game.cli import CliError
    from game.modes.salon.race.export import write_csv
    from game.storage import SaveError

    try:
        write_csv(path, room)
    except SaveError as error:
        raise CliError(f"Je n'arrive pas à écrire « {path} » : {error.message}") from None
    print(f"Résultats écrits dans {path} (CSV pour Excel : « ; », virgule décimale).")


def _public(figures):
    keys = [
        "coureurs",
        "messages_par_s",
        "latence_split_ms_p95",
        "classement_correct",
        "reprise_ok",
        "hote_survit_au_flot",
    ]
    return {**{k: figures.get(k) for k in keys}, **figures}


def _print(figures):
    yes = {True: "oui", False: "NON"}
    print(
        f"Salon simulé sur 127.0.0.1 : {figures['coureurs']} coureurs, "
        f"{figures.get('duree_s')} s, {figures.get('messages_recus')} messages reçus "
        f"({figures.get('messages_par_s')} par seconde), "
        f"{figures.get('messages_refuses')} refusés."
    )
    print(
        f"Latence des temps intermédiaires (p95) : {figures.get('latence_split_ms_p95')} ms "
        f"(objectif ≤ {TARGET_P95_MS} ms)."
    )
    print(
        f"Classement juste : {yes[figures['classement_correct']]} ; "
        f"reprise après coupure : {yes[figures['reprise_ok']]} ; "
        f"l'hôte survit au brouilleur : {yes[figures['hote_survit_au_flot']]}."
    )
    if "tricheurs" in figures:
        print(
            f"Tricheurs plantés : {figures['tricheurs']} ; classés « vérifié par l'hôte » : "
            f"{figures['tricheurs_classes_verifies']} (objectif 0) ; coureurs honnêtes "
            f"vérifiés par l'hôte : {figures['honnetes_verifies']} sur {figures['coureurs']}."
        )
        for cheat, status in figures["tricheurs_detail"].items():
            print(f"    {cheat} : {status}")
    if figures.get("erreur"):
        print(f"Problème : {figures['erreur']}.")
