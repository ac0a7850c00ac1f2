#!/usr/bin/env bash
# Builds the installable PositionLab from target/positionlab.jar (run by `mvn -Ppackage package`):
#   target/jpackage/positionlab/              the app image: bin/positionlab, the app, a jlink-trimmed runtime
#                                             and the start-up archive trained in place (train-cds.sh)
#   target/jpackage/positionlab_VERSION-1_amd64.deb   the Debian package (installs to /opt/positionlab)
# The jpackage options are in jpackage/*.txt; the platform resources in packaging/.
# usage: packaging/build.sh VERSION [JDK_HOME]   (JDK_HOME: the JDK whose jpackage and runtime to use)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1
jdk=${2:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jpackage="$jdk/bin/jpackage"
out=target/jpackage
[ -x "$jpackage" ] || { echo "error: $jpackage not found (a JDK 17+ with jpackage is needed)" >&2; exit 1; }
[ -f target/positionlab.jar ] || { echo "error: target/positionlab.jar is missing: run mvn package first" >&2; exit 1; }
missing=()
for tool in fakeroot dpkg-deb; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "error: the .deb needs ${missing[*]} (Debian: apt-get install fakeroot dpkg)" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out/input/icons"
cp target/positionlab.jar packaging/linux/io.positionlab.PositionLab.metainfo.xml packaging/linux/train-cds.sh \
  "$out/input/"
cp packaging/icons/positionlab-*.png "$out/input/icons/"

start=$(date +%s)
"$jpackage" @jpackage/app.txt --type app-image --input "$out/input" --dest "$out" --app-version "$version"
echo "app image: $out/positionlab ($(du -sh "$out/positionlab" | cut -f1), $(($(date +%s) - start)) s)"

start=$(date +%s)
"$jpackage" @jpackage/app.txt @jpackage/deb.txt --input "$out/input" --dest "$out" --app-version "$version"
deb=$(ls "$out"/positionlab_*.deb)
echo "package: $deb ($(du -h "$deb" | cut -f1), $(($(date +%s) - start)) s)"

sh "$out/positionlab/lib/app/train-cds.sh" "$out/positionlab"
