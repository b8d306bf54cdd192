"""The Whoosh index over real cards: analyzers, misspellings, both languages, code context, rebuilds."""
import threading

import pytest

from kidcoder import paths
from kidcoder.knowledge import index as index_module
from kidcoder.knowledge.index import (KnowledgeIndex, TemplateIndex, code_analyzer, error_card_id,
                                      split_identifier, text_analyzer)

CARD = '''---
id: {id}
title: {title}
tags: [{tags}]
level: 1
related: []
---
{body}

```python
{code}
```
'''


def write_card(root, lang, card_id, title, tags, body, code="x = 1"):
    folder = root / lang
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{card_id}.md"
    path.write_text(CARD.format(id=card_id, title=title, tags=tags, body=body, code=code), encoding="utf-8")
    return path


@pytest.fixture
def small_cards(tmp_path):
    root = tmp_path / "cards"
    write_card(root, "en", "gravity-jump", "Gravity and jumping", "jump, jumping, fall",
               "Add speed every frame so your player falls, then jumps.", "y_speed = -15")
    write_card(root, "en", "rect-collisions", "Rect and collisions", "collide, collision, touch, hit",
               "Use colliderect to know when two rects touch.", "if player.colliderect(enemy): pass")
    write_card(root, "es", "gravity-jump", "Gravedad y saltar", "saltar, salto, caer",
               "Suma velocidad en cada fotograma para que el personaje caiga y salte.", "vel_y = -15")
    return root


@pytest.fixture(scope="module")
def real_index(tmp_path_factory):
    built = KnowledgeIndex(index_dir=tmp_path_factory.mktemp("index")).ensure_ready()
    yield built
    built.close()


def test_identifier_parts():
    assert split_identifier("get_pressed") == ["get", "pressed"]
    assert split_identifier("NameError") == ["Name", "Error"]
    assert split_identifier("K_SPACE") == ["SPACE"]
    assert split_identifier("score") == []
    assert [t.text for t in code_analyzer()("pygame.key.get_pressed()")] == \
        ["pygame", "key", "get_pressed", "get", "pressed"]


def test_text_analyzers_stem_fold_accents_and_drop_stop_words():
    assert [t.text for t in text_analyzer("en")("the jumping collisions")] == ["jump", "collis"]
    assert [t.text for t in text_analyzer("es")("¿Cómo SALTAR en la pantalla?")] == ["salt", "pantall"]
    # Python words stay searchable even though they are English stop words
    assert [t.text for t in text_analyzer("en")("if and not")] == ["if", "and", "not"]


def test_error_card_ids():
    assert error_card_id("NameError") == "name-error"
    assert error_card_id("ZeroDivisionError") == "zero-division-error"
    assert error_card_id("builtins.UnboundLocalError") == "unbound-local-error"


@pytest.mark.parametrize("question, lang, expected", [
    ("how do i make my guy jump", "en", "gravity-jump"),
    ("jummp", "en", "gravity-jump"),                         # misspelled: fuzzy term
    ("colision with enemy", "en", "rect-collisions"),
    ("wat is a loop", "en", None),                            # checked below: a loop card
    ("my game is frozen", "en", "game-loop"),
    ("what does get_pressed do", "en", "keydown-vs-get-pressed"),
    ("como hago que mi personaje salte", "es", "gravity-jump"),
    ("por que la pantalla esta negra", "es", None),
])
def test_children_questions_find_the_card(real_index, question, lang, expected):
    hits = real_index.search(question, lang)
    ids = [hit.card_id for hit in hits]
    assert hits and all(hit.lang == lang for hit in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    if question == "wat is a loop":
        assert {"while-loop", "for-loop-range", "game-loop"} & set(ids)
    elif question.startswith("por que"):
        assert {"display-flip", "screen-fill"} & set(ids)
    else:
        assert expected in ids, ids


def test_only_question_words_give_no_hits(real_index):
    assert real_index.search("how do i make my", "en") == []
    assert real_index.search("como hago que mi", "es") == []


def test_spanish_question_gets_spanish_cards(real_index):
    hits = real_index.search("mi personaje no salta", "es")
    assert hits[0].card_id == "gravity-jump" and hits[0].lang == "es"
    assert hits[0].title == "Gravedad y saltar" or "salt" in hits[0].title.lower()


def test_code_context_finds_the_error_card(real_index):
    hits = real_index.search_code("NameError", ["scor", "score"], "en")
    assert hits[0].card_id == "name-error"
    hits = real_index.search_code("ZeroDivisionError", ["speed", "time"], "en")
    assert hits[0].card_id == "zero-division-error"
    hits = real_index.search_code(None, ["pygame", "key", "get_pressed"], "en")
    assert "keydown-vs-get-pressed" in [h.card_id for h in hits]


def test_builds_once_then_opens(small_cards, tmp_path):
    first = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    assert first.built and first.card_count == 3
    first.close()
    second = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    assert not second.built and second.path == first.path
    assert second.search("jump", "en")[0].card_id == "gravity-jump"


def test_a_changed_card_triggers_a_rebuild(small_cards, tmp_path):
    ix = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    assert ix.search("teleport", "en") == []
    write_card(small_cards, "en", "rect-collisions", "Rect and collisions", "collide, teleport",
               "Teleport the player when two rects touch.")
    assert ix.reload_if_changed()
    assert ix.search("teleport", "en")[0].card_id == "rect-collisions"
    assert not ix.reload_if_changed()
    fresh = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    assert not fresh.built and fresh.path == ix.path
    assert len([p for p in (tmp_path / "ix").iterdir() if p.is_dir()]) == 1   # the old index is gone


@pytest.mark.parametrize("damage", ["garbage", "empty", "delete_manifest"])
def test_a_damaged_index_folder_is_rebuilt(small_cards, tmp_path, damage):
    ix = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    folder = ix.path
    ix.close()
    for file in folder.iterdir():
        if damage == "garbage":
            file.write_bytes(b"\x00not an index\xff" * 10)
        elif damage == "empty":
            file.write_bytes(b"")
        elif file.name == index_module.MANIFEST:
            file.unlink()
    again = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    assert again.built
    assert again.search("collision", "en")[0].card_id == "rect-collisions"


def test_damage_after_opening_is_repaired_on_search(small_cards, tmp_path):
    ix = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    ix._searcher.close()           # simulate files vanishing under an open index
    for file in ix.path.iterdir():
        file.unlink()
    assert ix.search("jump", "en")[0].card_id == "gravity-jump"


def test_background_build(small_cards, tmp_path):
    ix = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards)
    thread = ix.start_background()
    assert isinstance(thread, threading.Thread)
    thread.join(30)
    assert ix.ready and ix.error is None
    assert ix.search("salto", "es")[0].card_id == "gravity-jump"


