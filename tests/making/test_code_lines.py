"""What a picker inserts: a short load line before the game loop, a use line where it belongs, and it runs."""
import pytest

from kidcoder.making import library
from kidcoder.making.code_lines import apply_plan, plan_insert, variable_for
from kidcoder.making.project_files import run_with_library_files

CAT = library.find(library.PICTURE, "cat")
JUMP = library.find(library.SOUND, "jump")
MUSIC = library.find(library.SOUND, "loop_happy")

GAME = """import pygame

pygame.init()
screen = pygame.display.set_mode((600, 400))
clock = pygame.time.Clock()
x = 0

# The game loop
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False

    x = x + 1
    screen.fill((0, 0, 0))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
"""
LINES = GAME.split("\n")


def _line(text):
    return LINES.index(text) + 1


def test_variable_names_read_well_in_both_languages():
    assert variable_for(CAT, "en") == "cat_picture"
    assert variable_for(JUMP, "en") == "jump_sound"
    assert variable_for(CAT, "es") == "imagen_gato"
    assert variable_for(JUMP, "es") == "sonido_salto"
    assert variable_for(library.find(library.PICTURE, "ice_cream"), "en") == "ice_cream_picture"
    assert variable_for(library.find(library.PICTURE, "pinguino" and "penguin"), "es") == "imagen_pinguino"


def test_a_picture_is_loaded_above_the_loop_and_drawn_before_flip():
    plan = plan_insert(GAME, CAT, "images/cat.png", cursor_line=1)
    new = apply_plan(GAME, plan).split("\n")
    load = new.index('cat_picture = pygame.image.load("images/cat.png").convert_alpha()')
    assert new[load + 1] == "cat_picture = pygame.transform.scale(cat_picture, (64, 64))"
    assert new[load - 1] == "" and new[load + 2] == "" and new[load + 3] == "# The game loop", "a paragraph of its own"
    draw = new.index("    screen.blit(cat_picture, (100, 100))")
    assert new[draw + 1] == "    pygame.display.flip()"
    assert new[draw - 1] == "    screen.fill((0, 0, 0))"


def test_the_use_line_goes_at_the_cursor_inside_the_loop_with_its_indentation():
    cursor = _line("        if event.type == pygame.QUIT:")
    plan = plan_insert(GAME, JUMP, "sounds/jump.wav", cursor_line=cursor)
    new = apply_plan(GAME, plan).split("\n")
    assert 'jump_sound = pygame.mixer.Sound("sounds/jump.wav")' in new
    assert new.index("        jump_sound.play()") == new.index("        if event.type == pygame.QUIT:") - 1
    assert plan.text == 'jump_sound = pygame.mixer.Sound("sounds/jump.wav")\n        jump_sound.play()'


def test_a_sound_picked_outside_the_loop_is_only_loaded():
    plan = plan_insert(GAME, JUMP, "sounds/jump.wav", cursor_line=1)
    assert plan.text == 'jump_sound = pygame.mixer.Sound("sounds/jump.wav")'


def test_music_starts_before_the_loop_and_repeats():
    plan = plan_insert(GAME, MUSIC, "sounds/loop_happy.wav", cursor_line=_line("    x = x + 1"))
    assert plan.text == 'pygame.mixer.music.load("sounds/loop_happy.wav")\npygame.mixer.music.play(-1)'
    assert apply_plan(GAME, plan).index("pygame.mixer.music.play(-1)") < apply_plan(GAME, plan).index("while running")


def test_a_file_already_loaded_is_not_loaded_again_and_a_taken_name_gets_a_number():
    once = apply_plan(GAME, plan_insert(GAME, CAT, "images/cat.png", cursor_line=1))
    again = plan_insert(once, CAT, "images/cat.png", cursor_line=_line("    x = x + 1") + 3)
    assert again.variable == "cat_picture" and "pygame.image.load" not in again.text
    taken = GAME.replace("x = 0", "cat_picture = 5")
    assert plan_insert(taken, CAT, "images/cat_2.png", cursor_line=1).variable == "cat_picture_2"


def test_a_program_without_a_loop_or_a_window():
    empty = plan_insert("", CAT, "images/cat.png", cursor_line=1)
    assert empty.text == ('cat_picture = pygame.image.load("images/cat.png")\n'
                          "cat_picture = pygame.transform.scale(cat_picture, (64, 64))"), "no convert_alpha() without a window"
    no_loop = "import pygame\npygame.init()\nscreen = pygame.display.set_mode((100, 100))\nprint('hi')"
    new = apply_plan(no_loop, plan_insert(no_loop, CAT, "images/cat.png", cursor_line=4, size=None)).split("\n")
    assert new[3] == 'cat_picture = pygame.image.load("images/cat.png").convert_alpha()'


def test_spanish_programs_draw_on_their_own_screen():
    juego = GAME.replace("screen", "pantalla")
    plan = plan_insert(juego, CAT, "images/cat.png", cursor_line=1, lang="es")
    assert "    pantalla.blit(imagen_gato, (100, 100))" in plan.text


@pytest.mark.parametrize("entry,cursor", [(CAT, 1), (CAT, _line("    x = x + 1")), (JUMP, _line("    x = x + 1")),
                                          (MUSIC, 1)], ids=["picture", "picture-in-loop", "sound", "music"])
def test_the_inserted_lines_run(entry, cursor):
    program = apply_plan(GAME, plan_insert(GAME, entry, entry.project_path, cursor_line=cursor))
    compile(program, "game.py", "exec")
    result = run_with_library_files(program, frames=30, seconds=20, fast_clock=True)
    assert (result.exit, result.frames, result.error) == ("ok", 30, None)
