"""The window on a real X display (Xvfb), not the dummy driver the other window tests use: the idle loop
once waited with pygame.event.wait(timeout), which under X11 did not come back, and the window froze
after its first frame while every dummy-driver test passed."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt-get install xvfb)")
def test_the_smoke_demo_plays_and_quits_on_a_real_display(tmp_path):
    env = dict(os.environ, KIDCODER_HOME=str(tmp_path / "home"), KIDCODER_DEMO="smoke", SDL_AUDIODRIVER="dummy")
    env.pop("SDL_VIDEODRIVER", None)
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, str(ROOT / "main.py")],
                          env=env, cwd=str(ROOT), capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, (done.stdout[-1500:], done.stderr[-1500:])
    assert '"ok": true' in done.stdout
