"""Read a GGUF model file's header, and copy a file with one text value changed (standard library only).

KidCoder checks a teacher's model file before any native code sees it (a damaged
file can crash the backend), and rewrites a pre-tokenizer name the bundled
backend does not know into an equivalent one it does. The `gguf` package could
do both, but it is not something a classroom install should need.
Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
"""
from __future__ import annotations

import os
import shutil
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Dict, List, Tuple

MAGIC = b"GGUF"
DEFAULT_ALIGNMENT = 32
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
# Arrays kept whole; other long arrays (merges, scores) are skipped, keeping only their length.
_KEEP_ARRAYS = ("tokenizer.ggml.tokens",)
_MAX_COUNT = 1 << 34  # far above any real model: a bigger count means a damaged header
_MAX_STRING = 1 << 24  # header strings are names, templates and tokens; longer means a damaged header


class GGUFError(ValueError):
    """The file is not a GGUF model file, or its header is damaged (reason in English, for the log)."""


@dataclass
class GGUFHeader:
    """What KidCoder needs from a model file's header."""

    version: int
    tensor_count: int
    metadata: Dict[str, object]
    array_lengths: Dict[str, int] = field(default_factory=dict)
    kv_spans: Dict[str, Tuple[int, int]] = field(default_factory=dict)  # key -> (start, end) byte offsets
    tensor_info_end: int = 0
    data_start: int = 0
    file_size: int = 0

    architecture = property(lambda self: self.text("general.architecture"))
    pre_tokenizer = property(lambda self: self.text("tokenizer.ggml.pre"))
    chat_template = property(lambda self: self.text("tokenizer.chat_template"))
    tokenizer_model = property(lambda self: self.text("tokenizer.ggml.model"))

    def text(self, key: str) -> str:
        """A text value of the header ("" when the file has none)."""
        return str(self.metadata.get(key, ""))

    @property
    def tokens(self) -> List[str]:
        value = self.metadata.get("tokenizer.ggml.tokens")
        return list(value) if isinstance(value, list) else []

    def has_byte_tokens(self) -> bool:
        """SentencePiece vocabularies need <0x00>..<0xFF>; without them the backend crashes on some text."""
        if self.tokenizer_model != "llama":
            return True  # BPE vocabularies encode bytes differently
        tokens = set(self.tokens)
        return all(f"<0x{b:02X}>" in tokens for b in (0x00, 0x0A, 0x20, 0xFF))


class _Reader:
    def __init__(self, stream: BinaryIO, size: int):
        self.stream, self.size = stream, size

    def take(self, count: int) -> bytes:
        data = self.stream.read(count)
        if len(data) != count:
            raise GGUFError("the file ends in the middle of its header")
        return data

    def unpack(self, fmt: str):
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def count(self) -> int:
        value = self.unpack("<Q")
        if value > _MAX_COUNT or value > self.size:
            raise GGUFError("the header gives an impossible length")
        return value

    def string(self) -> str:
        length = self.count()
        if length > _MAX_STRING:   # never read gigabytes into memory (on 32-bit Python it cannot even try)
            raise GGUFError("the header gives an impossible length")
        return self.take(length).decode("utf-8", errors="replace")

    def skip(self, count: int) -> None:
        if self.stream.tell() + count > self.size:
            raise GGUFError("the file ends in the middle of its header")
        self.stream.seek(count, os.SEEK_CUR)

    def value(self, kind: int, keep: bool):
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item_kind, length = self.unpack("<I"), self.count()
            if item_kind in _SCALARS and not keep:
                self.skip(struct.calcsize(_SCALARS[item_kind]) * length)
                return length
            if item_kind == _STRING and not keep:
                for _ in range(length):
                    self.skip(self.count())
                return length
            return [self.value(item_kind, False) for _ in range(length)]
        raise GGUFError(f"unknown value type {kind} in the header")


def read_header(path) -> GGUFHeader:
    """Parse the header of a GGUF file; raise GGUFError if it is not one or is damaged, OSError if unreadable."""
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as stream:
        reader = _Reader(stream, size)
        if size < 4 or reader.take(4) != MAGIC:
            raise GGUFError("this is not a GGUF model file")
        if size < 24:
            raise GGUFError("the file ends in the middle of its header")
        version = reader.unpack("<I")
        if version not in (2, 3):
            raise GGUFError(f"GGUF version {version} is not supported")
        tensor_count, kv_count = reader.count(), reader.count()
        metadata: Dict[str, object] = {}
        lengths: Dict[str, int] = {}
        spans: Dict[str, Tuple[int, int]] = {}
        for _ in range(kv_count):
            start = stream.tell()
            key = reader.string()
            kind = reader.unpack("<I")
            value = reader.value(kind, keep=key in _KEEP_ARRAYS)
            spans[key] = (start, stream.tell())
            if kind == _ARRAY:
                lengths[key] = value if isinstance(value, int) else len(value)
                if isinstance(value, int):
                    continue
            metadata[key] = value
        end_of_data = 0
        for _ in range(tensor_count):
            reader.string()
            dims = reader.unpack("<I")
            if dims > 8:
                raise GGUFError("a tensor has an impossible shape")
            reader.skip(8 * dims + 4)
            end_of_data = max(end_of_data, reader.unpack("<Q"))
        info_end = stream.tell()
    alignment = int(metadata.get("general.alignment", DEFAULT_ALIGNMENT) or DEFAULT_ALIGNMENT)
    data_start = _aligned(info_end, alignment)
    if data_start + end_of_data > size:
        raise GGUFError("the file is shorter than its header says (an unfinished download?)")
    return GGUFHeader(version, tensor_count, metadata, lengths, spans, info_end, data_start, size)


def _aligned(offset: int, alignment: int) -> int:
    return offset + (-offset % alignment)


def _encode_string_kv(key: str, value: str) -> bytes:
    key_bytes, value_bytes = key.encode("utf-8"), value.encode("utf-8")
    return (struct.pack("<Q", len(key_bytes)) + key_bytes + struct.pack("<I", _STRING)
            + struct.pack("<Q", len(value_bytes)) + value_bytes)


def copy_with_string(source, target, key: str, value: str) -> GGUFHeader:
    """Copy a GGUF file to target with the text value of an existing key replaced; return the new header.

    Only the header changes: the tensor data is copied byte for byte to its new aligned place.
    The copy is written beside target and renamed, so a half-written model never appears.
    """
    source, target = Path(source), Path(target)
    header = read_header(source)
    if key not in header.kv_spans or not isinstance(header.metadata.get(key), str):
        raise GGUFError(f"the file has no text value {key}")
    start, end = header.kv_spans[key]
    alignment = int(header.metadata.get("general.alignment", DEFAULT_ALIGNMENT) or DEFAULT_ALIGNMENT)
    partial = target.with_name(target.name + ".partial")
    with source.open("rb") as src, partial.open("wb") as out:
        out.write(src.read(start))
        out.write(_encode_string_kv(key, value))
        src.seek(end)
        out.write(src.read(header.tensor_info_end - end))
        out.write(b"\0" * (-out.tell() % alignment))
        src.seek(header.data_start)
        shutil.copyfileobj(src, out, 1 << 20)
    os.replace(partial, target)
    return read_header(target)
