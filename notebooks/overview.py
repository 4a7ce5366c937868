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
assumptions = {}

# %%
from analysis.report import guard, pages
guard.check("overview", assumptions=assumptions)
page = pages.overview(assumptions)

# %%
page
