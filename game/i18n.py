"""Translations: TOML catalogs, a translator that never crashes, number formatting.

Catalogs
--------
- `game/textes/<namespace>.<lang>.toml` — e.g. `common.fr.toml` gives the `common` namespace;
- `levels/<level_package>/textes.<lang>.toml` — the namespace is the level package name.

A key is `"namespace.dotted.key"`: TOML tables flatten to dots, so `[save]` then
`recovered = "…"` in `common.fr.toml` is `common.save.recovered`. Values are strings
formatted with `str.format` (write `{{` and `}}` for literal braces), or lists of strings
(`indices = ["…", "…", "…"]`, read with `t_list`); anything else is logged and skipped.

A missing key falls back to French, then to the key itself; it is logged once, never
raised. A broken catalog file is logged and skipped. Every French text the translator
returns has its no-break spaces (`typographie_francaise`: before « : ; ! ? % », inside
« guillemets »), so no caller adds them. New catalog files are found by
scanning the folders, so adding a level's `textes.fr.toml` needs no registration.

The app sets the language once (`set_language`) and the module-level `t()` (used by
storage and profiles for their messages) follows it; level views get
`translator.namespaced("l1_bigramme")`, bound to their own catalog.
"""

from __future__ import annotations

import importlib.util
import logging
import string
import threading
import tomllib
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
NBSP = "\u00a0"  # no-break space: French "97 %" and "12 345" never split across lines
NNBSP = "\u202f"  # narrow no-break space: typographically right, but see THOUSANDS_SEP
# pygame's bundled font (freesansbold) has a glyph for neither space; SDL_ttf's shaper
# draws U+00A0 as a normal space but U+202F as half a space: 1-2 px at the small sizes of
# chart axes, so « 26 694 » read as « 26694 ». The full no-break space stays visible.
THOUSANDS_SEP = NBSP

TEXTS_DIR = Path(__file__).resolve().parent / "textes"
LEVEL_CATALOG_STEM = "textes"

_lock = threading.RLock()
Entry = str | list[str]  # a catalog value: a text, or a list of texts
_catalogs: dict[str, dict[str, Entry]] = {}
_reported: set[tuple[str, str]] = set()


# --------------------------------------------------------------------------- catalogs


def _levels_dirs() -> list[Path]:
    """Folders of the `levels` package, found without importing it."""
    try:
        spec = importlib.util.find_spec("levels")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    return [Path(p) for p in spec.submodule_search_locations]


def catalog_files(lang: str) -> dict[str, Path]:
    """Every catalog file for `lang`, as {namespace: path}, found by scanning the folders."""
    found: dict[str, Path] = {}
    suffix = f".{lang}.toml"
    if TEXTS_DIR.is_dir():
        for path in sorted(TEXTS_DIR.glob(f"*{suffix}")):
            namespace = path.name[: -len(suffix)]
            if namespace:
                found[namespace] = path
    for levels_dir in _levels_dirs():
        for path in sorted(levels_dir.glob(f"*/{LEVEL_CATALOG_STEM}{suffix}")):
            found.setdefault(path.parent.name, path)
    return found


def _flatten(table: dict, prefix: str, out: dict[str, Entry], source: Path) -> None:
    for key, value in table.items():
        full = f"{prefix}.{key}"
        if isinstance(value, dict):
            _flatten(value, full, out, source)
        elif isinstance(value, str):
            out[full] = value
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            out[full] = list(value)
        else:
            log.warning("%s: « %s » n'est pas un texte (%s), ignoré", source, full, type(value))


def _load_catalog(lang: str) -> dict[str, Entry]:
    keys: dict[str, Entry] = {}
    for namespace, path in catalog_files(lang).items():
        try:
            with path.open("rb") as handle:
                table = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            log.error("catalogue illisible %s : %s", path, error)
            continue
        _flatten(table, namespace, keys, path)
    return keys


def catalog(lang: str) -> dict[str, Entry]:
    """All keys → templates (a string, or a list of strings) for one language (cached).

    The dict is shared: read it, never change it.
    """
    with _lock:
        if lang not in _catalogs:
            _catalogs[lang] = _load_catalog(lang)
        return _catalogs[lang]


