"""Prompt builders: pure data in, a prompt in the model's own chat format out, within 200 tokens, with a
system part that never changes between requests of a kind (so an engine can keep its state)."""
from kidcoder.diagnosis.finding import Finding
from kidcoder.knowledge.cards import Card
from kidcoder.model import prompts
from kidcoder.model.chat import CHATML, GEMMA, LLAMA3, code_blocks, clean_answer, format_for_template
from kidcoder.model.facts import AnswerFacts, ChangeFacts, DescriptionFacts, HintFacts, SearchFacts
from kidcoder.model.prompts import build_prompt, excerpt_around

PROGRAM = "\n".join(f"line_{n} = {n}" for n in range(1, 41)) + "\nprint(scor)\n"
FINDING = Finding("runtime", 41, None, "diag.name_error", {"line": 41, "name": "scor", "suggestion": "score"})


def hint(lang="en", rules_hint="", level=2, source_excerpt="", cards=(), rules_words="", program=PROGRAM):
    return HintFacts(lang, FINDING, rules_hint, level, source_excerpt,
                     error_message="NameError: name 'scor' is not defined", cards=cards, program=program,
                     rules_words=rules_words)


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


def test_hint_prompt_carries_the_rules_words_the_problem_line_and_the_facts_but_never_the_card():
    facts = hint("es", "¿Querías decir score? Ejemplo:\ndef jump():", 2, excerpt_around(PROGRAM, 41),
                 (card("Nombres", "Un nombre se escribe siempre igual.", "def jump():\n    pass"),),
                 rules_words="La línea 41 usa scor, pero tu programa hizo un nombre llamado score.")
    prompt = build_prompt(facts)
    assert "Line 41: print(scor)" in prompt.user and "Name written: scor" in prompt.user
    assert "Name meant: score" in prompt.user and "La línea 41 usa scor" in prompt.user
    assert "line_1 = 1" not in prompt.user and "Un nombre" not in prompt.user and "jump" not in prompt.user
    assert "Spanish" in prompt.system and "Do not show the fixed code unless told you may." in prompt.system


def test_a_long_problem_line_is_cut_around_the_wrong_name_and_the_user_part_stays_short():
    """Issue 19: every token of the user part is read again for each hint (the system part is kept); a long
    line of code was 38 of Qwen's tokens out of 88, and the first word came after 4.1-4.5 s on one core."""
    long_line = "    text = pygame.font.Font(None, 30).render(str(scor), True, (255, 255, 255))"
    program = "score = 0\n" * 40 + long_line + "\n"
    words = "Line 41 uses scor, but your program made a name called score. Python only knows names you made, " \
            "spelled the same way each time, so check every letter of it against the place you made it."
    prompt = build_prompt(hint(rules_words=words, program=program))
    shown = next(line for line in prompt.user.splitlines() if line.startswith("Line 41:"))
    assert "str(scor)" in shown and len(shown) <= len("Line 41: ") + prompts.LINE_CHARS + 2 and "…" in shown
    assert "Line 41 uses scor, but your program made a name called score." in prompt.user
    assert "Name written: scor" in prompt.user and "Name meant: score" in prompt.user
    user_part = CHATML.user_template.replace("{0}", prompt.user)
    assert prompts.estimate_tokens(user_part) <= prompts.HINT_USER_BUDGET
    assert prompts.line_part("print(scor)", ("scor",)) == "print(scor)"


def test_level_three_may_show_the_fix():
    prompt = build_prompt(hint(level=3, source_excerpt="print(scor)"))
    assert "You may show the fixed line." in prompt.user


def test_the_system_part_is_the_same_for_every_request_of_a_kind_and_language():
    one = build_prompt(hint(rules_words="Line 41 uses scor."))
    two = build_prompt(hint(level=3, rules_words="Something else entirely.", program="x = 1\n"))
    assert one.system == two.system != build_prompt(hint("es")).system
    changes = [build_prompt(ChangeFacts(lang, wish, things)) for lang, wish, things in
               (("en", "make it go zoom", (("cat", "PLAYER"),)), ("es", "más rápido", (("pez", "THING"),)))]
    assert changes[0].system == changes[1].system and changes[0].schema != changes[1].schema


def test_every_prompt_fits_in_200_tokens_even_with_long_words_from_the_child():
    long = "word " * 400
    for facts in (hint(rules_words=long), hint("es", rules_words=long), question(long),
                  AnswerFacts("es", long, long), ChangeFacts("en", long, (("cat", "PLAYER"), ("fish", "THING"))),
                  DescriptionFacts("es", long, ("catch", "dodge", "pong", "breakout", "snake", "maze",
                                                "space_shooter", "clicker", "platformer", "painter", "racing",
                                                "quiz")),
                  SearchFacts("en", long)):
        prompt = build_prompt(facts)
        assert prompts.estimate_tokens(prompt.full_text()) <= 200, facts.kind


def test_answer_prompt_retells_the_first_words_of_the_cards_answer_not_its_code():
    answer = AnswerFacts("en", "how do i jump?", "Jumping\n\nSet y_speed to -15 when the key is pressed.\n\n"
                         "```python\ny_speed = -15\n```", (card("Jump", "Jump body."),))
    prompt = build_prompt(answer)
    assert "Set y_speed to -15" in prompt.user and "```" not in prompt.user and "Jump body" not in prompt.user


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
    assert prompts.estimate_tokens(prompt.full_text()) <= prompts.PROMPT_BUDGET
