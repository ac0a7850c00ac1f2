#!/usr/bin/env bash
# Start-up time of the workstation, as a trader sees it: from launching the JVM to the demo portfolio on
# screen, on a new data folder (the first start creates the demo workspace) and again on the existing one.
# Runs the real window in a virtual X display (installs Xvfb if missing) and reads the app's own
# "startup: ... after N ms" log lines (ui.StartupMilestones).
# usage: bench/startup/run.sh [RUNS] [APP_IMAGE]
#   RUNS defaults to 3. Without APP_IMAGE it runs `java -jar target/positionlab.jar` (built when missing);
#   with it, the installed launcher APP_IMAGE/bin/positionlab (from `mvn -Ppackage package`:
#   target/jpackage/positionlab), which passes the class-data-sharing archive the package trained.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
image=${2:-}
if [ -n "$image" ]; then
  image=$(cd "$image" && pwd)
  launch=("$image/bin/positionlab")
else
  [ -f target/positionlab.jar ] || mvn -B -q -o package -DskipTests
  launch=(java -jar target/positionlab.jar)
fi
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
ls /usr/lib/*-linux-gnu/libgtk-3.so.0 >/dev/null 2>&1 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (JavaFX's window needs GTK 3)" >&2
  (apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
    (apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1))
fi
disp=$((500 + RANDOM % 400))
Xvfb ":$disp" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
trap 'kill $xpid 2>/dev/null || true' EXIT
sleep 1

# Starts the workstation on data folder $1, waits for the portfolio on screen (at most 180 s), stops it,
# and prints "<window ms> <workspace open ms> <portfolio ms>".
one() {
  local dir=$1 log
  log=$(mktemp)
  DISPLAY=":$disp" JAVA_TOOL_OPTIONS="-Duser.home=$dir" "${launch[@]}" \
    --db "jdbc:h2:file:$dir/workspace" >"$log" 2>&1 & local pid=$!
  for _ in $(seq 1 360); do
    grep -q "startup: portfolio on screen" "$log" && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.5
  done
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  local w o p
  w=$(grep -o "startup: window shown after [0-9]* ms" "$log" | grep -o "[0-9]* ms" | grep -o "[0-9]*" || echo "?")
  o=$(grep -o "startup: workspace open after [0-9]* ms" "$log" | grep -o "[0-9]* ms" | grep -o "[0-9]*" || echo "?")
  p=$(grep -o "startup: portfolio on screen after [0-9]* ms" "$log" | grep -o "[0-9]* ms" | grep -o "[0-9]*" || echo "?")
  echo "$w $o $p"
  rm -f "$log"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run  first start (new folder): window, workspace open, portfolio (ms)  |  existing workspace: the same"
for r in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  first=$(one "$dir")
  again=$(one "$dir")
  echo "$r    $first  |  $again"
  rm -rf "$dir"
done
