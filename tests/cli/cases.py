"""The bad inputs the command-line suite feeds every subcommand, and the places it prepares for them.

A case is (id, arguments, home): arguments may name prepared things as {name} (see Places);
home says which KidCoder home the command runs with: "ok" (a normal one), "readonly", "full"
(a tiny disk, needs root), "cachefile" (the cache folder replaced by a file), "homefile"
(KIDCODER_HOME is a file), or "settings:<kind>" (an odd settings file, see SETTINGS_FILES).
"""
from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Dict, List, Tuple

GOOD_GAME = "import pygame\npygame.init()\ns = pygame.display.set_mode((40, 30))\n" \
            "for i in range(3):\n    s.fill((i, 0, 0))\n    pygame.display.flip()\n"

SETTINGS_FILES = {
    "nested": "[" * 200000 + "]" * 200000,
    "list": "[1, 2, 3]",
    "binary": b"\x00\xff\xfe\x89PNG",
    "huge_memory": '{"memory_limit_mb": 8796093022208}',
    "nan": '{"model_first_token_limit_s": NaN, "font_size": 1e400}',
    "wrong_types": '{"language": ["en"], "network_allowed": "yes", "extra": 5, "model_path": ""}',
    "big": '{"a": "' + "x" * 600000 + '"}',
    "folder": None,
    "fifo": None,
}


class Places:
    """Files and folders the cases point at, made once in a temporary folder."""

    def __init__(self, root: Path):
        self.root = root
        self.values: Dict[str, str] = {}
        put = self._file
        self.values["game"] = put("game.py", GOOD_GAME)
        self.values["existing"] = put("existing.py", "print('mine')\n")
        self.values["binary"] = put("picture.py", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        self.values["latin1"] = put("latin.py", "print('a\xf1o')\n".encode("latin-1"))
        self.values["big"] = put("big.py", "x = 1\n" * 300000)
        self.values["empty"] = put("empty.py", "")
        self.values["notgguf"] = put("model.gguf", "not a model at all\n")
        self.values["shortgguf"] = put("short.gguf", b"GGUF\x03\x00")
        self.values["picture"] = put("notpicture.png", "text")
        folder = root / "folder.py"
        folder.mkdir()
        self.values["folder"] = str(folder)
        fifo = root / "fifo.py"
        os.mkfifo(fifo)
        self.values["fifo"] = str(fifo)
        self.values["socket"] = self._socket(root / "socket.py")
        loop = root / "loop.py"
        os.symlink(loop, loop)
        self.values["loop"] = str(loop)
        self.values["missing"] = str(root / "missing.py")
        self.values["missingdir"] = str(root / "no" / "such" / "folder" / "out.png")
        self.values["long"] = str(root / ("a" * 300 + ".py"))
        self.values["notdir"] = str(Path(self.values["existing"]) / "inside.py")
        self.values["tmp"] = str(root)
        self.values["devzero"] = "/dev/zero"
        self.values["devnull"] = "/dev/null"

    def _file(self, name: str, data) -> str:
        path = self.root / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return str(path)

    def _socket(self, path: Path) -> str:
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(path))
        return str(path)

    def fill(self, args: List[str], fresh: str) -> List[str]:
        values = dict(self.values, fresh=fresh)
        return [arg.format(**values) for arg in args]


def _file_cases(command: List[str], extra: List[str]) -> List[Tuple[str, List[str], str]]:
    """A command that reads a file, against every kind of bad file."""
    name = command[-1] if command[0] == "model" else command[0]
    kinds = ["missing", "folder", "fifo", "socket", "devzero", "devnull", "binary", "latin1", "big", "loop",
             "long", "notdir"]
    return [(f"{name}-{kind}", command + ["{" + kind + "}"] + extra, "ok") for kind in kinds] + \
           [(f"{name}-empty-name", command + [""] + extra, "ok")]


