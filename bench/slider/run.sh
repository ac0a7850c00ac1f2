#!/usr/bin/env bash
# Kelly Lab slider latency: from moving the fraction slider to the new growth charts drawn, headless, on the
# demo workspace's default inputs. Prints the median, 90th percentile and maximum of 40 moves (after 8 to warm
# up). Run it on an idle machine: it shares the 2 cores with nothing else.
# usage: bench/slider/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test -Dtest=KellySliderLatencyTest -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
  2>&1 | grep -E "slider move|ERROR" || true
