"""tjkg benchmarks: a synthetic corpus generator (:mod:`bench.corpus`) and the runner
(:mod:`bench.run`, ``python -m bench`` or ``make bench``). Not part of the installed package."""

__all__: list[str] = []
