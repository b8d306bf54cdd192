"""Check a teacher's GGUF model file against the bundled backend and this machine, and fix what can be fixed.

Nothing here loads a model: a damaged or unsupported file is turned away
before native code sees it, with a reason a teacher can act on ("architecture
too new", "file damaged", "not enough memory"). A file whose pre-tokenizer
name the bundled backend does not know, but which has a known equivalent
(SmolLM2's 'smollm' splits text exactly like 'starcoder'), gets a corrected
copy in the models folder.
"""
from __future__ import annotations

import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from kidcoder.model.gguf_meta import GGUFError, GGUFHeader, copy_with_string, read_header

# What the llama.cpp inside gpt4all 2.8.x knows (read from its backend library and llamamodel.cpp).
BACKEND_ARCHITECTURES = frozenset("""
    llama falcon gpt2 gptneox mpt baichuan starcoder refact bloom stablelm qwen qwen2 qwen2moe phi2 phi3
    codeshell orion internlm2 gemma gemma2 starcoder2 xverse command-r olmo openelm deepseek2 chatglm jais
""".split())
EMBEDDING_ARCHITECTURES = frozenset({"bert", "nomic-bert", "jina-bert-v2"})
BACKEND_PRE_TOKENIZERS = frozenset("""
    default llama3 llama-v3 llama-bpe deepseek-llm deepseek-coder falcon starcoder gpt-2 phi-2 jina-es jina-de
    jina-v2-es jina-v2-de jina-v2-code refact command-r qwen2 stablelm2 olmo dbrx smaug-bpe poro-chat jais
    viking codeshell bloom chatglm-bpe chatglm4
""".split())
# Newer pre-tokenizer names whose text-splitting rules are the same as an older name's (llama.cpp's
# llama-vocab.cpp gives each pair the same regular expressions).
PRE_TOKENIZER_EQUIVALENTS = {
    "smollm": "starcoder", "exaone": "starcoder", "minerva-7b": "starcoder",
    "deepseek-r1-qwen": "qwen2", "megrez": "qwen2",
    "falcon3": "llama-bpe", "falcon-h1": "llama-bpe", "pixtral": "llama-bpe",
    "jina-v1-en": "gpt-2", "roberta-bpe": "gpt-2", "gigachat": "gpt-2",
}
FIXED_SUFFIX = ".kidcoder-fixed.gguf"
MEMORY_FACTOR = 2.0  # free memory needed, as a multiple of the file size


@dataclass
class ModelCheck:
    """The verdict on one file. reason is an i18n key (model.check.*) with values; ok means it can be loaded."""

    path: str
    ok: bool
    reason: str = "model.check.ok"
    values: Dict[str, object] = field(default_factory=dict)
    fix: Optional[Dict[str, str]] = None      # {"key", "from", "to"} when a corrected copy would load
    architecture: str = ""
    chat_template: str = ""
    size_mb: float = 0.0

    def as_dict(self) -> dict:
        return {"path": self.path, "ok": self.ok, "reason": self.reason.rsplit(".", 1)[-1],
                "architecture": self.architecture, "size_mb": round(self.size_mb, 1), "fix": self.fix}


def available_memory_bytes() -> Optional[int]:
    """Memory a new process can use without swapping, or None where it cannot be told."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    if platform.system() == "Windows":
        import ctypes  # here, not at the top: only Windows needs it, and only here

        class _Status(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong), ("total", ctypes.c_ulonglong),
                        ("available", ctypes.c_ulonglong), ("a", ctypes.c_ulonglong), ("b", ctypes.c_ulonglong),
                        ("c", ctypes.c_ulonglong), ("d", ctypes.c_ulonglong), ("e", ctypes.c_ulonglong)]

        status = _Status()
        status.length = ctypes.sizeof(_Status)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return int(status.available)
    return None


def cpu_flags() -> Optional[frozenset]:
    """The x86 CPU feature flags (Linux), or None where they cannot be read."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    return frozenset(line.split(":", 1)[1].split())
    except OSError:
        pass
    return None


