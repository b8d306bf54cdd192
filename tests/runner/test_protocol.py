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


def test_every_message_has_one_tag_in_the_table_both_sides_use():
    assert len(protocol.MESSAGES) == len(protocol.FROM_GAME) + len(protocol.TO_GAME)
    assert set(protocol.MESSAGES.values()) == set(protocol.FROM_GAME) | set(protocol.TO_GAME)
    assert set(protocol.INPUT_EVENTS) | set(protocol.CONTROLS) <= set(protocol.TO_GAME)
    assert b'"@": "Stop"' in protocol.encode(protocol.Stop())       # the wire format did not change


def test_enum_fields_arrive_as_enums_and_unknown_values_are_dropped():
    finished = protocol.decode(b'{"@": "Finished", "reason": "memory", "frames": 3}')
    assert finished.reason is protocol.FinishReason.MEMORY and finished.reason == "memory"
    key = protocol.decode(protocol.encode(protocol.KeyEvent(action="down", key=32)))
    assert key.action is protocol.Press.DOWN
    assert protocol.decode(b'{"@": "Finished", "reason": "exploded", "frames": 3}') is None
    assert protocol.decode(b'{"@": "KeyEvent", "action": ["down"], "key": 1}') is None


def test_each_side_accepts_only_the_messages_meant_for_it():
    stop, ready = protocol.encode(protocol.Stop()), protocol.encode(protocol.Ready(version=1, pid=2))
    assert protocol.decode(stop, protocol.TO_GAME) == protocol.Stop()
    assert protocol.decode(stop, protocol.FROM_GAME) is None
    assert protocol.decode(ready, protocol.TO_GAME) is None


def test_values_not_of_the_declared_type_are_dropped_nan_and_forgeries_included():
    forged = [b'{"@": "Finished", "reason": "frames", "frames": NaN}',
              b'{"@": "Finished", "reason": "frames", "frames": Infinity}',
              b'{"@": "Finished", "reason": "frames", "frames": 1e999}',
              b'{"@": "Finished", "reason": "frames", "frames": 3.5}',
              b'{"@": "Finished", "reason": "frames", "frames": true}',
              b'{"@": "Finished", "reason": "frames", "frames": 99999999999999999999999}',
              b'{"@": "DisplayOpened", "width": "640", "height": 480}',
              b'{"@": "Caption", "text": 5}',
              b'{"@": "GameError", "type": "E", "message": "m", "line": "3", "traceback": ""}',
              b'{"@": "Ready", "version": 1, "pid": 2, "contained": "landlock"}',
              b'{"@": "Ready", "version": 1, "pid": 2, "contained": [' + b'"x", ' * 100 + b'"x"]}',
              b'{"@": "Caption", "text": ' + b"[" * 100000 + b"]" * 100000 + b'}']
    for line in forged:
        assert protocol.decode(line, protocol.FROM_GAME) is None, line[:80]
    good = protocol.decode(b'{"@": "GameError", "type": "E", "message": "m", "line": null, "traceback": ""}')
    assert good.line is None
    ready = protocol.decode(protocol.encode(protocol.Ready(version=1, pid=2, contained=["landlock-files"])))
    assert ready.contained == ["landlock-files"]
