"""Homework in the game: the pupil types a code, plays with a personal seed, hands in;
the teacher drops the files, the class is checked in the background, the grid shows
the reasons, the report and the certificates are written."""

import csv
import datetime as dt
import time

import pygame
import pytest
from test_app_flow import click, find_button, top

from game.modes.devoir.demo import write_demo_class
from game.modes.devoir.homework import handin, progress
from game.modes.devoir.homework.code import Devoir
from game.modes.devoir.homework.seeds import personal_seed
from game.scenes import demo

DEVOIR = Devoir((1, 2), indices=False, echeance=dt.date(2030, 12, 8), nonce=99, version=(0, 1))


def type_in(app, field, text):
    field.focused = True
    field.set_text("")
    app.step([pygame.event.Event(pygame.TEXTINPUT, text=text)], 1 / 30)


def test_pupil_types_a_code_plays_with_her_seed_and_hands_in(app):
    demo.setup_map_some(app)
    stars_before = {k: v.stars for k, v in app.profile.progress.items()}
    click(app, top(app).homework_button.rect.center)
    entry = top(app)
    assert entry.name == "homework_code"
    wrong = DEVOIR.code[:5] + ("Z" if DEVOIR.code[5] != "Z" else "Y") + DEVOIR.code[6:]
    type_in(app, entry.field, wrong)
    entry.submit()
    assert top(app) is entry and "2e groupe" in entry.error
    type_in(app, entry.field, DEVOIR.code.lower().replace("-", " "))
    entry.submit()
    panel = top(app)
    assert panel.name == "homework" and panel.code == DEVOIR.code
    on_disk, _ = app.profiles.load(app.profile.id)
    assert on_disk.homework["actif"] == DEVOIR.code  # saved at once

    panel.play_level(2)
    host = top(app)
    assert host.name == "level" and host.policy.name == "devoir"
    assert host.partie.graine == personal_seed(DEVOIR.code, "Léa", "l2_erreurs")
    assert not host.hints_allowed  # the homework forbids them
    if host.intro:
        host.skip_intro()
    for action in host.niveau.resoudre(host.partie.graine):
        assert host.partie.jouer(action) is None
    host.complete()
    assert top(app).name == "result"
    top(app).policy.after_result(app, host.place, [])
    panel = top(app)
    assert panel.name == "homework"
    assert [row[2] for row in panel.rows()] == [False, True]
    assert {k: v.stars for k, v in app.profile.progress.items()} == stars_before  # adventure kept

    panel.hand_in()
    path = progress.homework_dir() / handin.file_name(DEVOIR.code, "Léa")
    assert panel.handed_path == path and path.is_file()
    found, problem = handin.read(path)
    assert problem is None and found.somme_ok and list(found.journaux) == ["l2_erreurs"]
    click(app, find_button(panel, "Ouvrir le dossier").rect.center)
    assert app.opened_folders[-1] == path.parent
    assert app.crashes == 0


def test_a_damaged_homework_in_a_profile_is_dropped_not_the_profile(app):
    profile = demo.demo_profile(app, "some")
    data = profile.to_dict()
    data["homework"] = {"actif": "XXXX", "devoirs": {"A": "pas un dict", "B": {"journaux": 3}}}
    loaded = type(profile).from_dict(data)
    assert loaded.name == "Léa" and loaded.progress.keys() == profile.progress.keys()
    assert loaded.homework == {
        "actif": None,
        "devoirs": {"B": {"journaux": {}, "rendu_le": "", "fichier": "", "prenom": ""}},
    }


