#!/usr/bin/env bash
# PDF benchmark (issue: agreement documents). Not a test: prints figures, asserts nothing.
# In one process with one Chromium: median time of a trivial one-page PDF and of a typical
# agreement, their ratio, throughput with 2 concurrent renders, and downloads/s of a stored signed PDF.
# Uses the development database with its demo data (scripts/run.sh seeds it on first start).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh --chromium
export ASPNETCORE_ENVIRONMENT=Development DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export Serilog__MinimumLevel__Default=Warning

# The benchmark is a developer tool (tools/SamarbeidsAvtaler.DevTools) that runs the product's app.
dotnet build tools/SamarbeidsAvtaler.DevTools -c Release --nologo -v quiet
cd src/SamarbeidsAvtaler.Web
dotnet ../../tools/SamarbeidsAvtaler.DevTools/bin/Release/net10.0/SamarbeidsAvtaler.DevTools.dll benchmark-pdf
