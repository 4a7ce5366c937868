"""Read and validate raw inputs: KOSIS exports (CSV/XLSX), the facts table, the pledge registry,
the manifest of raw files, YAML configuration, and the KOSIS OpenAPI. Nothing here writes
data/processed; everything here names the file, line and value of what it cannot read."""
