"""fourlooks on a real pseudo-terminal (pexpect), as a person meets it: the one harness.

The program runs in a child process whose stdin, stdout and stderr are a terminal, so it takes
every path it takes for a person (prompts, the editor, colour, progress bars). The journal is
the test's own: the autouse `home` fixture has set FOURLOOKS_HOME in os.environ, which the
child inherits.
"""

from __future__ import annotations

import os
import platform
import signal
import sys
import time
from pathlib import Path

import pexpect

NOW = "2026-11-26T21:00:00"
TIMEOUT = 30  # generous: a loaded CI machine may start Python slowly; the tests do not wait
# read(2)'s number in /proc/PID/syscall, where the kernel shows what a process is blocked in.
_READ_SYSCALL = {"x86_64": "0", "aarch64": "63"}.get(platform.machine())


def environment(env: dict | None = None, *, now: str | None = NOW, plain: bool = True) -> dict:
    """The child's environment: the test's, the clock frozen at `now`, the terminal's own size.

    plain: NO_COLOR and a dumb terminal, so screens are text alone; otherwise colour and the
    terminal type are left as the test's environment has them.
    """
    merged = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    if now is not None:
        merged["FOURLOOKS_NOW"] = now
    if plain:
        merged.update(NO_COLOR="1", TERM="dumb")
    return {**merged, **(env or {})}


def _signals_as_at_a_terminal() -> None:
    """In the child: the signals a person's shell leaves to the program, at their defaults.

    A suite started in the background (`pytest &` in a script) or under nohup inherits
    SIGINT or SIGHUP ignored, and so would every program it starts: Ctrl-C would do nothing.
    """
    for signum in (signal.SIGINT, signal.SIGQUIT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)


def spawn(
    *args: str,
    env: dict | None = None,
    now: str | None = NOW,
    plain: bool = True,
    width: int = 200,
    timeout: float = TIMEOUT,
    program: list[str] | None = None,
) -> pexpect.spawn:
    """Start `fourlooks ARGS` (or `program`) on a new terminal of 50 lines by `width` columns."""
    command = program or [sys.executable, "-m", "fourlooks", *args]
    child = pexpect.spawn(
        command[0],
        command[1:],
        env=environment(env, now=now, plain=plain),
        encoding="utf-8",
        timeout=timeout,
        dimensions=(50, width),
        preexec_fn=_signals_as_at_a_terminal,
    )
    # pexpect's default pauses (50 ms per line sent, 100 ms on close) add seconds, prove nothing.
    child.delaybeforesend = None
    child.delayafterclose = 0.01
    return child


def finish(child: pexpect.spawn) -> int:
    """Wait for the program to end; its exit status (128 + N for signal N)."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus


def run_in_terminal(*args: str, stdout_to: Path | None = None, **options) -> tuple[int, str]:
    """Run `fourlooks ARGS` to its end on a terminal: exit status and screen (\\r\\n as \\n).

    stdout_to sends stdout to that file while stderr stays on the terminal, as `> file` does.
    """
    if stdout_to is not None:
        shell = 'out=$1; shift; exec "$@" > "$out"'
        fourlooks = [sys.executable, "-m", "fourlooks", *args]
        options["program"] = ["/bin/sh", "-c", shell, "sh", str(stdout_to), *fourlooks]
    child = spawn(*args, **options)
    status = finish(child)
    return status, child.before.replace("\r\n", "\n")


def answer(child: pexpect.spawn, number: int, total: int, *lines: str) -> None:
    """Wait for question `number`, type the lines, and end the answer with an empty line."""
    child.expect_exact(f"[{number}/{total}]")
    child.expect_exact("> ")
    for line in lines:
        child.sendline(line)
    if lines and lines != ("",):
        child.sendline("")


def wait_until_reading(child: pexpect.spawn, timeout: float = TIMEOUT) -> None:
    """Wait until the program is blocked reading its terminal, waiting for the person.

    A signal that lands between Python's last check for signals and the blocking read of
    input() is only acted on when the read wakes up: sent while the program already waits,
    it interrupts the read at once. Where the kernel does not show the system call, returns
    at once and `stop` sends the signal again if it goes unnoticed.
    """
    path = Path(f"/proc/{child.pid}/syscall")
    deadline = time.monotonic() + timeout
    while _READ_SYSCALL is not None and time.monotonic() < deadline:
        try:
            call = path.read_text().split()
        except OSError:
            return
        if call[:2] == [_READ_SYSCALL, "0x0"]:  # read(0, ...): stdin, the terminal
            return
        time.sleep(0.01)


def stop(child: pexpect.spawn, signum: int | None = None) -> str:
    """Ctrl-C (or a signal) once the program waits for input, as a person would send it.

    Sent again if it went unnoticed (see `wait_until_reading`). Returns what the program
    printed meanwhile.
    """
    for _ in range(3):
        wait_until_reading(child)
        if signum is None:
            child.sendintr()
        else:
            child.kill(signum)
        if child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=10) == 0:
            return child.before
    raise AssertionError(f"the program did not stop; it printed {child.before!r}")
