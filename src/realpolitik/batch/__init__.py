"""Batch coding on a Dask cluster: a corpus of JSON Lines or Parquet in, partitioned Parquet out, resumable.

``run_batch`` plans bounded partitions, codes each on a worker with ``realpolitik.coder.code_articles`` (the same
function ``ingest`` and the API call) and records every finished partition in a manifest, so a killed run picks
up where it stopped without duplicates. ``load_batch`` merges the output into a DuckDB store.
"""

from .loader import LoadReport, load_batch
from .output import OutputDir
from .partitions import BatchOptions, Partition, plan_partitions
from .reader import read_partition
from .runner import BatchReport, code_partition, run_batch

__all__ = ["BatchOptions", "BatchReport", "LoadReport", "OutputDir", "Partition", "code_partition", "load_batch",
           "plan_partitions", "read_partition", "run_batch"]
