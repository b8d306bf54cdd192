"""The safety filter on a language model's text, before a child reads any of it.

An offline filter: a word list (English and Spanish), no links, no requests for
personal information, and every code block must compile and pass
making.safety.check_code_safety(). Anything doubtful drops the model's text and the
rules' answer stays. False alarms cost little (the child still gets the rules'
answer), so the filter leans strict.
"""
from __future__ import annotations

import re
import unicodedata
from typing import List, Optional

from kidcoder.diagnosis import pyparse
from kidcoder.making.safety import check_code_safety

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
