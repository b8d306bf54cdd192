"""The card loader: front matter without YAML, body and example split, clear errors naming the file."""
import os
import time

import pytest

from kidcoder.knowledge import cards as knowledge
from kidcoder.knowledge.cards import CardError, code_blocks, load_cards, parse_card, parse_inline_list

GOOD = '''---
id: game-loop
title: "The game loop: frames"
tags: [game loop, "while, running", frozen, don't stop]
level: 1
related: [events-quit, clock-fps]
---
A game is like a flip book.

It draws frames.

```python
import pygame
print("hi")
```
'''


def write(folder, lang, name, text):
    target = folder / lang
    target.mkdir(parents=True, exist_ok=True)
    path = target / name
    path.write_text(text, encoding="utf-8")
    return path


def test_inline_lists_keep_quoted_commas_and_apostrophes():
    assert parse_inline_list('[a, "b, c", \'d\', don\'t stop]') == ["a", "b, c", "d", "don't stop"]
    assert parse_inline_list("[]") == []
    assert parse_inline_list("single") == ["single"]


def test_parse_card_splits_front_matter_body_and_code():
    card = parse_card(GOOD, "en")
    assert card.id == "game-loop"
    assert card.title == "The game loop: frames"        # a colon inside a quoted title survives
    assert card.tags == ("game loop", "while, running", "frozen", "don't stop")
    assert card.level == 1
    assert card.related == ("events-quit", "clock-fps")
    assert card.body == "A game is like a flip book.\n\nIt draws frames."
    assert card.code == 'import pygame\nprint("hi")\n'
    assert card.lang == "en"


def test_windows_line_endings_and_bom_are_fine():
    card = parse_card("\ufeff" + GOOD.replace("\n", "\r\n"), "en")
    assert card.id == "game-loop" and "flip book" in card.body and "import pygame" in card.code


@pytest.mark.parametrize("text, words", [
    ("no front matter here", "start with a line '---'"),
    ("---\nid: x\n", "no closing '---'"),
    ("---\nid: a\ntitle: T\ntags: []\nlevel: 1\n---\nbody", "missing related"),
    ("---\nid: a\ntitle: T\ntags: []\nlevel: one\nrelated: []\n---\nbody", "not a whole number"),
    ("---\nid: Bad_Id\ntitle: T\ntags: []\nlevel: 1\nrelated: []\n---\nbody", "lower-case words"),
    ("---\nid: a\njust words\n---\nbody", "key: value"),
])
def test_malformed_cards_name_the_file_and_the_problem(tmp_path, text, words):
    path = write(tmp_path, "en", "broken.md", text)
    with pytest.raises(CardError) as caught:
        load_cards("en", tmp_path)
    assert str(path) in str(caught.value)
    assert words in str(caught.value)


def test_load_cards_reads_a_language_folder_sorted(tmp_path):
    write(tmp_path, "en", "b.md", GOOD.replace("id: game-loop", "id: b"))
    write(tmp_path, "en", "a.md", GOOD.replace("id: game-loop", "id: a"))
    write(tmp_path, "es", "a.md", GOOD.replace("id: game-loop", "id: a"))
    assert [c.id for c in load_cards("en", tmp_path)] == ["a", "b"]
    assert [c.lang for c in load_cards("es", tmp_path)] == ["es"]
    assert [c.id for c in load_cards("en", tmp_path / "en")] == ["a", "b"]   # the language folder itself
    assert load_cards("fr", tmp_path / "nowhere") == []


def test_cards_by_id_sees_a_changed_card(tmp_path):
    path = write(tmp_path, "en", "a.md", GOOD.replace("id: game-loop", "id: a"))
    assert knowledge.cards_by_id("en", tmp_path)["a"].title == "The game loop: frames"
    path.write_text(GOOD.replace("id: game-loop", "id: a").replace('"The game loop: frames"', "New title"),
                    encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    assert knowledge.cards_by_id("en", tmp_path)["a"].title == "New title"


def test_content_hash_changes_with_any_card(tmp_path):
    path = write(tmp_path, "es", "a.md", GOOD)
    before = knowledge.content_hash(tmp_path)
    assert knowledge.content_hash(tmp_path) == before
    path.write_text(GOOD + "\n", encoding="utf-8")
    assert knowledge.content_hash(tmp_path) != before
    assert knowledge.content_hash(tmp_path, salt="v2") != knowledge.content_hash(tmp_path)


def test_code_blocks_and_word_count():
    assert [kind for kind, _ in code_blocks(GOOD + "\n```text\nx\n```\n")] == ["python", "text"]
    assert knowledge.word_count("Don't stop the `game_loop` now!") == 5


def test_lenient_loading_skips_a_bad_card_and_reports_it(tmp_path):
    write(tmp_path, "en", "good.md", GOOD.replace("id: game-loop", "id: good"))
    bad = write(tmp_path, "en", "bad.md", "no front matter")
    errors = []
    assert [c.id for c in load_cards("en", tmp_path, errors)] == ["good"]
    assert len(errors) == 1 and str(bad) in errors[0]
    assert list(knowledge.cards_by_id("en", tmp_path)) == ["good"]
