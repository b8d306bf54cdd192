"""Make KidCoder's sound library: assets/sounds/*.wav and assets/sounds/sounds.json.

    python3 tools/build_sounds.py

A tiny sfxr-style synthesizer (standard library only): each sound is a few
voices (square, saw, triangle, sine or noise), each with a pitch that slides,
an optional vibrato, a quick attack and a release, mixed and scaled to the
same loudness. The output is mono 16-bit WAV at 22050 Hz: every pygame loads
it, with no codec. Noise uses a fixed seed, so the files come out the same on
every run. We made these sounds ourselves and give them away: CC0.
"""
from __future__ import annotations

import json
import math
import random
import struct
import sys
import wave
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "sounds"
RATE = 22050
PEAK = 0.8  # no sound is louder than this share of full scale: never clipped
LOUDNESS = 0.3  # and none is "louder" (root mean square) than this, so a square wave does not blast
NOTES = {name: index for index, name in enumerate("C C# D D# E F F# G G# A A# B".split())}


def note(name: str) -> float:
    """The frequency of a note such as "A4" or "C#5"."""
    pitch, octave = name[:-1], int(name[-1])
    return 440.0 * 2 ** ((NOTES[pitch] + 12 * (octave + 1) - 69) / 12)


def voice(wave_kind: str, seconds: float, start_hz: float, end_hz: Optional[float] = None,
          attack: float = 0.005, release: float = 0.05, duty: float = 0.5, vibrato: Tuple[float, float] = (0, 0),
          volume: float = 1.0, lowpass: Optional[float] = None, seed: int = 1) -> List[float]:
    """One sound: a waveform whose pitch slides from start_hz to end_hz (exponentially), with an envelope.

    vibrato is (how many times a second, how far: 0.05 = 5 %); lowpass (0..1) softens noise.
    """
    end_hz = start_hz if end_hz is None else end_hz
    total = max(1, int(seconds * RATE))
    rng = random.Random(seed)
    samples: List[float] = []
    phase = 0.0
    noise_value = rng.uniform(-1, 1)
    smooth = 0.0
    for index in range(total):
        t = index / RATE
        share = index / total
        freq = start_hz * (end_hz / start_hz) ** share
        if vibrato[1]:
            freq *= 1 + vibrato[1] * math.sin(2 * math.pi * vibrato[0] * t)
        phase += freq / RATE
        if phase >= 1.0:
            phase -= int(phase)
            noise_value = rng.uniform(-1, 1)
        if wave_kind == "square":
            value = 1.0 if phase < duty else -1.0
        elif wave_kind == "saw":
            value = 2.0 * phase - 1.0
        elif wave_kind == "triangle":
            value = 4.0 * abs(phase - 0.5) - 1.0
        elif wave_kind == "sine":
            value = math.sin(2 * math.pi * phase)
        else:
            value = noise_value
        if lowpass is not None:
            smooth += lowpass * (value - smooth)
            value = smooth
        envelope = min(1.0, t / attack) if attack else 1.0
        left = seconds - t
        if left < release:
            envelope *= max(0.0, left / release)
        samples.append(value * envelope * volume)
    return samples


def decaying(samples: List[float], power: float = 1.0) -> List[float]:
    """The sound fading out from full to nothing (power > 1 fades faster at the start)."""
    count = len(samples)
    return [value * (1 - index / count) ** power for index, value in enumerate(samples)]


def mix(*parts: Sequence[float]) -> List[float]:
    """Voices played together."""
    out = [0.0] * max(len(part) for part in parts)
    for part in parts:
        for index, value in enumerate(part):
            out[index] += value
    return out


def then(*parts: Sequence[float]) -> List[float]:
    """Voices played one after another."""
    out: List[float] = []
    for part in parts:
        out.extend(part)
    return out


