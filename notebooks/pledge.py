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
from analysis.report import figures, pledge_numbers, pledge_page
figures.setup()
report = pledge_page.PledgePage(pledge_id, assumptions)
pledge_page.header(report)

# %%
pledge_page.quote(report)

# %%
pledge_page.evidence(report)

# %%
pledge_page.timeline(report)

# %%
pledge_numbers.numbers(report)

# %%
pledge_page.robustness(report)

# %%
pledge_page.smart(report)

# %%
pledge_page.assumptions(report)

# %% [markdown]
# ## 용어 설명

# %%
report.page.glossary()

# %% [markdown]
# ## 출처

# %%
report.page.sources()

# %%
report.page.reproduction({"pledge_id": pledge_id, "assumptions": assumptions})
