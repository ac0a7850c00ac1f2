#!/usr/bin/env bash
# A full disk leaves the workspace intact: it is reported as a full disk, never "restored".
#
#   bench/crash/full-disk-open.sh [SIZE_MB]      (default 48; needs root for mount -t tmpfs)
#
# Creates a demo workspace on a small tmpfs, counts its rows, fills the disk with dd, then runs CLI
# commands that write and open it (import, portfolio, demo --empty), frees the space and checks that the
# workspace opens with the same row counts, that no .corrupt-* copy and no .tmp file exists, and that
# every failing command said "full" in one line. Prints one RESULT line. Unmounts in a trap.
# Uses target/positionlab.jar (built if missing), or the class path in $POSITIONLAB_CP.
set -euo pipefail

SIZE_MB=${1:-48}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [[ -n "${POSITIONLAB_CP:-}" ]]; then
  CP=$POSITIONLAB_CP
else
  CP="$ROOT/target/positionlab.jar"
  [[ -f "$CP" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/positionlab-fulldisk-open.XXXXXX")
DISK="$WORK/disk"
mkdir -p "$DISK"
mount -t tmpfs -o size="${SIZE_MB}m" positionlab-fulldisk "$DISK"
trap 'umount "$DISK" 2>/dev/null || umount -l "$DISK"; rm -rf "$WORK"' EXIT
DB="$DISK/ws"
pl() { timeout 120 java -cp "$CP" com.positionlab.Launcher "$@"; }
counts() {
  timeout 120 java -cp "$CP" org.h2.tools.Shell -url "jdbc:h2:file:$DB;WRITE_DELAY=0" -user sa -sql \
    "SELECT (SELECT COUNT(*) FROM prices) || '/' || (SELECT COUNT(*) FROM trades) || '/' || (SELECT COUNT(*) FROM instruments) AS C" \
    2>/dev/null | tr -d ' ' | grep -E '^[0-9]+/[0-9]+/[0-9]+$' || echo unreadable
}

pl demo --db "$DB" >/dev/null
before=$(counts)
python3 - "$WORK/prices.csv" <<'PY'
import datetime, sys
with open(sys.argv[1], "w") as f:
    f.write("date,instrument,close\n")
    for t in range(10):
        for i in range(3000):
            f.write(f"{datetime.date(1990, 1, 1) + datetime.timedelta(days=i)},FD{t},{10 + i * 0.01:.2f}\n")
PY
dd if=/dev/zero of="$DISK/filler" bs=1M 2>/dev/null || true
echo "disk filled: $(df -h "$DISK" | tail -1)"

failed_lines_ok=0; runs=0; unexpected_ok=0
for cmd in "import --prices $WORK/prices.csv" "portfolio" "demo --empty" "import --prices $WORK/prices.csv"; do
  runs=$((runs + 1))
  set +e
  # shellcheck disable=SC2086
  pl $cmd --db "$DB" >/dev/null 2>"$WORK/err"
  rc=$?
  set -e
  lines=$(grep -c . "$WORK/err" || true)
  echo "with a full disk: '$cmd' -> exit $rc, stderr: $(head -c 300 "$WORK/err" | tr '\n' '|')"
  if [[ $rc -ne 0 ]] && grep -qi "full" "$WORK/err" && [[ $lines -eq 1 ]]; then
    failed_lines_ok=$((failed_lines_ok + 1))
  elif [[ $rc -eq 0 ]]; then
    unexpected_ok=$((unexpected_ok + 1))
  fi
done

rm -f "$DISK/filler"
leftovers=$(find "$DISK" -name '*.corrupt-*' -o -name '*.tmp' | wc -l)
size=$(stat -c %s "$DB.mv.db" 2>/dev/null || echo 0)
set +e
pl portfolio --db "$DB" >/dev/null 2>"$WORK/err"
reopen_rc=$?
set -e
after=$(counts)
intact=no
[[ "$before" == "$after" && $reopen_rc -eq 0 && $leftovers -eq 0 && $size -gt 0 ]] && intact=yes
echo "after freeing: portfolio exit $reopen_rc $(head -c 300 "$WORK/err"), counts before $before after $after (prices/trades/instruments)"
echo "RESULT full-disk-open intact=$intact counts_before=$before counts_after=$after reopen_exit=$reopen_rc corrupt_or_tmp_files=$leftovers one_line_full_errors=$failed_lines_ok/$runs succeeded_on_full_disk=$unexpected_ok load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