def test_rebuild_index_for_the_cli(monkeypatch, small_cards):
    monkeypatch.setattr(paths, "knowledge_dir", lambda: small_cards)
    first = index_module.rebuild_index(force=True)
    assert first["rebuilt"] is True and first["cards"] == 3
    assert first["path"].startswith(str(paths.cache_dir()))
    assert isinstance(first["seconds"], float)
    again = index_module.rebuild_index(force=False)
    assert again["rebuilt"] is False and again["path"] == first["path"]


TEMPLATES = [
    {"id": "catch", "text_en": "catch falling fruit with a basket", "text_es": "atrapar fruta que cae con una cesta"},
    {"id": "space-shooter", "text_en": "spaceship shooting aliens and asteroids",
     "text_es": "nave espacial que dispara a extraterrestres y asteroides"},
    {"id": "maze", "text_en": "walk through a maze to the exit", "text_es": "caminar por un laberinto hasta la salida"},
]


@pytest.mark.parametrize("description, lang, expected", [
    ("a game where i catch apples in a basket", "en", "catch"),
    ("spaceship that shoots aliens", "en", "space-shooter"),
    ("a mazze game", "en", "maze"),                     # misspelled
    ("un juego de un laberinto", "es", "maze"),
    ("una nave que dispara", "es", "space-shooter"),
    ("asteroids", "es", "space-shooter"),               # English words in a Spanish request still count
])
def test_template_index_picks_the_best(description, lang, expected):
    best = TemplateIndex(TEMPLATES).best(description, lang)
    assert best is not None and best[0] == expected and best[1] > 0


def test_template_index_says_none_when_nothing_matches():
    templates = TemplateIndex(TEMPLATES)
    assert templates.best("how do i make my", "en") is None
    assert templates.best("purple elephants", "en") is None


def test_a_malformed_card_is_left_out_not_fatal(small_cards, tmp_path):
    (small_cards / "en" / "broken.md").write_text("no front matter", encoding="utf-8")
    ix = KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards).ensure_ready()
    assert ix.card_count == 3 and len(ix.card_errors) == 1 and "broken.md" in ix.card_errors[0]
    assert ix.search("jump", "en")[0].card_id == "gravity-jump"


def test_two_builders_at_once_end_with_one_good_index(small_cards, tmp_path):
    builders = [KnowledgeIndex(index_dir=tmp_path / "ix", cards_dir=small_cards) for _ in range(4)]
    threads = [b.start_background() for b in builders]
    for thread in threads:
        thread.join(30)
    assert all(b.ready and b.error is None for b in builders)
    assert len({b.path for b in builders}) == 1
    assert [p.name for p in (tmp_path / "ix").iterdir() if p.name != ".build.lock"] == [builders[0].path.name]
    assert all(b.search("jump", "en")[0].card_id == "gravity-jump" for b in builders)
