"""The teacher's window does what the CLI does; the pupil's panel never overlaps
(issue 21, outcome 4)."""

import datetime as dt
import itertools
from pathlib import Path

import pygame
import pytest
from test_app_flow import click, find_button, top

from game.modes.devoir.homework import handin, progress, register
from game.modes.devoir.homework.code import Devoir
from game.scenes import demo
from game.ui.widgets import Button

DEVOIR = Devoir((1, 2, 3, 4, 5), indices=True, nonce=12, version=(0, 1))


def buttons(scene):
    return [w for w in scene.container.widgets if isinstance(w, Button) and w.visible]


def test_homework_panel_buttons_never_overlap_after_a_hand_in(app):
    demo.setup_map_some(app)
    progress.join(app.profile, DEVOIR.code)
    app.push("homework", DEVOIR.code, Path("/tmp/devoir.tuto"))
    app.step([], 1 / 30)
    found = buttons(top(app))
    assert any(b.label == "Ouvrir le dossier" for b in found)
    for a, b in itertools.combinations(found, 2):
        assert not a.rect.colliderect(b.rect), (a.label, b.label)
    assert "(x)" not in app.t("devoirs.panneau.reste", n=4)


def test_check_screen_defaults_keeps_text_and_names_the_class(app, tmp_path):
    demo._reset(app)
    app.push("teacher")
    click(app, find_button(top(app), "Corriger des devoirs").rect.center)
    scene = top(app)
    default = Path(scene.folder_field.text)
    assert default == progress.homework_dir() and default.is_dir()  # where hand-ins land
    code = Devoir((1,), nonce=3, version=(0, 1)).code
    register.remember(code, "5e B")
    handin.write(tmp_path, handin.build(code, "Noël", {}, dt.datetime(2026, 12, 6, 9, 0)))
    scene.folder_field.set_text(str(tmp_path))
    scene.folder_text = str(tmp_path)
    scene.rebuild()
    assert scene.folder_field.text == str(tmp_path)  # a rebuild keeps what was typed
    scene.start()
    while top(app) is scene:
        app.step([], 1 / 30)
    grid = top(app)
    assert grid.name == "teacher_grid" and grid.grille.classe == "5e B"
    app.scenes.pop()
    assert top(app) is scene and scene.folder_field.text == str(tmp_path)


def test_recent_homework_reopens_and_certificate_field_keeps_focus(app):
    demo._reset(app)
    register.remember(DEVOIR.code, "4e A")
    app.push("teacher")
    scene = top(app)
    entry = next(b for b in buttons(scene) if b.label.startswith(DEVOIR.code))
    assert "4e A" in entry.label and "-" not in entry.label.split("·")[-1]  # a French date
    click(app, entry.rect.center)
    assert top(app).name == "teacher_created" and top(app).devoir == DEVOIR
    app.scenes.pop()
    scene.cert_field.set_text("ZZZZ-ZZZZ")
    click(app, find_button(scene, "Vérifier").rect.center)
    assert scene.cert_field.text == "ZZZZ-ZZZZ" and scene.container.focused is scene.cert_field
    assert scene.cert_result and "Error" not in scene.cert_result
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="A")], 1 / 30)
    assert scene.cert_field.text.endswith("A")


def test_a_twin_pupil_is_asked_for_an_initial_and_gets_her_own_seed_and_file(app, tmp_path):
    from game.modes.devoir.homework.code import ErreurCode
    from game.modes.devoir.homework.seeds import personal_seed

    demo.setup_map_some(app)  # the profile « Léa »
    code = DEVOIR.code
    folder = progress.homework_dir()
    folder.mkdir(parents=True, exist_ok=True)
    other = handin.write(folder, handin.build(code, "Léa", {}, dt.datetime(2026, 12, 6, 9, 0)))
    with pytest.raises(ErreurCode) as error:
        progress.join(app.profile, code)
    assert error.value.cle == "initiale"
    progress.join(app.profile, code, "d")
    assert progress.pupil_name(app.profile, code) == "Léa D."
    assert progress.seed(app.profile, code, "l1_devine") != personal_seed(code, "Léa", "l1_devine")
    mine = progress.hand_in(app.profile, code, folder)
    assert mine.name == f"devoir-{code}-Lea-D.tuto" and other.exists() and mine != other
    # the window asks for the initial, then takes it
    app.profile.homework = {}
    app.push("homework_code")
    entry = top(app)
    entry.field.set_text(code)
    entry.submit()
    assert entry.ask_initial and "initiale" in entry.error
    entry.initial_field.set_text("D")
    entry.initial = "D"
    entry.submit()
    assert top(app).name == "homework"


