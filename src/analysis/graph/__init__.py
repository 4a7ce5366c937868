"""The dependency graph (config/graph.yaml with the catalog's `inputs:`): what each step reads, the
records of what each step wrote, and the freshness of a step's inputs. Between the assessment and
the reports: make rules, the report runner and the notebooks' guard are generated from it."""
