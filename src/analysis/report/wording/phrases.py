"""Short phrases built from data (values, names, dates) in the reports' fixed wording; the
constants they fill are in texts.py, the sentences of a page's message in sentences.py."""
from __future__ import annotations

import re

from ...assess import rules
from ...ingest import manifest
from .numbers import share, year
from .terms import MODEL
from .texts import PERCENT_ASSUMPTIONS, SCENARIO_VALUES, UI, YEAR_ASSUMPTIONS


def assumption_value(name: str, value) -> str:
    """An assumption's value as a reader reads it (no Python reprs, no English codes)."""
    if value in (None, "") or (isinstance(value, float) and value != value):
        return {"selection_horizon": "판단 거리와 같게", "excluded_reference_case": "없음"}.get(name, "없음")
    if name in SCENARIO_VALUES:
        return SCENARIO_VALUES[name].get(str(value), str(value))
    if name in PERCENT_ASSUMPTIONS:
        return share(float(value))
    if name == "interval_levels":
        return ", ".join(share(float(v)) for v in value)
    if name == "outside_view_breaks":
        return ", ".join(f"{region} {year(y)}" for region, y in value)
    if name == "mou_regime_starts":
        return ", ".join(str(v) for v in value)
    if name in YEAR_ASSUMPTIONS:
        return year(value)
    return str(value)

def presence_fact(outlet: str, label: str, claim: str) -> str:
    return f"{outlet} {label} 발표 ({claim})"

def labelled(label: str, value: str) -> str:
    return f"{label}: {value}"

def status_rule_rows(assumptions) -> list[tuple[str, str]]:
    return [(level.label, level.rule) for level in rules.scale(assumptions).values()]

def obtained(origin: str, downloaded: str) -> str:
    """How a raw file was obtained, as the visible source line says it."""
    when = "" if downloaded == "not stated" else f", {downloaded} 확인"
    if manifest.ORIGIN.search(origin):
        return f"공개 저장소에 올라온 KOSIS 내려받기 파일{when}"
    if "OpenAPI" in origin:
        return f"KOSIS OpenAPI로 받은 파일{when}"
    return f"이 프로젝트가 모은 자료{when}"

def origin(entry: manifest.RawFile) -> str:
    """A raw file's origin for 재현 정보: the repository, commit and path, in Korean."""
    match = manifest.ORIGIN.search(entry.origin)
    if not match:
        return obtained(entry.origin, entry.downloaded)
    where = f"공개 저장소 {match.group('repo')}, 커밋 {match.group('commit')[:10]}"
    if match.group("path"):
        where += f", 파일 {match.group('path').strip()}"
    if "deleted upstream" in entry.origin:
        where += " (원 저장소에서 나중에 삭제됨)"
    return where

def raw_file(entry: manifest.RawFile) -> str:
    name = entry.kosis_file_name
    named = "밝혀지지 않음" if name.startswith("not stated") else name
    check = f" · 표 ID {entry.table_id_check}" if entry.table_id_check else ""
    return f"sha256 {entry.short_hash} · 사본 출처 {origin(entry)} · 원 파일명 {named}{check}"

def read_detail(kind: str, ids: list[str], lines: list[str]) -> str:
    """What one numbered source stands for: fact ids, pledge ids, or a raw file and its lines."""
    if kind == "fact":
        return "사실 " + ", ".join(ids)
    if kind == "article":
        return "공약·사실 " + ", ".join(ids)
    return ", ".join(ids) + (" 행 " + ", ".join(lines) if lines else "")

def source_text(entry: dict) -> str:
    """A numbered source as one line of plain text (the CSV metadata's dc:source)."""
    if entry["kind"] == "kosis":
        table = f", {UI['kosis_table']} {entry['table']}" if entry["table"] else ""
        return f"{entry['org']} 「{entry['title']}」{table}, {entry['obtained']}".strip()
    title = f", 「{entry['title']}」" if entry["title"] else ""
    url = entry["url"] or (entry.get("companion") or {}).get("url", "")
    return f"{entry['outlet']}, {entry['date']}{title}, {url}".rstrip(", ")

