"""The walk of issue 16: a child's whole session, screenshotted at each step (docs/walk/steps/).

    python3 tools/walk.py [OUT_FOLDER] [--only 1200x900-en]

For 1200x900 and 800x600, in English and Spanish, it starts the real app (`python main.py`)
under Xvfb with a fresh KIDCODER_HOME and a KIDCODER_DEMO script: start, run the starter and
play, make a mistake and climb the hint ladder to the fix, ask a question and put its example
in the program, make a game and play it, save it with a name, quit; then starts the app again
(the last program is back) and opens My programs. Each run must end with exit code 0.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((1200, 900), (800, 600))
LANGS = ("en", "es")
WORDS = {
    "en": {"question": "how do I make my guy jump?", "game": "a cat that catches fish", "name": "cat game"},
    "es": {"question": "como hago que mi muñeco salte?", "game": "un gato que atrapa peces", "name": "juego del gato"},
}


def first_run(shot, lang: str) -> list:
    """Start, play, a mistake up the ladder, a question, a made game, a name, quit."""
    words = WORDS[lang]
    return [
        {"wait": 1.5}, shot("01-start"),
        {"run": True}, {"wait_frames": 30}, {"key": "right", "hold": 0.3}, shot("02-play"),
        {"stop": True}, {"wait_stopped": True},
        {"replace": ["(300, 200), 40)", "(300, 200) 40)"]}, shot("03-mistake"),
        {"run": True}, {"wait_helper": True}, {"wait": 0.5}, shot("04-hint-nudge"),
        {"do": "help"}, {"wait_helper": True}, {"wait": 0.5}, shot("05-hint-explain"),
        {"do": "help"}, {"wait_helper": True}, {"wait": 0.5}, shot("06-hint-fix"),
        {"do": "apply_fix"}, {"wait_text": "(300, 200), 40)"}, {"wait": 0.5}, shot("07-fixed"),
        {"do": "ask"}, {"type": words["question"]}, {"wait": 0.3}, shot("08-question"),
        {"press": "return"}, {"wait_helper": True}, {"wait": 1.0}, shot("09-answer"),
        {"link": "put:0"}, {"wait": 0.5}, shot("10-put-in-program"),
        {"do": "make_game"}, {"wait_dialog": "make_game"}, {"wait": 0.3}, {"type": words["game"]}, {"wait": 0.3}, shot("11-make-game"),
        {"press": "return"}, {"wait_dialog": "keep"}, {"wait": 0.3}, shot("12-keep-or-not"), {"answer": "drop"},
        {"wait_text": "PLAYER_NAME"}, {"wait": 1.0}, shot("12-made-game"),
        {"run": True}, {"wait_frames": 60}, {"key": "left", "hold": 0.5}, shot("13-play-made-game"),
        {"stop": True}, {"wait_stopped": True},
        {"save_as": words["name"]}, {"wait": 0.5}, shot("14-saved"),
        {"quit": True},
    ]


def second_run(shot, lang: str) -> list:
    """The app again: the last program is back; My programs shows it."""
    return [
        {"wait_program": WORDS[lang]["name"]}, {"wait": 1.5}, shot("15-restart"),
        {"my_programs": True}, {"wait": 1.0}, shot("16-my-programs"),
        {"close_dialog": True}, {"quit": True},
    ]


def run_app(steps: list, home: Path, size, lang: str) -> int:
    script = Path(tempfile.mkstemp(suffix=".json")[1])
    script.write_text(json.dumps(steps), encoding="utf-8")
    env = dict(os.environ, KIDCODER_HOME=str(home), KIDCODER_DEMO=str(script), SDL_AUDIODRIVER="dummy")
    env.pop("SDL_VIDEODRIVER", None)
    screen = f"-screen 0 {size[0]}x{size[1] + 60}x24"       # room for a panel: the window opens at size
    command = ["xvfb-run", "-a", "-s", screen, sys.executable, str(ROOT / "main.py")]
    done = subprocess.run(command, env=env, cwd=str(ROOT), timeout=600, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
    return done.returncode


def walk(out: Path, size, lang: str) -> bool:
    home = Path(tempfile.mkdtemp(prefix="kidcoder-walk-"))
    (home / "config").mkdir(parents=True, exist_ok=True)
    env_home = dict(os.environ, KIDCODER_HOME=str(home))
    subprocess.run([sys.executable, "-c", f"from kidcoder.config import Settings, save_settings; "
                    f"save_settings(Settings(language={lang!r}))"], env=env_home, cwd=str(ROOT), check=True)
    tag = f"{size[0]}x{size[1]}-{lang}"

    def shot(name: str) -> dict:
        return {"screenshot": str(out / f"{name}-{tag}.png")}

    ok = run_app(first_run(shot, lang), home, size, lang) == 0
    ok = ok and run_app(second_run(shot, lang), home, size, lang) == 0
    print(f"{tag}: {'ok' if ok else 'FAILED'}")
    return ok


def main(argv) -> int:
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    folders = [arg for arg in argv if not arg.startswith("--") and arg != only]
    out = Path(folders[0]) if folders else ROOT / "docs" / "walk" / "steps"
    out.mkdir(parents=True, exist_ok=True)
    results = [walk(out, size, lang) for size in SIZES for lang in LANGS
               if only in (None, f"{size[0]}x{size[1]}-{lang}")]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
