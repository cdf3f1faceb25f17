#!/usr/bin/env bash
# Runs every test project against real SQLite, a throwaway PostgreSQL server and headless Chromium.
# Installs PostgreSQL and Chromium from Debian's packages when they are missing (needs root, as in CI).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql postgresql-contrib)
command -v chromium >/dev/null || missing+=(chromium chromium-driver)
fc-list 2>/dev/null | grep -qi "khmer" || missing+=(fonts-khmeros)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d)
pgport=${SPEAN_TEST_PG_PORT:-55432}
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdir"
run_pg "$pgbin/initdb -D $pgdir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
# Every test class has a database of its own with its own idle connection pool, and the web and CLI suites may run at
# once: 100 connections (the default) ran out ("too many clients already").
run_pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/pg.log -o '-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c max_connections=300' -w start" >/dev/null
trap 'run_pg "$pgbin/pg_ctl -D $pgdir/data -m fast -w stop" >/dev/null; rm -rf "$pgdir"' EXIT
export SPEAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres"

status=0
# A known high or critical vulnerability in a dependency fails the run; a NuGet source without vulnerability data is reported, not failed.
scripts/audit-dependencies.sh || status=$?

dotnet build Spean.slnx --configuration Release

# Two lanes for two cores: the browser suite (the longest) starts at once in one, Core's then Web's in the other.
# Left to MSBuild, the order of projects changed from run to run, and when it built the browser suite last the suites
# ran mostly one after another (26 minutes instead of 21).
lane() {
  local failed=0
  for project in "$@"; do dotnet test "tests/$project" --configuration Release --no-build || failed=1; done
  return "$failed"
}
first_lane=(Spean.EndToEnd.Tests Spean.Cli.Tests)
second_lane=(Spean.Core.Tests Spean.Web.Tests)
for csproj in tests/*/*.csproj; do
  grep -q "<IsTestProject>false" "$csproj" && continue
  case " ${first_lane[*]} ${second_lane[*]} " in
    *" $(basename "$csproj" .csproj) "*) ;;
    *) echo "test.sh: $csproj is in neither lane: add it to one"; exit 1 ;;
  esac
done
logs=$(mktemp -d)
(lane "${first_lane[@]}" 2>&1 | tee "$logs/first") & first=$!
(lane "${second_lane[@]}" 2>&1 | tee "$logs/second") & second=$!
wait "$first" || status=1
wait "$second" || status=1

# One closing line over all test projects.
awk '/(Passed|Failed)! +- Failed:/ { gsub(",", ""); failed += $4; passed += $6 }
     END { printf "tests: %d passed, %d failed\n", passed, failed }' "$logs"/*
rm -rf "$logs"
exit "$status"
