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
    "merger": "the merger of 광주광역시 and 전라남도 into 전남광주통합특별시 (2026-07-01)",
    "ownership": "a government or candidate taking on, changing or dropping a pledge",
    "statistics_office": "the statistics office (통계청, 국가데이터처 from 2025-10-01)",
    "delivery_record": "promised and delivered amounts of investment agreements elsewhere (reference classes)",
    "lead_time": "how long comparable facilities took from announcement to operation",
}

# Units whose value is a number: `1050`, `-1.63`, `~10` (approximate), `101+10` (a sum), `40->36` (a change).
NUMBER_UNITS = frozenset({
    "10,000 m2", "100 million KRW", "100 million KRW (2019 MOU)", "100 million KRW (2020 MOU)",
    "100 million KRW (2025 interest subsidy, national)", "100 million KRW (5 yrs)", "100 million KRW (contract)",
    "100 million KRW (invested)", "100 million KRW (lapsed)", "100 million KRW (MOU)",
    "100 million KRW (MOU, approx.)", "100 million KRW (national grant)", "100 million KRW (occupancy contract)",
    "100 million KRW (planned)", "100 million KRW (project size)", "100 million KRW (project)",
    "100 million KRW (promised by investing firms)", "100 million KRW (promised)", "100 million KRW (total)",
    "100 million KRW reflected", "100 million KRW requested", "abstentions", "actually invested",
    "additional designations decided", "agreements (firm attraction)", "AI experts", "AI firms (more than)",
    "AI firms active (city estimate)", "AI specialists", "AI staff (approx.)", "AI talents", "all applications",
    "award to Gwangju", "base industries", "candidate sites", "candidate sites (in feasibility study)",
    "candidates", "cars", "cars (plan)", "cars per hour (after)", "cars per hour (before)",
    "completion year (planned)", "consecutive quarters of decline", "consent", "contracts",
    "converted firms (target)", "core axes", "cumulative by 2028", "cumulative MOU number", "cumulative vehicles",
    "cumulative vehicles (pact threshold)", "designated areas nationwide (none Gwangju)", "designation",
    "designation (regions)", "designations for Gwangju (semiconductor)", "direct hires (plan)", "direct jobs",
    "direct+indirect (city est.)", "employees", "employees (direct, 2021)", "employees (direct, 2026 est.)",
    "EVs (plan)", "EVs produced", "fab workers", "FDI cases", "firms", "firms (2025 support)", "firms (abandoned)",
    "firms (contract)", "firms (invested)", "firms (invested, incl. construction start)", "firms (lapsed)",
    "firms (MOU)", "firms (MOU, promised)", "firms (occupancy contract)", "firms (operating)", "firms (plans)",
    "firms (target 2026-2030)", "firms (target 2030)", "firms (target)", "firms actually supported",
    "firms in Gwangju", "firms relocated", "firms relocated/established (approx.)", "firms supported",
    "firms wishing to convert", "firms with investment intent", "firms with MOU",
    "firms with MOU (AI+semiconductor)", "firms with office", "firms with office in Gwangju",
    "firms with office/corp.", "foreign investment cases (GJFEZ, to Jul 2023)", "FTE weekly hours", "GPUs", "hired",
    "HQ relocations", "ICE produced", "indirect jobs (est.)", "industrial complexes (designated)",
    "industrial complexes (not started)", "inventory", "invested", "jobs", "jobs (2019 MOU, promised)",
    "jobs (2020 MOU, promised)", "jobs (5 yrs, phase 1)", "jobs (actual hires, direct)", "jobs (actual)",
    "jobs (city est.)", "jobs (direct hires, additional by 2020)", "jobs (direct hires, by end-2018)",
    "jobs (direct)", "jobs (direct+indirect est.)", "jobs (direct+indirect)", "jobs (direct, at fabs)",
    "jobs (direct, forgone)", "jobs (employment effect, unstated)", "jobs (est., 3 zones combined)",
    "jobs (estimated, unstated)", "jobs (expected)", "jobs (expected, unstated)",
    "jobs (incl. suppliers and construction)", "jobs (induced, city est.)", "jobs (induced, expected)",
    "jobs (MOU, promised)", "jobs (planned)", "jobs (pledged)", "jobs (promised by investing firms)",
    "jobs (promised, direct hires)", "jobs (suppliers)", "jobs (suppliers, indirect)", "jobs (target)",
    "jobs (target, unstated)", "jobs (unstated, candidate est.)", "jobs (unstated, city est.)",
    "jobs (unstated, MOLIT est.)", "jobs actual", "jobs expected", "km (added road section)", "km2",
    "local hires (6-yr pledge)", "m2", "manufacturing employed (y/y, 2025)", "manufacturing workers (Oct 2025)",
    "members present", "MOU firms", "MOUs", "MOUs (2019)", "MOUs (2020)", "MOUs (43 firms+7 institutions)",
    "MOUs (92 firms+8 institutions)", "MOUs (firms+institutions)", "MOUs (lapsed)", "MOUs (withdrawn)",
    "MOUs in 2024 YTD", "national complexes (LH)", "national complexes (not yet under construction)",
    "new economic districts", "new hires", "new jobs (under negotiation)", "new MOUs Jul-Oct 2022",
    "new national parks (Gwangju one of them)", "notable closure", "people trained", "percent",
    "percent (6th-term cohort, 2014-07–2018-06)", "percent (7th-term cohort, 2018-07–2022-06)",
    "percent (8th-term cohort, 2022-07–2024-03)", "percent (agreements fell through)",
    "percent (amount invested vs agreed)", "percent (firms operating)", "percent (firms)",
    "percent (firms, province definition incl. contract/construction)", "percent (national)",
    "percent (pledge fulfilment as managed by the province)", "percent (realised vs agreed, basis not stated)",
    "percent (youth net migration rate)", "percent employed locally", "percent EV share (2025 plan)",
    "percent of manufacturing sales (approx.)", "percent of vote", "percent stake", "percent turnout", "persons",
    "persons (10 yrs)", "persons (20s employed, y/y)", "persons (direct, company plan)",
    "persons (youth net outflow to capital region, 2004-2024)", "persons (youth net outflow)",
    "persons hired (approx.)", "persons hired per firm", "persons per 1 billion KRW of output (direct)",
    "persons per 1bn KRW", "persons per 1bn KRW final demand", "persons per 1bn KRW output", "planned jobs",
    "planned jobs (direct, approx.)", "preferred bidder (Jeonnam site)", "pyeong", "pyeong (planned)",
    "representative industries", "semiconductor applications", "semiconductor fabs committed",
    "share of leased GPU capacity usable", "smart green parks (incl. Gwangju Cheomdan)", "start-ups",
    "startups (target)", "supplier jobs", "support cases (2023-24)", "target", "target employees",
    "total jobs claimed", "total units (plan)", "total vehicles (plan)", "trainees (cumulative)", "trillion KRW",
    "trillion KRW (candidate pledge)", "trillion KRW (construction)", "trillion KRW (economic effect)",
    "trillion KRW (induced output)", "trillion KRW (planned)", "trillion KRW (Samsung Pyeongtaek)",
    "trillion KRW (Samsung Yongin)", "trillion KRW (semiconductors, Honam, plan)", "trillion KRW (SK hynix Yongin)",
    "vehicles", "vehicles (target)", "vehicles cumulative", "vehicles sold", "vehicles/yr (original target)",
    "vehicles/yr (planned)", "votes against", "votes for", "wage employees per 1bn KRW", "years (after)",
    "years (after, expected)", "years (application to approval, before)", "years (before, upper)",
    "years (construction to production, typical, low)", "years (designation to sale, before)", "years (high)",
    "years (permit to operation, US/China)", "years (plan to fab, Korea, reported, low)", "zones (none in Gwangju)",
})

