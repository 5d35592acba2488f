"""Starts each measured process and reports its wall time, CPU time and peak memory.

A separate, small process on purpose: Linux carries a process's peak RSS across fork and
exec, so a child started by the benchmark itself (tens of MB after building a journal)
would report the benchmark's size, not its own. Started from here, a child's reported peak
is its own, or this spawner's ~10 MB when the child stays below that.

Protocol: one JSON request per line on stdin, {"argv", "env", "cwd", "stderr", "timeout"};
one JSON reply per line on stdout, {"wall", "cpu", "maxrss_kib", "code", "timed_out"}.
A child still running after `timeout` seconds (if given) is killed.
"""

import json
import os
import shutil
import signal
import sys
import time


def spawn(request: dict) -> dict:
    argv = request["argv"]
    program = shutil.which(argv[0], path=request["env"].get("PATH")) or argv[0]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: quiet stdin/stdout, stderr to a file, then the program
        try:
            os.chdir(request["cwd"])
            null_in = os.open(os.devnull, os.O_RDONLY)
            null_out = os.open(os.devnull, os.O_WRONLY)
            err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(null_in, 0)
            os.dup2(null_out, 1)
            os.dup2(err, 2)
            os.execve(program, argv, request["env"])
        finally:
            os._exit(127)
    timed_out = []
    if request.get("timeout"):

        def stop(*_):
            timed_out.append(True)
            os.kill(pid, signal.SIGKILL)

        signal.signal(signal.SIGALRM, stop)
        signal.alarm(int(request["timeout"]))
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    signal.alarm(0)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_kib": usage.ru_maxrss,
        "code": os.waitstatus_to_exitcode(status),
        "timed_out": bool(timed_out),
    }


for line in sys.stdin:
    print(json.dumps(spawn(json.loads(line))), flush=True)
