"""Translations: every catalog complete in both languages, and a translator that never crashes.

The catalog checks scan the folders (`game/textes/*.toml`, `levels/*/textes.*.toml`), so a
new catalog file is checked without touching this test.
"""

import pytest

from game import i18n
from game.i18n import (
    NBSP,
    THOUSANDS_SEP,
    Translator,
    all_keys,
    catalog,
    catalog_files,
    format_number,
    format_percent,
    missing_keys,
    placeholders,
    typographie_francaise,
)


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


# --------------------------------------------------------------------------- the real catalogs


def test_the_common_catalog_exists():
    assert "common" in catalog_files("fr") and "common" in catalog_files("en")
    assert "common.yes" in all_keys("fr")


def test_every_catalog_file_exists_in_both_languages():
    fr, en = catalog_files("fr"), catalog_files("en")
    assert sorted(fr) == sorted(en), "un fichier de textes n'existe que dans une langue"


def test_every_catalog_file_is_valid_toml():
    import tomllib

    for lang in i18n.LANGUAGES:
        for path in catalog_files(lang).values():
            with path.open("rb") as handle:
                tomllib.load(handle)  # raises with the line number if broken


def test_every_key_exists_in_both_languages():
    i18n.reload_catalogs()
    assert missing_keys("en", "fr") == [], "à traduire en anglais"
    assert missing_keys("fr", "en") == [], "à écrire en français"


def _texts(entry):
    """A catalog value as a list of templates (a text is a list of one)."""
    return entry if isinstance(entry, list) else [entry]


def test_the_catalogs_load_without_warnings(caplog):
    i18n.reload_catalogs()
    with caplog.at_level("WARNING", logger="game.i18n"):
        for lang in i18n.LANGUAGES:
            catalog(lang)
    assert [r.getMessage() for r in caplog.records] == []


def test_placeholders_are_the_same_in_both_languages():
    fr, en = catalog("fr"), catalog("en")
    different = {
        key: (sorted(placeholders(fr[key])), sorted(placeholders(en[key])))
        for key in fr.keys() & en.keys()
        if isinstance(fr[key], str)
        and isinstance(en[key], str)
        and placeholders(fr[key]) != placeholders(en[key])
    }
    assert different == {}


def test_lists_have_the_same_shape_in_both_languages():
    """`indices`, `etoiles`, `intro.ecrans`, `question.choix`…: same length, same {names}."""
    fr, en = catalog("fr"), catalog("en")
    lists = sorted(
        key for key in fr.keys() | en.keys() if isinstance(fr.get(key, en.get(key)), list)
    )
    assert lists, "les catalogues des niveaux ont des listes (indices, étoiles…)"
    problems = []
    for key in lists:
        if not (isinstance(fr.get(key), list) and isinstance(en.get(key), list)):
            problems.append(f"{key} : une liste dans une langue seulement")
        elif len(fr[key]) != len(en[key]):
            problems.append(
                f"{key} : {len(fr[key])} éléments en français, {len(en[key])} en anglais"
            )
        else:
            for n, (a, b) in enumerate(zip(fr[key], en[key], strict=True)):
                if placeholders(a) != placeholders(b):
                    problems.append(
                        f"{key}[{n}] : {sorted(placeholders(a))} ≠ {sorted(placeholders(b))}"
                    )
    assert problems == []


def test_no_text_is_empty_and_every_template_formats():
    for lang in i18n.LANGUAGES:
        for key, entry in catalog(lang).items():
            assert _texts(entry), f"{lang}: {key} est une liste vide"
            for template in _texts(entry):
                assert template.strip(), f"{lang}: {key} est vide"
                fields = {name: "x" for name in placeholders(template)}
                assert all(name.isidentifier() for name in fields), f"{lang}: {key}"
                template.format(**fields)


def test_the_level_host_lists_read_the_same_through_the_translator():
    """The level host reads lists from the TOML file; the translator gives the same items
    (with the French no-break spaces in French)."""
    from levels import registry
    from levels.base import charger_textes

    for niveau in registry.niveaux():
        package = type(niveau).__module__.split(".")[1]
        for lang in i18n.LANGUAGES:
            table = charger_textes(type(niveau).__module__, lang)
            bound = Translator(lang).namespaced(package)
            for key in ("intro.ecrans", "indices", "etoiles", "question.choix"):
                node = table
                for part in key.split("."):
                    node = node.get(part, {}) if isinstance(node, dict) else {}
                if isinstance(node, list):
                    if lang == "fr":
                        node = [typographie_francaise(item) for item in node]
                    assert bound.t_list(key) == node, f"{package} {lang} {key}"


