"""The game templates in assets/templates/ and how a description picks one.

templates.json describes each template (titles, keywords in English and
Spanish, roles for nouns); the program files start with a SETTINGS block.
choose_template() asks the Whoosh TemplateIndex (index.py) and falls back to
a plain keyword match, then to the default template, so it always answers.
"""
from __future__ import annotations

import difflib
import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Mapping, Optional, Tuple

from kidcoder import paths
from kidcoder.making import nouns
from kidcoder.making.description import Reading, named_roles
from kidcoder.knowledge import words
from kidcoder.making.settings_block import read_settings


_GENERIC = frozenset({"game", "games", "juego", "juegos"})


@dataclass(frozen=True)
class Template:
    """One template: its description from templates.json, its program text and its default settings."""
    id: str
    meta: Mapping[str, object]
    source: str
    defaults: Mapping[str, object]

    def text(self, lang: str) -> str:
        """Everything a description may match, in one language ("game" itself says nothing)."""
        text = " ".join(str(self.meta.get(f"{part}_{lang}", "")) for part in ("title", "description", "keywords"))
        return " ".join(word for word in text.split() if words.fold(word).strip(".,!¡") not in _GENERIC)


def templates_dir():
    """assets/templates, where the programs and templates.json live."""
    return paths.assets_dir() / "templates"


@lru_cache(maxsize=1)
def _catalog() -> Tuple[Tuple[Template, ...], str]:
    data = json.loads((templates_dir() / "templates.json").read_text(encoding="utf-8"))
    found = []
    for meta in data["templates"]:
        source = (templates_dir() / meta["file"]).read_text(encoding="utf-8")
        found.append(Template(meta["id"], dict(meta), source, read_settings(source)))
    return tuple(found), data.get("default", found[0].id)


def all_templates() -> Dict[str, Template]:
    """Every template by id, in the order of templates.json."""
    return {template.id: template for template in _catalog()[0]}


def default_template_id() -> str:
    return _catalog()[1]


@lru_cache(maxsize=1)
def template_words() -> FrozenSet[str]:
    """Every folded word of every template's title, description and keywords (they say "what game", not "who")."""
    found = set()
    for template in _catalog()[0]:
        for lang in ("en", "es"):
            found.update(words.words(template.text(lang)))
    return frozenset(found)


_index_lock = threading.Lock()
_index = None


def _template_index():
    """The Whoosh index of the templates, built on first use."""
    global _index
    with _index_lock:
        if _index is None:
            from kidcoder.knowledge.index import TemplateIndex   # lazy: whoosh is slow to import

            _index = TemplateIndex([{"id": t.id, "text_en": t.text("en"), "text_es": t.text("es")}
                                    for t in _catalog()[0]])
        return _index


def keyword_choice(description: str) -> Optional[Tuple[str, float]]:
    """The template sharing most words with the description (close spellings count), or None."""
    said = [word for word in words.words(description) if len(word) >= 3]
    best: Optional[Tuple[str, float]] = None
    for template in _catalog()[0]:
        vocabulary = sorted(set(words.words(template.text("en") + " " + template.text("es"))))
        keywords = set(words.words(str(template.meta.get("keywords_en", "")) + " "
                                   + str(template.meta.get("keywords_es", ""))))
        score = 0.0
        for word in said:
            if word in keywords:
                score += 1.0
            elif (len(word) >= 5 and nouns.exact_noun(word) is None
                  and difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)):
                score += 0.5
        if score > 0 and (best is None or score > best[1]):
            best = (template.id, score)
    return best


def _without_animal_devices(description: str) -> str:
    """The description without a mouse that is an animal: "un ratón que recoge queso" is not a clicker game."""
    said = description.split()
    folded = [words.fold(word).strip(".,;:!?¡¿") for word in said]
    return " ".join(word for number, word in enumerate(said)
                    if not (nouns.is_device_word(folded[number]) and nouns.device_is_animal(folded, number)))


def choose_template(description: str, lang: str, reading: Optional[Reading] = None) -> Tuple[str, Optional[float]]:
    """The template a description asks for: (id, score), or (default id, None) when nothing matches.

    A description that names the child's own character ("you are a bear") gets a game with a player picture,
    one that says what to stay away from ("away from the bees") a dodge game when no template's words matched;
    two things and only one word close to a template's word ("the cat wants the mice") the default game.
    reading: the description already read with template_words() (read here when not given)."""
    said = _without_animal_devices(description)
    index = _template_index()
    found, weak = index.best(said, lang), False
    if found is None:
        found = keyword_choice(said)
        weak = found is not None and found[1] < 1.0          # one word spelt close to a template's word
    player_named, danger_named, two_things = named_roles(description, lang, template_words(), reading)
    plain = "dodge" if danger_named and "dodge" in all_templates() else default_template_id()
    if found is None:
        return plain, None
    if (player_named or (weak and two_things)) and "PLAYER_PICTURE" not in all_templates()[found[0]].defaults:
        return plain, float(found[1])                         # "the cat wants the mice" is not a clicker game
    return found[0], float(found[1])
