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
from IPython.display import HTML, Markdown, display
import matplotlib.pyplot as plt
from analysis.assess.results import assessment_for
from analysis.ingest.registry import get_pledge
from analysis.report import figures, html, prose, views
from analysis.report import guard
guard.check("pledge", pledge_id=pledge_id, assumptions=assumptions)
figures.setup()

# %%
pledge = get_pledge(pledge_id)
assessment = assessment_for(assumptions)
view = views.pledge_view(assessment, pledge_id, assumptions)
display(Markdown(f"# {pledge.title}"))
display(HTML(f"<p>상태: {html.badge(view.status['status'])} — {view.status['reason']}</p>"))

# %% [markdown]
# ## 공약 원문

# %%
display(html.pledge_quote(pledge))
display(html.pledge_facts(pledge))

# %% [markdown]
# ## SMART 점검
#
# 공약이 통계로 점검 가능한지 다섯 기준으로 봅니다(구체성, 측정 가능성, 달성 가능성, 관련성, 기한).

# %%
display(html.smart_table(pledge))

# %% [markdown]
# ## 통계와 사실에 비춘 결과

# %%
if view.results.empty:
    display(Markdown("_이 공약을 수치로 측정하는 공개 통계가 없습니다. 아래 근거(날짜가 있는 사실)만으로 상태를 정합니다._"))
else:
    display(html.results_table(view.results))

# %%
if not view.history.empty:
    fig = figures.forecast_fan(view.history, view.forecasts, view.status["target_level"], int(view.status["deadline"]),
                                f"{view.status['series']}: 전망과 목표 수준 (80% 예측구간)")
    plt.show()
    display(html.table(view.backtest, {"model": "모형", "forecasts": "예측 수", "crps": "CRPS (천명)", "mae": "MAE (천명)", "mape": "MAPE",
        "coverage_80": "80% 적중률", "coverage_95": "95% 적중률", "selected": "선택"},
        {"crps": lambda v: f"{v:.1f}", "mae": lambda v: f"{v:.1f}", "mape": html.percent, "coverage_80": html.percent,
         "coverage_95": html.percent, "selected": lambda v: "선택" if v else ""},
        caption="롤링 기점 백테스트: CRPS가 가장 낮은 모형을 선택 (적중률이 명목보다 낮으면 구간을 넓힘)"))
    display(Markdown(prose.NET_VERSUS_GROSS))

# %%
if view.mou is not None:
    fig = figures.mou_projection(view.mou, view.mou_projection, pledge.target_value, "광주시 누적 AI 업무협약 수와 2030 전망")
    plt.show()
    display(Markdown(prose.MOU_CAVEAT))

# %%
if view.investment is not None:
    fig = figures.investment_per_job(view.investment, view.jobs_per_trillion, "1조원당 일자리: 공약과 비교 대상")
    plt.show()
    display(html.table(view.investment, {"comparison": "비교 대상", "jobs_per_trillion_krw": "1조원당 일자리",
        "covers": "포함 범위", "as_of": "기준", "evidence": "근거"}, {"jobs_per_trillion_krw": html.number}))
    display(Markdown(prose.INVESTMENT_CAVEAT))

# %%
if view.ggm is not None:
    display(html.ggm_table(view.ggm))

# %% [markdown]
# ## 상태와 근거

# %%
display(HTML(f"<p>{html.badge(view.status['status'])} <b>{view.status['method']}</b>: {view.status['reason']}</p>"))
display(html.evidence_list(view.status["evidence"]))
display(Markdown("상태를 정하는 규칙:"))
display(html.status_scale())

# %% [markdown]
# ## 가정

# %%
display(html.assumptions_table(view.assumptions))