def detectability(power, threshold: float, target, smallest) -> str:
    """Whether official statistics can see the pledge at all (their power), in plain words."""
    from .numbers import estimate, probability
    if power is None:
        return ("기한까지의 기간만큼 앞을 내다본 과거 예측 기록이 없어, 공식 통계로 이 공약 규모를 알아볼 수 있는지 판단할 수 없습니다. "
                "통계는 참고로만 보여 줍니다.")
    if power < threshold:
        return (f"공식 통계로는 이 공약의 이행 여부를 알 수 없습니다. 공약 {target:,.0f}개를 모두 이행해도 취업자 통계가 "
                f"이를 가려낼 확률(검정력)은 {probability(power)}로 기준 {share(threshold)}에 못 미치고, 통계가 알아챌 "
                f"수 있는 가장 작은 규모는 약 {estimate(smallest, '명')}입니다. 그래서 아래의 통계 값은 참고로만 봅니다.")
    return (f"취업자 통계가 공약 규모를 가려낼 확률(검정력)이 {probability(power)}로 기준 {share(threshold)} 이상이라 "
            "판정에 씁니다.")

def forecast_alt(label: str, last_year: int, deadline: int, at, deciding: bool, lead: str) -> str:
    """The forecast chart's conclusion: with a target only when the statistic decided."""
    from .numbers import span
    text = (f"{label}의 {last_year}년까지 실적과 {deadline}년까지의 전망. 고른 방법({MODEL[at['model']]})의 {deadline}년 "
            f"80% 예측구간은 {span(at['lower_80'] * 1000, at['upper_80'] * 1000, '명')}입니다.")
    return f"{text} {lead}" if deciding else f"{text} 통계로는 이 공약을 가려낼 수 없어 판정에 쓰지 않습니다."

def stage_alt(chart: dict) -> str:
    """What the stage chart shows: the stage reached, the precedents' operating dates, the deadline."""
    from .numbers import date_label
    when = f"가장 빠른 선례대로 {date_label(chart['earliest'])}"
    if chart["typical"]:
        when += f", 보통의 선례대로 {date_label(chart['typical'])}"
    return (f"{chart['project']}: 확인된 단계는 ‘{chart['reached_label']}’({chart['reached_date']})이고, 가동은 {when}로 "
            f"보입니다. 세로 점선은 기한 {chart['deadline']}년 말입니다.")


def mou_alt(when, value) -> str:
    return f"누적 AI 업무협약은 {when:%Y-%m-%d} {value:,.0f}건입니다."

def investment_alt(ratio, low, high) -> str:
    return (f"공약이 함축하는 1조원당 일자리는 {ratio:,.0f}명으로, 실제 사업의 직접 고용 {low:,.0f}–{high:,.0f}명과 "
            "비교됩니다(로그 눈금 막대).")

def year_of(text) -> str:
    """The date part of a free-text period ('2019년 계획' → 2019)."""
    match = re.search(r"\d{4}(-\d{2}(-\d{2})?)?", str(text))
    return match.group(0) if match else "연도 미상"

def sum_sentence(title: str, parts: list[tuple[str, str]], status: str) -> str:
    """‘…’는 부분 공약 2개를 합친 공약으로, 판정은 ‘지연’입니다: ‘A’(지연), ‘B’(지연)."""
    from .josa import josa
    joined = ", ".join(f"‘{name}’({part})" for name, part in parts)
    return f"{josa(f'‘{title}’', '은/는')} 부분 공약 {len(parts)}개를 합친 공약으로, 판정은 ‘{status}’입니다: {joined}."

def region_count(regions) -> str:
    """How many 시도 a backtest pooled, as counted in its rows: '17' or '15~17' (it differs by horizon)."""
    low, high = int(min(regions)), int(max(regions))
    return f"{low}" if low == high else f"{low}~{high}"


def tally_caption(holders: list[str]) -> str:
    from .texts import INDEX_WORDS
    return f"{INDEX_WORDS['tally_caption']} (책임지는 곳: {', '.join(holders)})" if holders else INDEX_WORDS["tally_caption"]


def tally_alt(counts: list[tuple[str, int]]) -> str:
    return "공약 상태 분포: " + ", ".join(f"{s} {n}개" for s, n in counts) + "."

def track_summary(row) -> str:
    """Past promises' errors in one sentence (mean, mean absolute, the middle two thirds)."""
    more = "적었고" if row["mean_error"] < 0 else "많았고"
    return (f"과거 약속 {int(row['n'])}건에서 실제는 약속보다 평균 {share(abs(row['mean_error']))} {more}(평균 절대 "
            f"오차 {share(row['mae'])}), 가운데 3분의 2는 {share(row['two_thirds_low'], signed=True)}에서 "
            f"{share(row['two_thirds_high'], signed=True)} 사이였습니다.")

