"""The English box's first bullet, made by the lead selector with no headline above it: the
lead whole when it fits the first bullet's limit, cut towards the target only when whole it is
refused. Original text written for the tests."""

from __future__ import annotations

from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings


def first_bullet(body: str, whole: bool) -> str:
    settings = KeyPointSettings(lead_whole=whole)
    return Pipeline(Settings(keypoints=settings)).digest(body, lang="en").keypoints[0].text


LIBRARIES = (
    "Northfield Council has closed two of its libraries and cancelled a summer reading scheme "
    "after an audit found the buildings had been left without working fire alarms for months. "
    "The libraries on Mill Lane and Carter Street will stay shut until the alarms are replaced. "
    "Parents said the reading scheme had been the only free activity in the area. The council "
    "apologised for the disruption in a statement on Friday."
)


def test_the_lead_keeps_the_cause_of_its_news() -> None:
    # 29 words, over the target (25) but within the limit: the cut to the target took why.
    assert first_bullet(LIBRARIES, whole=True) == LIBRARIES.split(". ")[0] + "."
    assert first_bullet(LIBRARIES, whole=False) == (
        "Northfield Council has closed two of its libraries and cancelled a summer reading scheme."
    )


CYCLE_LANE = (
    "Harbourside Council has approved a new cycle lane along the seafront road, while also "
    "promising that parking charges in the town centre will be frozen until next spring. Work "
    "on the lane will start in March and last about six weeks. Shop owners on the seafront said "
    "they had not been consulted. Cyclists have campaigned for a separate lane since a rider "
    "was injured there in 2021."
)


def test_a_lead_refused_whole_is_still_the_first_bullet_cut() -> None:
    # Whole, « also » points at a sentence the box does not show: the lead cut to the target
    # is tried next, before any later sentence.
    expected = "Harbourside Council has approved a new cycle lane along the seafront road."
    assert first_bullet(CYCLE_LANE, whole=True) == expected
