"""The picture and sound library: the catalog is complete, the files are real, the search finds what children type."""
import json
import struct
import wave

import pygame
import pytest

from kidcoder import paths
from kidcoder.making import library, nouns

PICTURES = library.pictures()
SOUNDS = library.sounds()
PICTURE_SIZES = (20, 24, 28, 36, 40, 44, 52, 60, 64, 128)  # every size templates, examples and the picker use


def test_there_are_enough_pictures_and_sounds():
    assert len(PICTURES) >= 150
    effects = [sound for sound in SOUNDS if sound.role == "effect"]
    loops = [sound for sound in SOUNDS if sound.role == "loop"]
    assert len(effects) >= 20 and 2 <= len(loops) <= 3
    wanted = {"jump", "coin", "hit", "laser", "explosion", "win", "lose", "click", "bounce", "power_up"}
    assert wanted <= {sound.id for sound in effects}


def test_the_pictures_children_ask_for_are_there():
    wanted = ("cat dog fish bone pig monkey banana rocket alien moon star car dragon knight ghost robot apple heart "
              "coin tree").split()
    assert set(wanted) <= {picture.id for picture in PICTURES}
    groups = {picture.group for picture in PICTURES}
    assert {"animals", "people", "food", "vehicles", "space", "sports", "nature", "buildings", "fantasy"} <= groups


@pytest.mark.parametrize("entry", PICTURES + SOUNDS, ids=lambda entry: entry.file)
def test_every_entry_has_names_in_both_languages_tags_and_a_file(entry):
    assert entry.en and entry.es and entry.tags
    assert all(name.strip() == name and name for name in entry.en + entry.es)
    assert entry.source.is_file()
    assert entry.project_path == f"{library.FOLDERS[entry.kind]}/{entry.file}"


def test_ids_and_files_are_unique_and_nothing_else_is_shipped():
    for kind, folder, suffix in ((library.PICTURE, "pictures", ".png"), (library.SOUND, "sounds", ".wav")):
        entries = library.entries(kind)
        assert len({entry.id for entry in entries}) == len(entries)
        shipped = {path.name for path in (paths.assets_dir() / folder).glob(f"*{suffix}")}
        assert shipped == {entry.file for entry in entries}


