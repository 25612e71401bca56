"""``python -m bench``: run the benchmark (see :mod:`bench.run`)."""
from .run import main

__all__: list[str] = []

raise SystemExit(main())
