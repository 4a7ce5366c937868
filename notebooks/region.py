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
from analysis.report import figures, region_page
figures.setup()
report = region_page.RegionPage(region, first_year, last_year, target_year, assumptions)
region_page.header(report)

# %% [markdown]
# ## 자료와 읽는 법
#
# 취업자 수는 통계청 경제활동인구조사의 연간 값입니다. 2015년부터는 산업별 취업자 표의 공표값(계)이고,
# 2000–2014년은 같은 조사의 15세이상인구 × 고용률로 산출한 값입니다(그림에서 속이 빈 점). 이 값들은 거주지 기준
# **순변화**(취업자 수의 증감)이며, 공약이 말하는 **일자리 창출**(새로 생긴 일자리의 총량)과 같지 않습니다.

# %%
region_page.employment(report)

# %%
region_page.employment_rate(report)

# %%
region_page.ranking(report)

# %%
region_page.forecast(report)

# %%
region_page.firms(report)

# %%
region_page.catalog_tables(report)

# %% [markdown]
# ## 용어 설명

# %%
report.page.glossary()

# %% [markdown]
# ## 출처

# %%
report.page.sources()

# %%
report.page.reproduction({"region": region, "first_year": first_year, "last_year": last_year,
                          "target_year": target_year, "assumptions": assumptions})
