"""Ranking is pinned to one BLAS thread, whether NumPy is imported before the summarizer or not."""

import json
import os
import subprocess
import sys

import pytest

from summarizer.threads import THREAD_VARIABLES

PROBE = (
    "import json, os, threadpoolctl, summarizer;"
    "print(json.dumps([[i['internal_api'], i['num_threads']] for i in threadpoolctl.threadpool_info()]))"
)


@pytest.mark.parametrize("first", ["", "import numpy;"])
def test_one_blas_thread(first: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARIABLES}
    out = subprocess.run([sys.executable, "-c", first + PROBE], env=env, capture_output=True, text=True, check=True)
    pools = json.loads(out.stdout)
    assert pools, "NumPy's BLAS pool should be loaded"
    assert all(threads == 1 for _, threads in pools)


def test_the_environment_wins() -> None:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    assert ["openblas", 2] in json.loads(out.stdout)
