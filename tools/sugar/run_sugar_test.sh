#!/bin/sh
# Install KidCoder the classroom way and test it inside a real Sugar session under Xvfb:
# KidCoder's activity bundle and an exported game bundle are installed with sugar-install-bundle,
# started the way the home view starts them, and photographed (docs/sugar-*.png).
#
# Run as root from a checkout:  sh tools/sugar/run_sugar_test.sh
#   INSTALL_PACKAGES=1  first apt-get install Debian's Sugar 0.120 and the X tools used here
#   VENV=/opt/kidcoder/venv   the classroom install (made with Sugar's own /usr/bin/python3)
#   GAME=assets/examples/space_shooter.py   the game to export;  SHOTS=docs  where screenshots go
#   SUGAR_USER=kidsugar  (Sugar refuses to run as root);  DISPLAY_NUMBER=47
set -eu
REPO=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${VENV:-/opt/kidcoder/venv}
GAME=${GAME:-$REPO/assets/examples/space_shooter.py}
SHOTS=${SHOTS:-$REPO/docs}
SUGAR_USER=${SUGAR_USER:-kidsugar}
DISPLAY_NUMBER=${DISPLAY_NUMBER:-47}

if [ "${INSTALL_PACKAGES:-0}" = 1 ]; then
    apt-get install -y sucrose sugar-session python3-sugar3 xvfb x11-utils imagemagick xdotool wmctrl
fi

# 1. The classroom install: a venv on Sugar's own Python (so sugar3 stays importable), with KidCoder.
if [ ! -x "$VENV/bin/python3" ]; then
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
if "$VENV/bin/python3" -c "import kidcoder" 2>/dev/null; then
    "$VENV/bin/pip" install -q --no-deps --force-reinstall "$REPO"
else
    "$VENV/bin/pip" install -q "$REPO"
fi

# 2. The two bundles.
WORK=$(mktemp -d /tmp/kidcoder-sugar.XXXXXX)
chmod 755 "$WORK"
"$VENV/bin/python3" "$REPO/tools/sugar/build_kidcoder_xo.py" --out "$WORK/KidCoder.xo" --python "$VENV/bin/python3"
GAME_COPY="$WORK/game"
mkdir -p "$GAME_COPY"
cp "$GAME" "$GAME_COPY/"
for media in images sounds; do
    if [ -d "$(dirname "$GAME")/$media" ]; then cp -r "$(dirname "$GAME")/$media" "$GAME_COPY/"; fi
done
(cd "$WORK" && KIDCODER_HOME="$WORK/home" "$VENV/bin/python3" -m kidcoder export "$GAME_COPY/$(basename "$GAME")" \
    --xo --out "$WORK/Game.xo" --json > "$WORK/export.json")
GAME_ID=$("$VENV/bin/python3" -c "import json,sys; print(json.load(open(sys.argv[1]))['bundle_id'])" "$WORK/export.json")
chmod -R a+rX "$WORK"

# 3. A Sugar user, a screen, and the session.
id "$SUGAR_USER" >/dev/null 2>&1 || useradd -m "$SUGAR_USER"
USER_HOME=$(getent passwd "$SUGAR_USER" | cut -d: -f6)
rm -rf "$USER_HOME/.sugar" "$USER_HOME/Activities" "$USER_HOME/.config/dconf" "$USER_HOME/.local/share/kidcoder"
Xvfb ":$DISPLAY_NUMBER" -screen 0 1200x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 2
mkdir -p "$WORK/shots" "$WORK/logs"
chmod 777 "$WORK/shots" "$WORK/logs"
cat > "$WORK/session.sh" <<EOF
#!/bin/sh
export DISPLAY=:$DISPLAY_NUMBER SUGAR_PROFILE_NAME=kid SUGAR_LOGGER_LEVEL=debug LANG=en_US.UTF-8
gsettings set org.sugarlabs.user group-label "Students"
sugar >"$WORK/logs/sugar.log" 2>&1 &
SUGAR=\$!
/usr/bin/python3 "$REPO/tools/sugar/sugar_steps.py" --kidcoder-xo "$WORK/KidCoder.xo" --game-xo "$WORK/Game.xo" \
    --game-id "$GAME_ID" --shots "$WORK/shots"
STATUS=\$?
kill \$SUGAR
exit \$STATUS
EOF
chmod 755 "$WORK/session.sh"
STATUS=0
su "$SUGAR_USER" -c "cd && dbus-run-session -- $WORK/session.sh" || STATUS=$?
mkdir -p "$SHOTS"
cp "$WORK"/shots/*.png "$SHOTS/" 2>/dev/null || true
cp "$USER_HOME"/.sugar/default/logs/*.log "$WORK/logs/" 2>/dev/null || true
echo "work folder (bundles, logs): $WORK"
exit $STATUS
