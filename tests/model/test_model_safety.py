"""The model text filter: unsuitable words (en, es), links, personal questions and unsafe code are dropped."""
import pytest

from kidcoder.model.safety import filter_model_text, model_text_problems

GOOD = [
    "On line 12 you wrote scor. Your program calls it score.",
    "Usa pygame.display.flip() una vez en cada vuelta del bucle.",
    "Kill the enemy when the bullet hits it, then add 1 to the score.",
    "The heroine uses a method to jump. ¿Conoces la clase Rect?",
    "Try:\n```python\nname = input('What is your name? ')\nprint('Hi', name)\n```",
    "```python\nimport pygame\nimport random\nx = random.randint(0, 100)\n```",
]
BAD = [
    "This code is shit.",
    "Esto es una mierda.",
    "¡Qué pendejo!",
    "See https://example.com for more.",
    "Look at www.pygame.org",
    "Email me at kid@example.com",
    "What is your real name and where do you live?",
    "¿Dónde vives? ¿Cuántos años tienes?",
    "Dime tu dirección y tu teléfono.",
    "```python\nimport os\nos.remove('game.py')\n```",
    "```python\nif score > 3\n    print('win')\n```",
    "```python\neval(input())\n```",
    "```bash\nrm -rf /\n```",
]


@pytest.mark.parametrize("text", GOOD)
def test_good_text_passes(text):
    assert model_text_problems(text) == []
    assert filter_model_text("  " + text + "\n") == text.strip()


@pytest.mark.parametrize("text", BAD)
def test_bad_text_is_dropped(text):
    assert model_text_problems(text, "es")
    assert filter_model_text(text, "es") is None


def test_empty_text_is_dropped():
    assert filter_model_text("   ") is None


def test_reasons_name_the_problem():
    problems = model_text_problems("Visit https://x.io, you bitch.")
    assert any(p.startswith("link") for p in problems)
    assert any(p.startswith("unsuitable word") for p in problems)
