"""`fourlooks hook SHELL`: a prompt snippet that shows a marker while a review is due.

The snippet reads the journal's due file (due_file.py) with the shell's own builtins on
every prompt: bash takes the time from `printf '%(...)T'` and zsh from zsh/datetime, so
neither starts a process; fish has no clock of its own and runs `date` once per prompt.
No Python starts: the due file already holds the times at which reviews fall due.
"""

from __future__ import annotations

from pathlib import Path

from fourlooks.errors import UsageError

SHELLS = ("bash", "zsh", "fish")
MARKER = "✎ "

_BASH = """\
# fourlooks: a marker at the start of the prompt while a review is due (fourlooks hook).
__fourlooks_due() {{
  local now from until
  __fourlooks_mark=
  [[ -r {file} ]] || return 0
  printf -v now '%(%Y%m%d%H%M)T' -1
  while read -r from until; do
    [[ $from == [0-9]* ]] || continue
    if (( 10#$now >= 10#$from && 10#$now < 10#$until )); then
      __fourlooks_mark={marker}; return 0
    fi
  done < {file}
}}
PROMPT_COMMAND="__fourlooks_due${{PROMPT_COMMAND:+;$PROMPT_COMMAND}}"
PS1='${{__fourlooks_mark}}'"$PS1"
"""

_ZSH = """\
# fourlooks: a marker at the start of the prompt while a review is due (fourlooks hook).
zmodload -F zsh/datetime b:strftime p:EPOCHSECONDS
__fourlooks_due() {{
  local now from until
  __fourlooks_mark=
  [[ -r {file} ]] || return 0
  strftime -s now %Y%m%d%H%M $EPOCHSECONDS
  while read -r from until; do
    [[ $from == [0-9]* ]] || continue
    if (( now >= from && now < until )); then __fourlooks_mark={marker}; return 0; fi
  done < {file}
}}
autoload -Uz add-zsh-hook
add-zsh-hook precmd __fourlooks_due
setopt prompt_subst
PROMPT='${{__fourlooks_mark}}'"$PROMPT"
"""

_FISH = """\
# fourlooks: a marker at the start of the prompt while a review is due (fourlooks hook).
function __fourlooks_mark
    test -r {file}; or return 0
    set -l now (date +%Y%m%d%H%M)
    while read -l from until
        string match -qr '^[0-9]' -- $from; or continue
        if test $now -ge $from -a $now -lt $until
            printf '%s' {marker}
            return 0
        end
    end < {file}
end
functions -q __fourlooks_prompt; or functions -c fish_prompt __fourlooks_prompt
function fish_prompt
    __fourlooks_mark
    __fourlooks_prompt
end
"""

_TEMPLATES = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}


def snippet(shell: str, due_file: Path, marker: str = MARKER) -> str:
    """The lines to add to the shell's startup file, the due file's path written in."""
    if shell not in _TEMPLATES:
        raise UsageError(f"{shell!r} is not a shell fourlooks knows: use bash, zsh or fish")
    if not marker or any(not char.isprintable() and char != " " for char in marker):
        raise UsageError("the marker must be printable text, without control characters")
    quote = _fish_quote if shell == "fish" else _posix_quote
    shown = marker.replace("%", "%%") if shell == "zsh" else marker  # zsh's prompt escapes
    return _TEMPLATES[shell].format(file=quote(str(due_file)), marker=quote(shown))


def _posix_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
