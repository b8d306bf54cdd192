"""pippy.sound: Pippy's note functions, played through pygame's mixer.

Notes are collected first (playSine, playSquare, playPluck, playWave ...), with a
start time and a length in seconds; audioOut() then mixes them into one sound and
plays it, waiting until it ends, or writes it to a .wav file. Amplitudes are
16-bit sample values (5000 is medium loud), as in Pippy. The samples are made in
plain Python at 16000 a second, so a short tune is ready quickly even on an XO.
Written for KidCoder; the names and meanings follow Pippy's library.
"""
import io
import math
import os
import random
import sys
import time
import wave

RATE = 16000
TABLE_SIZE = 2048
LOUDEST = 32767
SOUND_FOLDERS = ("sounds", ".")
SOUND_ENDINGS = ("", ".wav", ".ogg", ".mp3")

_notes = []           # synthesised notes: dicts made by _add()
_wave_notes = []      # sound files: (start, duration, path, amplitude, loop)
_tables = {}
_table_numbers = [100]


def _harmonics(weights):
    """One cycle of a wave made of harmonics with these strengths (1st, 2nd, 3rd ...), peak 1."""
    values = [sum(w * math.sin(2 * math.pi * (k + 1) * i / TABLE_SIZE) for k, w in enumerate(weights) if w)
              for i in range(TABLE_SIZE)]
    peak = max(abs(v) for v in values) or 1.0
    return [v / peak for v in values]


def _segments(points):
    """A table from a start value and (length, value) pairs, joined by straight lines."""
    values = [float(points[0])]
    pairs = list(zip(points[1::2], points[2::2]))
    total = sum(float(length) for length, _ in pairs) or 1.0
    table = []
    for length, target in pairs:
        steps = max(1, int(round(TABLE_SIZE * float(length) / total)))
        start = values[-1]
        table += [start + (float(target) - start) * i / steps for i in range(steps)]
        values.append(float(target))
    table = (table + [values[-1]] * TABLE_SIZE)[:TABLE_SIZE]
    return table


_BUILT_IN = {
    1: lambda: _harmonics([1]),                                            # sine
    2: lambda: _harmonics([1.0 / n if n % 2 else 0 for n in range(1, 10)]),  # square: odd harmonics
    3: lambda: _harmonics([1.0 / n for n in range(1, 11)]),                # sawtooth
    10: lambda: _harmonics([1, 0, 0, .3, 0, .2, 0, 0, .1]),                # the default complex wave
    99: lambda: [1.0] * TABLE_SIZE,                                        # pitch stays the same
    100: lambda: _segments([0, 10, 1, 1900, 1, 138, 0]),                   # quick start, soft end
}


def _table(number):
    """A wave or shape by number: a built-in one (made when first used) or one a def...() made."""
    try:
        number = int(number)
    except (ValueError, TypeError):
        number = None
    if number not in _tables and number in _BUILT_IN:
        _tables[number] = _BUILT_IN[number]()
    if number not in _tables:
        raise ValueError("There is no sound shape number %r. Make one with defAdsr, defLineSegments "
                         "or defComplexWave." % (number,))
    return _tables[number]


def _new_table(values):
    _table_numbers[0] += 1
    _tables[_table_numbers[0]] = values
    return _table_numbers[0]


def defAdsr(attack=0.01, decay=0.1, sustain=0.8, release=0.1):
    """A loudness shape: rise (attack), fall to sustain (decay), hold, then fade (release).
    The times are parts of the note (0.1 is a tenth). Returns its number for amplitude_envelope."""
    sustain = min(1.0, float(sustain))
    hold = max(0.0, 1.0 - (attack + decay + release))
    return _new_table(_segments([0, attack, 1, decay, sustain, hold, sustain, release, 0]))


def defLineSegments(list=[0, 10, 1, 10, 0, 10, 1, 10, 0]):  # noqa: A002 (Pippy's own argument name)
    """A shape from a start value and (length, value) pairs. Returns its number."""
    return _new_table(_segments(list))