def test_colours_and_avatars_have_names():
    from game.profiles import AVATARS, COLOURS

    keys = all_keys("fr")
    assert {f"common.colours.{name}" for name, _rgb in COLOURS} <= keys
    assert {f"common.avatars.{name}" for name in AVATARS} <= keys


def test_settings_have_names():
    from game.settings import TEXT_SIZES, Settings

    keys = all_keys("fr")
    for name in Settings.__dataclass_fields__:
        assert f"common.settings.{name}" in keys
    assert {f"common.settings.text_sizes.{name}" for name in TEXT_SIZES} <= keys
    assert {f"common.languages.{lang}" for lang in i18n.LANGUAGES} <= keys


def test_the_messages_storage_and_profiles_use_exist():
    keys = all_keys("fr")
    for prefix in ("common.save", "common.settings_save"):
        for name in ("recovered", "lost", "unreadable"):
            assert f"{prefix}.{name}" in keys
    for name in ("write_denied", "disk_full", "write_failed"):
        assert f"common.save.{name}" in keys


# --------------------------------------------------------------------------- the mechanism


@pytest.fixture
def fake_catalogs(tmp_path, monkeypatch):
    """Catalogs in a temporary folder: game texts and one level."""
    texts = tmp_path / "textes"
    level = tmp_path / "levels" / "l9_test"
    texts.mkdir()
    level.mkdir(parents=True)
    (texts / "common.fr.toml").write_text(
        'yes = "Oui"\nhello = "Bonjour {name} !"\nonly_fr = "Seulement en français"\n'
        '[save]\nrecovered = "Récupéré"\n[deep.er]\nkey = "Profond"\n',
        encoding="utf-8",
    )
    (texts / "common.en.toml").write_text(
        'yes = "Yes"\nhello = "Hello {name}!"\n[save]\nrecovered = "Recovered"\n'
        '[deep.er]\nkey = "Deep"\nonly_en = "Only in English"\n',
        encoding="utf-8",
    )
    (level / "textes.fr.toml").write_text(
        'title = "Devine"\n[intro]\ntext = "Perte : {loss:.2f}"\n', encoding="utf-8"
    )
    (level / "textes.en.toml").write_text('title = "Guess"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "TEXTS_DIR", texts)
    monkeypatch.setattr(i18n, "_levels_dirs", lambda: [tmp_path / "levels"])
    i18n.reload_catalogs()
    yield tmp_path
    i18n.reload_catalogs()


def test_namespaces_and_flattening(fake_catalogs):
    assert all_keys("fr") == {
        "common.yes",
        "common.hello",
        "common.only_fr",
        "common.save.recovered",
        "common.deep.er.key",
        "l9_test.title",
        "l9_test.intro.text",
    }
    assert missing_keys("en") == ["common.only_fr", "l9_test.intro.text"]
    assert missing_keys("fr", "en") == ["common.deep.er.only_en"]


def test_new_catalog_files_are_picked_up(fake_catalogs):
    (fake_catalogs / "textes" / "scenes.fr.toml").write_text('[menu]\nplay = "Jouer"\n')
    i18n.reload_catalogs()
    assert Translator("fr").t("scenes.menu.play") == "Jouer"
    assert "scenes" in catalog_files("fr") and "scenes" not in catalog_files("en")
    assert missing_keys("en") == ["common.only_fr", "l9_test.intro.text", "scenes.menu.play"]


def test_translate_and_fall_back(fake_catalogs, caplog):
    fr, en = Translator("fr"), Translator("en")
    assert fr.t("common.hello", name="Zoé") == f"Bonjour Zoé{NBSP}!"
    assert en.t("common.hello", name="Zoé") == "Hello Zoé!"
    assert en.t("common.only_fr") == "Seulement en français"  # falls back to French
    assert en("common.yes") == "Yes"
    with caplog.at_level("WARNING", logger="game.i18n"):
        assert fr.t("common.nope") == "common.nope"  # then to the key itself
        assert fr.t("common.nope") == "common.nope"
    assert sum("common.nope" in r.getMessage() for r in caplog.records) == 1  # logged once


def test_formatting_never_crashes(fake_catalogs):
    fr = Translator("fr")
    assert fr.t("common.hello") == f"Bonjour {{name}}{NBSP}!"  # missing argument stays visible
    assert fr.t("common.hello", name="Léo", extra=1) == f"Bonjour Léo{NBSP}!"
    assert fr.t("l9_test.intro.text", loss=2.456) == f"Perte{NBSP}: 2.46"
    assert fr.t("l9_test.intro.text", loss="abc") == f"Perte{NBSP}: {{loss:.2f}}"  # bad argument
    assert fr.t("l9_test.intro.text") == f"Perte{NBSP}: {{loss:.2f}}"


LISTS_FR = """
indices = ["Regarde", "Compte {n} lettres", "Clique"]
notes = [1, 2]
mixed = ["un", 2]
[intro]
ecrans = ["Premier", "Second"]
"""
LISTS_EN = """
indices = ["Look", "Count {n} letters", "Click"]
[intro]
"""


@pytest.fixture
def list_catalogs(fake_catalogs):
    (fake_catalogs / "textes" / "lists.fr.toml").write_text(LISTS_FR, encoding="utf-8")
    (fake_catalogs / "textes" / "lists.en.toml").write_text(LISTS_EN, encoding="utf-8")
    i18n.reload_catalogs()
    return fake_catalogs


def test_lists_are_kept_and_only_other_types_warn(list_catalogs, caplog):
    with caplog.at_level("WARNING", logger="game.i18n"):
        fr = catalog("fr")
    assert fr["lists.indices"] == ["Regarde", "Compte {n} lettres", "Clique"]
    assert fr["lists.intro.ecrans"] == ["Premier", "Second"]
    assert "lists.notes" not in fr and "lists.mixed" not in fr
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "lists.notes" in warned and "lists.mixed" in warned
    assert "lists.indices" not in warned and "ecrans" not in warned
    assert missing_keys("en") == [
        "common.only_fr",
        "l9_test.intro.text",
        "lists.intro.ecrans",
    ]


def test_t_list(list_catalogs):
    fr, en = Translator("fr"), Translator("en")
    assert fr.t_list("lists.indices", n=5) == ["Regarde", "Compte 5 lettres", "Clique"]
    assert en.t_list("lists.indices") == ["Look", "Count {n} letters", "Click"]
    assert en.t_list("lists.intro.ecrans") == ["Premier", "Second"]  # falls back to French
    assert en.t_list("lists.nope") == []  # missing: empty, never raises
    assert en.t_list("common.yes") == ["Yes"]  # a text is a list of one
    items = fr.t_list("lists.intro.ecrans")
    items.append("changé")  # the caller's copy, not the catalog
    assert fr.t_list("lists.intro.ecrans") == ["Premier", "Second"]
    assert fr.t("lists.intro.ecrans") == "Premier\nSecond"  # a list read as a text: no crash
    i18n.set_language("en")
    assert i18n.t_list("lists.indices")[0] == "Look"


def test_t_list_of_a_bound_translator(list_catalogs):
    translator = Translator("fr")
    level = translator.namespaced("lists")
    assert level.t_list("intro.ecrans") == ["Premier", "Second"]
    assert level.t_list("indices", n=2)[1] == "Compte 2 lettres"
    assert level.t_list("common.yes") == ["Oui"]  # shared keys reachable, like t()
    assert level.t_list("nope") == []
    translator.lang = "en"
    assert level.t_list("indices")[0] == "Look"
    assert translator.namespaced("lists").namespaced("intro").t_list("ecrans") == [
        "Premier",
        "Second",
    ]


def test_broken_catalog_is_skipped(fake_catalogs, caplog):
    (fake_catalogs / "textes" / "broken.fr.toml").write_text('oops = "unterminated\n')
    (fake_catalogs / "textes" / "numbers.fr.toml").write_text('n = 3\nok = "fine"\n')
    i18n.reload_catalogs()
    assert Translator("fr").t("common.yes") == "Oui"
    assert Translator("fr").t("broken.oops") == "broken.oops"
    assert Translator("fr").t("numbers.ok") == "fine"
    assert "numbers.n" not in all_keys("fr")


def test_namespaced_translator(fake_catalogs):
    translator = Translator("fr")
    level = translator.namespaced("l9_test")
    assert level.t("title") == "Devine"
    assert level("intro.text", loss=1) == f"Perte{NBSP}: 1.00"
    assert level.t("common.yes") == "Oui"  # shared strings are reachable too
    assert level.t("nope") == "l9_test.nope"
    translator.lang = "en"  # the settings screen switches language: views follow
    assert level.t("title") == "Guess"
    assert level.lang == "en"
    assert translator.namespaced("common").namespaced("save").t("recovered") == "Recovered"


def test_unknown_language_means_french(fake_catalogs):
    assert Translator("de").lang == "fr"
    i18n.set_language("xx")
    assert i18n.current_language() == "fr"


def test_module_level_translation_follows_the_language(fake_catalogs):
    assert i18n.t("common.yes") == "Oui"
    i18n.set_language("en")
    assert i18n.t("common.yes") == "Yes"
    assert i18n.get_translator().lang == "en"


def test_placeholders():
    assert placeholders("Bonjour {name}, {n:.2f} {{pas}}") == {"name", "n"}
    with pytest.raises(ValueError):
        placeholders("cassé {")


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "decimals", "fr", "en"),
    [
        (2.6, 2, "2,60", "2.60"),
        (2.6, 0, "3", "3"),
        (0.1234, 3, "0,123", "0.123"),
        (-1.5, 1, "-1,5", "-1.5"),
        (-0.0001, 2, "0,00", "0.00"),
        (12345.6, 1, f"12{NBSP}345,6", "12,345.6"),
        (1000000, 0, f"1{NBSP}000{NBSP}000", "1,000,000"),
        (7, 2, "7,00", "7.00"),
    ],
)
def test_format_number(value, decimals, fr, en):
    assert format_number(value, decimals, "fr") == fr
    assert format_number(value, decimals, "en") == en


