"""Timing and memory measurements: repeated calls, and commands run as child processes.

A child's peak memory is sampled (every 0.05 s, with psutil when it is installed) as the sum
of the resident sets of the child and all its descendants, which is what a build with worker
processes really holds; ``ru_maxrss`` of the children (the largest single process) is taken
too, and is exact even for a child that lives less than one sampling period.

>>> t = repeat(lambda: sum(range(1000)), min_runs=3, max_runs=3)
>>> t.runs, t.median <= t.p95
(3, True)
"""
from __future__ import annotations

import os
import resource
import selectors
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

__all__ = ["Timing", "repeat", "percentile", "Measured", "run_measured", "JsonLines", "du"]


@dataclass(frozen=True)
class Timing:
    """Seconds of repeated runs: median, 95th percentile, fastest, how many runs."""

    median: float
    p95: float
    best: float
    runs: int


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), linear between the closest ranks.

    >>> percentile([1, 2, 3, 4], 50), percentile([1, 2, 3, 4], 100)
    (2.5, 4)
    """
    xs = sorted(values)
    if len(xs) == 1:
        return xs[0]
    k = (len(xs) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo) if hi != lo else xs[lo]


def repeat(fn: Callable[[], object], *, min_runs: int = 5, max_runs: int = 30, budget: float = 5.0,
           warmup: int = 1) -> Timing:
    """Time ``fn`` after ``warmup`` calls: at least ``min_runs`` runs (fewer, down to two, when
    the warm-up call alone takes a good part of the budget), then more while the total stays
    under ``budget`` seconds, at most ``max_runs``."""
    first = 0.0
    for _ in range(warmup):
        t = time.perf_counter()
        fn()
        first = time.perf_counter() - t
    if first > budget:  # a slow call: a few runs say enough
        min_runs = min(min_runs, 2)
    elif first > budget / 5:
        min_runs = min(min_runs, 3)
    times: list[float] = []
    spent = 0.0
    while len(times) < min_runs or (len(times) < max_runs and spent < budget):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        spent += times[-1]
    return Timing(statistics.median(times), percentile(times, 95), min(times), len(times))


@dataclass
class Measured:
    """A finished child process: wall seconds, peak memory, exit status and its output."""

    wall: float
    peak_rss: int  # bytes, the child and its descendants together (sampled)
    max_rss: int  # bytes, the largest single process (ru_maxrss)
    returncode: int
    cpu: float = 0.0  # CPU seconds (user + system) of the child and the descendants it waited for
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


class _Sampler(threading.Thread):
    """Samples the resident memory of a process tree until stopped."""

    def __init__(self, pid: int, period: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.period, self.peak = pid, period, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            import psutil

            proc = psutil.Process(self.pid)
        except Exception:  # psutil missing, or the child already gone
            return
        while not self._stop_event.is_set():
            self.peak = max(self.peak, _tree_rss(proc))
            self._stop_event.wait(self.period)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def _children_maxrss() -> int:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(cmd: list[str], *, env: dict[str, str] | None = None, timeout: float | None = None,
                 cwd: str | None = None) -> Measured:
    """Run ``cmd`` to its end (or ``timeout``), measuring wall time and peak memory."""
    before, cpu_before = _children_maxrss(), _children_cpu()
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    sampler = _Sampler(proc.pid)
    sampler.start()
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, err = proc.communicate()
    wall = time.perf_counter() - t
    peak = sampler.stop()
    after = _children_maxrss()
    # ru_maxrss of the children is a running maximum: it only says something when it grew
    max_rss = after if after > before else 0
    return Measured(wall, max(peak, max_rss), max_rss, proc.returncode, _children_cpu() - cpu_before, out, err,
                    timed_out)


@dataclass
class JsonLines:
    """A child process printing one JSON object per line, read with a deadline per line.

    >>> import sys
    >>> child = JsonLines([sys.executable, "-c", "print('{\\"a\\": 1}')"])
    >>> list(child.records(timeout=10))
    [{'a': 1}]
    """

    cmd: list[str]
    env: dict[str, str] | None = None
    proc: subprocess.Popen | None = field(default=None, init=False)
    timed_out: bool = field(default=False, init=False)
    stderr: str = field(default="", init=False)
    peak_rss: int = field(default=0, init=False)

    def records(self, timeout: float | Callable[[int], float]) -> Iterator[dict]:
        """Each JSON line as it comes; stops (killing the child) when none arrives in ``timeout``
        seconds (a number, or a function of how many lines came before)."""
        import json
        import tempfile

        errors = tempfile.TemporaryFile()  # a file, not a pipe: a chatty child never blocks on it
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=errors, env=self.env)
        sampler = _Sampler(self.proc.pid)
        sampler.start()
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        buf = b""
        count = 0
        try:
            while True:
                if not sel.select(timeout(count) if callable(timeout) else timeout):
                    self.timed_out = True
                    break
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                buf += chunk
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    if line.strip():
                        count += 1
                        yield json.loads(line)
        finally:
            sel.close()
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            self.peak_rss = sampler.stop()
            errors.seek(0)
            self.stderr = errors.read().decode("utf-8", "replace")
            errors.close()


def du(path: str) -> int:
    """Bytes on disk under ``path`` (allocated blocks, like ``du``)."""
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_blocks * 512
            except OSError:
                pass
    return total
