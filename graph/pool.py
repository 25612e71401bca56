"""Running the server's queries: with a time limit that really stops them, and a row limit.

pyoxigraph cannot cancel a running query, so a query on an embedded store runs in a worker
process that opens the store read-only; when it runs past the time limit the worker is killed
(the query stops, its memory is freed) and a fresh one takes its place. A fixed number of
workers bounds how many queries run at once; a request that finds them all busy waits for one
up to the time limit, then gets 503. A remote store is queried from the request's thread: the
SPARQL server runs the query and the HTTP timeout bounds the wait.

Every answer is an :class:`Outcome`: an HTTP status, a body (the serialized result or a
one-line message), and for the explorer the rows as rdflib terms.

>>> from graph.store import open_store
>>> store = open_store("memory")
>>> outcome = execute(store, Job("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", "csv", max_rows=2))
>>> outcome.status, outcome.body.decode()
(422, 'the answer has more than 2 rows (the server limit); add LIMIT, or OFFSET to page through it')
>>> execute(store, Job("SELECT ?x WHERE { VALUES ?x { 1 2 } }", "csv", max_rows=2)).body
b'x\\r\\n1\\r\\n2\\r\\n'
"""
from __future__ import annotations

import os
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError, RemoteStoreError, StoreError
from .results import MEDIA_TYPES, RESULTS_FORMATS, canonical_tags, serialize_graph
from .store import EmbeddedStore, SelectResult
from .terms import from_ox

__all__ = ["Job", "Outcome", "Raw", "execute", "run_raw", "finish", "WorkerPool", "InlineExecutor", "worker_main",
           "ROWS"]

ROWS = "rows"  # the format name of an answer wanted as Python values, not bytes
_HEADER = struct.Struct("!I")


@dataclass(frozen=True)
class Job:
    """One query to run: its text (parameters already bound), the format of the answer, and
    the row limit; with ``truncate`` the first ``max_rows`` rows are kept instead of refusing."""

    sparql: str
    fmt: str
    max_rows: int = 10_000
    truncate: bool = False


