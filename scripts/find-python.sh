#!/usr/bin/env bash
# Prints the path of a Python interpreter of the wanted minor version (e.g. 3.10),
# trying `python3.10` on PATH, then pyenv's versions; fails with a clear message.
set -euo pipefail
want="$1"
for candidate in "python$want" ; do
  if path="$(command -v "$candidate" 2>/dev/null)" && "$path" -c "import sys; assert sys.version.startswith('$want.')" 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
if command -v pyenv >/dev/null 2>&1; then
  for path in "$(pyenv root)"/versions/"$want".*/bin/python; do
    if [ -x "$path" ]; then echo "$path"; exit 0; fi
  done
fi
echo "Python $want not found. Install it with 'pyenv install $want' (or your package manager) and run make again." >&2
exit 1
