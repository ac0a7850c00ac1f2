#!/usr/bin/env bash
# A report is written whole or not at all, also on a full disk: the error names the file and says the disk
# is full, an earlier report at that path is left as it was, and no temporary file is left behind.
#
#   bench/crash/full-disk-report.sh [SIZE_MB]      (default 2; needs root for mount -t tmpfs)
#
# Writes a Kelly + simulation report as PDF on a small tmpfs, fills the disk with dd, writes it again
# (PDF, zip, JSON) and checks each failure; frees the space and checks a write succeeds. Prints one RESULT
# line. Uses target/positionlab.jar (built if missing).
set -euo pipefail

SIZE_MB=${1:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/target/positionlab.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-fulldisk-report.XXXXXX")
DISK="$WORK/disk"
mkdir -p "$DISK"
mount -t tmpfs -o size="${SIZE_MB}m" positionlab-fulldisk "$DISK"
trap 'umount "$DISK" 2>/dev/null || umount -l "$DISK"; rm -rf "$WORK"' EXIT
pl() { timeout 120 java -jar "$JAR" "$@"; }

echo '{"win_probability":0.55,"average_win":150,"average_loss":100,"sample_size":200}' | pl kelly >"$WORK/kelly.json"
echo '{"win_probability":0.55,"win_loss_ratio":1,"fractions":[0.05,0.1,0.2],"paths":2000,"bets":100}' |
  pl simulate >"$WORK/sim.json"
pl report --kind kelly --in "$WORK/kelly.json" --simulation "$WORK/sim.json" --out "$DISK/kelly.pdf" >/dev/null
before=$(sha256sum "$DISK/kelly.pdf" | cut -d' ' -f1)

dd if=/dev/zero of="$DISK/filler" bs=64k 2>/dev/null || true
failures=0
for out in kelly.pdf kelly.zip kelly.json; do
  set +e
  msg=$(pl report --kind kelly --in "$WORK/kelly.json" --simulation "$WORK/sim.json" --out "$DISK/$out" 2>&1 >/dev/null)
  code=$?
  set -e
  if [[ $code -ne 1 || "$msg" != "error: cannot write $DISK/$out: the disk is full" ]]; then
    echo "unexpected answer for $out (exit $code): $msg"
    failures=$((failures + 1))
  fi
done
after=$(sha256sum "$DISK/kelly.pdf" | cut -d' ' -f1)
[[ "$before" == "$after" ]] || { echo "the earlier report changed"; failures=$((failures + 1)); }
left=$(find "$DISK" -name '*.tmp' | wc -l)
[[ $left -eq 0 ]] || { echo "$left temporary files left"; failures=$((failures + 1)); }
rm -f "$DISK/filler"
pl report --kind kelly --in "$WORK/kelly.json" --out "$DISK/kelly.zip" >/dev/null || failures=$((failures + 1))
if [[ $failures -eq 0 ]]; then
  echo "RESULT ok: 3 writes on a full disk refused with the path and 'the disk is full'; earlier report intact; no temporary file; a write after freeing space succeeds"
else
  echo "RESULT FAILED: $failures problems"
  exit 1
fi
