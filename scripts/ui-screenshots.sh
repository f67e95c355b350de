#!/usr/bin/env bash
# Refreshes the screenshots in docs/ui/ (used by docs/ui.md) from a real run of the browser tests.
#
#   scripts/ui-screenshots.sh
#
# Runs the ui-tests suite (headless Debian chromium through chromedriver, against the real CLI jar's
# `serve --dev`) with its screenshot folder pointed at docs/ui instead of ui-tests/target/screenshots.
# Needs chromium and chromium-driver (apt-get install -y chromium chromium-driver). About 3 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl ui-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='dev.tokencontract.uitests.*IT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dui.screenshots.dir="$root/docs/ui"
ls -l "$root/docs/ui"/*.png
