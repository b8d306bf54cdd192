"""Where a model's retelling goes: beneath the rules' words, after "In other words:", never instead of them.

The rules' hint or answer (with its card and example) is always shown whole; a
checked model text may only follow it. The helper (hints, answers) and the window
(ui/model_stream.py, while the text streams in) compose it the same way here.
"""
from __future__ import annotations

from kidcoder.i18n import tr

IN_OTHER_WORDS = "model.in_other_words"


def heading(lang: str) -> str:
    """The words that start a model's retelling ("In other words:")."""
    return tr(IN_OTHER_WORDS, lang=lang)


def beneath(rules_text: str, model_text: str, lang: str) -> str:
    """The rules' text, then the model's retelling under its heading (the rules' text alone without one)."""
    model_text = (model_text or "").strip()
    if not model_text:
        return rules_text
    return f"{rules_text.rstrip()}\n\n{heading(lang)}\n{model_text}"
