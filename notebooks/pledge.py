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
pledge_id = "jobs-13000"
assumptions = {}

# %%
from analysis.report.execution import guard
guard.check("pledge", globals())
from analysis.report import pages
page = pages.pledge(pledge_id, assumptions)

# %%
page