def defComplexWave(list=[1, 0, 0, .3, 0, .2, 0, 0, .1]):  # noqa: A002
    """A wave made of harmonics with these strengths, for playComplex(wave=...). Returns its number."""
    return _new_table(_harmonics(list))


def _envelope(value, default):
    return default if value == "default" else value


def _add(kind, pitch, amplitude, duration, starttime, pitch_envelope, amplitude_envelope, **extra):
    note = {"kind": kind, "pitch": float(pitch), "amplitude": float(amplitude), "duration": float(duration),
            "start": float(starttime), "pitch_env": _table(_envelope(pitch_envelope, 99)),
            "amp_env": _table(_envelope(amplitude_envelope, 100))}
    note.update(extra)
    _notes.append(note)


def playSine(pitch=1000, amplitude=5000, duration=1, starttime=0, pitch_envelope="default",
             amplitude_envelope="default"):
    """Add a sine tone (pitch in Hz, length and start in seconds)."""
    _add("wave", pitch, amplitude, duration, starttime, pitch_envelope, amplitude_envelope, wave=_table(1))


def playSquare(pitch=1000, amplitude=5000, duration=1, starttime=0, pitch_envelope="default",
               amplitude_envelope="default"):
    """Add a square-wave tone."""
    _add("wave", pitch, amplitude, duration, starttime, pitch_envelope, amplitude_envelope, wave=_table(2))


def playSawtooth(pitch=1000, amplitude=5000, duration=1, starttime=0, pitch_envelope="default",
                 amplitude_envelope="default"):
    """Add a sawtooth-wave tone."""
    _add("wave", pitch, amplitude, duration, starttime, pitch_envelope, amplitude_envelope, wave=_table(3))


def playComplex(pitch=1000, amplitude=5000, duration=1, starttime=0, pitch_envelope="default",
                amplitude_envelope="default", wave="default"):
    """Add a tone of a wave made with defComplexWave (or the default one)."""
    _add("wave", pitch, amplitude, duration, starttime, pitch_envelope, amplitude_envelope,
         wave=_table(_envelope(wave, 10)))


def playFrequencyModulation(pitch=500, amplitude=5000, duration=2, starttime=0, carrier=1, modulator=.5,
                            index=5, pitch_envelope="default", amplitude_envelope="default",
                            carrier_envelope="default", modulator_envelope="default",
                            index_envelope="default", wave="default"):
    """Add an FM tone: a carrier wave whose pitch is wobbled by a modulator wave."""
    _add("fm", pitch, amplitude, duration, starttime, pitch_envelope, amplitude_envelope,
         wave=_table(_envelope(wave, 1)), carrier=float(carrier), modulator=float(modulator),
         index=float(index), carrier_env=_table(_envelope(carrier_envelope, 99)),
         modulator_env=_table(_envelope(modulator_envelope, 99)), index_env=_table(_envelope(index_envelope, 99)))


def playPluck(pitch=100, amplitude=5000, duration=2, starttime=0, pitch_envelope="default",
              amplitude_envelope="default"):
    """Add a plucked-string note."""
    _add("pluck", pitch, amplitude, duration, starttime, pitch_envelope, amplitude_envelope)


def _find_sound(name):
    if os.path.sep in name or "/" in name:
        if os.path.isfile(name):
            return name
    else:
        for folder in SOUND_FOLDERS:
            for ending in SOUND_ENDINGS:
                path = os.path.join(folder, name + ending)
                if os.path.isfile(path):
                    return path
    raise FileNotFoundError("There is no sound called %r. Put a .wav or .ogg file with that name in "
                            "the sounds folder next to your program." % (name,))


def playWave(sound="horse", pitch=1, amplitude=1, loop=False, duration=1, starttime=0,
             pitch_envelope="default", amplitude_envelope="default"):
    """Add a sound file (a name from the sounds folder, or a path). amplitude 1 is its own loudness;
    the pitch of a sound file is not changed."""
    _wave_notes.append((float(starttime), float(duration), _find_sound(str(sound)), float(amplitude), bool(loop)))


