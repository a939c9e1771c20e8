#!/usr/bin/env bash
# Builds, tests and packs ModuleGen through build.cake. Usage: ./build.sh [--target=Test] [--configuration=Release]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

dotnet tool restore
dotnet cake build.cake "$@"