def between(low: str, high: str) -> str:
    return f"{low} ~ {high}"

def region_title(region: str, first: int, last: int) -> str:
    return f"{region} 고용과 사업체, {first}–{last}년"

def _persons(thousands) -> str:
    from .numbers import count
    return count(thousands * 1000, "명")

def region_summary(first, last, changes: dict, rate, rate_year: int, rank: int, target_year: int, at,
                   derived: tuple[int, int] | None) -> str:
    """The region report's opening paragraph: employment then and now, the rate, rank and forecast."""
    from .josa import josa
    from .numbers import count, decimal, span
    change = last["value"] - first["value"]
    moved = f"{_persons(abs(change))} {'늘었' if change >= 0 else '줄었'}습니다"
    text = (f"취업자는 {int(first['year'])}년 {_persons(first['value'])}에서 {int(last['year'])}년 "
            f"{josa(_persons(last['value']), '으로/로')} {moved}(한 해 평균 약 {count(round(changes['mean'], -2), '명')} "
            f"증가, 가장 많이 는 해 {changes['max_year']}년 {count(changes['max'], '명')}, "
            f"{'가장 많이 준' if changes['min'] < 0 else '가장 적게 는'} 해 {changes['min_year']}년 "
            f"{count(changes['min'], '명')}). 고용률은 {int(rate['year'])}년 {decimal(rate['value'])}%({rate['basis']})이고, "
            f"{rate_year}년 17개 시도 중 {rank}위입니다. {target_year}년 취업자 전망은 "
            f"{span(at['lower_80'] * 1000, at['upper_80'] * 1000, '명', at['mean'] * 1000)}(80% 확률 범위)입니다.")
    if derived:
        text += f" {derived[0]}~{derived[1]}년 취업자는 15세 이상 인구 × 고용률로 계산한 값입니다."
    return text

def history_alt(region: str, first, last) -> str:
    return (f"{region} 취업자는 {int(first['year'])}년 {_persons(first['value'])}에서 {int(last['year'])}년 "
            f"{_persons(last['value'])}이 되었습니다.")

def rank_sentence(region: str, rate_year: int, row, first: int, last: int) -> str:
    from .numbers import decimal
    return (f"{region}의 고용률은 {rate_year}년 {decimal(row['employment_rate'])}%로 17개 시도 중 "
            f"{int(row['rate_rank'])}위, 취업자 증가율은 {first}–{last}년 {share(row['employed_growth'], 1)}로 "
            f"{int(row['growth_rank'])}위입니다.")

def region_forecast_alt(region: str, year: int, at) -> str:
    from .numbers import span
    return (f"{region} 취업자 실적과 {year}년까지 세 방법의 전망. 고른 방법({MODEL[at['model']]})의 {year}년 80% "
            f"예측구간은 {span(at['lower_80'] * 1000, at['upper_80'] * 1000, '명', at['mean'] * 1000)}입니다.")

def index_title(site: str) -> str:
    return f"{site}: 공약 점검표"

def index_intro(sources, checked: str) -> str:
    from .terms import ROLE
    articles = ", ".join(f"{s.outlet} {s.date} {ROLE[s.role]}" for s in sources)
    return (f"기사 {len(sources)}건({articles})의 광주 일자리·산업 공약을 공식 통계와 날짜 있는 보도에 비추어 문서화된 "
            f"규칙으로 판정합니다. 기한이 없는 공약은 가정한 기한을 '(가정)'으로 표시합니다. 최종 확인일 {checked}.")

def key_number(label: str, number: str) -> str:
    return f"{label}: {number}"

def share_description(total: int, counts: list[tuple[str, int]]) -> str:
    return f"광주 일자리·산업 공약 {total}개 점검: " + ", ".join(f"{s} {n}개" for s, n in counts) + "."

def built(when: str, seconds) -> str:
    return f"{when} · {seconds}초"

def feed_title(pledge: str, before: str | None, after: str) -> str:
    return f"{pledge}: {before} → {after}" if before else f"{pledge}: {after}"

def feed_name(site: str) -> str:
    return f"{site}: 상태 변화"

def deciding_caption(what: str) -> str:
    from .josa import josa
    return f"판정을 정한 값: {josa(what, '과/와')} 약속"

def region_link(title: str) -> str:
    """A region report's title as the scorecard links it (without the '지역: ' of its spec)."""
    return title.removeprefix("지역: ")

def trillion(value: float) -> str:
    return f"{value:g}조원"
