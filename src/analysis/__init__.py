"""Gwangju job and industry pledges: raw data in, verdicts and Korean reports out.

The package's folders are its layers; each imports only the layers above it in this list:

    vocab/    words the data speaks: periods, regions, units, industries
    ingest/   read and validate every raw input (KOSIS exports, facts, registry, manifest, API)
    tables/   the processed tables declared in config/catalog.yaml, their schemas and cross-checks
    assess/   forecasts, detectability, delivery, rules: the one place a verdict is assembled
    report/   views that notebooks render, Korean prose, HTML, figures, the runner and the index
    cli.py    `python -m analysis COMMAND`, a thin layer over the above
"""
