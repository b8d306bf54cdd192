"""Safety checks for programs KidCoder writes for a child (from a template or from a model).

A generated game runs on the child's computer, so before it is shown it must
only draw, move and count: no files written, no other programs started, no
network, no tricks to reach those. The check reads the code (ast) and never
runs it. It is strict on purpose: a program it rejects is replaced by the
plain template game, which always passes.
"""
from __future__ import annotations

import ast
import re
import unicodedata
from typing import List, Optional

from kidcoder.diagnosis import pyparse

# ---------------------------------------------------------------------------
# Code check: check_code_safety(source) -> list of problems ([] means safe)
# ---------------------------------------------------------------------------

# Modules a small game may import (the top-level name counts: pygame.draw is pygame).
ALLOWED_MODULES = frozenset("""
    pygame math random time sys collections itertools functools dataclasses enum typing string
    colorsys statistics fractions decimal datetime copy heapq bisect re operator numbers
""".split())

# Names that run or load code, or reach the program's own machinery.
FORBIDDEN_NAMES = frozenset("""
    eval exec compile __import__ globals locals vars breakpoint memoryview
    __builtins__ __loader__ __spec__ getattr setattr delattr
""".split())

# The only things a game needs from sys.
ALLOWED_SYS_ATTRIBUTES = frozenset({"exit", "maxsize", "version", "version_info", "platform"})

# Dunder attributes that are ordinary in small programs; every other __x__ attribute is refused.
ALLOWED_DUNDERS = frozenset({"__init__", "__name__", "__doc__", "__str__", "__repr__", "__len__", "__eq__"})

_READ_MODES = frozenset({"r", "rt", "rb", "tr", "br"})


def check_code_safety(source: str) -> List[str]:
    """The reasons a program is not safe to run for a child, one short line each ([] when safe)."""
    try:
        tree = pyparse.parse(source)
    except SyntaxError as exc:
        return [f"line {exc.lineno or 0}: the program does not compile ({exc.msg})"]
    except ValueError as exc:  # for example a NUL character in the source
        return [f"line 0: the program cannot be read ({exc})"]
    checker = _Checker()
    checker.visit(tree)
    return sorted(checker.problems, key=lambda text: int(text.split(":")[0].split()[1]))


class _Checker(ast.NodeVisitor):
    """Walks the whole tree once and notes every unsafe import, name, attribute and call."""

    def __init__(self):
        self.problems: List[str] = []
        self._sys_names = set()       # names bound to the sys module ("import sys as s")
        self._image_names = set()     # names bound to pygame.image ("from pygame import image as im")

    def _problem(self, node: ast.AST, text: str) -> None:
        self.problems.append(f"line {getattr(node, 'lineno', 0)}: {text}")

    def _check_module(self, node: ast.AST, module: Optional[str]) -> None:
        top = (module or "").split(".")[0]
        if top not in ALLOWED_MODULES:
            self._problem(node, f"import of '{module}' is not allowed")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)
            if alias.name == "sys":
                self._sys_names.add(alias.asname or "sys")
            if alias.name == "pygame.image" and alias.asname:
                self._image_names.add(alias.asname)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self._problem(node, "relative imports are not allowed")
        else:
            self._check_module(node, node.module)
        for alias in node.names:
            if node.module == "pygame" and alias.name == "image":
                self._image_names.add(alias.asname or "image")
            if node.module == "pygame.image" and alias.name.startswith("save"):
                self._problem(node, "saving pictures to files is not allowed")
        if (node.module or "").split(".")[0] == "sys":
            for alias in node.names:
                if alias.name not in ALLOWED_SYS_ATTRIBUTES:
                    self._problem(node, f"sys.{alias.name} is not allowed")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in FORBIDDEN_NAMES:
            self._problem(node, f"'{node.id}' is not allowed")
        elif node.id == "open":  # open passed around, not called where we can see its mode
            self._problem(node, "open() may only read files")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        attr = node.attr
        if attr.startswith("__") and attr.endswith("__") and attr not in ALLOWED_DUNDERS:
            self._problem(node, f"'{attr}' is not allowed")
        if isinstance(node.value, ast.Name) and node.value.id in self._sys_names | {"sys"}:
            if attr not in ALLOWED_SYS_ATTRIBUTES:
                self._problem(node, f"sys.{attr} is not allowed")
        base = _dotted(node.value)
        if attr in ("save", "save_extended") and (base.endswith("image") or base in self._image_names):
            self._problem(node, "saving pictures to files is not allowed")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id == "open":
            mode = _open_mode(node)
            if mode is None or mode not in _READ_MODES:
                self._problem(node, "open() may only read files")
            for child in list(node.args) + [keyword.value for keyword in node.keywords]:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:
            if name in FORBIDDEN_NAMES or name == "open":
                self._problem(node, f"'{name}' is not allowed")