def test_format_number_default_and_current_language():
    assert format_number(2.6) == "2,60"
    i18n.set_language("en")
    assert format_number(2.6) == "2.60"
    assert Translator("fr").number(2.6, 1) == "2,6"


def test_format_percent():
    assert format_percent(0.97, lang="fr") == f"97{NBSP}%"
    assert format_percent(0.97, lang="en") == "97%"
    assert format_percent(0.1234, 1, "fr") == f"12,3{NBSP}%"
    assert Translator("en").percent(0.5) == "50%"
    assert Translator("fr").namespaced("x").percent(1) == f"100{NBSP}%"


def test_thousands_use_the_no_break_space():
    """U+202F is drawn as half a space by pygame's font: too thin to see at chart sizes."""
    assert THOUSANDS_SEP == NBSP
    assert format_number(26694, 0, "fr") == f"26{NBSP}694"


def test_format_percent_automatic_decimals():
    assert format_percent(0.97, None, "fr") == f"97{NBSP}%"
    assert format_percent(0.004, None, "fr") == f"0,4{NBSP}%"
    assert format_percent(0.03, None, "fr") == f"3{NBSP}%"
    assert format_percent(0.0001, None, "fr") == f"<{NBSP}0,1{NBSP}%"
    assert format_percent(0.0001, None, "en") == "<0.1%"
    assert format_percent(0.004, None, "en") == "0.4%"
    assert format_percent(0, None, "en") == "0%"
    assert format_percent("x", None, "fr") == "x"


def test_numbers_never_crash():
    assert format_number(float("nan"), 2, "fr") == "nan"
    assert format_number(float("inf"), 2, "fr") == "inf"
    assert format_number("abc", 2, "fr") == "abc"
    assert format_percent(None, 0, "fr") == "None"


def test_french_texts_get_no_break_spaces_and_english_ones_do_not():
    i18n.reload_catalogs()
    assert typographie_francaise("Prêt ? « Oui » : 97 % ; go !") == (
        f"Prêt{NBSP}? «{NBSP}Oui{NBSP}»{NBSP}: 97{NBSP}%{NBSP}; go{NBSP}!"
    )
    once = typographie_francaise("Regarde « pas » : il part !")
    assert typographie_francaise(once) == once  # idempotent
    fr = Translator("fr").namespaced("l5_gpt")
    assert fr.t("atelier.ta_ligne", valeur="2,1") == f"ton niveau{NBSP}1{NBSP}: 2,1"
    assert all(" :" not in item and "« " not in item for item in fr.t_list("indices"))
    assert fr.t_list("indices")[1].startswith("La règle")
    en = Translator("en").namespaced("l5_gpt")
    assert en.t("atelier.ta_ligne", valeur="2.1") == f"your level{NBSP}1: 2.1"