@dataclass(frozen=True)
class Outcome:
    """The answer to a :class:`Job`: status 200 with the body in ``media_type`` (or ``value``
    for :data:`ROWS`), else an error status with a one-line message as the body."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    value: object = None
    truncated: bool = False
    kind: str = ""  # solutions, boolean or graph

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace")


def _error(status: int, message: str) -> Outcome:
    return Outcome(status, " ".join(message.split()).encode("utf-8"))


class _Full(Exception):
    """The answer has more lines than its budget."""


class _Budget:
    """A write target for Oxigraph's serializers that takes at most ``lines`` lines (in TSV and
    N-Triples, one line is one row or one triple: newlines in literals are escaped)."""

    def __init__(self, lines: int) -> None:
        self.limit = lines
        self.lines = 0
        self.chunks: list[bytes] = []

    def write(self, data) -> int:
        chunk = bytes(data)
        self.chunks.append(chunk)
        self.lines += chunk.count(b"\n")
        if self.lines > self.limit:
            raise _Full
        return len(chunk)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        """What was written, cut after the last line within the budget."""
        data = b"".join(self.chunks)
        if self.lines <= self.limit:
            return data
        end = -1
        for _ in range(self.limit):
            end = data.index(b"\n", end + 1)
        return data[: end + 1]


def _bounded(result, fmt, lines: int, job: Job) -> tuple[bytes | None, bool]:
    """The result serialized within ``lines`` lines, and whether it was cut; ``None`` when it
    does not fit and the job does not truncate."""
    budget = _Budget(lines)
    try:
        result.serialize(output=budget, format=fmt)
    except _Full:
        return (budget.value(), True) if job.truncate else (None, True)
    return budget.value(), False


@dataclass(frozen=True)
class Raw:
    """An answer before it takes the format asked for: TSV for solutions, N-Triples for a
    graph, the value of an ASK; or an error status with its message in ``data``."""

    status: int
    kind: str = ""  # solutions, boolean or graph
    data: bytes = b""
    value: bool | None = None
    truncated: bool = False


def _raw_error(status: int, message: str) -> Raw:
    return Raw(status, data=" ".join(message.split()).encode("utf-8"))


def run_raw(store, job: Job) -> Raw:
    """Run a job on a store (anything with ``raw_query`` giving pyoxigraph results).

    The answer is written by Oxigraph as TSV (or N-Triples) into a bounded buffer, so an answer
    over the row limit is stopped as soon as it passes it.
    """
    try:
        result = store.raw_query(job.sparql)
        if isinstance(result, ox.QueryBoolean):
            return Raw(200, "boolean", value=bool(result))
        if isinstance(result, ox.QuerySolutions):
            kind, data_format, lines = "solutions", ox.QueryResultsFormat.TSV, job.max_rows + 1
        else:
            kind, data_format, lines = "graph", ox.RdfFormat.N_TRIPLES, job.max_rows
        data, truncated = _bounded(result, data_format, lines, job)
        if data is None:
            return _raw_error(422, f"the answer has more than {job.max_rows} rows (the server limit); "
                                   "add LIMIT, or OFFSET to page through it")
        return Raw(200, kind, data, truncated=truncated)
    except QueryError as e:
        return _raw_error(400, str(e))
    except RemoteStoreError as e:
        return _raw_error(502, str(e))
    except (StoreError, OSError, RuntimeError, ValueError, SyntaxError) as e:
        return _raw_error(500, f"the query failed: {e}")


def finish(raw: Raw, fmt: str) -> Outcome:
    """The answer in the format asked for (:data:`ROWS`: Python values for the explorer)."""
    if raw.status != 200:
        return Outcome(raw.status, raw.data)
    common = {"truncated": raw.truncated, "kind": raw.kind}
    if raw.kind == "boolean":
        if fmt == ROWS:
            return Outcome(200, value=raw.value, **common)
        word = b"true" if raw.value else b"false"
        answer = ox.parse_query_results(b"{\"head\":{},\"boolean\":" + word + b"}", ox.QueryResultsFormat.JSON)
        return Outcome(200, answer.serialize(format=RESULTS_FORMATS[fmt]), MEDIA_TYPES[fmt], **common)
    if raw.kind == "solutions":
        if fmt == "tsv":
            return Outcome(200, canonical_tags(raw.data, fmt), MEDIA_TYPES[fmt], **common)
        solutions = ox.parse_query_results(raw.data, ox.QueryResultsFormat.TSV)
        if fmt == ROWS:
            names = tuple(v.value for v in solutions.variables)
            rows = tuple(tuple(from_ox(sol[i]) for i in range(len(names))) for sol in solutions)
            return Outcome(200, value=SelectResult(names, rows), **common)
        body = solutions.serialize(format=RESULTS_FORMATS[fmt])
        return Outcome(200, canonical_tags(body, fmt), MEDIA_TYPES[fmt], **common)
    triples = [q.triple for q in ox.parse(raw.data, format=ox.RdfFormat.N_TRIPLES)]
    if fmt == ROWS:
        value = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in triples]
        return Outcome(200, value=value, **common)
    return Outcome(200, serialize_graph(triples, fmt), MEDIA_TYPES[fmt], **common)


def execute(store, job: Job) -> Outcome:
    """Run a job on a store and give the answer in the job's format."""
    return finish(run_raw(store, job), job.fmt)


