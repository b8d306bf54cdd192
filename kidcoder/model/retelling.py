"""Is a model's text really "in other words"? Not the rules' words again, not its prompt retold, not chat.

Measured on the real corpus (issue 19, tenth pass): of 63 model texts shown beneath a
hint, about half were the rules' own sentences copied, and where a copy changed a few
words it was usually wrong ("Solo se ejecuta cuando el bucle del juego comienza" for
"…cuando el bucle termina"; "La línea 9 tiene un emoji" for a curly quote). A copy
adds nothing a child can use, and its changed words are where a small model goes
wrong, so a text made mostly of the rules' words is not shown. Nor is one that retells
its instructions (the prompt's labels), talks like a chat assistant ("You're correct.",
"Te ayudaré con tu tarea"), or is written in the other language.
"""
from __future__ import annotations

import re
from typing import List, Optional

# A run of this many words in the same order as the rules' text is a copy, not other words.
COPY_RUN = 4
# The most of a text's words that may come from copied runs: more, and it says the rules' words again.
MOST_COPIED = 0.5

_WORD = re.compile(r"[^\W_]+|_\w*", re.UNICODE)

# Signs the model retold its instructions instead of talking to the child.
_ECHOES = re.compile(r"the helper|the child|a child|what we know:|my code near the problem|a true answer to start from|"
                     r"my question:|el ayudante|el niño|la niña|un niño|"
                     # the hint prompt's own system part and labels (model/prompts.py), retold by Qwen 0.5B
                     # to a child in 3 of 128 hints (issue 19's never-worse run)
                     r"kidcoder's helper|children aged|the hint (?:states|says)|name written|name meant|"
                     r"key words:|palabras? clave:|clave palabras|^\s*hint:|nombre escrito|"
                     # the labels translated (Qwen 0.5B, eleventh pass: "Nombre escrito: moveLeft")
                     r"^\s*(?:missing|falta|nombre (?:correcto|buscado|pensado|querido)|pista)\s*:|"
                     r"^\s*>?\s*\d+\s*\|", re.I | re.M)

# A chat assistant's turns: answering a question nobody asked, offering help with "homework".
_CHAT = re.compile(r"^\W*(?:you(?:'re| are) (?:correct|right)|that'?s (?:correct|right)|great question|good question|"
                   r"sure[,!.]|certainly[,!.]|of course[,!.]|i(?:'ll| will| can) help|i(?:'d| would) be happy|"
                   r"you know how|tienes razón|buena pregunta|claro[,!.]|por supuesto|te ayudar[ée]|"
                   r"con gusto|puedo ayudarte)", re.I | re.M)

_COMMON_WORDS = {
    "en": frozenset("the is are you your and to of it this that with when have not can".split()),
    "es": frozenset("el la los las de que es tu y en un una para con por cuando no puedes".split()),
}


def words(text: str) -> List[str]:
    """The words of a text, lower case, without punctuation or code symbols ("speed_x" stays one word)."""
    return [w.lower() for w in _WORD.findall(text)]


def copied_share(answer: str, rules_text: str, run: int = COPY_RUN) -> float:
    """The share of the answer's words that sit in runs of `run` or more words copied, in order, from the
    rules' text (0.0: all its own words; 1.0: the rules' words again)."""
    said, source = words(answer), words(rules_text)
    if not said or len(source) < run:
        return 0.0
    grams = {tuple(source[i:i + run]) for i in range(len(source) - run + 1)}
    copied = [False] * len(said)
    for i in range(len(said) - run + 1):
        if tuple(said[i:i + run]) in grams:
            for j in range(i, i + run):
                copied[j] = True
    return sum(copied) / len(said)


def echoes(answer: str) -> List[str]:
    """Pieces of the prompt's scaffolding repeated in the answer (it talks about the child, not to them)."""
    return sorted({m.group(0).strip().lower() for m in _ECHOES.finditer(answer)})


def echoes_problem_line(answer: str, line: Optional[int], problem_line: str) -> bool:
    """Does the answer repeat the prompt's "Line N: <code>" fact (model/prompts.py) instead of talking
    to the child? ("Line 17: screen.blit(player, x, 300)" in a Spanish hint, issue 19.)"""
    code = problem_line.strip()
    if not line or not code:
        return False
    for match in re.finditer(rf"\bl(?:ine|[íi]nea)\s+{line}\s*:\s*…?", answer, re.I):
        after = answer[match.end():match.end() + 12].rstrip()
        if len(after) >= 4 and after.lower() in code.lower():      # "Line 2: Print "Hello"" too
            return True
    return False


def chats(answer: str) -> List[str]:
    """Chat-assistant turns in the answer ("You're correct.", "Te ayudaré con tu tarea")."""
    return sorted({m.group(0).strip(" ,.!").lower() for m in _CHAT.finditer(answer)})


def wrong_language(answer: str, lang: str) -> bool:
    """True when the answer is plainly in the other language (small models often ignore the request)."""
    found = re.findall(r"[a-záéíóúñü]+", answer.lower())
    other = "en" if lang == "es" else "es"
    ours = sum(w in _COMMON_WORDS.get(lang, ()) for w in found)
    theirs = sum(w in _COMMON_WORDS[other] for w in found)
    return theirs >= 3 and theirs > 2 * ours
