#!/usr/bin/env bash
# Installs the Debian packages Zhixun builds against, when they are missing.
# libxml2-dev and libsqlite3-dev are usually present; libopencc-dev (traditional ↔ simplified
# Chinese) usually is not. Needs root (or sudo) only when something is missing.
set -euo pipefail
needed=(libopencc-dev libxml2-dev libsqlite3-dev pkg-config)
missing=()
for p in "${needed[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
