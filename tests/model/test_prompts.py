"""Prompt builders: pure data in, a prompt in the model's own chat format out, within budget."""
from kidcoder.diagnosis.finding import Finding
from kidcoder.knowledge.cards import Card
from kidcoder.model import prompts
from kidcoder.model.chat import CHATML, GEMMA, LLAMA3, code_blocks, clean_answer, format_for_template
from kidcoder.model.facts import AnswerFacts, GameFacts, HintFacts
from kidcoder.model.prompts import build_prompt, excerpt_around

PROGRAM = "\n".join(f"line_{n} = {n}" for n in range(1, 41)) + "\nprint(scor)\n"
FINDING = Finding("runtime", 41, None, "diag.name_error", {"line": 41, "name": "scor", "suggestion": "score"})


def hint(lang="en", rules_hint="", level=2, source_excerpt="", cards=()):
    return HintFacts(lang, FINDING, rules_hint, level, source_excerpt,
                     error_message="NameError: name 'scor' is not defined", cards=cards)


def card(title, body, code=""):
    return Card(title.lower(), title, (), 1, (), body, code, "en")


def question(text, cards=()):
    return AnswerFacts("en", text, "", cards)


def test_the_declared_chat_template_picks_the_format():
    assert format_for_template("{{ '<|im_start|>' + message['role'] }}") is CHATML
    assert format_for_template("<|start_header_id|>user<|end_header_id|>") is LLAMA3
    assert format_for_template("<start_of_turn>user") is GEMMA
    assert format_for_template(None) is CHATML


def test_chatml_layout_matches_what_gpt4all_expects():
    prompt = build_prompt(question("How do I jump?"), CHATML)
    assert CHATML.system_text("Be kind.") == "<|im_start|>system\nBe kind.<|im_end|>\n"
    assert CHATML.user_template.count("{0}") == 1 and "%1" not in CHATML.user_template
    full = prompt.full_text()
    assert full.startswith("<|im_start|>system\n") and full.endswith("<|im_start|>assistant\n")
    assert "How do I jump?" in full


def test_a_format_without_a_system_role_puts_the_rules_in_the_user_turn():
    prompt = build_prompt(question("How do I jump?"), GEMMA)
    full = prompt.full_text()
    assert full.startswith("<start_of_turn>user\nYou are KidCoder")


def test_excerpt_shows_the_lines_around_the_problem_not_the_whole_file():
    text = excerpt_around(PROGRAM, 41, radius=3)
    lines = text.splitlines()
    assert len(lines) == 4
    assert lines[-1].startswith(">41 | print(scor)")
    assert "line_1 =" not in text


def test_hint_prompt_carries_the_facts_lines_and_cards_in_spanish():
    facts = hint("es", "¿Querías decir score?", 2, excerpt_around(PROGRAM, 41),
                 (card("Nombres", "Un nombre se escribe siempre igual."),))
    prompt = build_prompt(facts)
    assert "Line: 41" in prompt.user and "Name written: scor" in prompt.user and "Name meant: score" in prompt.user
    assert ">41 | print(scor)" in prompt.user and "line_1 = 1" not in prompt.user
    assert "Un nombre se escribe siempre igual." in prompt.user
    assert "Spanish" in prompt.system and "Give a clue, not the fixed code" in prompt.system


def test_level_three_may_show_the_fix():
    prompt = build_prompt(hint(level=3, source_excerpt="print(scor)"))
    assert "You may show the fixed line." in prompt.system


def test_cards_are_trimmed_to_the_token_budget():
    cards = tuple(card(f"Card {n}", "word " * 300) for n in range(10))
    prompt = build_prompt(question("What is a loop?", cards))
    assert prompts.estimate_tokens(prompt.full_text()) <= prompts.DEFAULT_PROMPT_BUDGET + 100
    assert "Card 0" in prompt.user and "Card 9" not in prompt.user


def test_a_cards_example_is_shown_as_python():
    loops = card("Loops", "A loop repeats.", "for i in range(3):\n    print(i)")
    prompt = build_prompt(question("loop?", (loops,)))
    assert "A loop repeats." in prompt.user and "```python\nfor i in range(3)" in prompt.user


def test_game_prompt_has_template_and_slots():
    prompt = build_prompt(GameFacts("en", "a cat catches fish", "catch", "import pygame\n# catch game\n",
                                    {"player": "cat"}))
    assert "import pygame\n# catch game" in prompt.user and "- player: cat" in prompt.user
    assert prompt.max_tokens >= 500


def test_code_blocks_and_clean_answer():
    text = "Try this:\n```python\nx = 1\n```\nand\n```python\ny = 2"
    assert code_blocks(text) == ["x = 1\n", "y = 2"]
    assert clean_answer("Hello!<|im_end|>\n<|im_start|>user junk") == "Hello!"


def test_trim_to_tokens_cuts_at_a_line():
    text = "\n".join("x" * 20 for _ in range(50))
    cut = prompts.trim_to_tokens(text, 30)
    assert prompts.estimate_tokens(cut) <= 31 and cut.endswith("x")


def test_a_long_rules_hint_is_trimmed():
    prompt = build_prompt(hint(rules_hint="Look here. " * 400, source_excerpt="x"))
    assert prompts.estimate_tokens(prompt.full_text()) < prompts.DEFAULT_PROMPT_BUDGET
