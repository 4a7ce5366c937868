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
from analysis.report.execution import guard
guard.check("overview", globals())
from analysis.report import figures, overview_page
figures.setup()
report = overview_page.OverviewPage(assumptions)
overview_page.header(report)

# %% [markdown]
# 두 기사(아래 "두 기사와 그 뒤")의 광주 일자리·산업 공약을 모두 기록하고, 공식 통계와 날짜가 있는
# 보도에 비추어 **공약의 숫자가 맞는지, 아직 이룰 수 있는지**를 점검합니다. 상태는 손으로 매기지 않고 문서화된 규칙으로
# 계산하며, 규칙과 가정을 바꾸면 무엇이 달라지는지도 함께 보입니다.

# %%
overview_page.articles(report)

# %%
overview_page.status_chart(report)

# %%
overview_page.events(report)

# %%
overview_page.track_record(report)

# %%
overview_page.scale(report)

# %%
overview_page.reading(report)

# %% [markdown]
# ## 용어 설명

# %%
report.page.glossary()

# %% [markdown]
# ## 출처

# %%
report.page.sources()

# %%
report.page.reproduction({"assumptions": assumptions})
