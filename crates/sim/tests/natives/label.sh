#!/usr/bin/env bash
# Labels the natives test programs with what real Go prints: replaces each
# program's trailing "// Output:" block (and "// Exit:"/"// Stderr contains:")
# with the output of `go run` under Go 1.23.
#
#   crates/sim/tests/natives/label.sh [/path/to/go]
set -euo pipefail
GO=${1:-/usr/lib/go-1.23/bin/go}
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in *.go; do
  # Keep the program up to its label block.
  awk '/^\/\/ (Output|Exit|Stderr contains):/ {exit} {print}' "$f" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$tmp/main.go"
  set +e
  (cd "$tmp" && GO111MODULE=off "$GO" run main.go > out.txt 2> err.txt)
  code=$?
  set -e
  {
    cat "$tmp/main.go"
    echo
    echo "// Output:"
    sed -e 's|^|// |' -e 's|^// $|//|' "$tmp/out.txt"
    if [ "$code" != 0 ]; then
      echo "// Exit: $code"
      echo "// Stderr contains:"
      head -n 1 "$tmp/err.txt" | sed -e 's|^|// |'
    fi
  } > "$f"
done
