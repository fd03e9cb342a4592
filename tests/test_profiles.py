"""Profiles: creation rules, round trip, damage recovery, stars kept, unlock rules."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import i18n, storage
from game.profiles import (
    AVATARS,
    COLOURS,
    NAME_MAX,
    PROFILE_VERSION,
    SANDBOX,
    LevelProgress,
    Profile,
    ProfileError,
    ProfileStore,
    clean_name,
    is_unlocked,
    name_error,
    record_level_result,
)
from game.storage import SaveError

LEVELS = ["l1_devine", "l2_erreurs", "l3_memoire", "l4_attention", "l5_gpt"]


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


@pytest.fixture
def store(tuto_llm_home):
    return ProfileStore()


def full_profile(store: ProfileStore) -> Profile:
    profile = store.create("Zoé", colour=3, avatar=5)
    record_level_result(
        profile,
        "l1_devine",
        [True, False, True],
        {"time_ms": 61000, "actions": 12, "loss": 2.45},
        {"seed": 7, "actions": [[120, {"type": "feed", "name": "lina"}]]},
        hints_used=1,
    )
    profile.bigram_baseline = 2.45
    profile.favourite_names = ["lina", "maëlle"]
    profile.saved_model = {"version": 1, "weights": [[0.1, -0.2], [0.3, 0.4]]}
    profile.seen_intro = {"l1_devine": True}
    profile.first_launch_done = True
    store.save(profile)
    return profile


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Zoé  ", "Zoé"),
        ("Jean-Luc", "Jean-Luc"),
        ("N’Golo", "N’Golo"),
        ("Marie   Claire", "Marie Claire"),
        ("Ze\u0301lie", "Zélie"),  # decomposed accent becomes one letter (NFC)
        ("Олег", "Олег"),
        ("李雷", "李雷"),
        ("Ãœ" * 10, "Ãœ" * 10),
        ("Ĳsbrand", "Ĳsbrand"),
    ],
)
def test_good_names(raw, clean):
    assert clean_name(raw) == clean
    assert name_error(raw) is None


@pytest.mark.parametrize(
    ("raw", "key", "kwargs"),
    [
        ("", "name_empty", {}),
        ("   \t ", "name_empty", {}),
        (None, "name_empty", {}),
        ("a" * (NAME_MAX + 1), "name_too_long", {"max": NAME_MAX}),
        ("Léo2", "name_bad_char", {"char": "2"}),
        ("Léo 🦊", "name_bad_char", {"char": "🦊"}),
        ("../etc", "name_bad_char", {"char": "."}),
        ("a/b", "name_bad_char", {"char": "/"}),
        ("--", "name_no_letter", {}),
    ],
)
def test_bad_names_get_a_french_message(raw, key, kwargs):
    with pytest.raises(ProfileError) as caught:
        clean_name(raw)
    assert caught.value.key == f"common.profile.{key}"
    assert str(caught.value) == i18n.t(f"common.profile.{key}", **kwargs)
    assert name_error(raw) == str(caught.value)


def test_twenty_letters_is_fine():
    assert clean_name("é" * NAME_MAX) == "é" * NAME_MAX


# --------------------------------------------------------------------------- store


def test_create_saves_a_file_in_home_profiles(store, tuto_llm_home):
    profile = store.create("  Zoé ", colour=2, avatar=1)
    assert profile.name == "Zoé"
    assert profile.id.startswith("zoe-")
    path = tuto_llm_home / "profiles" / f"{profile.id}.json"
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == PROFILE_VERSION
    assert profile.colour_name == COLOURS[2][0]
    assert profile.avatar_name == AVATARS[1]
    assert profile.created and profile.last_played


def test_ids_are_filesystem_safe(store):
    for name in ("李雷", "Ã", "O'Neil", "Ève-Marie de la Tour"):
        profile = store.create(name)
        assert all(c.isascii() and (c.isalnum() or c == "-") for c in profile.id)
        assert store.load(profile.id)[0].name == name


def test_duplicate_names_are_refused_case_insensitively(store):
    store.create("Léa")
    for other in ("léa", "LÉA", "  Léa ", "Le\u0301a"):
        with pytest.raises(ProfileError) as caught:
            store.create(other)
        assert str(caught.value) == i18n.t("common.profile.name_taken", name="Léa")
    store.create("Lea")  # a different name (no accent) is another kid
    assert len(store.list_profiles()) == 2


@pytest.mark.parametrize(("colour", "avatar"), [(-1, 0), (len(COLOURS), 0), (0, 99), (True, 0)])
def test_bad_colour_or_avatar(store, colour, avatar):
    with pytest.raises(ProfileError):
        store.create("Tom", colour=colour, avatar=avatar)


def test_round_trip_keeps_everything(store):
    profile = full_profile(store)
    loaded, message = store.load(profile.id)
    assert message is None
    assert loaded == profile
    assert loaded.progress["l1_devine"].stars == [True, False, True]
    assert loaded.saved_model == {"version": 1, "weights": [[0.1, -0.2], [0.3, 0.4]]}


def test_keys_from_a_newer_game_are_kept(store):
    profile = store.create("Zoé")
    path = store.path(profile.id)
    data = json.loads(path.read_text())
    data["costume"] = {"hat": "rouge"}
    path.write_text(json.dumps(data))
    loaded, _ = store.load(profile.id)
    assert loaded.extra == {"costume": {"hat": "rouge"}}
    store.save(loaded)
    assert json.loads(path.read_text())["costume"] == {"hat": "rouge"}


def test_list_is_sorted_by_last_played(store):
    names = ["Ali", "Bea", "Cyl"]
    profiles = {name: store.create(name) for name in names}
    for name, when in (("Ali", "2024-01-02"), ("Bea", "2024-03-01"), ("Cyl", "2024-02-01")):
        profiles[name].last_played = when + "T10:00:00"
        store.save(profiles[name])
    assert [p.name for p in store.list_profiles()] == ["Bea", "Cyl", "Ali"]


def test_list_of_an_empty_computer(store):
    assert store.list_profiles() == []


def test_delete_moves_to_the_trash(store):
    profile = full_profile(store)
    store.save(profile)  # now there is a .bak too
    target = store.delete(profile)
    assert target.parent == store.trash
    assert json.loads(target.read_text())["name"] == "Zoé"
    assert target.with_name(target.name + ".bak").exists()
    assert store.list_profiles() == []
    assert store.load(profile.id) == (None, i18n.t("common.profile.not_found"))
    with pytest.raises(ProfileError):
        store.delete(profile.id)


def test_rename_keeps_the_id(store):
    profile = store.create("Zoe")
    store.create("Tom")
    renamed = store.rename(profile.id, "Zoé")
    assert renamed.id == profile.id
    assert store.load(profile.id)[0].name == "Zoé"
    store.rename(renamed, "ZOÉ")  # its own name in other letters: fine
    with pytest.raises(ProfileError):
        store.rename(renamed, "tom")
    with pytest.raises(ProfileError):
        store.rename(renamed, "")
    assert store.load(profile.id)[0].name == "ZOÉ"


@pytest.mark.parametrize("bad_id", ["../settings", "", "a/b", "Zoé", None, "x" * 80])
def test_load_of_a_strange_id(store, bad_id):
    assert store.load(bad_id) == (None, i18n.t("common.profile.not_found"))


def test_save_failure_raises_save_error_and_keeps_the_file(store, monkeypatch):
    profile = full_profile(store)
    before = store.path(profile.id).read_bytes()

    def denied(*args, **kwargs):
        raise PermissionError(13, "denied")

    profile.name = "Autre"
    with monkeypatch.context() as patch:
        patch.setattr(storage.tempfile, "mkstemp", denied)
        with pytest.raises(SaveError):
            store.save(profile)
        with pytest.raises(SaveError):
            store.create("Nouveau")
    assert store.path(profile.id).read_bytes() == before


# --------------------------------------------------------------------------- damage


def damage_with(store, profile, mutate):
    store.save(profile)  # the .bak holds the version before this one
    path = store.path(profile.id)
    data = json.loads(path.read_text())
    path.write_text(json.dumps(mutate(data)))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: {**d, "version": PROFILE_VERSION + 1},
        lambda d: {**d, "version": "1"},
        lambda d: {k: v for k, v in d.items() if k != "version"},
        lambda d: {**d, "progress": ["not", "a", "dict"]},
        lambda d: {**d, "progress": {"l1_devine": {"stars": "three"}}},
        lambda d: {**d, "name": 42},
        lambda d: {**d, "id": "../../evil"},
        lambda d: {**d, "colour": "red"},
        lambda d: {**d, "favourite_names": "lina"},
        lambda d: [d],
    ],
    ids=[
        "future version",
        "version text",
        "no version",
        "progress list",
        "stars text",
        "name number",
        "id path",
        "colour text",
        "favourites text",
        "list",
    ],
)
def test_wrong_version_or_structure_is_recovered_from_backup(store, mutate):
    profile = full_profile(store)
    profile.favourite_names.append("nouveau")
    damage_with(store, profile, mutate)
    loaded, message = store.load(profile.id)
    assert message == i18n.t("common.save.recovered")
    assert loaded is not None and loaded.favourite_names == ["lina", "maëlle"]


def test_both_damaged_profile_is_set_aside_and_listed_with_a_message(store):
    profile = store.create("Zoé")
    store.create("Tom")
    store.save(profile)
    store.path(profile.id).write_bytes(b"\x00garbage")
    storage.backup_path(store.path(profile.id)).write_text('{"version": 999}')
    profiles = store.list_profiles()
    assert [p.name for p in profiles] == ["Tom"]
    assert store.messages == [i18n.t("common.save.lost")]
    aside = [p.name for p in store.root.iterdir() if ".abime-" in p.name]
    assert len(aside) == 2
    # the name is free again: the kid can start over
    store.create("Zoé")


def test_profile_with_only_a_backup_is_listed(store):
    profile = store.create("Zoé")
    store.save(profile)
    store.path(profile.id).unlink()
    assert [p.name for p in store.list_profiles()] == ["Zoé"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=800))
def test_arbitrary_bytes_in_a_profile_never_raise(store, junk):
    profile = store.create("Zoé") if not store.list_profiles() else store.list_profiles()[0]
    store.save(profile)
    store.path(profile.id).write_bytes(junk)
    loaded, message = store.load(profile.id)
    assert loaded is None or isinstance(loaded, Profile)
    assert message is None or isinstance(message, str)
    assert isinstance(store.list_profiles(), list)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)
FIELDS = list(Profile.__dataclass_fields__) + ["version"]
LEVEL_FIELDS = list(LevelProgress.__dataclass_fields__)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(FIELDS),
    level_field=st.sampled_from(LEVEL_FIELDS),
    value=json_values,
    inside_level=st.booleans(),
)
def test_any_json_in_any_field_never_raises(store, field, level_field, value, inside_level):
    profiles = store.list_profiles()
    profile = profiles[0] if profiles else full_profile(store)
    data = profile.to_dict()
    if inside_level:
        data["progress"].setdefault("l1_devine", {})[level_field] = value
    else:
        data[field] = value
    store.path(profile.id).write_text(json.dumps(data))
    loaded, _message = store.load(profile.id)
    assert loaded is None or isinstance(loaded, Profile)
    if loaded is not None:
        store.save(loaded)  # whatever was accepted can be written back


# --------------------------------------------------------------------------- progress


def test_stars_are_never_lowered():
    profile = Profile(id="zoe-000000", name="Zoé")
    record_level_result(profile, "l1", [True, False, False], {"time_ms": 50}, {"run": 1})
    record_level_result(profile, "l1", [False, True, False], {"time_ms": 90}, {"run": 2})
    record_level_result(profile, "l1", [False, False, False], {"time_ms": 10}, {"run": 3})
    entry = profile.progress["l1"]
    assert entry.stars == [True, True, False]
    assert entry.star_count == 2
    assert entry.best == {"time_ms": 10}
    assert entry.plays == 3 and entry.completed


def test_best_metrics_and_hints_are_kept():
    profile = Profile(id="zoe-000000", name="Zoé")
    record_level_result(
        profile, "l2", [True] * 3, {"actions": 9, "proba": 0.7}, None, 2, higher_is_better={"proba"}
    )
    record_level_result(
        profile,
        "l2",
        [True] * 3,
        {"actions": 12, "proba": 0.9},
        None,
        5,
        higher_is_better=["proba"],
    )
    record_level_result(profile, "l2", [True] * 3, {"actions": float("nan")}, None, 0)
    entry = profile.progress["l2"]
    assert entry.best == {"actions": 9, "proba": 0.9}
    assert entry.hints_used == 0


def test_the_log_of_the_best_run_is_kept():
    profile = Profile(id="zoe-000000", name="Zoé")
    record_level_result(profile, "l1", [True, False, False], {"time_ms": 500}, {"run": "a"})
    record_level_result(profile, "l1", [True, True, False], {"time_ms": 900}, {"run": "b"})
    assert profile.progress["l1"].log == {"run": "b"}  # more stars wins
    record_level_result(profile, "l1", [True, False, False], {"time_ms": 100}, {"run": "c"})
    assert profile.progress["l1"].log == {"run": "b"}  # fewer stars never replaces it
    record_level_result(profile, "l1", [True, True, False], {"time_ms": 800}, {"run": "d"})
    assert profile.progress["l1"].log == {"run": "d"}  # same stars, faster
    record_level_result(profile, "l1", [True, True, False], {"time_ms": 850}, {"run": "e"})
    assert profile.progress["l1"].log == {"run": "d"}


def test_an_unfinished_run_does_not_complete_the_level():
    profile = Profile(id="zoe-000000", name="Zoé")
    record_level_result(profile, "l1", [], {"time_ms": 5}, {"run": 1}, completed=False)
    entry = profile.progress["l1"]
    assert not entry.completed and entry.plays == 1
    assert entry.best == {} and entry.log is None


def test_record_then_save_round_trip(store):
    profile = store.create("Zoé")
    record_level_result(profile, "l1_devine", [True, True, True], {"time_ms": 1}, {"seed": 1})
    store.save(profile)
    assert store.load(profile.id)[0] == profile


def test_unlock_rules():
    profile = Profile(id="zoe-000000", name="Zoé")
    assert is_unlocked(profile, 1, LEVELS)
    assert is_unlocked(profile, "l1_devine", LEVELS)
    assert not is_unlocked(profile, 2, LEVELS)
    assert not is_unlocked(profile, SANDBOX, LEVELS)
    record_level_result(profile, "l1_devine", [False] * 3, {}, None)
    assert is_unlocked(profile, 2, LEVELS) and is_unlocked(profile, "l2_erreurs", LEVELS)
    assert not is_unlocked(profile, 3, LEVELS)
    record_level_result(profile, "l2_erreurs", [True] * 3, {}, None, completed=False)
    assert not is_unlocked(profile, 3, LEVELS)  # played, not completed
    for level_id in LEVELS[1:4]:
        record_level_result(profile, level_id, [False] * 3, {}, None)
    assert is_unlocked(profile, 5, LEVELS)
    assert not is_unlocked(profile, SANDBOX, LEVELS)
    record_level_result(profile, "l5_gpt", [False] * 3, {}, None)
    assert is_unlocked(profile, SANDBOX, LEVELS)


@pytest.mark.parametrize("level", [0, -1, 6, "nope", 2.0, None, True])
def test_unknown_levels_are_locked(level):
    profile = Profile(id="zoe-000000", name="Zoé")
    for level_id in LEVELS:
        profile.level(level_id).completed = True
    assert not is_unlocked(profile, level, LEVELS)