def getSoundList():
    """The names of the sounds playWave can play (the files in the sounds folder)."""
    names = set()
    for folder in SOUND_FOLDERS[:1]:
        if os.path.isdir(folder):
            names.update(os.path.splitext(f)[0] for f in os.listdir(folder)
                         if os.path.splitext(f)[1].lower() in SOUND_ENDINGS[1:])
    return sorted(names)


def _lookup(table, position):
    return table[min(TABLE_SIZE - 1, int(position * TABLE_SIZE))]


def _render_note(note):
    count = max(1, int(note["duration"] * RATE))
    pitch_env, amp_env = note["pitch_env"], note["amp_env"]
    if note["kind"] == "pluck":
        return _render_pluck(note, count)
    table = note["wave"]
    out, phase, mod_phase = [0.0] * count, 0.0, 0.0
    fm = note["kind"] == "fm"
    for i in range(count):
        where = i / count
        freq = note["pitch"] * _lookup(pitch_env, where)
        offset = 0.0
        if fm:
            mod_phase += freq * note["modulator"] * _lookup(note["modulator_env"], where) / RATE
            offset = note["index"] * _lookup(note["index_env"], where) * math.sin(2 * math.pi * mod_phase) / (2 * math.pi)
            freq *= note["carrier"] * _lookup(note["carrier_env"], where)
        phase = (phase + freq / RATE) % 1.0
        out[i] = note["amplitude"] * _lookup(amp_env, where) * table[int(((phase + offset) % 1.0) * TABLE_SIZE)
                                                                      % TABLE_SIZE]
    return out


def _render_pluck(note, count):
    """A string sound: a burst of noise that loops and softens (Karplus-Strong)."""
    length = max(2, int(RATE / max(20.0, note["pitch"])))
    ring = [random.uniform(-1.0, 1.0) for _ in range(length)]
    out = [0.0] * count
    for i in range(count):
        j = i % length
        value = ring[j]
        ring[j] = 0.498 * (value + ring[(j + 1) % length])
        out[i] = note["amplitude"] * _lookup(note["amp_env"], i / count) * value
    return out


def _mix():
    """Every synthesised note added into one list of samples."""
    end = max((n["start"] + n["duration"] for n in _notes), default=0.0)
    samples = [0.0] * int(end * RATE + 1)
    for note in _notes:
        first = int(note["start"] * RATE)
        for i, value in enumerate(_render_note(note)):
            samples[first + i] += value
    return samples


def _wav_bytes(samples):
    from array import array

    data = array("h", (max(-LOUDEST, min(LOUDEST, int(v))) for v in samples))
    if data.itemsize != 2:
        raise RuntimeError("16-bit samples are needed")
    if sys.byteorder == "big":
        data.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())
    return buffer.getvalue()


def _play(wav, wave_notes):
    import pygame

    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init()
    except pygame.error:
        return                                   # no sound device: the program goes on quietly
    started = time.monotonic()
    sounds = [(0.0, pygame.mixer.Sound(file=io.BytesIO(wav)), 1.0, 0, None)] if wav else []
    for start, duration, path, amplitude, loop in sorted(wave_notes):
        sounds.append((start, pygame.mixer.Sound(path), amplitude, -1 if loop else 0, int(duration * 1000)))
    channels = []
    for start, sound, volume, loops, maxtime in sounds:
        time.sleep(max(0.0, start - (time.monotonic() - started)))
        sound.set_volume(max(0.0, min(1.0, volume)))
        channel = sound.play(loops=loops, maxtime=maxtime or 0)
        if channel is not None:
            channels.append(channel)
    while any(channel.get_busy() for channel in channels):
        time.sleep(0.02)


def audioOut(file=None):
    """Play every note added so far and wait until they end; with a name, write them to
    NAME.wav instead (only the made notes, not sound files). Then start a new, empty tune."""
    wav = _wav_bytes(_mix()) if _notes else b""
    wave_notes = list(_wave_notes)
    del _notes[:]
    del _wave_notes[:]
    if file is not None:
        path = file if str(file).endswith(".wav") else "%s.wav" % file
        with open(path, "wb") as out:
            out.write(wav or _wav_bytes([0.0]))
        return path
    _play(wav, wave_notes)
    return None
