"""Ranking runs on one thread: NumPy's BLAS threads on a busy few-core host make a ranking many
times slower at the tail, and the bot runs many rankings side by side instead. Imported first by
the package, before NumPy: the thread counts are set in the environment (a value already set
there wins), and if NumPy was imported earlier its thread pools are limited where they are."""

import os
import sys

THREAD_VARIABLES = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def pin_threads() -> None:
    """One thread for NumPy's BLAS and OpenMP pools, unless the environment says otherwise."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    if "numpy" in sys.modules and os.environ["OPENBLAS_NUM_THREADS"] == "1":
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)


pin_threads()
