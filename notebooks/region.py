# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (gwangju-pledges)
#     language: python
#     name: gwangju-pledges
# ---

# %% tags=["parameters"]
region = "광주광역시"
first_year = 2000
last_year = 2025
target_year = 2030
assumptions = {}

# %%
from analysis.report.execution import guard
guard.check("region", globals())
from analysis.report import pages
page = pages.region(region, first_year, last_year, target_year, assumptions)

# %%
page
