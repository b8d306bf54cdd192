"""A damaged model file whose header names a gigabyte-long string is turned away, not read into memory.

On 32-bit Python (XO-1.5) such a read cannot even be tried (OverflowError); on a 1 GB laptop it would
eat all the memory. The file is sparse: 3 GB long on paper, a few bytes on disk."""
import struct

import pytest

from kidcoder.model import gguf_meta


def test_a_gigabyte_string_in_the_header_is_a_damaged_header(tmp_path):
    path = tmp_path / "damaged.gguf"
    with open(path, "wb") as f:
        f.write(b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + struct.pack("<Q", 2_500_000_000))
        f.truncate(3_000_000_000)
    with pytest.raises(gguf_meta.GGUFError, match="impossible length"):
        gguf_meta.read_header(path)
