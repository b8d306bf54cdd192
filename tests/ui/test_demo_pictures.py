"""A scripted demo can open the Pictures picker, find the cat, put it in and run the game (for the walk)."""
import json

from tests.ui.test_demo import run_main

CAT_WALK = [
    {"open_example": "moving_square.py"},
    {"do": "pictures"}, {"wait_dialog": "pictures"},
    {"type": "cat"}, {"press": "return"},
    {"wait_dialog": None}, {"wait_text": "images/cat.png"},
    {"run": True}, {"wait_frames": 20},
    {"screenshot": "SHOT"},
    {"stop": True}, {"wait_stopped": True}, {"quit": True},
]


def test_a_demo_puts_the_cat_in_a_game_and_plays_it(tmp_path):
    shot = tmp_path / "cat.png"
    script = tmp_path / "cat.json"
    script.write_text(json.dumps(CAT_WALK).replace("SHOT", str(shot)), encoding="utf-8")
    done = run_main(script, tmp_path / "home")
    assert done.returncode == 0, done.stdout[-1000:] + done.stderr[-2000:]
    program = (tmp_path / "home" / "data" / "projects" / "moving_square.py").read_text(encoding="utf-8")
    assert 'pygame.image.load("images/cat.png")' in program
    assert (tmp_path / "home" / "data" / "projects" / "images" / "cat.png").is_file() and shot.is_file()
