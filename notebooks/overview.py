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
from IPython.display import HTML, Markdown, display
import matplotlib.pyplot as plt
from analysis.assess.assumptions import DEFAULT
from analysis.assess.results import assessment_for
from analysis.report import figures, html, prose, views
from analysis.report import guard
guard.check("overview", assumptions=assumptions)
figures.setup()

# %% [markdown]
# # 광주 일자리·산업 공약 점검표
#
# 두 기사의 공약을 모두 기록하고, 공식 통계와 날짜가 있는 사실 자료에 비추어 **공약의 숫자가 맞는지, 아직 이룰 수 있는지**를 점검합니다.
# 상태는 손으로 매기지 않고 아래의 문서화된 규칙으로 계산합니다.

# %% [markdown]
# ## 두 기사와 그 뒤
#
# - **매일일보 2022-04-05** (지면 표기 2023-04-05): 이용섭 광주시장 **예비후보**의 일자리·경제 공약. 이 후보는 2022-04-26 민주당 경선에서 강기정 후보에게 졌고(42.86% 대 57.14%), 이 공약들은 시의 정책이 되지 않았습니다.
# - **전자신문 2022-02-10**: **광주광역시**(시장 이용섭)의 광주형일자리 시즌2 공식 선언. 시 정부의 계획이며, 2022년 7월 시장이 바뀌었습니다.

# %%
assessment = assessment_for(assumptions)
display(html.table(views.timeline(), {"as_of": "날짜", "event": "사건", "source": "근거"}, caption="주요 경과 (사실 자료)"))

# %% [markdown]
# ## 점검표

# %%
scorecard = html.scorecard(assessment)
fig = figures.status_counts(scorecard, "공약 상태 분포")
plt.show()
display(html.table(scorecard, {"title": "공약", "role": "구분", "quote": "원문 (발췌)", "badge": "상태",
    "key_number": "핵심 수치 [구간]", "reason": "판단 근거", "link": "상세"}))

# %% [markdown]
# ## 상태 척도
#
# 정치 공약 추적(PolitiFact의 Obameter, Polimeter)처럼, 공약을 원문 그대로 인용하고 상태마다 근거를 붙이며 '판단 불가'를 별도 상태로 둡니다.

# %%
display(html.status_scale())

# %% [markdown]
# ## 일자리 수치 읽는 법

# %%
display(Markdown(prose.NET_VERSUS_GROSS))
display(Markdown(prose.MOU_CAVEAT))

# %% [markdown]
# ## 가정과 자료 시점

# %%
display(html.assumptions_table(DEFAULT.with_overrides(**assumptions)))
display(html.raw_sources(views.raw_inputs()))
