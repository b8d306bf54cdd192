"""The message format: every message round-trips, and junk from a child is dropped, never evaluated."""
from kidcoder.runner import protocol


def test_every_message_round_trips():
    samples = [
        protocol.Ready(version=protocol.PROTOCOL_VERSION, pid=42),
        protocol.DisplayOpened(width=640, height=480),
        protocol.Caption(text="Gato y peces ñ"),
        protocol.Paused(frame=7),
        protocol.InputRequest(prompt="Name? "),
        protocol.GameError(type="NameError", message="name 'scor' is not defined", line=3, traceback="tb",
                           column=7),
        protocol.Finished(reason="frames", frames=60, exit_code=0),
        protocol.KeyEvent(action="down", key=32, mod=0, unicode=" ", scancode=44),
        protocol.TextEvent(text="á"),
        protocol.MouseMotion(pos=[1, 2], rel=[0, 1], buttons=[0, 0, 0]),
        protocol.MouseButton(action="up", pos=[3, 4], button=1),
        protocol.MouseWheel(x=0, y=-1),
        protocol.QuitEvent(), protocol.Pause(), protocol.Resume(), protocol.Step(), protocol.Stop(),
        protocol.InputLine(text="Ana"),
    ]
    for message in samples:
        line = protocol.encode(message)
        assert line.endswith(b"\n") and line.count(b"\n") == 1
        assert protocol.decode(line) == message


def test_error_type_field_is_not_confused_with_message_kind():
    decoded = protocol.decode(protocol.encode(protocol.GameError(type="TypeError", message="m", line=1,
                                                                  traceback="")))
    assert isinstance(decoded, protocol.GameError) and decoded.type == "TypeError"


def test_junk_is_dropped():
    junk = [b"", b"not json", b"[1,2]", b'{"@": "Unknown"}', b'{"@": "Caption", "text": {"x": 1}}',
            b'{"@": "Ready", "version": 1}', b"\xff\xfe", b'{"@": "__import__(\'os\')"}',
            b'{"@": "MouseMotion", "pos": [[1]], "rel": [0, 0], "buttons": []}']
    for line in junk:
        assert protocol.decode(line) is None


def test_too_long_lines_are_dropped():
    line = b'{"@": "Caption", "text": "' + b"a" * (protocol.MAX_LINE_BYTES + 10) + b'"}'
    assert protocol.decode(line) is None
