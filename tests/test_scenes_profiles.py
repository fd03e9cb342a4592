"""Rename and delete a player from « Qui joue ? », with the mouse and with the keyboard.

Deleting asks « Supprimer … ? » (Non is the default) and moves the profile to the trash
folder (`ProfileStore.delete`): nothing is ever unlinked.
"""

import pygame
from test_app_flow import click, find_button, key, top, type_text

from game.scenes.profile_edit import DeleteProfilePrompt, RenameProfileScene
from game.scenes.profiles import ProfileChoiceScene
from game.scenes.title import TitleScene


def open_choice(app, *names):
    profiles = [app.profiles.create(name, i, i) for i, name in enumerate(names)]
    click(app, find_button(top(app), app.t("scenes.title.play")).rect.center)
    assert isinstance(top(app), ProfileChoiceScene)
    return profiles


def small_button(scene, profile, kind):
    return next(
        w
        for w in scene.container.widgets
        if getattr(w, "kind", None) == kind and w.profile.id == profile.id
    )


def card_of(scene, profile):
    return next(c for c in scene.cards if c.profile.id == profile.id)


def names(app):
    return sorted(p.name for p in top(app).profiles)


def test_delete_with_the_mouse_asks_first_and_keeps_a_copy(app):
    lea, noe = open_choice(app, "Léa", "Noé")
    before = app.profiles.path(lea.id).read_bytes()
    choice = top(app)
    click(app, small_button(choice, lea, "delete").rect.center)
    prompt = top(app)
    assert isinstance(prompt, DeleteProfilePrompt)
    assert prompt.question == "Supprimer Léa\u00a0?"  # French no-break space (translator)
    click(app, find_button(prompt, app.t("common.no")).rect.center)
    assert top(app) is choice and names(app) == ["Léa", "Noé"]
    click(app, small_button(choice, lea, "delete").rect.center)
    click(app, find_button(top(app), app.t("common.yes")).rect.center)
    assert top(app) is choice and names(app) == ["Noé"]
    assert not app.profiles.path(lea.id).exists()
    kept = list(app.profiles.trash.glob(f"{lea.id}-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    assert app.crashes == 0


def test_rename_with_the_mouse(app):
    lea, noe = open_choice(app, "Léa", "Noé")
    choice = top(app)
    click(app, small_button(choice, noe, "rename").rect.center)
    rename = top(app)
    assert isinstance(rename, RenameProfileScene)
    assert rename.field.text == "Noé"
    for _ in range(3):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Léa")
    click(app, find_button(rename, app.t("scenes.rename.ok")).rect.center)
    assert top(app) is rename  # « Léa » is taken: said, nothing changed
    assert "Léa" in rename.error
    for _ in range(3):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "Noémie")
    click(app, find_button(rename, app.t("scenes.rename.ok")).rect.center)
    assert top(app) is choice and names(app) == ["Léa", "Noémie"]
    loaded, _ = app.profiles.load(noe.id)
    assert loaded.name == "Noémie" and loaded.id == noe.id


def test_rename_and_delete_with_the_keyboard(app):
    (lea,) = open_choice(app, "Léa")
    choice = top(app)
    assert choice.container.focused is card_of(choice, lea)
    key(app, pygame.K_F2)
    rename = top(app)
    assert isinstance(rename, RenameProfileScene)
    type_text(app, " B")
    key(app, pygame.K_RETURN)
    assert top(app) is choice and names(app) == ["Léa B"]
    key(app, pygame.K_ESCAPE)  # « Annuler » works too: Échap
    assert isinstance(top(app), TitleScene)
    click(app, find_button(top(app), app.t("scenes.title.play")).rect.center)
    choice = top(app)
    key(app, pygame.K_F2)
    key(app, pygame.K_ESCAPE)
    assert top(app) is choice and names(app) == ["Léa B"]
    # Suppr: « Non » is focused, Entrée keeps the player.
    key(app, pygame.K_DELETE)
    assert isinstance(top(app), DeleteProfilePrompt)
    key(app, pygame.K_RETURN)
    assert top(app) is choice and names(app) == ["Léa B"]
    # Tab to the small buttons of the card: rename, then delete.
    key(app, pygame.K_TAB)
    assert getattr(choice.container.focused, "kind", None) == "rename"
    key(app, pygame.K_TAB)
    assert getattr(choice.container.focused, "kind", None) == "delete"
    key(app, pygame.K_RETURN)
    prompt = top(app)
    assert isinstance(prompt, DeleteProfilePrompt)
    key(app, pygame.K_LEFT)  # to « Oui »
    key(app, pygame.K_RETURN)
    assert top(app) is choice and names(app) == []
    assert list(app.profiles.trash.glob(f"{lea.id}-*.json"))
    assert app.crashes == 0


def test_a_player_deleted_elsewhere_is_explained(app):
    (lea,) = open_choice(app, "Léa")
    choice = top(app)
    click(app, small_button(choice, lea, "delete").rect.center)
    app.profiles.delete(lea)  # another window, another game…
    click(app, find_button(top(app), app.t("common.yes")).rect.center)
    assert top(app) is choice and app.notices and app.crashes == 0