def test_the_licence_and_the_attribution_ship_with_the_pictures():
    folder = paths.assets_dir() / "pictures"
    assert "Attribution 4.0 International" in (folder / "LICENSE-GRAPHICS.txt").read_text(encoding="utf-8")
    attribution = (folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Twemoji" in attribution and "CC-BY 4.0" in attribution
    assert "CC0" in (paths.assets_dir() / "sounds" / "ATTRIBUTION.md").read_text(encoding="utf-8")
    about = json.loads((folder / "pictures.json").read_text(encoding="utf-8"))["about"]
    assert "tools/build_pictures.py" in about


@pytest.fixture(scope="module")
def display():
    pygame.init()
    yield pygame.display.set_mode((100, 100))
    pygame.quit()


@pytest.mark.parametrize("entry", PICTURES, ids=lambda entry: entry.id)
def test_every_picture_loads_with_pygame_at_every_size_used(entry, display):
    picture = pygame.image.load(str(entry.source)).convert_alpha()
    assert picture.get_size() == (128, 128)
    solid = picture.get_bounding_rect(min_alpha=128)
    assert solid.width >= 40 and solid.height >= 40, "the picture shows something big enough to see"
    for size in PICTURE_SIZES:
        scaled = pygame.transform.smoothscale(picture, (size, size))
        assert scaled.get_bounding_rect(min_alpha=100).width > size // 4


def _samples(path):
    with wave.open(str(path)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, 22050)
        count = sound.getnframes()
        return struct.unpack(f"<{count}h", sound.readframes(count))


@pytest.mark.parametrize("entry", SOUNDS, ids=lambda entry: entry.id)
def test_every_sound_is_short_loud_enough_never_clipped_and_never_silent(entry):
    samples = _samples(entry.source)
    seconds = len(samples) / 22050
    if entry.role == "loop":
        assert 2.0 <= seconds <= 8.0
    else:
        assert 0.02 <= seconds <= 1.5
    peak = max(abs(value) for value in samples) / 32767
    assert 0.25 <= peak <= 0.9, "loud enough, with room to spare"
    assert sum(1 for value in samples if abs(value) >= 32000) == 0, "no clipping"
    window = max(1, int(0.02 * 22050))  # 20 ms
    loud = [max(abs(value) for value in samples[start:start + window]) > 1000
            for start in range(0, len(samples), window)]
    assert loud[0], "it starts at once"
    assert sum(loud) / len(loud) >= 0.5, "no long silence inside"
    quiet_run = longest = 0
    for is_loud in loud:
        quiet_run = 0 if is_loud else quiet_run + 1
        longest = max(longest, quiet_run)
    assert longest * 0.02 <= (0.25 if entry.role == "loop" else 0.2)


def test_every_sound_loads_and_plays_with_pygame_on_the_dummy_driver(display):
    pygame.mixer.init()
    for entry in SOUNDS:
        sound = pygame.mixer.Sound(str(entry.source))
        assert abs(sound.get_length() - len(_samples(entry.source)) / 22050) < 0.05
        sound.play()
    pygame.mixer.music.load(str(library.find(library.SOUND, "loop_happy").source))
    pygame.mixer.music.play(-1)
    pygame.mixer.music.stop()


@pytest.mark.parametrize("query,lang,first", [
    ("cat", "en", "cat"), ("kitten", "en", "cat"), ("gatitos", "es", "cat"), ("GATO", "es", "cat"),
    ("pinguino", "es", "penguin"), ("pingüinos", "es", "penguin"), ("peces", "es", "fish"),
    ("gat", "es", "cat"), ("elefent", "en", "elephant"), ("ice cream", "en", "ice_cream"),
    ("helado", "es", "ice_cream"), ("cherries", "en", "cherry"), ("huesos", "es", "bone"),
    ("nave", "es", "rocket"), ("luna", "es", "moon"), ("dragón", "es", "dragon"),
])
def test_picture_search_by_name_in_both_languages(query, lang, first):
    assert library.search(query, library.PICTURE, lang)[0].id == first


def test_picture_search_by_tag_finds_many_and_an_empty_query_finds_all():
    fruit = {entry.id for entry in library.search("fruta", library.PICTURE, "es")}
    assert {"apple", "banana", "strawberry", "grapes"} <= fruit
    assert "cat" not in fruit
    assert len(library.search("", library.PICTURE)) == len(PICTURES)
    assert library.search("zzzz", library.PICTURE) == []
    assert len(library.search("a", library.PICTURE, limit=5)) <= 5


@pytest.mark.parametrize("query,lang,first", [
    ("jump", "en", "jump"), ("salto", "es", "jump"), ("moneda", "es", "coin"), ("explosión", "es", "explosion"),
    ("music", "en", "loop_happy"), ("musica", "es", "loop_happy"), ("pew", "en", "laser"),
])
def test_sound_search(query, lang, first):
    assert library.search(query, library.SOUND, lang)[0].id == first


def test_best_match_for_made_games():
    assert library.best_match("kittens").id == "cat"
    assert library.best_match("hound").id == "dog"
    assert library.best_match("tractores").id == "tractor"
    assert library.best_match("antes") is None, "a Spanish word is not an English plural"
    assert library.best_match("blorg") is None
    assert library.name_match("calabazas") == (library.find(library.PICTURE, "pumpkin"), "es")


def test_every_known_noun_has_a_picture():
    missing = [noun.key for noun in nouns.NOUNS if nouns.picture_of(noun) is None]
    assert missing == []
    assert nouns.picture_of(nouns.noun_by_key("ship")).id == "rocket"
    assert nouns.picture_of(nouns.named_shape("zorp")) is None


def test_a_thing_only_the_library_knows_is_a_noun_in_the_right_language():
    noun, lang = nouns.library_noun("búhos")
    assert (noun.key, lang) == ("owl", "es") and noun.kind == "character"
    assert nouns.library_noun("hound")[0] is nouns.noun_by_key("dog")
    assert nouns.library_noun("zorp") is None


def _tool(name):
    import importlib.util
    import sys

    folder = paths.assets_dir().parent / "tools"
    if not (folder / f"{name}.py").is_file():
        pytest.skip("the build tools are in a checkout only")
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(folder))


def test_the_sound_tool_makes_exactly_the_shipped_sounds(tmp_path):
    assert _tool("build_sounds").build(tmp_path) == len(SOUNDS)
    for entry in SOUNDS:
        assert (tmp_path / entry.file).read_bytes() == entry.source.read_bytes(), entry.file
    assert (tmp_path / "sounds.json").read_text(encoding="utf-8") == \
        (paths.assets_dir() / "sounds" / "sounds.json").read_text(encoding="utf-8")


def test_the_picture_catalog_is_what_the_picture_table_says():
    rows = _tool("build_pictures").parse_table()
    shipped = json.loads((paths.assets_dir() / "pictures" / "pictures.json").read_text(encoding="utf-8"))["pictures"]
    assert [(row["id"], row["twemoji"], row["en"], row["es"], row["tags"], row["kind"]) for row in rows] == \
        [(item["id"], item["twemoji"], item["en"], item["es"], item["tags"], item["kind"]) for item in shipped]
