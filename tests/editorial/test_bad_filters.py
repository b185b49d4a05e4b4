"""Out-of-range filters on the admin and editorial screens answer 400 or an empty list, never 500 (issue 17, 7)."""

import pytest

from tests.editorial.test_access import login

pytestmark = pytest.mark.urls("tests.editorial.urls")
HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/ghr_editorial/auditevent/?at__year={HUGE}",
        f"/admin/ghr_editorial/auditevent/?at__year=2026&at__month={HUGE}",
        "/admin/ghr_editorial/auditevent/?at__year=2026&at__month=13",
        "/admin/ghr_editorial/auditevent/?at__year=0x7e6",
    ],
)
def test_date_filters_out_of_range_are_400(published, administrator, url):
    response = login(administrator).get(url)
    assert response.status_code == 400
    assert b"could not be understood" in response.content or b"Bad Request" in response.content


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/ghr_editorial/text/?id__exact={HUGE}",
        f"/admin/ghr_editorial/auditevent/?text__id__exact={HUGE}",
        f"/admin/ghr_editorial/revision/?text__id__exact={HUGE}",
        f"/admin/auth/user/?groups__id__exact={HUGE}",
        f"/editorial/audit/?text={HUGE}",
        f"/editorial/texts/?page={HUGE}",
    ],
)
def test_huge_numbers_in_other_filters_are_not_server_errors(published, administrator, url):
    assert login(administrator).get(url).status_code < 500