class _Cache:
    """Answers by query, least recently used first out, within a byte budget: the raw answer
    (under format ``None``) and each format it was asked in. Only for a store that cannot
    change (the workers' snapshot): answers and refusals (400, 422) are final; timeouts and
    failures are not kept."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.used = 0
        self._items: OrderedDict[tuple, tuple[Raw | Outcome, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: tuple, answer: Raw | Outcome, size: int) -> None:
        size += len(key[0]) + 100
        if answer.status not in (200, 400, 422) or size > self.budget // 4:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = (answer, size)
            self.used += size
            while self.used > self.budget:
                _, (_, old_size) = self._items.popitem(last=False)
                self.used -= old_size


class InlineExecutor:
    """Runs jobs in the calling thread, at most ``size`` at once (for remote stores, and for
    the one-shot mode). The time limit is the store's own (a remote store's HTTP timeout)."""

    def __init__(self, store, *, size: int = 4) -> None:
        self.store = store
        self.size = size
        self._slots = threading.BoundedSemaphore(size)

    def run(self, job: Job, timeout: float) -> Outcome:
        if not self._slots.acquire(timeout=timeout):
            return _busy(self.size, timeout)
        try:
            return execute(self.store, job)
        finally:
            self._slots.release()

    def close(self) -> None:
        pass


def _busy(size: int, timeout: float) -> Outcome:
    return _error(503, f"all {size} query slots stayed busy for {timeout:g} s; try again later")


def _read_exact(stream, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError("the worker closed its pipe")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        written = stream.write(view)
        view = view[written:]
    stream.flush()


def _receive(stream):
    (size,) = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    return pickle.loads(_read_exact(stream, size))


class _Worker:
    """One worker process holding the store open read-only."""

    def __init__(self, path: str) -> None:
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from graph.pool import worker_main; worker_main()", path],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env)

    def wait_ready(self, timeout: float) -> None:
        raw = self.receive(timeout)
        if raw.status != 200:
            self.kill()
            raise StoreError(raw.data.decode("utf-8", "replace"))

    def receive(self, timeout: float) -> Raw:
        ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, timeout))
        if not ready:
            raise TimeoutError
        return _receive(self.proc.stdout)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            stream.close()


class WorkerPool:
    """``size`` worker processes over a store directory; see the module's description.

    Parameters
    ----------
    path
        The embedded store's directory (opened read-only by every worker); it must not change
        while the pool runs, since answers are kept.
    size
        How many queries may run at once.
    cache_bytes
        Memory for answers already given (0: none).
    """

    def __init__(self, path: str | Path, *, size: int = 4, startup_timeout: float = 60.0,
                 cache_bytes: int = 256 * 2**20) -> None:
        self.path = str(path)
        self.size = size
        self._cache = _Cache(cache_bytes) if cache_bytes > 0 else None
        self.startup_timeout = startup_timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        started = [_Worker(self.path) for _ in range(size)]
        try:
            for w in started:
                w.wait_ready(startup_timeout)
        except (StoreError, TimeoutError, EOFError) as e:
            for w in started:
                w.kill()
            reason = str(e) or "no answer"
            raise StoreError(f"{self.path}: the query workers could not open the store ({reason})") from None
        for w in started:
            self._workers.add(w)
            self._idle.put(w)

    def run(self, job: Job, timeout: float) -> Outcome:
        """Run a job in an idle worker (or answer it from the cache); stop it after ``timeout``
        seconds (status 504)."""
        if self._closed:
            return _error(503, "the server is shutting down")
        key = (job.sparql, job.max_rows, job.truncate)
        if self._cache is None:
            raw = self._run_raw(job, timeout)
            return raw if isinstance(raw, Outcome) else finish(raw, job.fmt)
        done = self._cache.get((*key, job.fmt))
        if done is not None:
            return done
        raw = self._cache.get((*key, None))
        if raw is None:
            raw = self._run_raw(job, timeout)
            if isinstance(raw, Outcome):
                return raw
            self._cache.put((*key, None), raw, len(raw.data))
        outcome = finish(raw, job.fmt)
        self._cache.put((*key, job.fmt), outcome, len(outcome.body) if job.fmt != ROWS else 4 * len(raw.data))
        return outcome

    def _run_raw(self, job: Job, timeout: float) -> Raw | Outcome:
        for _attempt in range(2):  # a worker found dead before it took the job: try another
            try:
                worker = self._idle.get(timeout=timeout)
            except queue.Empty:
                return _busy(self.size, timeout)
            try:
                _send(worker.proc.stdin, job)
                break
            except OSError:
                self._replace(worker)
        else:
            return _error(500, "the query workers keep dying; see the server's log")
        started = time.monotonic()
        try:
            raw = worker.receive(timeout)
        except TimeoutError:
            self._replace(worker)
            return _error(504, f"the query was stopped after {timeout:g} s (the server's time limit); "
                               "narrow it down or add LIMIT")
        except (EOFError, OSError, pickle.UnpicklingError):
            self._replace(worker)
            return _error(500, f"the query worker died after {time.monotonic() - started:.1f} s; "
                               "the query was not answered")
        self._idle.put(worker)
        return raw

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background."""
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
            if self._closed:
                return
        threading.Thread(target=self._spawn, name="tjkg-worker-spawn", daemon=True).start()

    def _spawn(self) -> None:
        try:
            worker = _Worker(self.path)
            worker.wait_ready(self.startup_timeout)
        except (StoreError, TimeoutError, EOFError, OSError) as e:
            print(f"tjkg serve: could not start a query worker: {e}", file=sys.stderr)
            return
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._workers.add(worker)
        self._idle.put(worker)

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.proc.pid for w in self._workers)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._workers = set(self._workers), set()
        for w in workers:
            w.kill()


def _open_read_only(path: str) -> EmbeddedStore:
    return EmbeddedStore.read_only(path)


def worker_main() -> None:
    """A worker process: jobs in on stdin, outcomes out on stdout (length-prefixed pickles)."""
    path = sys.argv[1]
    stdin, stdout = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, never into the answers
    try:
        store = _open_read_only(path)
    except Exception as e:  # noqa: BLE001 - any failure to open is reported, not a traceback
        _send(stdout, _raw_error(500, str(e)))
        return
    _send(stdout, Raw(200, data=b"ready"))
    while True:
        try:
            job = _receive(stdin)
        except EOFError:
            return
        _send(stdout, run_raw(store, job))
