"""The classroom install, checked for real: build a wheelhouse, install offline into a fresh venv, use it.

Used by the slow test (tests/test_offline_install.py, run from .ci/run) and by `kidcoder bench`
(wheel_mb, offline_install_s). It needs a source checkout; from an installed wheel it reports nulls.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path
from typing import Optional

BROKEN_PROGRAM = "score = 0\nprint(scor)\n"


def checkout_root() -> Optional[Path]:
    """The folder with pyproject.toml when running from a checkout, else None."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else None


def build_wheelhouse(root: Path, wheelhouse: Path) -> Path:
    """KidCoder's wheel plus a wheel of every dependency for this platform, in one folder."""
    wheelhouse.mkdir(parents=True, exist_ok=True)
    _pip([sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(wheelhouse), str(root)], cwd=root)
    wheels = sorted(wheelhouse.glob("kidcoder-*.whl"))
    if not wheels:
        raise RuntimeError("no kidcoder wheel was built")
    return wheels[-1]


def _pip(command, cwd=None) -> None:
    """Run pip quietly; on failure raise with the end of what it said."""
    out = subprocess.run(command, capture_output=True, text=True, cwd=str(cwd) if cwd else None)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(command[2:4])} failed: {(out.stdout + out.stderr)[-1500:]}")


def _venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def install_offline(wheelhouse: Path, target: Path) -> float:
    """Make a fresh venv and install kidcoder from the wheelhouse only; returns the install seconds."""
    venv.EnvBuilder(with_pip=True, clear=True).create(str(target))
    python = _venv_python(target)
    started = time.monotonic()
    _pip([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(wheelhouse), "kidcoder"])
    return time.monotonic() - started


def use_installed(target: Path, workdir: Path) -> dict:
    """Run the three classroom commands from a folder outside the checkout; return their JSON."""
    exe = target / ("Scripts/kidcoder.exe" if os.name == "nt" else "bin/kidcoder")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", KIDCODER_HOME=str(workdir / "home"))
    broken = workdir / "broken.py"
    broken.write_text(BROKEN_PROGRAM, encoding="utf-8")
    results = {}
    site = subprocess.run([str(_venv_python(target)), "-c",
                           "import kidcoder.paths as p; print(p.assets_dir())"],
                          capture_output=True, text=True, cwd=str(workdir), env=env, check=True).stdout.strip()
    example = Path(site) / "examples" / "bouncing_ball.py"
    if not example.exists():
        example = sorted((Path(site) / "examples").glob("*.py"))[0]
    commands = {
        "run": [str(exe), "run", str(example), "--headless", "--frames", "60", "--json"],
        "hint": [str(exe), "hint", str(broken), "--json", "--no-model"],
        "ask": [str(exe), "ask", "how do I make my guy jump?", "--json", "--no-model"],
    }
    for name, command in commands.items():
        out = subprocess.run(command, capture_output=True, text=True, cwd=str(workdir), env=env, timeout=300)
        if out.returncode != 0:
            raise RuntimeError(f"kidcoder {name} failed ({out.returncode}): {out.stderr.strip()[-500:]}")
        results[name] = json.loads(out.stdout)
    results["assets_dir"] = site
    return results


def measure(**options) -> dict:
    root = checkout_root()
    if root is None:
        return {"wheel_mb": None, "offline_install_s": None}
    with tempfile.TemporaryDirectory(prefix="kidcoder-install-") as folder:
        folder = Path(folder)
        wheel = build_wheelhouse(root, folder / "wheelhouse")
        seconds = install_offline(folder / "wheelhouse", folder / "venv")
        wheelhouse_mb = sum(f.stat().st_size for f in (folder / "wheelhouse").glob("*.whl")) / 1e6
        return {"wheel_mb": round(wheel.stat().st_size / 1e6, 2), "offline_install_s": round(seconds, 1),
                "wheelhouse_mb": round(wheelhouse_mb, 1)}
