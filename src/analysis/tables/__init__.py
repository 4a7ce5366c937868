"""The processed tables: declared in config/catalog.yaml, built from raw files, validated with
pandera schemas, cross-checked against each other, and written to data/processed/."""
