"""Speedrun categories, read from `categories.toml` (data a club can read on screen).

API (pygame-free):
- `categories()` → list of `Category` in display order (each base category followed by
  its « sans indice » variant); `niveaux = "tous"` in the file means every level of the
  registry (`levels.registry.MODULES`) in its order, and `{dernier}` in the rules is the
  last level's number;
- `category(cat_id)` → one `Category`, or raises `KeyError`;
- `Category.level_ids(levels)` → the level ids of the category, in order, from the list of
  levels (`levels.registry.niveaux()`), or raises `KeyError` when a number is missing;
- `Category.to_json(lang)` → the dict `tuto-llm course categories --json` prints.

`pauses_max` (optional, per category): a run with more pauses is refused.
Requirements: `GOAL` ("but": a level ends when its goal is reached) or `STARS`
("etoiles": when all 3 stars are won). `hints_allowed` is False for « sans indice ».
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

EVERY_LEVEL = "tous"  # `niveaux = "tous"`: every level of the registry

GOAL = "but"
STARS = "etoiles"
REQUIREMENTS = (GOAL, STARS)


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    name_en: str
    rules: str
    rules_en: str
    levels: tuple[int, ...]  # level numbers, in order
    requirement: str  # GOAL or STARS
    hints_allowed: bool = True
    pauses_max: int | None = None  # at most this many pauses (None: no cap)

    def title(self, lang: str = "fr") -> str:
        return self.name_en if lang == "en" else self.name

    def rule_text(self, lang: str = "fr") -> str:
        text = self.rules_en if lang == "en" else self.rules
        if self.pauses_max is not None:
            cap = self.pauses_max
            text += f" At most {cap} pauses." if lang == "en" else f" Au plus {cap} pauses."
        return text

    def own_rule_text(self, lang: str = "fr") -> str:
        """`rule_text` without the rules common to every category (two clocks, pauses…)."""
        common = common_rule(lang)
        return " ".join(self.rule_text(lang).replace(common, " ").split()) if common else ""

    def level_ids(self, levels) -> list[str]:
        """The ids of this category's levels, in order (`levels`: the registry's list)."""
        by_number = {level.numero: level.id for level in levels}
        return [by_number[number] for number in self.levels]

    def to_json(self, lang: str = "fr") -> dict:
        return {
            "id": self.id,
            "nom": self.title(lang),
            "regles": self.rule_text(lang),
            "niveaux": list(self.levels),
            "exigence": self.requirement,
            "indices_permis": self.hints_allowed,
            "pauses_max": self.pauses_max,
        }


def _check(entry: dict) -> None:
    for key in ("id", "nom", "nom_en", "regles", "regles_en"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise ValueError(f"categories.toml : « {key} » manque dans {entry.get('id')!r}")
    levels = entry.get("niveaux")
    if levels == EVERY_LEVEL:
        return
    if not isinstance(levels, list) or not levels or not all(isinstance(n, int) for n in levels):
        raise ValueError(f"categories.toml : « niveaux » invalide dans {entry['id']!r}")
    cap = entry.get("pauses_max")
    if cap is not None and (not isinstance(cap, int) or isinstance(cap, bool) or cap < 0):
        raise ValueError(f"categories.toml : « pauses_max » invalide dans {entry['id']!r}")
    if entry.get("exigence") not in REQUIREMENTS:
        raise ValueError(f"categories.toml : « exigence » invalide dans {entry['id']!r}")


def categories() -> tuple[Category, ...]:
    """Every category, in display order (the file is part of the game: errors are bugs)."""
    from levels import registry

    return _categories(len(registry.MODULES))


def _numbers(entry, count):
    """The category's level numbers: `niveaux = "tous"` is 1…count (every level)."""
    levels = entry["niveaux"]
    return tuple(range(1, count + 1)) if levels == EVERY_LEVEL else tuple(levels)


@cache
def common_rule(lang: str = "fr") -> str:
    """The rules every category shares ([commun] in categories.toml)."""
    text = resources.files(__package__).joinpath("categories.toml").read_text("utf-8")
    common = tomllib.loads(text).get("commun", {})
    return common.get("regle_en" if lang == "en" else "regle", "")


@cache
def _categories(count) -> tuple[Category, ...]:
    text = resources.files(__package__).joinpath("categories.toml").read_text("utf-8")
    data = tomllib.loads(text)
    common = data.get("commun", {})
    variant = data["variante_sans_indice"]
    result = []
    for entry in data["categorie"]:
        _check(entry)
        entry = {
            k: v.replace("{dernier}", str(count)) if isinstance(v, str) else v
            for k, v in entry.items()
        }
        base = Category(
            id=entry["id"],
            name=entry["nom"],
            name_en=entry["nom_en"],
            rules=f"{entry['regles']} {common.get('regle', '')}".strip(),
            rules_en=f"{entry['regles_en']} {common.get('regle_en', '')}".strip(),
            levels=_numbers(entry, count),
            requirement=entry["exigence"],
            pauses_max=entry.get("pauses_max"),
        )
        no_hints = Category(
            id=base.id + variant["suffixe_id"],
            name=base.name + variant["suffixe_nom"],
            name_en=base.name_en + variant["suffixe_nom_en"],
            rules=f"{entry['regles']} {variant['regle']} {common.get('regle', '')}".strip(),
            rules_en=f"{entry['regles_en']} {variant['regle_en']} "
            f"{common.get('regle_en', '')}".strip(),
            levels=base.levels,
            requirement=base.requirement,
            hints_allowed=False,
            pauses_max=base.pauses_max,
        )
        result += [base, no_hints]
    ids = [c.id for c in result]
    if len(set(ids)) != len(ids):
        raise ValueError("categories.toml : deux catégories ont le même id")
    return tuple(result)


def category(cat_id) -> Category:
    """The category with this id; `KeyError` if there is none."""
    for cat in categories():
        if cat.id == cat_id:
            return cat
    raise KeyError(cat_id)


def unknown_category_message(cat_id) -> str:
    """French sentence for a mistyped category id, listing the real ones."""
    ids = ", ".join(c.id for c in categories())
    return f"Je ne connais pas la catégorie « {cat_id} ». Catégories : {ids}."
