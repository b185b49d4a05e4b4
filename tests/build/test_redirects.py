"""A condition whose slug changes between builds keeps its earlier addresses as permanent redirects."""

from ghr.build.condition_rows import _plan_redirects
from ghr.build.conditions import MergedCondition
from ghr.build.rows import Plan
from ghr.kb import models as kb
from ghr.sources.records import ConditionId


def condition(slug, mondo_id):
    return MergedCondition(slug=slug, name=slug, name_record=ConditionId("MONDO", mondo_id[6:]), name_source="mondo",
                           mondo_id=mondo_id)  # fmt: skip


def test_old_addresses_lead_to_the_condition_with_the_same_mondo_id():
    merged = [condition("turner-syndrome", "MONDO:0019499"), condition("marfan-syndrome", "MONDO:0007947")]
    ids = {"turner-syndrome": 1, "marfan-syndrome": 2}
    previous = {"genital-dwarfism": "MONDO:0019499", "marfan-syndrome-type-1": "MONDO:0007947",
                "marfan-syndrome": "MONDO:0007947", "gone-for-good": "MONDO:0000001"}  # fmt: skip
    plan = Plan()
    assert _plan_redirects(plan, merged, ids, previous) == 2
    rows = plan.tables[kb.ConditionRedirect._meta.db_table].rows
    assert sorted(row[1:] for row in rows) == [("genital-dwarfism", 1), ("marfan-syndrome-type-1", 2)]
