"""The code safety check refuses what a game never needs (files, processes, network, code tricks)
and accepts every template and example we ship."""
from pathlib import Path

import pytest

from kidcoder import paths
from kidcoder.making.safety import check_code_safety

UNSAFE = {
    "import os": "import os\nos.remove('x')\n",
    "import subprocess": "import subprocess as sp\nsp.run(['ls'])\n",
    "from socket": "from socket import socket\n",
    "import shutil": "import shutil\n",
    "from os.path": "from os.path import join\n",
    "import ctypes": "import ctypes\n",
    "import importlib": "import importlib\nimportlib.import_module('os')\n",
    "urllib": "import urllib.request\n",
    "eval": "x = eval('1 + 1')\n",
    "exec": "exec('print(1)')\n",
    "compile": "code = compile('1', 'f', 'eval')\n",
    "__import__": "m = __import__('os')\n",
    "open for writing": "f = open('save.txt', 'w')\n",
    "open for appending": "with open('save.txt', mode='a') as f:\n    pass\n",
    "open with unknown mode": "m = 'w'\nopen('x', m)\n",
    "open passed around": "o = open\no('x', 'w')\n",
    "sys.modules": "import sys\nsys.modules['os']\n",
    "sys escape via alias": "import sys as s\ns.settrace(None)\n",
    "dunder escape": "().__class__.__bases__[0].__subclasses__()\n",
    "getattr trick": "getattr(__builtins__, 'ev' + 'al')\n",
    "globals": "globals()['x'] = 1\n",
    "save a picture": "import pygame\npygame.image.save(pygame.Surface((1, 1)), 'x.png')\n",
    "save a picture through an alias": "from pygame import image as im\nim.save(s, 'x.png')\n",
    "import the save function": "from pygame.image import save\n",
    "relative import": "from . import secrets\n",
    "does not compile": "def broken(:\n",
}


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_rejects_unsafe_programs(name):
    problems = check_code_safety(UNSAFE[name])
    assert problems, name
    assert all(problem.startswith("line ") for problem in problems)


def test_problem_names_the_line():
    problems = check_code_safety("import pygame\nimport math\nimport socket\n")
    assert problems == ["line 3: import of 'socket' is not allowed"]


def test_accepts_ordinary_game_code():
    source = (
        "import sys, math, random, time\nimport pygame\nfrom pygame.locals import QUIT\n"
        "class Player:\n    def __init__(self):\n        self.x = 1\n"
        "with open('level.txt') as f:\n    pass\nopen('map.txt', 'rb')\n"
        "if __name__ == '__main__':\n    sys.exit()\n"
    )
    assert check_code_safety(source) == []


def _shipped_programs():
    assets = paths.assets_dir()
    return sorted((assets / "templates").glob("*.py")) + sorted((assets / "examples").glob("*.py"))


@pytest.mark.parametrize("path", _shipped_programs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_accepts_every_template_and_example(path: Path):
    assert check_code_safety(path.read_text(encoding="utf-8")) == []
