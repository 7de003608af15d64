"""realpolitik: geopolitical news in, CAMEO-coded, sourced, dated, geolocated event data out.

Stages, in the one direction data flows: ingest -> nlp -> actors -> events -> when/where -> coder -> store
-> analysis -> export/batch/cli. Import the public entry points from their stage modules.
"""

import os as _os

__version__ = "0.1.0"

# spaCy's CPU pipelines multiply small matrices, through numpy's OpenBLAS (``realpolitik.nlp``). Its extra
# threads gain nothing there and spin between calls, burning a core: with one BLAS thread one process parses
# ~15% faster (docs/bench.md), and parallel runs use one process per core anyway. This must be set before
# numpy loads, so it is done here, on import; a user who chose a thread count keeps it.
#: Whether a BLAS or OpenMP thread count came from the environment before realpolitik was imported.
BLAS_THREADS_FROM_USER = any(_os.environ.get(name)
                             for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"))
if not BLAS_THREADS_FROM_USER:
    _os.environ["OPENBLAS_NUM_THREADS"] = "1"
