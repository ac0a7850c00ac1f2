#!/usr/bin/env bash
# Checks the built installer end to end; run by .ci/run after `mvn -Ppackage package`. Needs root: it
# installs the .deb (with apt, which fetches libgtk-3-0 and xdg-utils when missing), runs the installed app
# as a new user without a display, and removes the package again.
#   1. the app image's launcher runs, and maps its classes from the start-up archive it was trained with;
#   2. the .deb installs the launcher on the PATH, the menu entry, the icons, the AppStream metadata and a
#      start-up archive made at install time;
#   3. the installed app keeps its data in the user's data folder and starts on the demo workspace;
#   4. removing the package removes all of that and keeps the user's data.
# usage: packaging/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/jpackage/positionlab
deb=$(ls target/jpackage/positionlab_*.deb)
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
fail() { echo "packaging check FAILED: $*" >&2; exit 1; }

# 1. The app image.
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$work/classes.txt" "$image/bin/positionlab" demo \
  --db "jdbc:h2:file:$work/image-ws" >"$work/demo.json" 2>/dev/null || fail "the app image's launcher did not run"
grep -q '"instruments"' "$work/demo.json" || fail "demo printed no summary: $(head -c 300 "$work/demo.json")"
shared=$(grep -c "shared objects file (top)" "$work/classes.txt" || true)
[ "$shared" -gt 1000 ] || fail "only $shared classes came from the start-up archive"
echo "app image: runs; $shared classes mapped from its start-up archive"

# 2. The package.
DEBIAN_FRONTEND=noninteractive apt-get install -y "./$deb" >"$work/apt.log" 2>&1 ||
  { tail -20 "$work/apt.log" >&2; fail "apt-get install ./$deb"; }
for f in /usr/bin/positionlab /opt/positionlab/lib/app/positionlab.jsa \
         /usr/share/metainfo/io.positionlab.PositionLab.metainfo.xml \
         /usr/share/icons/hicolor/16x16/apps/positionlab.png /usr/share/icons/hicolor/256x256/apps/positionlab.png; do
  [ -e "$f" ] || fail "$f is missing after installing"
done
ls /usr/share/applications/*positionlab*.desktop >/dev/null 2>&1 || fail "no desktop entry after installing"
echo "package: installed ($(dpkg-query -W -f='${Installed-Size}' positionlab) kB)"

# 3. The installed app, as a trader would run it.
id positionlab-check >/dev/null 2>&1 || useradd -m positionlab-check
home=$(getent passwd positionlab-check | cut -d: -f6)
rm -rf "$home/.local/share/positionlab"
su positionlab-check -c "cd && positionlab screenshot --view portfolio --out portfolio.png" \
  >"$work/shot.log" 2>&1 || { cat "$work/shot.log" >&2; fail "the installed app did not render the portfolio"; }
[ -s "$home/portfolio.png" ] || fail "no screenshot"
[ -s "$home/.local/share/positionlab/positionlab.mv.db" ] || fail "no workspace in the user's data folder"
su positionlab-check -c "cd && JAVA_TOOL_OPTIONS=-Xlog:class+load:file=classes.txt positionlab portfolio" 2>/dev/null |
  grep -q '"holdings"' || fail "no demo portfolio"
shared=$(grep -c "shared objects file (top)" "$home/classes.txt" || true)
[ "$shared" -gt 1000 ] || fail "the installed app mapped only $shared classes from the archive made at install"
echo "installed app: workspace in $home/.local/share/positionlab, demo portfolio shown," \
  "$shared classes mapped from the archive made at install"

# 4. Removal.
DEBIAN_FRONTEND=noninteractive apt-get remove -y positionlab >"$work/remove.log" 2>&1 || fail "apt-get remove"
for f in /usr/bin/positionlab /opt/positionlab /usr/share/metainfo/io.positionlab.PositionLab.metainfo.xml \
         /usr/share/icons/hicolor/256x256/apps/positionlab.png; do
  [ ! -e "$f" ] || fail "$f is left after removing the package"
done
[ -s "$home/.local/share/positionlab/positionlab.mv.db" ] || fail "removing the package removed the user's data"
echo "removed: nothing left outside the user's data folder, which is kept"
