"""The scripted demo the CI smoke test runs: python main.py with KIDCODER_DEMO=smoke exits 0."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_main(demo, tmp_path, timeout=90):
    env = dict(os.environ, KIDCODER_DEMO=str(demo), KIDCODER_HOME=str(tmp_path), SDL_VIDEODRIVER="dummy",
               SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=str(ROOT))


def test_smoke_demo_opens_an_example_runs_it_and_quits(tmp_path):
    done = run_main("smoke", tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])["demo"]
    assert report["ok"] and report["frames_seen"] >= 30
    assert (tmp_path / "data" / "projects" / "moving_square.py").is_file()


def test_a_failing_script_exits_1(tmp_path):
    script = tmp_path / "demo.json"
    script.write_text(json.dumps([{"stop": True}, {"quit": True}]), encoding="utf-8")
    done = run_main(script, tmp_path)
    assert done.returncode == 1


def test_a_program_named_on_the_command_line_opens(tmp_path):
    lesson = tmp_path / "lesson.py"
    lesson.write_text("print('lesson one')\n", encoding="utf-8")
    script = tmp_path / "demo.json"
    script.write_text(json.dumps([{"wait": 1.0}, {"quit": True}]), encoding="utf-8")
    env = dict(os.environ, KIDCODER_DEMO=str(script), KIDCODER_HOME=str(tmp_path / "home"),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    probe = ("import sys, kidcoder.ui.app as ui, kidcoder.ui.start as start\n"
             "real = ui.App.run\n"
             "def run(self):\n"
             "    code = real(self)\n"
             "    print('OPENED', self.docs.path)\n"
             "    return code\n"
             "ui.App.run = run\n"
             f"sys.exit(start.run_app([{str(lesson)!r}]))\n")
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60,
                          cwd=str(ROOT))
    assert done.returncode == 0, done.stderr[-1500:]
    assert f"OPENED {lesson}" in done.stdout


def test_a_script_saves_with_a_name_opens_my_programs_and_the_program_is_back_after_a_restart(tmp_path):
    script = tmp_path / "demo.json"
    shot = tmp_path / "programs.png"
    script.write_text(json.dumps([
        {"do": "new"}, {"save_as": "cat game"}, {"my_programs": True}, {"search": "cat"},
        {"screenshot": str(shot)}, {"close_dialog": True}, {"quit": True}]), encoding="utf-8")
    done = run_main(script, tmp_path)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    assert (tmp_path / "data" / "projects" / "cat game.py").is_file() and shot.is_file()
    again = tmp_path / "again.json"
    again.write_text(json.dumps([{"wait_program": "cat game"}, {"quit": True}]), encoding="utf-8")
    done = run_main(again, tmp_path)
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
