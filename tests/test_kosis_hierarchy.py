"""Hierarchy kept: a level and a parent per classification row from U+3000 indentation, KSIC/KSCO
codes and `*` aggregates; one level sums to the file's total; children are checked against parents."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.ingest.kosis import read_kosis
from analysis.tables.builders.selection import _select

INDENT = "\u3000"
# The shape of a GRDP export (지역내총생산, 경제활동별): sub-industries indented with U+3000; the values
# here are this test's own, chosen so that every parent is the sum of its children.
GRDP = (f"시도별,경제활동별,2022,2023 p)\n"
        f"광주광역시,지역내총생산(시장가격),47000,49000\n"
        f"광주광역시,{INDENT}총부가가치(기초가격),43000,44800\n"
        f"광주광역시,{INDENT}{INDENT}농림어업,300,310\n"
        f"광주광역시,{INDENT}{INDENT}광업 및 제조업,11700,12190\n"
        f"광주광역시,{INDENT}{INDENT}{INDENT}광업,20,20\n"
        f"광주광역시,{INDENT}{INDENT}{INDENT}제조업,11680,12170\n"
        f"광주광역시,{INDENT}{INDENT}서비스업,31000,32300\n"
        f"광주광역시,{INDENT}순생산물세,4000,4200\n")


def test_an_indented_grdp_file_yields_levels_and_one_level_sums_to_the_total(write_csv):
    table = read_kosis(write_csv(GRDP), item="지역내총생산", unit="백만원")
    data = table.data
    levels = data.drop_duplicates("경제활동별").set_index("경제활동별")
    assert levels["경제활동별_level"].to_dict() == {"지역내총생산(시장가격)": "0", "총부가가치(기초가격)": "1", "농림어업": "2",
                                                  "광업 및 제조업": "2", "광업": "3", "제조업": "3", "서비스업": "2",
                                                  "순생산물세": "1"}
    assert levels.loc["제조업", "경제활동별_parent"] == "광업 및 제조업"
    for period, total in (("2022", 47000), ("2023", 49000)):
        rows = data[data["period"] == period]
        assert rows.loc[rows["경제활동별_level"] == "1", "value"].sum() == total
        assert rows["value"].sum() > total  # the flat sum would double count
    assert "경제활동별: children sum to their parent within rounding (6 of 6)" in table.detected["notes"]


def test_a_table_selects_one_level(write_csv):
    data = read_kosis(write_csv(GRDP), item="지역내총생산", unit="백만원").data
    chosen = _select("grdp", data, {"경제활동별_level": ["2"], "period": ["2022"]})
    assert list(chosen["경제활동별"]) == ["농림어업", "광업 및 제조업", "서비스업"] and chosen["value"].sum() == 43000


def test_children_that_do_not_sum_are_said(write_csv):
    text = GRDP.replace("11680,12170", "11000,12170")
    notes = read_kosis(write_csv(text), item="x", unit="백만원").detected["notes"]
    assert "children do not sum to their parent in 1 of 6 cases (items x): 광업 및 제조업 (광주광역시, x, 2022): " \
           "children 11020 vs 11700" in notes


def test_codes_and_star_aggregates(write_csv):
    """KSIC sections and divisions, with `*` aggregates beside them (the shape of the labour-force and
    occupation exports of the corpus)."""
    text = ("산업별,2024\n계,100\n\"* 광공업(B,C)\",40\nB 광업(05~08),1\nC 제조업(10~34),39\n10 식료품 제조업,9\n"
            "C11 음료 제조업,30\nF 건설업(41~42),60\n")
    data = read_kosis(write_csv(text), item="x", unit="천명").data.set_index("산업별")
    assert data["산업별_level"].to_dict() == {"계": "0", "* 광공업(B,C)": "*", "B 광업(05~08)": "1", "C 제조업(10~34)": "1",
                                           "10 식료품 제조업": "2", "C11 음료 제조업": "2", "F 건설업(41~42)": "1"}
    assert data.loc["10 식료품 제조업", "산업별_parent"] == "C 제조업(10~34)" == data.loc["C11 음료 제조업", "산업별_parent"]
    assert data.loc[data["산업별_level"] == "1", "value"].sum() == data.loc["계", "value"]


def test_age_groups_are_not_codes(write_csv):
    data = read_kosis(write_csv("연령별,2024\n계,10\n15 - 19세,4\n20 - 29세,6\n"), item="x", unit="%").data
    assert "연령별_level" not in data


@st.composite
def indented_trees(draw):
    """A random tree of labels, written depth-first with one U+3000 per level, every parent the sum
    of its children (integers), and its expected level per label."""
    rows, counter = [], iter(range(10**6))

    def node(depth):
        label = f"항목{next(counter)}"
        if depth < 3 and draw(st.booleans()):
            children = [node(depth + 1) for _ in range(draw(st.integers(1, 3)))]
            value = sum(value for _, _, value, _ in children)
            return (label, depth, value, children)
        return (label, depth, draw(st.integers(0, 10**6)), [])

    def walk(tree):
        label, depth, value, children = tree
        rows.append((label, depth, value))
        for child in children:
            walk(child)

    walk(("합계", 0, None, [node(1) for _ in range(draw(st.integers(2, 4)))]))
    total = sum(value for _, depth, value in rows if depth == 1)
    return [(label, depth, total if value is None else value) for label, depth, value in rows]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(indented_trees())
def test_generated_indented_trees_keep_their_levels_and_sums(write_csv, tree):
    text = "분야별,2024\n" + "".join(f"{INDENT * depth}{label},{value}\n" for label, depth, value in tree)
    table = read_kosis(write_csv(text), unit="명")
    data = table.data.set_index("분야별")
    assert data["분야별_level"].astype(int).to_dict() == {label: depth for label, depth, _ in tree}
    assert data.loc[data["분야별_level"] == "1", "value"].sum() == tree[0][2]
    assert "children sum to their parent within rounding" in table.detected["notes"]
