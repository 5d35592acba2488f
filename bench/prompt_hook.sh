#!/usr/bin/env bash
# The prompt snippet's cost per prompt, against the Python start-up it avoids.
# Usage: bench/prompt_hook.sh [ROUNDS]   (from the project folder, with .venv installed)
set -euo pipefail
rounds=${1:-10000}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export FOURLOOKS_HOME=$home
fourlooks=.venv/bin/fourlooks
"$fourlooks" add "a first entry" --look back >/dev/null
"$fourlooks" hook bash >"$home/snippet.bash"
bash --norc --noprofile -c "
  source '$home/snippet.bash'
  TIMEFORMAT='bash snippet, $rounds prompts: %R s wall, %U s user, %S s sys'
  time for ((i = 0; i < $rounds; i++)); do __fourlooks_due; done
  [[ -n \$__fourlooks_mark ]] || { echo 'the marker did not show' >&2; exit 1; }
"
TIMEFORMAT="fourlooks status --check, 20 prompts: %R s wall, %U s user, %S s sys"
time for ((i = 0; i < 20; i++)); do "$fourlooks" status --check >/dev/null || true; done