def tune(notes: str, beat: float, wave_kind: str = "square", volume: float = 1.0, duty: float = 0.5,
         release_share: float = 0.35) -> List[float]:
    """A melody: "C5:1 E5:1 G5:2 -:1" (note or - for a rest, then its length in beats)."""
    out: List[float] = []
    for token in notes.split():
        name, beats = token.split(":")
        seconds = float(beats) * beat
        if name == "-":
            out.extend([0.0] * int(seconds * RATE))
        else:
            out.extend(voice(wave_kind, seconds, note(name), attack=0.004, release=seconds * release_share,
                             duty=duty, volume=volume))
    return out


def effects() -> dict:
    """Every short sound effect by id."""
    arpeggio = lambda names, each, kind="square": then(*(voice(kind, each, note(n), release=each * 0.3)  # noqa: E731
                                                         for n in names))
    return {
        "jump": voice("square", 0.25, 280, 620, release=0.08, duty=0.25),
        "coin": then(voice("square", 0.07, note("B5"), release=0.0), decaying(voice("square", 0.3, note("E6")))),
        "hit": mix(decaying(voice("noise", 0.18, 1800, 600, release=0.02, seed=3)),
                   decaying(voice("square", 0.18, 220, 70, volume=0.6))),
        "laser": voice("saw", 0.22, 1500, 180, release=0.05, vibrato=(30, 0.05)),
        "explosion": decaying(voice("noise", 0.9, 900, 80, attack=0.002, release=0.2, lowpass=0.35, seed=7), 1.5),
        "win": then(arpeggio(["C5", "E5", "G5"], 0.1), decaying(voice("square", 0.45, note("C6"), duty=0.25,
                                                                       vibrato=(6, 0.01)))),
        "lose": then(arpeggio(["G4", "F#4", "F4"], 0.2, "triangle"),
                     voice("triangle", 0.6, note("E4"), note("D4"), release=0.25, vibrato=(7, 0.03))),
        "click": voice("square", 0.035, 1300, 900, attack=0.001, release=0.015),
        "bounce": voice("sine", 0.3, 180, 520, release=0.1, vibrato=(18, 0.08)),
        "power_up": then(*(voice("square", 0.06, 300 * 1.25 ** step, 330 * 1.25 ** step, release=0.01, duty=0.25)
                           for step in range(8)), voice("square", 0.18, 1800, 1900, release=0.12, duty=0.25)),
        "shoot": mix(decaying(voice("noise", 0.12, 3000, 800, seed=11), 2),
                     decaying(voice("square", 0.12, 900, 300, volume=0.5))),
        "pop": voice("sine", 0.08, 900, 180, attack=0.001, release=0.03),
        "hurt": mix(voice("square", 0.22, 420, 140, release=0.06),
                    decaying(voice("noise", 0.22, 2000, 500, volume=0.4, seed=5))),
        "pickup": then(voice("sine", 0.07, note("A5"), release=0.01), voice("sine", 0.16, note("E6"), release=0.1)),
        "bonk": voice("triangle", 0.14, 170, 70, attack=0.001, release=0.06),
        "zap": voice("saw", 0.3, 2200, 120, release=0.06, vibrato=(45, 0.2)),
        "alarm": then(*(voice("square", 0.12, note("A5") if step % 2 == 0 else note("E5"), release=0.02)
                        for step in range(6))),
        "ding": decaying(mix(voice("sine", 0.9, note("E6"), release=0.1),
                             voice("sine", 0.9, note("E7"), volume=0.3, release=0.1)), 2),
        "buzz": voice("saw", 0.45, 110, 100, release=0.08, vibrato=(12, 0.03)),
        "step": decaying(voice("noise", 0.06, 700, 300, attack=0.001, lowpass=0.4, seed=13), 2),
        "magic": mix(then(*(voice("sine", 0.07, note(n), release=0.03, vibrato=(9, 0.02))
                            for n in ["C6", "E6", "G6", "B6", "D7", "G6", "B6", "D7"])),
                     decaying(voice("sine", 0.56, note("C5"), volume=0.4, release=0.1))),
        "teleport": then(voice("square", 0.25, 200, 1600, release=0.0, duty=0.3, vibrato=(25, 0.1)),
                         voice("square", 0.25, 1600, 200, release=0.1, duty=0.3, vibrato=(25, 0.1))),
        "level_up": then(arpeggio(["G4", "C5", "E5", "G5", "E5", "G5"], 0.09),
                         voice("square", 0.45, note("C6"), release=0.3, duty=0.25, vibrato=(6, 0.01))),
        "beep": voice("square", 0.15, 880, release=0.03, duty=0.25),
        "splash": decaying(voice("noise", 0.55, 2500, 600, attack=0.01, lowpass=0.5, seed=17), 1.3),
        "whoosh": voice("noise", 0.45, 400, 2500, attack=0.2, release=0.24, lowpass=0.15, seed=19),
    }