def reload_catalogs() -> None:
    """Forget the cached catalogs (after editing a TOML file, or in tests)."""
    with _lock:
        _catalogs.clear()
        _reported.clear()


def all_keys(lang: str) -> set[str]:
    """Every key the catalogs of `lang` define."""
    return set(catalog(lang))


def missing_keys(lang: str, reference: str = DEFAULT_LANGUAGE) -> list[str]:
    """Keys `reference` has and `lang` lacks, sorted (empty list = nothing to translate)."""
    return sorted(all_keys(reference) - all_keys(lang))


def placeholders(template: str) -> set[str]:
    """The `{names}` a template expects (`ValueError` if its braces are unbalanced)."""
    names = set()
    for _text, field, _spec, _conversion in string.Formatter().parse(template):
        if field is not None:
            names.add(field)
    return names


# --------------------------------------------------------------------------- numbers


def _norm_lang(lang: str | None) -> str:
    if lang is None:
        return _current.lang
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def format_number(value: float, decimals: int = 2, lang: str | None = None) -> str:
    """`2.6` → "2,60" in French, "2.60" in English; thousands grouped ("12 345" / "12,345").

    The only number formatter of the game (the widget kit's `Theme.format_number` calls it).
    `lang=None` means the game's current language.
    """
    lang = _norm_lang(lang)
    try:
        text = f"{float(value):,.{max(0, int(decimals))}f}"
    except (TypeError, ValueError, OverflowError):
        return str(value)
    if text.startswith("-") and not any(c in "123456789" for c in text):
        text = text[1:]  # never "-0,00"
    if lang == "fr":
        text = text.replace(",", THOUSANDS_SEP).replace(".", ",")
    return text


def format_percent(fraction: float, decimals: int | None = 0, lang: str | None = None) -> str:
    """`0.97` → "97 %" in French (no-break space), "97%" in English.

    `decimals=None` chooses for a chart: one decimal under 10 % when it matters
    ("0,4 %", "3 %", "97 %"), and "< 0,1 %" for a tiny share that is not zero.
    """
    lang = _norm_lang(lang)
    try:
        pct = float(fraction) * 100
    except (TypeError, ValueError, OverflowError):
        return str(fraction)
    prefix = ""
    if decimals is None:
        if 0 < pct < 0.1:
            prefix, pct, decimals = "<" + (NBSP if lang == "fr" else ""), 0.1, 1
        elif 0 < abs(pct) < 10 and round(pct, 1) != round(pct):
            decimals = 1
        else:
            decimals = 0
    number = format_number(pct, decimals, lang)
    return f"{prefix}{number}{NBSP}%" if lang == "fr" else f"{prefix}{number}%"


# --------------------------------------------------------------------------- translator


class _KeepMissing(dict):
    def __missing__(self, name):
        return "{" + name + "}"


def _report_once(kind: str, key: str, detail: str = "") -> None:
    with _lock:
        if (kind, key) in _reported:
            return
        _reported.add((kind, key))
    log.warning("i18n %s : %s %s", kind, key, detail)


def typographie_francaise(texte: str) -> str:
    """French typography: a no-break space before « : ; ! ? % » and inside « guillemets »,
    so a line never starts with « ? » nor ends with « ». Idempotent.

    The translator applies it to every French text it returns (`t`, `t_list`).
    """
    for avant, apres in ((" :", ":"), (" ;", ";"), (" !", "!"), (" ?", "?"), (" %", "%")):
        texte = texte.replace(avant, NBSP + apres)
    return texte.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


def _typeset(lang: str, text: str) -> str:
    return typographie_francaise(text) if lang == "fr" else text


def _format(key: str, template: str, kwargs: dict) -> str:
    try:
        return string.Formatter().vformat(template, (), _KeepMissing(kwargs))
    except Exception as error:  # a bad template or a bad argument must not stop the game
        _report_once("format", key, repr(error))
        return template


