"""Safety checks on what the helper shows or runs: code it writes, and text a model writes.

Each section below is owned by one part of the helper; keep them separate.
"""
from __future__ import annotations

import ast
import re
import unicodedata
from typing import List, Optional


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
_ALLOWED_FALLBACK_IMPORTS = {"pygame", "random", "math", "time", "sys"}


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
        tree = ast.parse(code)
    except (SyntaxError, ValueError) as exc:
        return [f"code does not compile: {exc.msg if isinstance(exc, SyntaxError) else exc}"]
    checker = globals().get("check_code_safety")
    if callable(checker):
        return [f"unsafe code: {problem}" for problem in checker(code)]
    # Until the shared code check exists: only the modules a child's game needs, no eval/exec/open.
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            problems += [f"unsafe code: imports {n}" for n in names
                         if n.split(".")[0] not in _ALLOWED_FALLBACK_IMPORTS]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("eval", "exec", "open", "__import__", "compile"):
            problems.append(f"unsafe code: calls {node.func.id}")
    return problems


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