def cpu_problem(machine: Optional[str] = None, flags: Optional[frozenset] = None) -> Optional[str]:
    """Why this CPU cannot run the backend (it needs AVX on x86), or None. Unknown flags count as fine."""
    machine = (machine or platform.machine()).lower()
    if machine in ("x86_64", "amd64", "i386", "i686", "x86"):
        flags = cpu_flags() if flags is None else flags
        if flags is not None and "avx" not in flags:
            return "model.check.cpu"
    return None


def check_header(header: GGUFHeader) -> ModelCheck:
    """Judge a parsed header against what the bundled backend knows (pure)."""
    check = ModelCheck("", True, architecture=header.architecture, chat_template=header.chat_template,
                       size_mb=header.file_size / 1e6)
    arch = header.architecture
    if not arch:
        return _fail(check, "model.check.damaged")
    if arch in EMBEDDING_ARCHITECTURES:
        return _fail(check, "model.check.not_chat", arch=arch)
    if arch not in BACKEND_ARCHITECTURES:
        return _fail(check, "model.check.arch_too_new", arch=arch)
    if not header.tokens:
        return _fail(check, "model.check.damaged")
    if not header.has_byte_tokens():
        return _fail(check, "model.check.no_byte_tokens")
    pre = header.pre_tokenizer
    if pre and pre not in BACKEND_PRE_TOKENIZERS:
        equivalent = PRE_TOKENIZER_EQUIVALENTS.get(pre)
        if equivalent:
            check.fix = {"key": "tokenizer.ggml.pre", "from": pre, "to": equivalent}
            return _fail(check, "model.check.needs_fix", pre=pre, equivalent=equivalent)
        return _fail(check, "model.check.pre_tokenizer", pre=pre)
    return check


def _fail(check: ModelCheck, reason: str, **values) -> ModelCheck:
    check.ok, check.reason, check.values = False, reason, dict(values)
    return check


def check_model_file(path, *, check_machine: bool = True, memory: Optional[int] = -1) -> ModelCheck:
    """Can this file be loaded here? Reads only the header. memory=-1 asks the system."""
    path = Path(path)
    if not path.is_file():
        return ModelCheck(str(path), False, "model.check.missing", {"file": path.name})
    try:
        header = read_header(path)
    except GGUFError as exc:
        reason = "model.check.not_gguf" if "not a GGUF" in str(exc) else "model.check.damaged"
        return ModelCheck(str(path), False, reason, {"detail": str(exc)})
    except OSError as exc:
        return ModelCheck(str(path), False, "model.check.unreadable", {"detail": str(exc)})
    check = check_header(header)
    check.path = str(path)
    if check.ok and check_machine:
        problem = cpu_problem()
        if problem:
            return _fail(check, problem)
        free = available_memory_bytes() if memory == -1 else memory
        if free is not None and free < MEMORY_FACTOR * header.file_size:
            return _fail(check, "model.check.memory", need_mb=round(MEMORY_FACTOR * header.file_size / 1e6),
                         free_mb=round(free / 1e6))
    return check


def fixed_copy_path(source: Path, folder: Path) -> Path:
    name = source.name[:-len(".gguf")] if source.name.lower().endswith(".gguf") else source.name
    if name.endswith(FIXED_SUFFIX[:-len(".gguf")]):
        return folder / source.name
    return folder / (name + FIXED_SUFFIX)


def make_fixed_copy(check: ModelCheck, folder: Path) -> ModelCheck:
    """Write the corrected copy a needs_fix check describes into folder; return the copy's check."""
    source = Path(check.path)
    target = fixed_copy_path(source, folder)
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        copy_with_string(source, target, check.fix["key"], check.fix["to"])
    result = check_model_file(target)
    result.values = {**result.values, "fixed_from": check.fix["from"], "fixed_to": check.fix["to"]}
    return result


def usable_model(path, folder: Path) -> ModelCheck:
    """The check of a file, after making its corrected copy if it needs one (the copy's check then)."""
    check = check_model_file(path)
    if check.reason == "model.check.needs_fix":
        try:
            return make_fixed_copy(check, folder)
        except (OSError, GGUFError) as exc:
            return ModelCheck(str(path), False, "model.check.fix_failed", {"detail": str(exc)})
    return check


def model_files_in(folder: Path) -> List[Path]:
    """The .gguf files in a folder, sorted by name (corrected copies included, half-written ones not)."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".gguf" and p.is_file())
    except OSError:
        return []
