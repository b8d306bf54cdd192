"""Library files copied into a child's project: relative paths, never overwriting, credits for the pictures."""
from kidcoder.making import library
from kidcoder.making.project_files import (CREDITS, copy_into_project, copy_library_files, library_files_in,
                                           missing_library_files, run_with_library_files)

CAT = library.find(library.PICTURE, "cat")
JUMP = library.find(library.SOUND, "jump")


def test_a_picture_goes_into_images_and_a_sound_into_sounds(tmp_path):
    assert copy_into_project(CAT, tmp_path) == "images/cat.png"
    assert copy_into_project(JUMP, tmp_path) == "sounds/jump.wav"
    assert (tmp_path / "images" / "cat.png").read_bytes() == CAT.source.read_bytes()
    assert (tmp_path / "sounds" / "jump.wav").read_bytes() == JUMP.source.read_bytes()
    assert "CC-BY 4.0" in (tmp_path / "images" / CREDITS).read_text(encoding="utf-8")
    assert not (tmp_path / "sounds" / CREDITS).exists(), "our own sounds need no credit"
    assert sorted(p.name for p in (tmp_path / "images").iterdir()) == [CREDITS, "cat.png"], "no temporary files left"


def test_copying_again_reuses_the_same_file(tmp_path):
    assert copy_into_project(CAT, tmp_path) == copy_into_project(CAT, tmp_path) == "images/cat.png"
    assert sorted(p.name for p in (tmp_path / "images").iterdir()) == [CREDITS, "cat.png"]


def test_a_childs_own_file_with_the_same_name_is_never_overwritten(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "cat.png").write_bytes(b"my own drawing")
    (tmp_path / "images" / CREDITS).write_text("my credits", encoding="utf-8")
    assert copy_into_project(CAT, tmp_path) == "images/cat_2.png"
    assert (tmp_path / "images" / "cat.png").read_bytes() == b"my own drawing"
    assert (tmp_path / "images" / CREDITS).read_text(encoding="utf-8") == "my credits"
    assert copy_into_project(CAT, tmp_path) == "images/cat_2.png"


def test_the_library_files_a_program_names():
    source = ('cat = pygame.image.load("images/cat.png")\nsnd = pygame.mixer.Sound(\'sounds/jump.wav\')\n'
              'again = "images/cat.png"\nmine = pygame.image.load("images/my_drawing.png")\nnot_a_file = "cat.png"\n')
    assert library_files_in(source) == [CAT, JUMP]


def test_copy_library_files_copies_only_what_is_missing(tmp_path):
    source = 'a = "images/cat.png"\nb = "sounds/jump.wav"\n'
    assert missing_library_files(source, tmp_path) == [CAT, JUMP]
    assert copy_library_files(source, tmp_path) == ["images/cat.png", "sounds/jump.wav"]
    assert missing_library_files(source, tmp_path) == []
    assert copy_library_files(source, tmp_path) == []


def test_a_program_runs_with_the_library_files_it_names_and_fails_without_them():
    program = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 200))\n"
               "cat = pygame.image.load('images/cat.png').convert_alpha()\n"
               "jump = pygame.mixer.Sound('sounds/jump.wav')\n"
               "for frame in range(30):\n    screen.blit(cat, (0, 0))\n    pygame.display.flip()\n")
    result = run_with_library_files(program, frames=20, seconds=20, fast_clock=True)
    assert (result.exit, result.error) == ("ok", None)
    missing = run_with_library_files(program.replace("cat.png", "kat.png"), frames=20, seconds=20, fast_clock=True)
    assert missing.exit == "error" and missing.error["type"] == "FileNotFoundError"
