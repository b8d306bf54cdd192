"""Every shipped knowledge card follows the format, and every example works.

A full program (it calls pygame.display.set_mode) must run 60 frames headless in
the real runner, with the library pictures and sounds it names copied next to it
(as KidCoder copies them into a child's project); any other example must compile.
"""
import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from kidcoder.knowledge import cards as knowledge
from kidcoder.making.project_files import library_files_in

LANGS = ("en", "es")
MAX_BODY_WORDS = 170
CARDS = {lang: knowledge.load_cards(lang) for lang in LANGS}
ALL = [card for lang in LANGS for card in CARDS[lang]]
IDS = {lang: {card.id for card in CARDS[lang]} for lang in LANGS}


def _name(card):
    return f"{card.lang}/{card.id}"


def is_full_program(code: str) -> bool:
    return "pygame.display.set_mode" in code


def test_there_are_enough_cards():
    assert len(CARDS["en"]) >= 80, f"{len(CARDS['en'])} English cards, want 80"
    assert len(CARDS["es"]) >= 40, f"{len(CARDS['es'])} Spanish cards, want 40"


@pytest.mark.parametrize("card", ALL, ids=_name)
def test_card_format(card):
    text = card.path.read_text(encoding="utf-8")
    assert card.id == card.path.stem, "id must equal the file name"
    assert card.title.strip() and card.tags, "title and tags are needed"
    assert 1 <= card.level <= 3
    python_blocks = [code for kind, code in knowledge.code_blocks(text) if kind in ("python", "py")]
    assert len(python_blocks) == 1, f"{len(python_blocks)} python code blocks, want exactly 1"
    words = knowledge.word_count(card.body)
    assert words <= MAX_BODY_WORDS, f"body has {words} words, want at most ~150"
    unknown = [rid for rid in card.related if rid not in IDS["en"] | IDS["es"]]
    assert not unknown, f"related ids with no card: {unknown}"
    assert card.id not in card.related


@pytest.mark.parametrize("card", CARDS["es"], ids=_name)
def test_spanish_cards_translate_english_ones(card):
    assert card.id in IDS["en"], "a Spanish card uses the id of its English card"


def test_every_english_card_has_its_spanish_twin():
    assert sorted(IDS["en"] - IDS["es"]) == [], "English cards with no Spanish card yet"


@pytest.mark.parametrize("card", CARDS["es"], ids=_name)
def test_spanish_twin_keeps_the_english_cards_links_and_kind_of_example(card):
    english = {c.id: c for c in CARDS["en"]}[card.id]
    assert set(card.related) == set(english.related) and card.level == english.level
    assert is_full_program(card.code) == is_full_program(english.code)


@pytest.mark.parametrize("card", ALL, ids=_name)
def test_example_compiles(card):
    compile(card.code, str(card.path), "exec")
    if not is_full_program(card.code):
        assert "input(" not in card.code or "print(" in card.code   # snippets may ask, the check feeds nothing


@pytest.mark.parametrize("card", [card for card in ALL if is_full_program(card.code)], ids=_name)
def test_full_program_example_loads_only_library_files(card):
    named = set(re.findall(r"""["']((?:images|sounds)/[^"']*)["']""", card.code))
    assert named == {entry.project_path for entry in library_files_in(card.code)}


@pytest.mark.parametrize("card_id", ["images", "sound", "sprite-groups"])
@pytest.mark.parametrize("lang", LANGS)
def test_picture_sprite_and_sound_cards_use_the_library(card_id, lang):
    card = next(card for card in CARDS[lang] if card.id == card_id)
    assert library_files_in(card.code), "the example should load a library picture or sound"


def test_full_program_examples_run_60_frames_headless():
    project_files = pytest.importorskip("kidcoder.making.project_files")
    programs = [card for card in ALL if is_full_program(card.code)]
    assert programs, "no card has a full program example"

    def run(card):
        return card, project_files.run_with_library_files(card.code, frames=60, seconds=10, fast_clock=True)

    failures = []
    with ThreadPoolExecutor(max_workers=max(4, 3 * (os.cpu_count() or 1))) as pool:
        for card, result in pool.map(run, programs):
            if result.exit != "ok":
                failures.append(f"{_name(card)}: {result.exit} {result.error}")
    assert not failures, "\n".join(failures)
