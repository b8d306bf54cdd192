"""Make the real corpus's placeholders (pictures, sounds, fonts made here, never the author's) from index.json.

    python3 tools/real_corpus_placeholders.py [PROGRAMS] [--index INDEX] [--force]

Each entry of tests/diagnosis/real_corpus/index.json names, in `placeholders`, the files its program
loads that were not taken from its author: a picture, a sound or a font. This script writes them
beside the program (PROGRAMS/<folder of the entry's file>/<name>), so the programs run as they were
measured. It never touches the network and never overwrites a file unless --force (a file that came
from the author's repository stays theirs). PROGRAMS defaults to KIDCODER_REAL_CORPUS_PROGRAMS, else
tests/diagnosis/real_corpus/programs.

What is made, by the name's ending:
- a picture (.png .jpg .jpeg .bmp .gif .tga): 64x64, a coloured disc on a darker square, its colour
  taken from the name (so two pictures of one program differ); saved by pygame as PNG, JPEG, BMP or
  TGA, and as PNG bytes under .gif (pygame cannot write GIF; SDL_image reads a picture by its bytes);
- a sound: for .wav (and any ending pygame ships no example of), half a second of silence, mono
  16-bit WAV at 22050 Hz written with the `wave` module; for .ogg, .mp3 and .mid a copy of pygame's
  own example sound of that format (examples/data/house_lo.ogg, house_lo.mp3, MIDI_sample.mid),
  because pygame.mixer.music.load picks the decoder by the name's ending and refuses WAV bytes
  under .ogg or .mp3 (pygame.mixer.Sound reads any of them by its bytes). A .mid still needs a MIDI
  player (timidity.cfg or a sound font) to load; without one the program stops there, as it would
  on a child's machine without one;
- a font (.ttf .otf): a copy of pygame's own freesansbold.ttf.
A note after the name, as in "background.mid (replaced: unreadable here)", is left out of the file name.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import wave
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT / "tests" / "diagnosis" / "real_corpus" / "index.json"
PICTURES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tga"}
FONTS = {".ttf", ".otf"}
SIZE = 64
RATE = 22050
EXAMPLE_SOUNDS = {".ogg": "house_lo.ogg", ".mp3": "house_lo.mp3", ".mid": "MIDI_sample.mid", ".midi": "MIDI_sample.mid"}


def placeholder_name(entry: str) -> str:
    """The file name an index placeholder names (without its note in brackets)."""
    return entry.split(" (", 1)[0].strip()


def kind_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return "picture" if suffix in PICTURES else "font" if suffix in FONTS else "sound"


def colour_of(name: str) -> tuple:
    """A bright colour that depends only on the name (the same on every run)."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return tuple(80 + digest[i] % 176 for i in range(3))


def write_picture(path: Path) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    colour = colour_of(path.name)
    surface = pygame.Surface((SIZE, SIZE))
    surface.fill(tuple(c // 3 for c in colour))
    pygame.draw.circle(surface, colour, (SIZE // 2, SIZE // 2), SIZE // 2 - 4)
    suffix = path.suffix.lower()
    if suffix in (".png", ".jpg", ".jpeg", ".bmp", ".tga"):
        pygame.image.save(surface, str(path))
    else:   # .gif: pygame writes no GIF; PNG bytes under the name load the same way
        scratch = path.with_name(path.name + ".tmp.png")
        pygame.image.save(surface, str(scratch))
        scratch.replace(path)


def write_silence(path: Path, seconds: float = 0.5) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"\x00\x00" * int(RATE * seconds))


def pygame_font() -> Path:
    import pygame

    return Path(pygame.__file__).parent / "freesansbold.ttf"


def pygame_example_sound(suffix: str):
    """pygame's own example sound in this format, or None (then a silent WAV is written)."""
    import pygame

    name = EXAMPLE_SOUNDS.get(suffix.lower())
    path = Path(pygame.__file__).parent / "examples" / "data" / name if name else None
    return path if path is not None and path.is_file() else None


def write_sound(path: Path) -> None:
    example = pygame_example_sound(path.suffix)
    if example is not None:
        shutil.copyfile(example, path)
    else:
        write_silence(path)


def write_font(path: Path) -> None:
    shutil.copyfile(pygame_font(), path)


WRITERS = {"picture": write_picture, "sound": write_sound, "font": write_font}


def planned(index: dict, programs: Path) -> List[Dict[str, str]]:
    """Every placeholder file the index names: where it goes and what kind it is (one per path)."""
    seen, plan = set(), []
    for entry in index["programs"]:
        folder = programs / Path(entry["file"]).parent
        for raw in entry.get("placeholders", []):
            name = placeholder_name(raw)
            target = folder / name
            if str(target) not in seen:
                seen.add(str(target))
                plan.append({"id": entry["id"], "path": str(target), "kind": kind_of(name)})
    return plan


def make(index: dict, programs: Path, force: bool = False) -> Dict[str, int]:
    """Write the placeholders; the counts of made and kept (already there) files."""
    counts = {"made": 0, "kept": 0}
    for item in planned(index, programs):
        target = Path(item["path"])
        if target.exists() and not force:
            counts["kept"] += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        WRITERS[item["kind"]](target)
        counts["made"] += 1
    return counts


def default_programs() -> Path:
    """The benchmark's own folder for the programs (one rule for the tools and `kidcoder bench`)."""
    sys.path.insert(0, str(ROOT))       # this checkout's kidcoder, installed or not
    from kidcoder.bench.hint_real import programs_folder

    return programs_folder(INDEX.parent)


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="?", type=Path, default=None)
    parser.add_argument("--index", type=Path, default=INDEX)
    parser.add_argument("--force", action="store_true", help="write over files that are already there")
    args = parser.parse_args(argv)
    index = json.loads(args.index.read_text(encoding="utf-8"))
    counts = make(index, args.programs or default_programs(), force=args.force)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