def _dotted(node: ast.AST) -> str:
    """pygame.image -> "pygame.image"; anything else -> its last plain name, or ""."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return ""


def _open_mode(call: ast.Call) -> Optional[str]:
    """The mode an open() call uses when it is written as plain text, "r" when there is none, else None."""
    mode_node = call.args[1] if len(call.args) > 1 else None
    for keyword in call.keywords:
        if keyword.arg == "mode":
            mode_node = keyword.value
        elif keyword.arg is None:  # open(**options): we cannot tell
            return None
    if mode_node is None:
        return "r"
    if isinstance(mode_node, ast.Constant) and isinstance(mode_node.value, str):
        return mode_node.value
    return None


# ---------------------------------------------------------------------------
# Model text filter (owner: the model part, issue 9)
#
# An offline filter on a language model's answer before a child sees it: a word
# list (English and Spanish), no links, no requests for personal information,
# and every code block must compile and pass check_code_safety(). Anything
# doubtful drops the model's text; the rules' answer stays. False alarms cost
# little (the child still gets the rules' answer), so the filter leans strict.
# ---------------------------------------------------------------------------

# Stems matched at the start of a word, after folding case and accents (whole words and phrases
# below, where a stem would also catch innocent words: meth/method, heroin/heroine, cono/conocer).
# Game words (kill, shoot, die, enemy, bomb) are fine in a game and are not listed.
_UNSUITABLE_STEMS = {
    "en": """fuck shit bullshit bitch bastard asshole arsehole dickhead cunt slut whore wank
             porn sexy nude naked boob rape rapist cocaine nigg fag retard
             suicid selfharm""",
    "es": """mierda puta puto joder jodid cabron gilipoll pendej chingar chingad verga culero
             pinche follar polla zorra maric porno desnud violar violacion cocaina heroina droga
             suicid""",
}
_UNSUITABLE_PHRASES = (
    "kill yourself", "hurt yourself", "self harm", "sex", "heroin", "meth", "weed", "matate", "hazte dano",
    "lastimate", "cono",
)
_STEM_RE = re.compile(r"\b(" + "|".join(sorted({s for stems in _UNSUITABLE_STEMS.values()
                                                 for s in stems.split()}, key=len, reverse=True)) + r")\w*")
_PHRASE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _UNSUITABLE_PHRASES) + r")\b")

_LINK_RE = re.compile(
    r"(https?://|ftp://|www\.|\b[\w-]+\.(?:com|org|net|io|gg|ly|me|app|dev|co|es|mx|ar|cl|co\.uk|edu|gov)\b"
    r"(?![\w(])|\b[\w.+-]+@[\w-]+\.\w+)", re.I)

# Asking the child who or where they are. Only prose is checked: `input("What is your name?")`
# in a game's code is fine.
_PERSONAL_RE = re.compile(r"""
    \byour\s+(?:full\s+|real\s+|last\s+|home\s+)?(?:name|address|phone|number|email|e-mail|school|password|age|birthday|photo|picture|location)\b
  | \bwhere\s+(?:do\s+)?you\s+live\b | \bhow\s+old\s+are\s+you\b | \bsend\s+(?:me\s+)?(?:a\s+)?(?:photo|picture|pic)\b
  | \btu\s+(?:nombre|apellido|direccion|telefono|numero|correo|email|escuela|colegio|contrasena|edad|cumpleanos|foto)\b
  | \bdonde\s+vives\b | \bcuantos\s+anos\s+tienes\b | \bmandame\s+(?:una\s+)?foto\b
""", re.X)

_FENCE_RE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[ \t]*\n(.*?)(?:```|\Z)", re.S)


def fold_text(text: str) -> str:
    """Lower case, accents removed (ñ -> n): "¡Cómo MOLA!" -> "¡como mola!"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def split_code(text: str):
    """(prose, [(language, code)]): the text outside fenced code blocks, and the blocks."""
    blocks = [(m.group(1).lower(), m.group(2)) for m in _FENCE_RE.finditer(text)]
    return _FENCE_RE.sub(" ", text), blocks


def _code_problems(code: str) -> List[str]:
    try:
        pyparse.parse(code)
    except (SyntaxError, ValueError) as exc:
        return [f"code does not compile: {exc.msg if isinstance(exc, SyntaxError) else exc}"]
    return [f"unsafe code: {problem}" for problem in check_code_safety(code)]


def model_text_problems(text: str, lang: str = "en", check_code: bool = True) -> List[str]:
    """Why a model's text must not reach a child (empty list: it may).

    Words are checked in both languages whatever lang is: children mix them.
    """
    prose, blocks = split_code(text)
    folded = fold_text(text)
    problems = [f"unsuitable word: {m.group(0)}" for m in _STEM_RE.finditer(folded)]
    problems += [f"unsuitable phrase: {m.group(0)}" for m in _PHRASE_RE.finditer(folded)]
    problems += [f"link: {m.group(0)}" for m in _LINK_RE.finditer(text)]
    problems += [f"asks for personal information: {m.group(0)}" for m in _PERSONAL_RE.finditer(fold_text(prose))]
    if check_code:
        for language, code in blocks:
            if language in ("", "python", "py", "python3"):
                problems += _code_problems(code)
            else:
                problems.append(f"code block in {language}")
    return problems


def filter_model_text(text: str, lang: str = "en") -> Optional[str]:
    """The model's text, trimmed, if a child may read it; None if it must be dropped."""
    if not text or not text.strip():
        return None
    if model_text_problems(text, lang):
        return None
    return text.strip()

# --- end of the model text filter section -----------------------------------
