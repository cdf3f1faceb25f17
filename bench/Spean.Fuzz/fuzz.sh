#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser with SharpFuzz and afl-fuzz (issue 16, item 2; docs/reliability.md).
#
#   bench/Spean.Fuzz/fuzz.sh <target> <duration> [timeout-ms]
#
# <target>: a name from `dotnet bench/Spean.Fuzz/bin/Release/net10.0/Spean.Fuzz.dll list` (the ParserTargets names).
# <duration>: 600s or 10m for a time (afl-fuzz -V), a plain number for executions (afl-fuzz -E).
# [timeout-ms]: an input that runs longer is a hang (default 5000).
# Work folder: $SPEAN_FUZZ_WORK (default /tmp/spean-afl)/<target>: bin/ (the instrumented copy), in/, out/, dict.
# Crashes end up in out/default/crashes; each is replayed here and grouped by exception and place. To keep one:
#   dotnet <work>/<target>/bin/Spean.Fuzz.dll minimise <target> <crash> tests/Spean.Core.Tests/Fuzzing/Regressions/<target>/<name>.bin
# Extra assemblies to instrument besides Spean.Core.dll: $SPEAN_FUZZ_INSTRUMENT (file globs in the output folder);
# for evidence-pdf it defaults to PdfPig's, whose code is most of what the PDF reader runs.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,15p' "$0"
  exit 2
fi
target=$1
duration=$2
timeout_ms=${3:-5000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${SPEAN_FUZZ_WORK:-/tmp/spean-afl}/$target

if ! command -v afl-fuzz >/dev/null; then
  echo "afl-fuzz missing: installing Debian's afl++"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

cd "$root"
dotnet tool restore >/dev/null
# SPEAN_FUZZ_BUILD=0 fuzzes the build already there (fuzz-all.sh builds once, then leaves the tree to its owner).
[[ ${SPEAN_FUZZ_BUILD:-1} == 0 ]] || dotnet build bench/Spean.Fuzz/Spean.Fuzz.csproj -c Release -v quiet -nologo >/dev/null
built=bench/Spean.Fuzz/bin/Release/net10.0
if ! dotnet "$built/Spean.Fuzz.dll" list | grep -qx -- "$target"; then
  echo "No target '$target'. Targets:" >&2
  dotnet "$built/Spean.Fuzz.dll" list >&2
  exit 2
fi

# A fresh copy each run: sharpfuzz rewrites an assembly in place and refuses one already instrumented, and the build
# output must stay as the build left it.
rm -rf "$work/bin" "$work/in" "$work/out"
mkdir -p "$work"
cp -r "$built" "$work/bin"
instrument=(Spean.Core.dll)
extra=${SPEAN_FUZZ_INSTRUMENT:-}
[[ -z $extra && $target == evidence-pdf ]] && extra='UglyToad.PdfPig*.dll'
for pattern in $extra; do
  for file in "$work"/bin/$pattern; do instrument+=("$(basename "$file")"); done
done
for assembly in "${instrument[@]}"; do
  dotnet sharpfuzz "$work/bin/$assembly"
  echo "instrumented $assembly"
done

dotnet "$work/bin/Spean.Fuzz.dll" seeds "$target" "$work/in" "$work/dict"

case $duration in
  *s) limit=(-V "${duration%s}") ;;
  *m) limit=(-V "$(( ${duration%m} * 60 ))") ;;
  *) limit=(-E "$duration") ;;
esac

# The dotnet host is not instrumented (the managed code is), so afl-fuzz's binary check is skipped; the machine is
# shared, so no CPU binding and no governor check; no UI, its status lines go to the log.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000
echo "afl-fuzz $target ${limit[*]}, timeout ${timeout_ms} ms, log $work/afl.log"
afl-fuzz -i "$work/in" -o "$work/out" -x "$work/dict" -t "$timeout_ms" -m none "${limit[@]}" \
  -- dotnet "$work/bin/Spean.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || {
  tail -30 "$work/afl.log" >&2
  exit 1
}

stats=$work/out/default/fuzzer_stats
value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "target $target: $(value execs_done) execs in $(value run_time) s ($(value execs_per_sec) /s)," \
  "corpus $(value corpus_count), edges $(value edges_found) ($(value bitmap_cvg)), stability $(value stability)," \
  "crashes $(value saved_crashes), hangs $(value saved_hangs)"
if compgen -G "$work/out/default/crashes/id:*" >/dev/null; then
  dotnet "$built/Spean.Fuzz.dll" replay "$target" "$work/out/default/crashes" || true
fi
if compgen -G "$work/out/default/hangs/id:*" >/dev/null; then
  echo "hangs (over ${timeout_ms} ms) in $work/out/default/hangs"
fi