def test_the_class_list_given_with_the_homework_asks_twins_for_an_initial(app, tmp_path):
    from game.modes.devoir.homework.classlist import parse_class_list
    from game.modes.devoir.homework.code import ErreurCode

    demo.setup_map_some(app)
    code = Devoir((1,), nonce=44, version=(0, 1)).code
    twins = parse_class_list("NOM;Prénom\nDUBOIS;Léa\nMARTIN;Léa\nROUX;Noé\n")
    register.remember(code, "5e B", twins)
    with pytest.raises(ErreurCode):
        progress.join(app.profile, code, folder=tmp_path)
    assert progress.join(app.profile, code, "M", folder=tmp_path)[0] == code


def test_dropping_a_spreadsheet_list_and_a_backup(app, tmp_path):
    from game.modes.devoir.homework import backup, certificate

    demo._reset(app)
    app.push("teacher")
    click(app, find_button(top(app), "Corriger des devoirs").rect.center)
    scene = top(app)
    listes = Path(__file__).parent / "data" / "listes"
    app.step([pygame.event.Event(pygame.DROPFILE, file=str(listes / "tableur-4eA.ods"))], 1 / 30)
    assert len(scene.classe.eleves) == 6 and scene.label_field.text == "4e A"
    xls = tmp_path / "vieux.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    app.step([pygame.event.Event(pygame.DROPFILE, file=str(xls))], 1 / 30)
    assert ".xls" in scene.message and len(scene.classe.eleves) == 6  # the list stays
    app.scenes.pop()
    other = tmp_path / "autre-ordinateur"
    paper = certificate.Attestation("Zoé B", "4e A", "2C8G-FYZP-TNDS", ((1, 3),), "2026-12-06")
    code = certificate.issue(paper, other)
    saved = backup.export(tmp_path / "sauvegarde.zip", other)
    teacher = top(app)
    app.step([pygame.event.Event(pygame.DROPFILE, file=str(saved))], 1 / 30)
    assert "importée" in teacher.cert_result
    assert certificate.check(code)[0] == paper


def test_a_wrong_code_keeps_its_text_and_the_focus_after_valider(app):
    demo.setup_map_some(app)
    app.push("homework_code")
    entry = top(app)
    entry.field.set_text("ABCD-EFGH-JKMN")
    click(app, find_button(entry, "Valider").rect.center)
    assert entry.error and entry.field.text == "ABCD-EFGH-JKMN"
    assert entry.container.focused is entry.field


def test_to_do_reads_well_on_the_panel_in_both_palettes():
    from game.modes.devoir.pupil import todo_color
    from game.ui.colors import COLORBLIND, NORMAL, contrast

    for colors in (NORMAL, COLORBLIND):
        assert contrast(todo_color(colors), colors.panel) >= 4.5
        assert contrast(colors.warn, colors.panel) < 4.5  # why « warn » alone was not enough


@pytest.mark.parametrize("size", [0, 2])
def test_homework_tag_stays_right_of_pause_and_leaves_the_title_room(app, size):
    app.settings.text_size = size
    app.apply_settings()
    demo.SETUPS["homework_level"](app)
    app.step(dt=1 / 60)
    host = top(app)
    assert host.policy_rect.x >= host.pause_button.rect.right
    assert host.title_rect.x >= host.pause_button.rect.right and host.title_rect.width >= 100
    text = " ".join(host.policy.top_bar_items(host))
    assert host.theme.font("small").size(text)[0] <= host.policy_rect.width


@pytest.mark.parametrize("size", [0, 1, 2])
def test_the_big_homework_code_fits_its_box(size):
    from game.modes.devoir.teacher.created import code_size
    from game.ui.fonts import get_font
    from game.ui.theme import Theme

    theme = Theme(text_size=size)
    code = "WWWW-MMMM-WWWW"  # the widest letters
    assert get_font(code_size(theme, code, 600)).size(code)[0] <= 600
    assert code_size(theme, code, 600) >= 30  # still big


def test_certificates_page_one_by_one_and_say_where_they_are(app, tmp_path):
    paths = []
    for name in ("a", "b", "c"):
        paths.append(tmp_path / f"attestation-{name}.png")
        pygame.image.save(pygame.Surface((40, 30)), str(paths[-1]))
    demo._reset(app)
    scene = app.push("teacher_picture", paths, "Attestations")
    app.step(dt=1 / 60)
    assert "1 sur 3" in scene.caption() and str(tmp_path) in scene.caption()
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="")], 1 / 60)
    assert scene.path == paths[1] and "attestation-b.png" in scene.caption()
    arrows = [b for b in buttons(scene) if b.rect.right < 300 and b.rect.y > 600]
    assert len(arrows) == 2
    click(app, arrows[0].rect.center)  # « ◀ » back to the first
    assert scene.path == paths[0]
    click(app, arrows[0].rect.center)  # and round to the last
    assert scene.path == paths[2]