CASES: List[Tuple[str, List[str], str]] = [
    *_file_cases(["run"], ["--headless", "--json"]),
    *_file_cases(["hint"], ["--json", "--no-model"]),
    *_file_cases(["export"], ["--xo", "--json"]),
    *[case for case in _file_cases(["model", "add"], ["--json"]) if "latin1" not in case[0]],
    ("run-frames-0", ["run", "{game}", "--headless", "--frames", "0"], "ok"),
    ("run-frames-negative", ["run", "{game}", "--headless", "--frames", "-5"], "ok"),
    ("run-frames-word", ["run", "{game}", "--headless", "--frames", "many"], "ok"),
    ("run-frames-float", ["run", "{game}", "--headless", "--frames", "1e3"], "ok"),
    ("run-frames-huge", ["run", "{game}", "--headless", "--json", "--frames", "9" * 40, "--seconds", "2"], "ok"),
    ("run-seconds-0", ["run", "{game}", "--headless", "--seconds", "0"], "ok"),
    ("run-seconds-nan", ["run", "{game}", "--headless", "--seconds", "nan"], "ok"),
    ("run-seconds-inf", ["run", "{game}", "--headless", "--seconds", "inf"], "ok"),
    ("run-seconds-huge", ["run", "{game}", "--headless", "--seconds", "1e400"], "ok"),
    ("run-screenshot-missing-folder", ["run", "{game}", "--headless", "--json", "--screenshot", "{missingdir}"], "ok"),
    ("run-screenshot-proc", ["run", "{game}", "--headless", "--json", "--screenshot", "/proc/shot.png"], "ok"),
    ("run-screenshot-folder", ["run", "{game}", "--headless", "--json", "--screenshot", "{tmp}"], "ok"),
    ("run-screenshot-empty", ["run", "{game}", "--headless", "--json", "--screenshot", ""], "ok"),
    ("run-screenshot-inside-file", ["run", "{game}", "--headless", "--json", "--screenshot", "{notdir}"], "ok"),
    ("run-stdin-odd", ["run", "{game}", "--headless", "--json", "--stdin", "\\n\\n\udcff\\x00"], "ok"),
    ("run-unknown-flag", ["run", "{game}", "--turbo"], "ok"),
    ("hint-level-4", ["hint", "{game}", "--level", "4"], "ok"),
    ("hint-level-word", ["hint", "{game}", "--level", "two"], "ok"),
    ("hint-lang-fr", ["hint", "{game}", "--lang", "fr"], "ok"),
    ("hint-lang-empty", ["hint", "{game}", "--lang", ""], "ok"),
    ("hint-empty-program", ["hint", "{empty}", "--json", "--no-model"], "ok"),
    ("ask-empty", ["ask", "", "--json", "--no-model"], "ok"),
    ("ask-spaces", ["ask", "   \t ", "--json", "--no-model"], "ok"),
    ("ask-not-utf8", ["ask", "why \udcff\udcfe", "--json", "--no-model"], "ok"),
    ("ask-very-long", ["ask", "why does my cat not move " * 800, "--json", "--no-model"], "ok"),
    ("ask-lang-xx", ["ask", "how do I move", "--lang", "xx"], "ok"),
    ("ask-readonly-home", ["ask", "how do I move the cat", "--json", "--no-model"], "readonly"),
    ("ask-full-disk", ["ask", "how do I move the cat", "--json", "--no-model"], "full"),
    ("ask-cache-is-a-file", ["ask", "how do I move the cat", "--json", "--no-model"], "cachefile"),
    ("ask-home-is-a-file", ["ask", "how do I move the cat", "--json", "--no-model"], "homefile"),
    ("generate-empty", ["generate", "", "--no-model", "--json"], "ok"),
    ("generate-out-exists", ["generate", "a cat game", "--no-model", "--json", "--out", "{existing}"], "ok"),
    ("generate-out-folder", ["generate", "a cat game", "--no-model", "--json", "--out", "{tmp}"], "ok"),
    ("generate-out-proc", ["generate", "a cat game", "--no-model", "--json", "--out", "/proc/x.py"], "ok"),
    ("generate-out-devnull", ["generate", "a cat game", "--no-model", "--json", "--out", "/dev/null"], "ok"),
    ("generate-out-empty", ["generate", "a cat game", "--no-model", "--json", "--out", ""], "ok"),
    ("generate-out-inside-file", ["generate", "a cat game", "--no-model", "--json", "--out", "{notdir}"], "ok"),
    ("generate-not-utf8", ["generate", "a cat \udcff game", "--no-model", "--json", "--out", "{fresh}.py"], "ok"),
    ("generate-lang-xx", ["generate", "a cat game", "--lang", "xx"], "ok"),
    ("generate-readonly-home", ["generate", "a cat game", "--no-model", "--json"], "readonly"),
    ("generate-full-disk", ["generate", "a cat game", "--no-model", "--json"], "full"),
    ("index-readonly-home", ["index", "--json"], "readonly"),
    ("index-full-disk", ["index", "--rebuild", "--json"], "full"),
    ("index-cache-is-a-file", ["index", "--rebuild", "--json"], "cachefile"),
    ("index-unknown-flag", ["index", "--fast"], "ok"),
    ("bench-only-empty", ["bench", "--only", "", "--json"], "ok"),
    ("bench-only-commas", ["bench", "--only", ",,", "--json"], "ok"),
    ("bench-only-unknown", ["bench", "--only", "everything", "--json"], "ok"),
    ("bench-model-missing", ["bench", "--only", "model", "--model", "{missing}", "--json"], "ok"),
    ("bench-model-fifo", ["bench", "--only", "model", "--model", "{fifo}", "--json"], "ok"),
    ("settings-readonly-home", ["settings", "--json"], "readonly"),
    ("settings-full-disk", ["settings", "--json"], "full"),
    ("settings-home-is-a-file", ["settings", "--json"], "homefile"),
    *[(f"settings-file-{kind}", ["settings", "--json"], f"settings:{kind}") for kind in SETTINGS_FILES],
    *[(f"run-with-settings-{kind}", ["run", "{game}", "--headless", "--json"], f"settings:{kind}")
      for kind in ("nested", "huge_memory", "fifo")],
    ("settings-unknown-flag", ["settings", "--all"], "ok"),
    ("model-no-subcommand", ["model"], "ok"),
    ("model-add-not-gguf", ["model", "add", "{notgguf}", "--json"], "ok"),
    ("model-add-short-gguf", ["model", "add", "{shortgguf}", "--json"], "ok"),
    ("model-add-readonly-home", ["model", "add", "{notgguf}", "--json"], "readonly"),
    ("model-list-settings-fifo", ["model", "list", "--json"], "settings:fifo"),
    ("model-list-readonly-home", ["model", "list", "--json"], "readonly"),
    ("export-no-xo", ["export", "{game}"], "ok"),
    ("export-out-not-xo", ["export", "{game}", "--xo", "--out", "{tmp}/game.zip"], "ok"),
    ("export-out-proc", ["export", "{game}", "--xo", "--out", "/proc/game.xo", "--json"], "ok"),
    ("export-out-missing-folder", ["export", "{game}", "--xo", "--out", "{tmp}/no/such/game.xo", "--json"], "ok"),
    ("export-icon-missing", ["export", "{game}", "--xo", "--icon", "{missing}", "--json"], "ok"),
    ("export-icon-fifo", ["export", "{game}", "--xo", "--icon", "{fifo}", "--json"], "ok"),
    ("export-icon-not-picture", ["export", "{game}", "--xo", "--icon", "{picture}", "--json"], "ok"),
    ("export-name-empty", ["export", "{game}", "--xo", "--name", "  "], "ok"),
    ("unknown-subcommand", ["fly"], "ok"),
    ("bogus-global-flag", ["--colour"], "ok"),
]
