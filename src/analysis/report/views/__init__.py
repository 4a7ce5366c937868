"""What each page shows, as plain data selected from the stored assessment: no markup, so a test
can build any page's view without Jupyter and check what it says."""