class Translator:
    """Looks up keys in one language; `lang` can change at run time (settings screen)."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE):
        self.lang = lang

    @property
    def lang(self) -> str:
        return self._lang

    @lang.setter
    def lang(self, value: str) -> None:
        if value not in LANGUAGES:
            log.warning("langue inconnue %r, on garde le français", value)
            value = DEFAULT_LANGUAGE
        self._lang = value

    def has(self, key: str) -> bool:
        """True if the key exists (text or list) in this language or in French."""
        return key in catalog(self._lang) or key in catalog(DEFAULT_LANGUAGE)

    def _entry(self, key: str) -> tuple[Entry | None, str]:
        """The catalog entry for `key` (None if missing) and the language it is written in."""
        entry = catalog(self._lang).get(key)
        if entry is not None:
            return entry, self._lang
        entry = catalog(DEFAULT_LANGUAGE).get(key)
        if entry is None:
            _report_once("missing", key)
        else:
            _report_once(f"missing in {self._lang}", key)
        return entry, DEFAULT_LANGUAGE

    def t(self, key: str, **kwargs) -> str:
        """The text for `key`, formatted with `kwargs`; never raises.

        A list key gives its items, one per line (use `t_list` to get them apart).
        French texts get their no-break spaces (`typographie_francaise`).
        """
        entry, lang = self._entry(key)
        if entry is None:
            return key
        if isinstance(entry, list):
            _report_once("list read as a text", key, "(use t_list)")
            return "\n".join(_typeset(lang, _format(key, item, kwargs)) for item in entry)
        return _typeset(lang, _format(key, entry, kwargs))

    __call__ = t

    def t_list(self, key: str, **kwargs) -> list[str]:
        """The list of texts for `key` (`indices`, `intro.ecrans`…), each item formatted
        with `kwargs`; falls back to French; `[]` if missing; never raises.

        A plain text key gives a list of one item.
        """
        entry, lang = self._entry(key)
        if entry is None:
            return []
        if isinstance(entry, str):
            entry = [entry]
        return [_typeset(lang, _format(key, item, kwargs)) for item in entry]

    def number(self, value: float, decimals: int = 2) -> str:
        return format_number(value, decimals, self._lang)

    def percent(self, fraction: float, decimals: int = 0) -> str:
        return format_percent(fraction, decimals, self._lang)

    def namespaced(self, prefix: str) -> BoundTranslator:
        """A translator for one catalog: `bound.t("intro.title")` reads `prefix.intro.title`."""
        return BoundTranslator(self, prefix)


class BoundTranslator:
    """A translator bound to a namespace (what a level view receives as `ctx.t`).

    `t("goal")` looks up `<prefix>.goal`; a key missing there but present as a full key
    (e.g. `common.back`) is used as is, so views can reach the shared strings too.
    Follows the language of its parent translator.
    """

    def __init__(self, parent: Translator, prefix: str):
        self.parent = parent
        self.prefix = prefix.rstrip(".")

    @property
    def lang(self) -> str:
        return self.parent.lang

    def _full(self, key: str) -> str:
        full = f"{self.prefix}.{key}"
        if not self.parent.has(full) and self.parent.has(key):
            return key
        return full

    def t(self, key: str, **kwargs) -> str:
        return self.parent.t(self._full(key), **kwargs)

    __call__ = t

    def t_list(self, key: str, **kwargs) -> list[str]:
        """`t_list("indices")` reads `<prefix>.indices`: a list of strings, never raises."""
        return self.parent.t_list(self._full(key), **kwargs)

    def has(self, key: str) -> bool:
        return self.parent.has(f"{self.prefix}.{key}") or self.parent.has(key)

    def number(self, value: float, decimals: int = 2) -> str:
        return self.parent.number(value, decimals)

    def percent(self, fraction: float, decimals: int = 0) -> str:
        return self.parent.percent(fraction, decimals)

    def namespaced(self, prefix: str) -> BoundTranslator:
        return BoundTranslator(self.parent, f"{self.prefix}.{prefix}")


# --------------------------------------------------------------------------- current language

_current = Translator(DEFAULT_LANGUAGE)


def get_translator() -> Translator:
    """The game-wide translator (its language follows `set_language`)."""
    return _current


def set_language(lang: str) -> None:
    """Switch the game's language ("fr" or "en"; anything else means French)."""
    _current.lang = lang


def current_language() -> str:
    return _current.lang


def t(key: str, **kwargs) -> str:
    """Translate with the game-wide translator."""
    return _current.t(key, **kwargs)


def t_list(key: str, **kwargs) -> list[str]:
    """A list of texts, with the game-wide translator."""
    return _current.t_list(key, **kwargs)
