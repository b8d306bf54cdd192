"""Make a small game from a child's description: a template, filled in, checked, saved.

"a cat that catches fish" -> the catch template with an orange cat and blue
fish. Every program is checked before it is shown (it compiles, passes the
safety check and draws 120 frames headless); a failed check falls back to the
plain template, which always passes. A model, when one runs, never writes the
program: when the rules are unsure of a description it reads it into a template
and nouns (DescriptionFacts, checked JSON), and the rules build the game from
that reading (making/description_model.py decides when it adds anything).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from kidcoder import i18n, paths
from kidcoder.making import nouns
from kidcoder.knowledge import words
from kidcoder.making.code_comments import translate_comments
from kidcoder.making.description import Reading, read_description
from kidcoder.making import description_model
from kidcoder.making.game_slots import comments_for, make_title, slots_for
from kidcoder.making.project_files import copy_library_files, run_with_library_files  # pictures15
from kidcoder.making.safety import check_code_safety
from kidcoder.making.settings_block import START_MARK, fill_settings
from kidcoder.making.templates import all_templates, choose_template, template_words
from kidcoder.diagnosis import pyparse
from kidcoder.safe_files import write_new
from kidcoder.model.facts import DescriptionFacts, Enrich, consult

log = logging.getLogger(__name__)

CHECK_FRAMES = 120
CHECK_SECONDS = 10.0
NAME_MAX = 40

Check = Callable[[str], List[str]]


def build_program(description: str, lang: str, template_id: Optional[str] = None,
                  reading: Optional[str] = None) -> Tuple[str, str]:
    """(template id, program text) for a description (its settings from reading, a model's reading, when
    given). Pure: reads only the shipped templates."""
    template_id, source, _values = _build(description, lang, template_id, reading)
    return template_id, source


def _build(description: str, lang: str, template_id: Optional[str], reading: Optional[str] = None,
           read: Optional[Reading] = None) -> Tuple[str, str, Dict[str, object]]:
    """reading: what to fill the settings from, when not the description itself (a model's reading); read: the
    description already read (read_description with template_words()), so it is read once per game."""
    read = read or read_description(description, lang, template_words())
    if template_id is None:
        template_id = choose_template(description, lang, read)[0]
    template = all_templates()[template_id]
    values = slots_for(reading or description, lang, template.meta, template.defaults, template_words(),
                       None if reading else read)
    if "TITLE" in template.defaults:
        values["TITLE"] = make_title(description)
    source = fill_settings(template.source, values, comments_for(template.meta, template.defaults, lang))
    return template_id, _localise_header(translate_comments(source, lang), template.meta, lang), values


def _localise_header(source: str, meta, lang: str) -> str:
    """The first comment line and the SETTINGS line, in the child's language."""
    lines = source.split("\n")
    if lines and lines[0].startswith("#"):
        lines[0] = f"# {meta.get(f'title_{lang}', meta['id'])}: {meta.get(f'description_{lang}', '')}".rstrip()
    for number, line in enumerate(lines):
        if START_MARK.match(line):
            lines[number] = f"# ---- {i18n.tr('generate.settings_header', lang)} ----"
            break
    return "\n".join(lines)


def check_program(source: str, run: bool = True) -> List[str]:
    """Why a program may not be shown to a child ([] when it may): compile, safety, 120 frames headless."""
    try:
        pyparse.compile_source(source, "game.py", "exec")
    except (SyntaxError, ValueError) as exc:
        return [f"does not compile: {exc}"]
    problems = check_code_safety(source)
    if problems or not run:
        return problems
    try:  # pictures15: run with the library pictures and sounds the program names
        result = run_with_library_files(source, frames=CHECK_FRAMES, seconds=CHECK_SECONDS, filename="game.py",
                                        fast_clock=True)
    except Exception as exc:  # the runner could not start: better the plain template than a crash
        return [f"the check run could not start: {type(exc).__name__}: {exc}"]
    if result.exit != "ok" or result.frames < 1:    # a program that quits before drawing is not a game
        detail = (result.error or {}).get("message", "") if result.error else ""
        return [f"the check run ended with {result.exit} after {result.frames} frames {detail}".strip()]
    return []


def description_language(description: str, asked: Optional[str]) -> str:
    """The language to write the game in: the one asked for, unless the description is clearly in the other.

    Besides the usual clues (words.guess_language), the words children use for
    games count: "rompe ladrillos con estrellas" is Spanish.
    """
    asked = asked if asked in ("en", "es") else "en"
    guessed = words.guess_language(description) or _vote(description)
    return guessed if guessed and guessed != asked else asked


def _vote(description: str) -> Optional[str]:
    votes = {"en": 0, "es": 0}
    spanish_words, english_words = _game_vocabulary()
    for word in words.words(description):
        found = nouns.exact_noun(word)
        in_es, in_en = word in spanish_words, word in english_words
        if found and not (in_es and in_en):
            in_es, in_en = found[1] == "es" or in_es, found[1] == "en" or in_en
        if in_es != in_en:
            votes["es" if in_es else "en"] += 1
    if votes["es"] >= votes["en"] + 2 or (votes["es"] and not votes["en"]):
        return "es"
    if votes["en"] >= votes["es"] + 2 or (votes["en"] and not votes["es"]):
        return "en"
    return None


def _game_vocabulary() -> Tuple[frozenset, frozenset]:
    """Words the templates use in Spanish only, and in English only."""
    spanish, english = set(), set()
    for template in all_templates().values():
        spanish.update(words.words(template.text("es")))
        english.update(words.words(template.text("en")))
    return frozenset(spanish - english), frozenset(english - spanish)


def model_reading(description: str, lang: str, template_id: str, score: Optional[float], made: Dict[str, object],
                  enrich: Optional[Enrich], read: Optional[Reading] = None) -> Optional[Tuple[str, str, str]]:
    """(template id, reading, model name) when the rules are unsure of the game they made (its settings: made)
    and the model's checked reading adds to it; None otherwise (the model is not asked when the rules are sure)."""
    if enrich is None:
        return None
    templates = all_templates()
    roles = description_model.template_roles(templates)
    rules = description_model.rules_reading(description, lang, template_id, score, roles[template_id], made,
                                            tuple(template_words()), read)
    if not rules.unsure:
        return None
    reply = consult(enrich, DescriptionFacts(lang, description, tuple(templates)))
    if reply is None or not reply.data:
        return None
    found = description_model.model_description(reply.data, description, lang, rules, roles,
                                                tuple(template_words()))
    return (found[0], found[1], reply.model) if found else None


def make_game_source(description: str, lang: str, *, enrich: Optional[Enrich] = None,
                     check: Check = check_program) -> Dict[str, object]:
    """{"source", "template", "model", "fallback"}: a checked program for a description, not yet saved.

    enrich: the optional model, asked to read the description only when the rules are unsure (None: no
    model); check: why a program may not be shown ([] when it may; default: compile, safety, 120 frames).
    """
    lang = description_language(description, lang)
    model = None
    try:
        read = read_description(description, lang, template_words())       # once: template, settings, model
        template_id, score = choose_template(description, lang, read)
        template_id, source, slots = _build(description, lang, template_id, read=read)
        by_model = model_reading(description, lang, template_id, score, slots, enrich, read)
        if by_model is not None:
            template_id, reading, model = by_model
            template_id, source, _slots = _build(description, lang, template_id, reading)
    except Exception:  # a description we could not read still gets a game: the plain template
        log.exception("could not fill a template for %r", description)
        template_id = choose_template(description, lang)[0]
        return {"source": all_templates()[template_id].source, "template": template_id, "model": None,
                "fallback": True}
    problems = check(source)
    if not problems:
        return {"source": source, "template": template_id, "model": model, "fallback": False}
    log.warning("generated game rejected, using the plain template: %s", "; ".join(problems))
    return {"source": all_templates()[template_id].source, "template": template_id, "model": None,
            "fallback": True}


def file_name_for(description: str) -> str:
    """A file name from a description: "A cat that catches fish!" -> "a_cat_that_catches_fish.py"."""
    name = "_".join(words.words(description))[:NAME_MAX].strip("_")
    name = re.sub(r"[^a-z0-9_]", "", name)
    return (name or "game") + ".py"


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet: never overwrites (even in a race), and on a full disk
    leaves nothing behind, not even an empty file (safe_files.write_new)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_new(path, text.encode("utf-8"))


def save_new_program(text: str, description: str, out: Optional[str] = None) -> Path:
    """Save a program without ever overwriting: out must be new; by default a fresh name in projects."""
    if out:
        path = Path(out)
        try:
            _write_new(path, text)
        except FileExistsError:
            raise FileExistsError(i18n.tr("generate.file_exists", "en", path=str(path))) from None
        return path
    folder = paths.projects_dir()
    stem = file_name_for(description)[:-3]
    for number in range(1, 10000):
        path = folder / (f"{stem}.py" if number == 1 else f"{stem}_{number}.py")
        try:
            _write_new(path, text)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free file name for {stem} in {folder}")


def generate_game(description: str, lang: Optional[str] = "en", out: Optional[str] = None, *,
                  enrich: Optional[Enrich] = None, check: Check = check_program) -> Dict[str, object]:
    """The `kidcoder generate` contract: {"file", "template", "model"}; the saved program runs.

    out: a new file to write (never overwritten); by default a fresh name in the projects folder.
    """
    made = make_game_source(description, lang or "en", enrich=enrich, check=check)
    path = save_new_program(str(made["source"]), description, out)
    copy_library_files(str(made["source"]), path.parent)  # pictures15: images/ and sounds/ next to the game
    return {"file": str(path.resolve()), "template": made["template"], "model": made["model"]}