BEAT = 0.25  # seconds: 240 beats a minute, so each loop is 4 seconds of 16 beats


def loops() -> dict:
    """The music that repeats: a tune over a bass line, each 16 beats long, ending where it began."""
    happy = mix(tune("C5:1 E5:1 G5:1 E5:1 F5:1 A5:1 G5:2 E5:1 G5:1 C6:1 G5:1 D5:1 F5:1 E5:1 C5:1", BEAT,
                     duty=0.25, volume=0.5),
                tune("C3:2 G3:2 F3:2 C3:2 A2:2 E3:2 G2:2 C3:2", BEAT, "triangle", volume=0.8))
    space = mix(tune("A4:1 C5:1 E5:1 A5:1 G4:1 B4:1 E5:1 G5:1 F4:1 A4:1 C5:1 F5:1 E4:1 G#4:1 B4:1 E5:1", BEAT,
                     "sine", volume=0.6, release_share=0.8),
                tune("A2:4 G2:4 F2:4 E2:4", BEAT, "triangle", volume=0.7, release_share=0.2))
    chase = mix(tune("E5:1 -:1 E5:1 G5:1 E5:1 D5:1 B4:2 E5:1 -:1 E5:1 A5:1 G5:1 F#5:1 D5:2", BEAT, duty=0.5,
                     volume=0.4),
                tune(" ".join(["E2:1 E3:1"] * 4 + ["D2:1 D3:1"] * 2 + ["B1:1 B2:1"] * 2), BEAT, "square",
                     duty=0.25, volume=0.5))
    return {"loop_happy": happy, "loop_space": space, "loop_chase": chase}


