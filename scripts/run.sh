#!/usr/bin/env bash
# Run SamarbeidsAvtaler locally on http://127.0.0.1:5080 (README: "Run").
# Starts the private dev database first (scripts/bootstrap.sh). Ctrl-C stops the app only;
# the database keeps running with its data (scripts/db.sh stop stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Chromium is only needed for PDF export; try to install it but don't fail without it.
# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh --try-chromium

export ASPNETCORE_ENVIRONMENT=Development
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cat <<TXT

==> SamarbeidsAvtaler starter på http://127.0.0.1:5080
==> Demo-innlogginger (passord for alle: Demo!Passord2026):
      admin@demo.local
      saksbehandler@demo.local
      samhandlingssjef@demo.local
      spesialist@demo.local
      sekretariat@demo.local
      kommune@demo.local
==> Ctrl-C stopper appen. Databasen (127.0.0.1:$SA_PG_PORT) fortsetter å kjøre og dataene beholdes;
    stopp den med: scripts/db.sh stop

TXT

exec dotnet run --project src/SamarbeidsAvtaler.Web -c Release -- --urls http://127.0.0.1:5080