def test_teacher_drops_files_and_gets_the_grid_report_and_certificates(app, tmp_path):
    write_demo_class(tmp_path / "rendus")
    (tmp_path / "classe.csv").write_bytes(
        "NOM;Prénom\r\nMARTIN;Chloé\r\nLEROY;Emma\r\n".encode("cp1252")
    )
    demo._reset(app)
    app.push("teacher")
    click(app, find_button(top(app), "Corriger des devoirs").rect.center)
    scene = top(app)
    for path in sorted((tmp_path / "rendus").iterdir()):
        app.step([pygame.event.Event(pygame.DROPFILE, file=str(path))], 1 / 30)
    app.step([pygame.event.Event(pygame.DROPFILE, file=str(tmp_path / "classe.csv"))], 1 / 30)
    assert len(scene.files) == 6 and len(scene.classe.eleves) == 2
    scene.start()
    deadline = time.monotonic() + 300
    while top(app) is scene and time.monotonic() < deadline:
        app.step([], 1 / 30)  # the window keeps drawing while the class is checked
    grid = top(app)
    assert grid.name == "teacher_grid"
    by_name = {c.prenom: c for c in grid.grille.copies}
    assert by_name["Chloé"].valide and by_name["Chloé"].nom == "MARTIN"
    assert "rien rendu" in by_name["Emma"].raisons()
    assert "variante personnelle de Chloé" in " ".join(by_name["Louis"].raisons())
    grid.export_csv()
    report = next((app.opened_folders[-1]).glob("rapport-*.csv"))
    rows = list(csv.reader(report.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:4] == ["Nom", "Prénom", "Fichier rendu", "Bilan"] and len(rows) == 1 + 7
    grid.certificates()
    assert top(app).name == "teacher_picture"
    assert len(list(top(app).path.parent.glob("attestation-*.png"))) == 5
    assert app.crashes == 0


def test_teacher_pastes_the_class_list_copied_from_a_spreadsheet(app, monkeypatch):
    """Excel or LibreOffice copy two columns as tab-separated lines; nothing on the
    clipboard (or no clipboard at all) gets a French sentence saying what to do."""
    from game import clipboard

    demo._reset(app)
    app.push("teacher")
    click(app, find_button(top(app), "Corriger des devoirs").rect.center)
    scene = top(app)
    monkeypatch.setattr(clipboard, "read_text", lambda: None)
    click(app, find_button(scene, "Coller la liste").rect.center)
    assert scene.classe is None and "tableur" in scene.message
    copied = "NOM\tPrénom\r\nMARTIN\tChloé\r\nLEROY\tEmma\r\nDURAND\tLéo\r\n"
    monkeypatch.setattr(clipboard, "read_text", lambda: copied)
    click(app, find_button(scene, "Coller la liste").rect.center)
    assert [e.prenom for e in scene.classe.eleves] == ["Chloé", "Emma", "Léo"]
    assert "3 élèves." in scene.message and "Séparateur" not in scene.message  # pasting: no warning
    monkeypatch.setattr(clipboard, "read_text", lambda: ";;;\n;;")  # no first name at all
    click(app, find_button(scene, "Coller la liste").rect.center)
    assert len(scene.classe.eleves) == 3  # the list already pasted stays
    assert app.crashes == 0


def test_reading_the_clipboard_never_raises():
    from game.clipboard import read_text

    assert read_text() is None or isinstance(read_text(), str)


def test_teacher_rechecks_a_certificate_in_the_game(app):
    from game.modes.devoir.homework import certificate

    paper = certificate.Attestation("Inès", "5e B", DEVOIR.code, ((1, 3),), "2026-12-09")
    code = certificate.issue(paper)
    demo._reset(app)
    space = app.push("teacher")
    space.cert_field.set_text("ZZZZ")
    space.check_certificate()
    assert "Il manque" in space.cert_result
    space.cert_field.set_text(code.lower())
    space.check_certificate()
    assert space.cert_result.startswith("Authentique") and "Inès (5e B)" in space.cert_result


@pytest.mark.parametrize(("lang", "expected"), [("fr", "Le 2e groupe"), ("en", "The 2nd group")])
def test_a_typo_is_told_in_the_players_language(app, lang, expected):
    app.settings.language = lang
    app.apply_settings()
    demo.setup_map_some(app)
    entry = app.push("homework_code")
    wrong = DEVOIR.code[:5] + ("Z" if DEVOIR.code[5] != "Z" else "Y") + DEVOIR.code[6:]
    entry.field.set_text(wrong)
    entry.submit()
    assert entry.error.startswith(expected)
    entry.field.set_text(DEVOIR.code[:5] + "O" + DEVOIR.code[6:])
    entry.submit()
    assert "0, O, 1, I" in entry.error


def test_the_real_clipboard_of_an_x11_desktop_is_read(tmp_path):
    """On a real X11 display (Xvfb) a list copied by another program (xclip, as a
    spreadsheet would) is read by the game's pygame. Skipped where Xvfb or xclip is missing."""
    import shutil
    import subprocess
    import sys

    if not (shutil.which("Xvfb") and shutil.which("xclip")):
        pytest.skip("Xvfb et xclip absents (apt-get install xvfb xclip)")
    display = ":93"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "320x200x24"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    env = {**__import__("os").environ, "DISPLAY": display, "SDL_VIDEODRIVER": "x11"}
    try:
        socket = __import__("pathlib").Path("/tmp/.X11-unix/X93")
        deadline = time.monotonic() + 20
        while not socket.exists() and time.monotonic() < deadline:  # the server is up
            time.sleep(0.05)
        copier = subprocess.Popen(["xclip", "-quiet", "-selection", "clipboard", "-i"],
                                  stdin=subprocess.PIPE, env=env)  # fmt: skip
        copier.stdin.write("NOM\tPrénom\nMARTIN\tChloé\n".encode())
        copier.stdin.close()  # xclip now serves the text until it is stopped
        time.sleep(0.3)
        code = (
            "import pygame; pygame.init(); pygame.display.set_mode((100, 50)); "
            "from game.clipboard import read_text; print(repr(read_text()))"
        )
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, timeout=60).stdout  # fmt: skip
        assert "'NOM\\tPrénom\\nMARTIN\\tChloé\\n'" in out
        copier.terminate()
        copier.wait(timeout=10)
    finally:
        server.terminate()
        server.wait(timeout=10)