# id -> (English names, Spanish names, tags)
NAMES = {
    "jump": ("jump; hop; boing", "salto; saltar; brinco", "player; jugador; platform; plataforma"),
    "coin": ("coin; money; collect", "moneda; dinero; recoger", "score; puntos; treasure; tesoro"),
    "hit": ("hit; punch; smack", "golpe; golpear; pegar", "fight; pelea"),
    "laser": ("laser; laser gun; pew", "láser; pistola láser", "space; espacio; shoot; disparar"),
    "explosion": ("explosion; boom; blast", "explosión; bum; estallido", "bomb; bomba; space; espacio"),
    "win": ("win; victory; you win", "ganar; victoria; has ganado", "end; fin; happy; alegre"),
    "lose": ("lose; game over; fail", "perder; fin del juego; has perdido", "end; fin; sad; triste"),
    "click": ("click; tap; button", "clic; toque; botón", "mouse; ratón; menu; menú"),
    "bounce": ("bounce; boing; spring", "rebote; rebotar; muelle", "ball; pelota"),
    "power_up": ("power up; power-up; upgrade", "poder; potenciador; mejora", "magic; magia; star; estrella"),
    "shoot": ("shoot; shot; fire; pew", "disparo; disparar; tiro", "space; espacio; gun; arma"),
    "pop": ("pop; bubble pop", "pop; explotar burbuja; plop", "bubble; burbuja; balloon; globo"),
    "hurt": ("hurt; ouch; damage", "dolor; ay; daño", "player; jugador; life; vida"),
    "pickup": ("pickup; pick up; get item", "recoger; coger; objeto", "collect; coleccionar"),
    "bonk": ("bonk; bump; knock", "porrazo; chocar; toc", "wall; pared; head; cabeza"),
    "zap": ("zap; electric; shock", "chispazo; descarga; eléctrico", "lightning; rayo; robot"),
    "alarm": ("alarm; siren; warning", "alarma; sirena; aviso", "danger; peligro; police; policía"),
    "ding": ("ding; bell; right answer; correct", "ding; campana; acierto; correcto", "quiz; concurso"),
    "buzz": ("buzz; wrong; wrong answer; error", "zumbido; error; respuesta mala; mal", "quiz; concurso"),
    "step": ("step; footstep; walk", "paso; pisada; caminar", "player; jugador"),
    "magic": ("magic; sparkle; spell", "magia; hechizo; brillo", "wizard; mago; fairy; hada"),
    "teleport": ("teleport; warp; portal", "teletransporte; portal; viaje", "space; espacio; magic; magia"),
    "level_up": ("level up; next level; fanfare", "subir de nivel; siguiente nivel; fanfarria", "win; ganar"),
    "beep": ("beep; bleep; robot beep", "pitido; bip", "robot; computer; computadora"),
    "splash": ("splash; water; dive", "chapuzón; salpicar; agua", "sea; mar; fish; pez"),
    "whoosh": ("whoosh; swoosh; wind; swing", "silbido; zas; viento", "fast; rápido; sword; espada"),
    "loop_happy": ("happy music; happy tune; music", "música alegre; canción alegre; música", "loop; bucle; song"),
    "loop_space": ("space music; calm music; music", "música del espacio; música tranquila; música",
                   "loop; bucle; song; space; espacio"),
    "loop_chase": ("chase music; fast music; action music; music", "música de persecución; música rápida; música",
                   "loop; bucle; song; action; acción"),
}


def scaled(samples: List[float]) -> List[int]:
    """16-bit samples, as loud as PEAK and LOUDNESS allow."""
    loudest = max(abs(value) for value in samples) or 1.0
    power = math.sqrt(sum(value * value for value in samples) / len(samples)) or 1.0
    gain = min(PEAK / loudest, LOUDNESS / power)
    return [int(round(value * gain * 32767)) for value in samples]


def write_wav(path: Path, samples: List[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *scaled(samples)))


def _split(text: str) -> list:
    return [part.strip() for part in text.split(";") if part.strip()]


def build(out: Path = OUT) -> int:
    """Write every sound and sounds.json into out/; returns how many sounds."""
    out.mkdir(parents=True, exist_ok=True)
    made = [(ident, samples, False) for ident, samples in effects().items()]
    made += [(ident, samples, True) for ident, samples in loops().items()]
    entries = []
    for ident, samples, is_loop in made:
        write_wav(out / f"{ident}.wav", samples)
        english, spanish, tags = NAMES[ident]
        entries.append({"id": ident, "file": f"{ident}.wav", "en": _split(english), "es": _split(spanish),
                        "tags": _split(tags), "kind": "loop" if is_loop else "effect",
                        "seconds": round(len(samples) / RATE, 3)})
    catalog = {"about": "KidCoder's sound library, made by tools/build_sounds.py (our own synthesizer; CC0: see "
                        "ATTRIBUTION.md). Do not edit by hand: change the tool and run it again.",
               "rate": RATE, "sounds": entries}
    (out / "sounds.json").write_text(json.dumps(catalog, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


if __name__ == "__main__":
    print(f"{build()} sounds in {OUT}")
    sys.exit(0)
