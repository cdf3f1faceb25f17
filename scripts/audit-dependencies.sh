#!/usr/bin/env bash
# Fails on a known high or critical vulnerability in any NuGet package of the solution (transitive ones included) or in
# any npm package the repository declares. When the NuGet source serves no vulnerability data, it says so and does not
# fail: a missing feed is not a finding. It finds out by asking about a package with a known high-severity advisory.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT

# Newtonsoft.Json 12.0.1 has a published high-severity advisory (GHSA-5crp-9r3c-p9vr); a source with vulnerability data reports it.
cat > "$probe/probe.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><NuGetAudit>false</NuGetAudit></PropertyGroup>
  <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="12.0.1" /></ItemGroup>
</Project>
XML
if ! dotnet restore "$probe/probe.csproj" >"$probe/restore.log" 2>&1; then
  echo "dependency audit: NOT RUN: the NuGet source could not be reached ($(tail -n 1 "$probe/restore.log"))"
elif ! dotnet list "$probe/probe.csproj" package --vulnerable 2>&1 | grep -qE '>.*Newtonsoft\.Json.*(High|Critical)'; then
  echo "dependency audit: NOT RUN: the NuGet source serves no vulnerability data (a package with a known high advisory was not reported)"
else
  dotnet restore Spean.slnx >/dev/null
  report=$(dotnet list Spean.slnx package --vulnerable --include-transitive 2>&1)
  found=$(grep -E '^\s*>.*\s(High|Critical)\s' <<<"$report" || true)
  if [ -n "$found" ]; then
    echo "$report"
    echo "dependency audit: FAILED: known high or critical vulnerabilities:"
    echo "$found"
    status=1
  else
    echo "dependency audit: no known high or critical vulnerability in the NuGet packages ($(grep -cE '^\s*>' <<<"$report") with a lower severity)"
  fi
fi

manifests=$(find . -name package.json -not -path '*/node_modules/*' -not -path '*/bin/*' -not -path '*/obj/*' -not -path './.git/*')
if [ -z "$manifests" ]; then
  echo "dependency audit: no npm package is used (no package.json)"
else
  for manifest in $manifests; do
    if ! (cd "$(dirname "$manifest")" && npm audit --audit-level=high); then
      echo "dependency audit: FAILED: npm audit found a high or critical vulnerability in $(dirname "$manifest")"
      status=1
    fi
  done
fi
exit "$status"
