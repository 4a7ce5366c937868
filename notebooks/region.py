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
from IPython.display import HTML, Markdown, display
import matplotlib.pyplot as plt
from analysis.assess.assumptions import DEFAULT
from analysis.report import figures, html, region_view
from analysis.report import guard
guard.check("region", region=region, first_year=first_year, last_year=last_year, target_year=target_year, assumptions=assumptions)
figures.setup()
chosen = DEFAULT.with_overrides(**assumptions)

# %%
display(Markdown(f"# {region} 고용과 사업체, {first_year}–{last_year}"))
history = region_view.employment_history(region, first_year, last_year)
rates = region_view.rate_history(region, first_year, last_year)
changes = region_view.yearly_change_summary(history)
display(Markdown(region_view.summary_text(region, history, rates, changes)))
display(html.source_files(history["source"], rates["source"]))

# %% [markdown]
# ## 자료와 읽는 법
#
# 취업자 수는 경제활동인구조사(통계청)의 연간 값입니다. 2015년부터는 산업별 취업자 표의 공표값(`계`)이고,
# 2000–2014년은 같은 조사의 15세이상인구 × 고용률로 **산출한 값**입니다(그림에서 속이 빈 점). 이 값들은 **순변화**(취업자 수의 증감)이며,
# 공약이 말하는 **일자리 창출**(총량, gross)과 같지 않습니다. 한 해에 새 일자리가 생겨도 다른 일자리가 사라지면 순변화는 작습니다.

# %% [markdown]
# ## 취업자 추이와 공약 규모

# %%
lines = region_view.pledge_lines(region, chosen)
pledge_paths = region_view.pledge_paths(history, lines, chosen.base_year) if lines else None
fig = figures.history_with_pledges(history, f"{region} 취업자 (천명)", pledge_paths)
plt.show()
display(html.source_files(history["source"]))

# %%
if lines:
    display(Markdown(region_view.pledge_scale_text(history, [jobs for _, jobs, _ in lines], changes, chosen.base_year)))
else:
    display(Markdown("_공약선은 광주광역시 보고서에만 그립니다: 두 기사의 공약은 광주광역시의 것입니다._"))

# %% [markdown]
# ## 고용률

# %%
display(html.table(rates.tail(12), {"year": "연도", "value": "고용률 (%)", "basis": "근거", "source": "원자료:행"},
                      {"value": lambda v: f"{v:.1f}"}))

# %% [markdown]
# ## 17개 시도 가운데 위치

# %%
ranking = region_view.ranks()
fig = figures.ranking(ranking, "employment_rate", region, f"시도별 고용률 ({ranking.attrs['rate_year']})", "고용률 (%)")
plt.show()
first, last = ranking.attrs["growth_span"]
fig = figures.ranking(ranking.assign(g=ranking["employed_growth"] * 100), "g", region,
                       f"시도별 취업자 증가율 ({first}–{last})", "증가율 (%)")
plt.show()
display(Markdown(region_view.rank_text(ranking, region)))

# %% [markdown]
# ## 전망과 검증
#
# 세 가지 추세 모형으로 취업자를 전망합니다. 각 모형의 가정은 표에 적었습니다. 과거 연도를 기점으로 삼아 실제로 맞혔는지(롤링 기점 백테스트)를
# 확인하고, 정확도와 예측구간의 정직함을 함께 재는 CRPS가 가장 낮은 모형을 먼저 보여 줍니다(공약 보고서가 고르는 방식과 같음).
# 음영은 80% 예측구간입니다.

# %%
forecasts, backtest = region_view.forecast_region(history, target_year, region, chosen)
series = history.set_index("year")["value"]
fig = figures.forecast_fan(series, forecasts, None, target_year, f"{region} 취업자 전망 (80% 예측구간)")
plt.show()
display(html.forecast_table(region_view.forecast_table(forecasts, backtest, target_year), target_year))

# %% [markdown]
# ## 사업체와 종사자 (전국사업체조사)

# %%
firms = region_view.establishments(region)
display(html.table(firms.head(12), {"industry": "산업", "ksic": "KSIC",
    "establishments_last": f"사업체수 {firms.attrs['last']}", "workers_last": f"종사자수 {firms.attrs['last']}",
    "workers_change": f"종사자 증감 {firms.attrs['first']}–{firms.attrs['last']}"},
    {c: html.number for c in ("establishments_last", "workers_last", "workers_change")}))
display(Markdown("2020년부터 등록부 기반 집계라 2019년 이전 조사와 비교할 수 없습니다. 'AI 기업' 수를 세는 공식 통계는 없습니다."))
display(html.source_note(firms.attrs["source"]))

# %% [markdown]
# ## 카탈로그의 다른 표
#
# `config/catalog.yaml`에서 `show_in_region_report: true`로 표시된 표를 이 시도에 대해 보여 줍니다(최근 8개 시점).

# %%
for extra in region_view.catalog_tables(region):
    display(html.table(extra["table"], {c: str(c) for c in extra["table"].columns}, caption=extra["description"]))
    display(html.source_note(*extra["sources"]))

# %% [markdown]
# ## 원자료

# %%
display(html.raw_sources(region_view.raw_inputs()))
