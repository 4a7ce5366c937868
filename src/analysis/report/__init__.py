"""What readers see: views (plain objects a test can build), Korean prose, HTML tables and
figures, the page template, the scorecard index, and the runner that executes the notebooks."""
