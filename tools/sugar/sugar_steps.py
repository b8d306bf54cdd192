"""Inside a running Sugar session (run by Sugar's own /usr/bin/python3 as the Sugar user):
install KidCoder's bundle and a game bundle with `sugar-install-bundle`, start them the way the
home view does (sugar3's activityfactory), check the shell took their windows as activities,
check the Journal, and take screenshots. run_sugar_test.sh starts Xvfb and the session first.

Prints one JSON object with what it saw; exits 1 when a check failed.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import dbus
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

DBusGMainLoop(set_as_default=True)

from sugar3.activity import activityfactory  # noqa: E402
from sugar3.activity.activityhandle import ActivityHandle  # noqa: E402
from sugar3.bundle.activitybundle import ActivityBundle  # noqa: E402
from sugar3.datastore import datastore  # noqa: E402

KIDCODER = "org.kidcoder.KidCoder"
# A Pippy program of our own (not one of Pippy's examples): what a child brings from Pippy.
PIPPY_PROGRAM = """import pippy
import pygame

pygame.init()
screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
width, height = screen.get_size()
x, y, dx, dy = 40, 40, 5, 4
while pippy.pygame.next_frame(max_fps=30):
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            raise SystemExit
    x, y = x + dx, y + dy
    if x < 30 or x > width - 30:
        dx = -dx
    if y < 30 or y > height - 30:
        dy = -dy
    screen.fill((20, 30, 70))
    pygame.draw.circle(screen, (255, 200, 0), (x, y), 30)
    pygame.display.flip()
