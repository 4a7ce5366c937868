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
from analysis.report import guard, pages
guard.check("pledge", pledge_id=pledge_id, assumptions=assumptions)
page = pages.pledge(pledge_id, assumptions)

# %%
page
