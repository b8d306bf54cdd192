"""The topic words a small model picks from to say what a child's question is about, and their cards.

A 0.5B model cannot spell a Spanish child's misspelled words back right ("komo ago k se
mueba mi muñeco" -> "semueba"), but it can pick "move" from a short list. So the
"search" request is multiple choice: the list below (in the fixed system part of the
prompt, the same words in every call) is all it may answer, and each topic leads to
knowledge cards by our own table. Cards have the same id in English and Spanish, so one
table serves both languages; the answer is still the card's text.
"""
from __future__ import annotations

from typing import Dict, Sequence, Tuple

# topic word -> the cards that answer it, best first (ids of knowledge/<lang>/<id>.md)
TOPICS: Dict[str, Tuple[str, ...]] = {
    "other": (),           # first: a model that only copies the list's start says it, and the rules answer
    "loop": ("for-loop-range", "while-loop", "game-loop"),
    "move": ("move-with-keys", "speed-velocity", "keep-on-screen"),
    "keys": ("move-with-keys", "keydown-vs-get-pressed"),
    "mouse": ("mouse", "follow-mouse"),
    "jump": ("gravity-jump",),
    "fall": ("gravity-jump", "speed-velocity"),
    "speed": ("speed-velocity", "clock-fps", "timers"),
    "indentation": ("indentation", "indentation-error"),
    "colon": ("colons", "syntax-error"),
    "colour": ("colours", "random-colours", "background-colour-change"),
    "background": ("background-colour-change", "screen-fill"),
    "picture": ("images", "animation", "draw-shapes"),
    "shapes": ("draw-shapes",),
    "sound": ("sound",),
    "score": ("text-score", "high-score"),
    "text": ("draw-text-centre", "text-score", "strings"),
    "collide": ("rect-collisions",),
    "random": ("random", "random-spawning", "random-colours"),
    "timer": ("timers", "countdown-timer"),
    "list": ("lists", "list-methods", "loop-over-list"),
    "function": ("functions", "function-return", "parameters"),
    "variable": ("variables", "global-variables"),
    "window": ("window-set-mode", "events-quit", "pygame-init"),
    "edge": ("screen-edges", "bouncing", "keep-on-screen"),
    "lives": ("lives", "health-bar"),
    "enemy": ("enemy-chase", "random-spawning"),
    "shoot": ("shoot-bullets-list",),
    "error": ("reading-errors", "syntax-error", "name-error", "print"),
    "if": ("if-else", "elif", "comparisons"),
    "number": ("numbers-math", "string-to-number"),
    "level": ("levels",),
    "restart": ("game-over-restart",),
    "pause": ("pause-game",),
}
TOPIC_WORDS: Tuple[str, ...] = tuple(TOPICS)
MAX_TOPICS = 2


def cards_for(topics: Sequence[str]) -> Tuple[str, ...]:
    """Card ids for the chosen topics, best first: a card every topic names (move + keys ->
    move-with-keys) before the others, then in the order the topics list them; none with "other"."""
    if "other" in topics:                # "other" beside a topic is a guess: the rules' answer is better
        return ()
    chosen = [topic for topic in dict.fromkeys(topics) if topic in TOPICS]
    order = list(dict.fromkeys(card for topic in chosen for card in TOPICS[topic]))
    return tuple(sorted(order, key=lambda card: (-sum(card in TOPICS[topic] for topic in chosen),
                                                 order.index(card))))