"""


def pump(seconds):
    """Let D-Bus replies arrive (activityfactory works asynchronously)."""
    loop = GLib.MainLoop()
    GLib.timeout_add(int(seconds * 1000), loop.quit)
    loop.run()


def wait_for(condition, timeout, step=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        pump(step)
    return condition()


def shell():
    bus = dbus.SessionBus()
    return dbus.Interface(bus.get_object("org.laptop.Shell", "/org/laptop/Shell"), "org.laptop.Shell")


def shell_up():
    try:
        return dbus.SessionBus().name_has_owner("org.laptop.Shell")
    except dbus.DBusException:
        return False


def bundle_path(bundle_id):
    try:
        return str(shell().GetBundlePath(bundle_id)) or None
    except dbus.DBusException:
        return None


def registered(*bundle_ids):
    """True when the shell knows every bundle; until then, touch ~/Activities/* again (that is how
    sugar-install-bundle tells the registry, and a touch before it watched is lost)."""
    if all(bundle_path(bundle_id) for bundle_id in bundle_ids):
        return True
    folder = os.path.expanduser("~/Activities")
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        os.utime(os.path.join(folder, name), None)
    return False


def run(*command):
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def windows_of(bundle_id):
    """X windows that carry _SUGAR_BUNDLE_ID = bundle_id: (xid, activity id)."""
    listing = run("xprop", "-root", "_NET_CLIENT_LIST").stdout
    found = []
    for xid in listing.split("#")[-1].replace(",", " ").split():
        props = run("xprop", "-id", xid, "_SUGAR_BUNDLE_ID", "_SUGAR_ACTIVITY_ID").stdout
        if f'"{bundle_id}"' in props:
            activity = props.split("_SUGAR_ACTIVITY_ID(STRING) = ")[-1].strip().strip('"')
            found.append((xid, activity))
    return found


def launch(bundle_id, object_id=None):
    """Start an activity as the home view or the Journal does."""
    handle = ActivityHandle(object_id=object_id) if object_id else ActivityHandle()
    activityfactory.create(ActivityBundle(bundle_path(bundle_id)), handle)
    pump(1.0)


def close(xid):
    """Close a window as Sugar's Stop does (the window manager asks the program to quit)."""
    run("wmctrl", "-i", "-c", xid)
    return wait_for(lambda: xid not in run("xprop", "-root", "_NET_CLIENT_LIST").stdout, 30)


def screenshot(path):
    run("import", "-window", "root", path)
    return os.path.isfile(path)


def journal_entries(bundle_id):
    entries, count = datastore.find({"activity": bundle_id}, properties=["uid", "title", "activity_id"])
    found = [(str(e.object_id), str(e.metadata.get("title", ""))) for e in entries]
    for entry in entries:
        entry.destroy()
    return found


def journal_text(object_id):
    entry = datastore.get(object_id)
    with open(entry.get_file_path()) as f:
        text = f.read()
    entry.destroy()
    return text


def keep_pippy_program():
    """A Journal entry as Pippy keeps one (text/x-python, activity org.laptop.Pippy)."""
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "pippy-bounce-%d.py" % os.getpid())
    with open(path, "w") as f:
        f.write(PIPPY_PROGRAM)
    entry = datastore.create()
    for key, value in {"title": "Bouncing sun", "mime_type": "text/x-python", "activity": "org.laptop.Pippy"}.items():
        entry.metadata[key] = value
    entry.set_file_path(path)
    datastore.write(entry, transfer_ownership=True)
    object_id = entry.object_id
    entry.destroy()
    return object_id


def shell_log():
    path = os.path.expanduser("~/.sugar/default/logs/shell.log")
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kidcoder-xo", required=True)
    parser.add_argument("--game-xo", required=True)
    parser.add_argument("--game-id", required=True, help="the game bundle's bundle id")
    parser.add_argument("--shots", required=True, help="folder for the screenshots")
    args = parser.parse_args()
    seen, ok = {}, True

    seen["shell"] = bool(wait_for(lambda: shell_up() and bundle_path("org.laptop.Pippy"), 120))
    pump(5)                                          # the bundle registry starts watching ~/Activities
    installed = run("sugar-install-bundle", args.kidcoder_xo, args.game_xo)
    seen["install"] = [line for line in installed.stdout.splitlines() if "installed" in line]
    seen["registered"] = bool(wait_for(lambda: registered(KIDCODER, args.game_id), 90))
    if not (seen["shell"] and seen["registered"]):
        print(json.dumps(seen, indent=1, default=str))
        return 1
    pump(3)
    run("xdotool", "key", "F3")                      # the home view, with every activity listed
    pump(3)
    seen["home_shot"] = screenshot(os.path.join(args.shots, "sugar-home.png"))

    # 1. KidCoder resumes a Pippy program from the Journal, and runs it in its preview.
    pippy_id = keep_pippy_program()
    launch(KIDCODER, object_id=pippy_id)
    windows = wait_for(lambda: windows_of(KIDCODER), 90)
    seen["kidcoder_window"] = windows
    log = wait_for(lambda: "launched in" in shell_log() and shell_log(), 30) or ""
    seen["shell_took_kidcoder"] = any(f"{activity} launched in" in log for _, activity in windows)
    pump(8)                                          # KidCoder starts and opens the program
    run("xdotool", "key", "ctrl+r")                  # Run (Sugar keeps F1-F6 for itself: F5 opens the Journal)
    pump(6)
    seen["kidcoder_shot"] = screenshot(os.path.join(args.shots, "sugar-kidcoder.png"))
    run("xdotool", "key", "F6")                      # Sugar's frame: the running activities
    pump(3)
    seen["frame_shot"] = screenshot(os.path.join(args.shots, "sugar-kidcoder-frame.png"))
    run("xdotool", "key", "F6")
    pump(1)

    # 2. Closing keeps the program in the Journal as a KidCoder entry; resuming uses that entry again.
    seen["kidcoder_closed"] = bool(windows and close(windows[0][0]))
    kept = wait_for(lambda: journal_entries(KIDCODER), 30) or []
    seen["journal_after_close"] = kept
    seen["journal_text_matches"] = bool(kept) and journal_text(kept[0][0]).strip() == PIPPY_PROGRAM.strip()
    if kept:
        launch(KIDCODER, object_id=kept[0][0])
        again = wait_for(lambda: windows_of(KIDCODER), 90)
        pump(6)
        seen["resumed_window"] = bool(again)
        if again:
            close(again[0][0])
        pump(3)
        seen["journal_after_resume"] = journal_entries(KIDCODER)

    # 3. The exported game runs full screen as its own activity.
    launch(args.game_id)
    game_windows = wait_for(lambda: windows_of(args.game_id), 60)
    seen["game_window"] = game_windows
    pump(3)
    log = shell_log()
    seen["shell_took_game"] = any(f"{activity} launched in" in log for _, activity in game_windows or [])
    seen["game_shot"] = screenshot(os.path.join(args.shots, "sugar-exported-game.png"))
    run("xdotool", "key", "F6")                      # the frame shows the game as the running activity
    pump(3)
    seen["game_frame_shot"] = screenshot(os.path.join(args.shots, "sugar-exported-game-frame.png"))
    run("xdotool", "key", "F6")
    pump(1)
    if game_windows:
        close(game_windows[0][0])

    checks = ["shell", "registered", "kidcoder_window", "shell_took_kidcoder", "kidcoder_closed",
              "journal_text_matches", "resumed_window", "game_window", "shell_took_game"]
    seen["failed"] = [name for name in checks if not seen.get(name)]
    ok = not seen["failed"] and len(seen.get("journal_after_resume", [])) == 1
    seen["ok"] = ok
    print(json.dumps(seen, indent=1, default=str))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
