"""The words of the facts table, declared once: its topics, its units (each with the kind of value it
takes) and the model series that facts feed. A fact in a topic or unit not declared here is refused,
so a typo cannot move a fact out of a series without a word (data/raw/facts/README.md)."""
from __future__ import annotations

from dataclasses import dataclass

TOPICS = {
    "pledge": "the pledges as the articles report them",
    "season2": "광주형 일자리 시즌2 as the city carried it on",
    "parts_transition": "converting local car-parts firms to future-car parts",
    "future_car_park": "the future-car national industrial park",
    "green_park": "the smart green national industrial complex",
    "ggm": "광주글로벌모터스 (Gwangju-type jobs no. 1): production, hiring, plans",
    "semiconductor": "the AI semiconductor foundry and chip plans",
    "special_zone": "national strategic-industry and special-zone designations",
    "fez": "the Gwangju Free Economic Zone",
    "ai_mou": "AI business MOUs and the firms that came (the MOU count series)",
    "ai_target": "the city's AI firm and job targets",
    "ai_jobs": "jobs and training from the AI programme",
    "ai_outcome": "outcomes of the AI programme's national projects",
    "ai_infra": "AI data-centre and computing infrastructure",
    "ai_law": "AI legislation",
    "investment": "investment agreements and relocations",
    "comparable": "comparable projects elsewhere (jobs per investment)",
    "bok_coef": "Bank of Korea employment-inducement coefficients",
    "employment": "employment statistics and plant news",
    "youth": "young people's employment and migration",
    "medical": "the advanced medical complex",
    "mobility": "autonomous-driving and mobility projects",
    "appliance": "the home-appliance industry",
    "optics": "the photonics industry",
    "mold": "the mold (금형) industry",
    "industry_policy": "the city's industry classifications and projects",
    "election": "elections and their results",
}

# Units whose value is a number: `1050`, `-1.63`, `~10` (approximate), `101+10` (a sum), `40->36` (a change).
NUMBER_UNITS = frozenset({
    "10,000 m2", "100 million KRW", "100 million KRW (2025 interest subsidy, national)",
    "100 million KRW (5 yrs)", "100 million KRW (national grant)", "100 million KRW (project size)",
    "100 million KRW (project)", "100 million KRW (total)", "100 million KRW reflected",
    "100 million KRW requested", "actually invested", "additional designations decided", "AI firms (more than)",
    "AI firms active (city estimate)", "AI staff (approx.)", "all applications", "award to Gwangju",
    "base industries", "consecutive quarters of decline", "consent", "converted firms (target)", "core axes",
    "cumulative by 2028", "cumulative MOU number", "cumulative vehicles", "cumulative vehicles (pact threshold)",
    "designated areas nationwide (none Gwangju)", "designation", "designation (regions)",
    "designations for Gwangju (semiconductor)", "direct hires (plan)", "direct jobs",
    "direct+indirect (city est.)", "employees", "EVs (plan)", "EVs produced", "fab workers", "FDI cases", "firms",
    "firms (2025 support)", "firms (plans)", "firms (target 2026-2030)", "firms (target 2030)", "firms (target)",
    "firms actually supported", "firms in Gwangju", "firms relocated", "firms relocated/established (approx.)",
    "firms supported", "firms wishing to convert", "firms with investment intent", "firms with MOU",
    "firms with MOU (AI+semiconductor)", "firms with office", "firms with office in Gwangju",
    "firms with office/corp.", "foreign investment cases (GJFEZ, to Jul 2023)", "FTE weekly hours", "hired",
    "HQ relocations", "ICE produced", "indirect jobs (est.)", "inventory", "invested", "jobs",
    "jobs (5 yrs, phase 1)", "jobs (city est.)", "jobs (direct+indirect est.)", "jobs (direct+indirect)",
    "jobs (est., 3 zones combined)", "jobs (expected)", "jobs (induced, expected)", "jobs (planned)",
    "jobs (pledged)", "jobs (target)", "jobs actual", "jobs expected", "km (added road section)", "km2",
    "local hires (6-yr pledge)", "m2", "manufacturing employed (y/y, 2025)", "manufacturing workers (Oct 2025)",
    "MOU firms", "MOUs", "MOUs (43 firms+7 institutions)", "MOUs (92 firms+8 institutions)",
    "MOUs (firms+institutions)", "MOUs in 2024 YTD", "new economic districts", "new hires",
    "new jobs (under negotiation)", "new MOUs Jul-Oct 2022", "new national parks (Gwangju one of them)",
    "notable closure", "people trained", "percent", "percent (national)", "percent (youth net migration rate)",
    "percent employed locally", "percent EV share (2025 plan)", "percent of manufacturing sales (approx.)",
    "percent of vote", "percent stake", "percent turnout", "persons", "persons (20s employed, y/y)",
    "persons (youth net outflow to capital region, 2004-2024)", "persons (youth net outflow)",
    "persons hired (approx.)", "persons hired per firm", "persons per 1bn KRW",
    "persons per 1bn KRW final demand", "persons per 1bn KRW output", "planned jobs",
    "preferred bidder (Jeonnam site)", "pyeong", "pyeong (planned)", "representative industries",
    "semiconductor applications", "semiconductor fabs committed", "share of leased GPU capacity usable",
    "smart green parks (incl. Gwangju Cheomdan)", "startups (target)", "supplier jobs", "support cases (2023-24)",
    "target", "target employees", "total jobs claimed", "total units (plan)", "total vehicles (plan)",
    "trainees (cumulative)", "trillion KRW", "trillion KRW (candidate pledge)", "trillion KRW (planned)",
    "trillion KRW (semiconductors, Honam, plan)", "vehicles", "vehicles (target)", "vehicles cumulative",
    "vehicles sold", "vehicles/yr (original target)", "wage employees per 1bn KRW", "zones (none in Gwangju)",
})

# Units whose value is a date: `2024-12-26`, or as precise as the source is: `2026-01`, `2024-H2`, `2031`.
DATE_UNITS = frozenset({
    "announcement", "award", "completion year", "court receivership", "designation date", "event", "law passed",
    "MOU (phase-2 plan)", "opening", "plan", "planned EV mass production", "pledge", "policy", "proposal",
    "retry", "selection", "statement", "status (not designated)", "target year (demo center)", "trend (decline)",
    "withdrawal", "year land compensation starts (plan)",
})
UNITS = NUMBER_UNITS | DATE_UNITS


@dataclass(frozen=True)
class Series:
    """A model series read from the facts table: the facts of `topic` in one of `units`."""

    name: str
    topic: str
    units: frozenset[str]


# The cumulative count of the city's AI business MOUs (src/analysis/assess/mou.py). Rows of topic ai_mou in
# other units (firms present, hires, yearly counts, money) are different quantities.
MOU_SERIES = Series("ai_mou", "ai_mou", frozenset({
    "MOUs (43 firms+7 institutions)", "MOU firms", "cumulative MOU number", "MOUs (92 firms+8 institutions)",
    "MOUs", "MOUs (firms+institutions)", "firms with MOU (AI+semiconductor)", "firms with MOU",
}))
SERIES = (MOU_SERIES,)

# Where the search log's searches were made (the search tool's corpora).
CORPORA = ("pages", "docs", "issues", "code")
