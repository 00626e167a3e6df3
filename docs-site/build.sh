#!/usr/bin/env bash
# Builds the docs site over ../generated/docs into docs-site/build, from the pinned
# package-lock.json. Fails on any broken link (see docusaurus.config.mjs).
set -euo pipefail
cd "$(dirname "$0")"

# `npm ci` reinstalls from scratch, which also drops the build cache kept in
# node_modules/.cache (a cold build takes several times longer): skip it when
# node_modules was installed from this very lockfile.
stamp=node_modules/.armgen-package-lock.json
if ! cmp -s package-lock.json "$stamp"; then
    npm ci --no-audit --no-fund
    cp package-lock.json "$stamp"
fi
npx docusaurus build
