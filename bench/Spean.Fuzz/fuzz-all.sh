#!/usr/bin/env bash
# Every parser target under afl-fuzz, one after the other (one afl-fuzz at a time: the machine is shared).
#
#   bench/Spean.Fuzz/fuzz-all.sh [duration=120s] [slow duration=300s] [target names…]
#
# The slow targets (the OHCHR matrix reader, whole and its document part, and the PDF reader: tens to hundreds of
# inputs a second) get the second duration. Prints one summary line per target; logs stay in /tmp/spean-afl/<target>.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fast=${1:-120s}
slow=${2:-300s}
shift $(( $# < 2 ? $# : 2 ))
dotnet build "$here/Spean.Fuzz.csproj" -c Release -v quiet -nologo >/dev/null
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(dotnet "$here/bin/Release/net10.0/Spean.Fuzz.dll" list)
for target in "${targets[@]}"; do
  case $target in ohchr-matrix-*|evidence-pdf) duration=$slow ;; *) duration=$fast ;; esac
  SPEAN_FUZZ_BUILD=0 "$here/fuzz.sh" "$target" "$duration" | grep -v '^instrumented\|seeds in' || echo "target $target: fuzz.sh failed"
done
