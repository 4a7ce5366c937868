"""Executing the notebooks: parameter sets (specs), the notebooks' text form, papermill's
in-process engine, the runner that turns one executed notebook into its page, the pool that runs
many at once, and the guard a notebook run by hand calls first."""
