"""Scale-out: quotewire over many files on Apache Spark (``quotewire spark``).

- :mod:`quotewire.scale.inputs`: which input files there are and how each is read (WARC,
  JSONL batches, Parquet), as documents or the error of each bad record;
- :mod:`quotewire.scale.rows`: one article's result as the rows of the output datasets
  (pure functions; the same for every runner);
- :mod:`quotewire.scale.spark`: the Spark job itself, the only module that imports pyspark.
"""
