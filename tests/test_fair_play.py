"""A fair pace for an 8-year-old, and R to play again: every example and made game, played for real.

A scripted child plays each game through the real runner on the fast clock (game time
moves 1/60 s a frame, no waiting). The child knows the game's state only from what it
prints: each game prints one line when a game ends, and nothing else.
- A child who does nothing is still playing after 15 s of game time (900 frames).
- After a game ends, it stays over until R is pressed; R starts a new game, which lasts
  15 s again for a child who does nothing, and ends again.
- Games that never end (toys, maze, platforms, painter): R brings back the very first picture.
"""
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pygame
import pytest

from kidcoder import paths
from kidcoder.making.code_comments import translate_game
from kidcoder.making.generate import generate_game
from kidcoder.making.project_files import copy_library_files
from kidcoder.runner.headless import run_program
from tests.playing_child import Child, maze_walk

EXAMPLES = paths.assets_dir() / "examples"
FIFTEEN_SECONDS = 15 * 60
# One description per template, in each language: what children asked for, not the settings' extremes.
DESCRIPTIONS = {
    "catch": ("a cat that catches fish", "un gato que atrapa peces"),
    "dodge": ("a dragon that dodges fireballs", "un dragon que esquiva bolas de fuego"),
    "pong": ("pong with a tennis ball", "pong con una pelota de tenis"),
    "breakout": ("break the bricks", "romper los ladrillos"),
    "snake": ("a snake that eats apples", "una serpiente que come manzanas"),
    "maze": ("a knight looking for treasure in a maze", "un caballero que busca el tesoro en un laberinto"),
    "space_shooter": ("a rocket that shoots aliens", "una nave que dispara a los marcianos"),
    "clicker": ("click the cookies as fast as you can", "haz clic en las galletas lo mas rapido que puedas"),
    "platformer": ("a dinosaur jumping on platforms collecting eggs", "un dinosaurio que salta en plataformas"),
    "painter": ("paint with the mouse", "pintar con el raton"),
    "racing": ("a car race against trucks", "una carrera de coches contra camiones"),
    "quiz": ("a quiz with sums", "un concurso de sumas con estrellas"),
}
LANGS = ("en", "es")


def _example(folder: Path, name: str, lang: str) -> Path:
    source = translate_game((EXAMPLES / name).read_text(encoding="utf-8"), lang)
    path = folder / name
    path.write_text(source, encoding="utf-8")
    copy_library_files(source, folder)
    return path


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    """{(kind, name, lang): program path}: every example in both languages and one made game per template."""
    made = {}
    for lang in LANGS:
        for path in sorted(EXAMPLES.glob("*.py")):
            made[("example", path.stem, lang)] = _example(tmp_path_factory.mktemp("example"), path.name, lang)

    def make(item):
        template, lang = item
        description = DESCRIPTIONS[template][LANGS.index(lang)]
        out = tmp_path_factory.mktemp("made") / "game.py"
        result = generate_game(description, lang, out=str(out))
        assert result["template"] == template, description
        return ("made", template, lang), out

    with ThreadPoolExecutor(max_workers=4) as pool:
        made.update(pool.map(make, [(template, lang) for template in DESCRIPTIONS for lang in LANGS]))
    return made


def _name(key):
    return "-".join(key)


def test_a_child_who_does_nothing_still_plays_after_15_seconds(games):
    def play(path):
        return run_program(path, frames=FIFTEEN_SECONDS, seconds=120, fast_clock=True)

    keys = sorted(games)
    assert len(keys) == 2 * (len(list(EXAMPLES.glob("*.py"))) + len(DESCRIPTIONS))
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(keys, pool.map(play, [games[key] for key in keys])))
    over = {_name(key): (r.exit, r.frames, [line.strip() for line in r.console if line.strip()])
            for key, r in results.items() if r.exit != "ok" or r.frames < FIFTEEN_SECONDS or any(
                line.strip() for line in r.console)}
    assert over == {}


def _idle(child):
    return None


def _keep_pressing_space(child):
    return lambda: child.press(pygame.K_SPACE, " ")


def _answer_zero(child):
    def answer():
        child.press(pygame.K_0, "0")
        child.press(pygame.K_RETURN, "\r")
    return answer


def _walk_the_maze(child):
    for key in maze_walk(child.game.program.read_text(encoding="utf-8")):
        child.press(key)


# How the child reaches the end of each game that can end: doing nothing, or a little.
ENDINGS = {
    ("example", "catch"): _idle, ("example", "space_shooter"): _idle, ("example", "clicker"): _idle,
    ("example", "maze"): _walk_the_maze,
    ("made", "catch"): _idle, ("made", "dodge"): _idle, ("made", "racing"): _idle,
    ("made", "space_shooter"): _idle, ("made", "clicker"): _idle,
    ("made", "breakout"): _keep_pressing_space, ("made", "pong"): _keep_pressing_space,
    ("made", "quiz"): _answer_zero, ("made", "maze"): _walk_the_maze,
}


# The Spanish games run the same code (only comments and words differ), so R is played in English.
@pytest.mark.parametrize("kind, name", sorted(ENDINGS), ids=lambda value: value)
def test_after_the_end_r_starts_a_new_game(games, kind, name):
    script = ENDINGS[(kind, name)]
    with Child(games[(kind, name, "en")]) as child:
        for round_number in (1, 2):
            doing = script(child)
            assert child.wait_for_ending(round_number, doing), f"game {round_number} never ended"
            ended_at = child.frame_number()
            if round_number == 1:
                assert ended_at >= FIFTEEN_SECONDS or script is not _idle
                child.wait_frames(120)
                assert len(child.endings()) == 1, "a game that is over stays over until R"
                over = child.picture()
                started_at = child.frame_number()   # before R: the time R takes to arrive may only add
                child.press(pygame.K_r, "r")
                assert child.wait_until(lambda: child.picture() != over), "R starts a new game"
            elif script is _idle:
                assert ended_at - started_at >= FIFTEEN_SECONDS, "the new game was fair too"
        assert len(child.endings()) == 2


def _move_right(child):
    return child.hold_until_changed(pygame.K_RIGHT)


def _paint(child):
    return child.drag_until_changed((200, 150), (320, 200))


# Games that never end: R brings back the first picture, after the child changed it.
STARTS_AGAIN = {
    ("example", "moving_square"): _move_right, ("example", "platform_jump"): _move_right,
    ("example", "painter"): _paint, ("made", "platformer"): _move_right, ("made", "painter"): _paint,
}


@pytest.mark.parametrize("kind, name", sorted(STARTS_AGAIN), ids=lambda value: value)
def test_r_starts_a_game_that_never_ends_again(games, kind, name):
    with Child(games[(kind, name, "en")]) as child:
        child.wait_frames(120)
        first = child.picture()
        assert STARTS_AGAIN[(kind, name)](child), "the child's play changes the picture"
        child.wait_frames(60)
        assert child.picture() != first, "and it stays changed"
        child.press(pygame.K_r, "r")
        assert child.wait_until(lambda: child.picture() == first), "R brings back the first picture"
        assert child.endings() == []


def test_every_example_and_template_has_a_restart_key():
    for path in sorted(EXAMPLES.glob("*.py")) + sorted((paths.assets_dir() / "templates").glob("*.py")):
        assert "pygame.K_r" in path.read_text(encoding="utf-8"), path.name
