#!/bin/sh
# Writes the class-data-sharing archive of an installed PositionLab: its launcher maps the classes a start
# needs from APP/lib/app/positionlab.jsa instead of loading and verifying them one by one (start-up on an
# existing workspace: about 1.8 s instead of 3 s on a 2-core machine).
#
# The archive is only valid for the runtime it was made with and for the jar at the path it had then, so it
# is made where the app is installed: by packaging/build.sh for the app image and by the .deb's postinst.
# It runs the app once without a display (the `screenshot` command, on a throw-away workspace) and records
# the classes it loaded. Without an archive (or with a stale one) the app starts as usual, only slower.
#
# usage: train-cds.sh APP_DIR   (the folder holding bin/ and lib/)
set -eu
app=$(cd "$1" && pwd)
jar="$app/lib/app/positionlab.jar"
jsa="$app/lib/app/positionlab.jsa"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$jsa"
# The class path must be spelled as the launcher spells it ($APPDIR/positionlab.jar), or the archive is refused.
if HOME="$work" timeout 300 "$app/lib/runtime/bin/java" -Xshare:auto -XX:ArchiveClassesAtExit="$jsa" \
    -Dfile.encoding=UTF-8 -Duser.home="$work" -Djava.io.tmpdir="$work" -cp "$jar" com.positionlab.Launcher \
    screenshot --db "jdbc:h2:file:$work/workspace" --view portfolio --out "$work/portfolio.png" \
    >"$work/train.log" 2>&1 && [ -s "$jsa" ]; then
  chmod 644 "$jsa"
  echo "class-data-sharing archive: $jsa ($(du -k "$jsa" | cut -f1) kB)"
else
  rm -f "$jsa"
  echo "no class-data-sharing archive (the app starts without it); the training run said:" >&2
  tail -n 5 "$work/train.log" >&2
  exit 1
fi