# Units whose value is a date: `2024-12-26`, or as precise as the source is: `2026-01`, `2024-H2`, `2031`.
DATE_UNITS = frozenset({
    "announcement", "award", "completion year", "court receivership", "date", "date (announced)",
    "date (clean room open, equipment move-in)", "date (construction start)", "date (Daegu completion, expected)",
    "date (designation)", "date (foundation work start)", "date (groundbreaking)", "date (halted)",
    "date (investment announced)", "date (operation reported)", "date (operation)", "date (phase 1 completion)",
    "date (phase 1 planned completion)", "date (phase 2 planned completion)", "date (phase 2 planned start)",
    "date (plan announced)", "date (planned completion)", "date (planned construction start)",
    "date (planned groundbreaking)", "date (resumed)", "date (wafer input)", "designation date", "event",
    "law passed", "MOU (phase-2 plan)", "opening", "plan", "planned EV mass production", "pledge", "policy",
    "proposal", "retry", "selection", "statement", "status (not designated)", "target year (demo center)",
    "trend (decline)", "withdrawal", "year (Bitgreen completion target)", "year (construction start)",
    "year (designation)", "year (due)", "year (earliest planned groundbreaking)", "year (foundation work)",
    "year (halted)", "year (original groundbreaking target)", "year (phase 2 target)", "year (planned completion)",
    "year (planned first operation)", "year (planned first supply)", "year (planned full completion)",
    "year (planned groundbreaking)", "year (planned land works)", "year (planned production)",
    "year (planned works completion)", "year land compensation starts (plan)",
})
UNITS = NUMBER_UNITS | DATE_UNITS


@dataclass(frozen=True)
class Series:
    """A model series read from the facts table: the facts of `topic` in one of `units`. A row in
    one of these units under another topic is refused (a typo would take it out of the series),
    unless `shared` lists that topic for that unit."""

    name: str
    topic: str
    units: frozenset[str]
    shared: dict[str, tuple[str, ...]]


# The cumulative count of the city's AI business MOUs (src/analysis/assess/mou.py). Rows of topic ai_mou in
# other units (firms present, hires, yearly counts, money) are different quantities.
MOU_SERIES = Series("ai_mou", "ai_mou", frozenset({
    "MOUs (43 firms+7 institutions)", "MOU firms", "cumulative MOU number", "MOUs (92 firms+8 institutions)",
    "MOUs", "MOUs (firms+institutions)", "firms with MOU (AI+semiconductor)", "firms with MOU",
}), {"MOUs": ("comparable", "delivery_record")})  # investment MOUs (Gwangju 2016-2020, elsewhere): other counts
SERIES = (MOU_SERIES,)

# Where the search log's searches were made (the search tool's corpora).
CORPORA = ("pages", "docs", "issues", "code", "find_string")  # find_string: exact text in the code index
