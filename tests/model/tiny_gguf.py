"""Build a tiny llama-architecture GGUF model for tests: real loading, streaming and cancel, gibberish text.

The weights are random (seeded) float32 arrays, two layers wide enough to be quick. The vocabulary
is a SentencePiece-style ("llama") one WITH the 256 byte tokens, because the native backend ends
the whole process on a model without them; ChatML's control tokens are in it, so prompts in the
format KidCoder really uses are tokenised as a real instruct model would tokenise them.
Needs the `gguf` and `numpy` packages (test-only dependencies).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

N_EMBD = 64
N_HEAD = 4
N_LAYER = 2
N_FF = 128
N_CTX = 2048

_WORDS = ["▁the", "▁a", "▁line", "▁name", "▁score", "▁colon", "▁player", "▁game", "▁loop", "▁jump",
          "▁you", "▁is", "▁in", "▁it", "▁to", "▁and", "▁print", "▁def", "▁if", "▁for", "e", "t", "a", "o", "s"]


def missing_tools() -> Optional[str]:
    """Why the real-backend tests cannot run here (None when they can): they need gpt4all, gguf and numpy.

    gpt4all is only looked up, not imported: its native libraries load in the worker process.
    """
    import importlib.util

    try:
        import gguf  # noqa: F401
        import numpy  # noqa: F401
    except ImportError as exc:
        return f"needs the gguf package to build the tiny test model ({exc})"
    if importlib.util.find_spec("gpt4all") is None:
        return "needs the gpt4all package (the on-device model backend)"
    return None


def vocabulary(with_bytes: bool = True):
    """(tokens, scores, types): <unk>, <s>, </s>, ChatML markers, optional byte tokens, a few words."""
    import gguf

    tokens = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"]
    types = [gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL,
             gguf.TokenType.CONTROL, gguf.TokenType.CONTROL]
    if with_bytes:
        tokens += [f"<0x{b:02X}>" for b in range(256)]
        types += [gguf.TokenType.BYTE] * 256
    tokens += ["▁"] + _WORDS
    types += [gguf.TokenType.NORMAL] * (1 + len(_WORDS))
    scores = [0.0] * len(tokens)
    for i, tok in enumerate(tokens):
        if types[i] == gguf.TokenType.NORMAL:
            scores[i] = -float(i) / 100.0
    return tokens, scores, [int(t) for t in types]


def build_tiny_model(path: Path, *, with_bytes: bool = True, seed: int = 7,
                     architecture: str = "llama", pre_tokenizer: Optional[str] = None) -> Path:
    """Write a tiny random-weight GGUF file at path and return path.

    with_bytes=False gives the malformed model that crashes the native backend (for crash tests);
    architecture lets a test write a file whose architecture the backend does not know;
    pre_tokenizer adds tokenizer.ggml.pre (metadata the rewriter works on).
    """
    import gguf
    import numpy as np

    rng = np.random.default_rng(seed)
    tokens, scores, types = vocabulary(with_bytes)
    n_vocab = len(tokens)

    writer = gguf.GGUFWriter(str(path), architecture)
    writer.add_name("kidcoder-tiny-test")
    writer.add_context_length(N_CTX)
    writer.add_embedding_length(N_EMBD)
    writer.add_block_count(N_LAYER)
    writer.add_feed_forward_length(N_FF)
    writer.add_head_count(N_HEAD)
    writer.add_head_count_kv(N_HEAD)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_dimension_count(N_EMBD // N_HEAD)
    writer.add_file_type(0)  # all float32
    writer.add_tokenizer_model("llama")
    if pre_tokenizer:
        writer.add_tokenizer_pre(pre_tokenizer)
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_unk_token_id(0)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(4)  # <|im_end|>, as in ChatML instruct models
    writer.add_add_bos_token(False)
    writer.add_chat_template(
        "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
        "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")

    def weights(*shape):
        return (rng.standard_normal(shape) * 0.08).astype(np.float32)

    writer.add_tensor("token_embd.weight", weights(n_vocab, N_EMBD))
    for i in range(N_LAYER):
        writer.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
            writer.add_tensor(f"blk.{i}.{name}.weight", weights(N_EMBD, N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        writer.add_tensor(f"blk.{i}.ffn_gate.weight", weights(N_FF, N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_up.weight", weights(N_FF, N_EMBD))
        writer.add_tensor(f"blk.{i}.ffn_down.weight", weights(N_EMBD, N_FF))
    writer.add_tensor("output_norm.weight", np.ones(N_EMBD, dtype=np.float32))
    writer.add_tensor("output.weight", weights(n_vocab, N_EMBD))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


if __name__ == "__main__":  # python tests/model/tiny_gguf.py OUT.gguf
    import sys

    print(build_tiny_model(Path(sys.argv[1] if len(sys.argv) > 1 else "tiny.gguf")))
