"""Malformed paths and query strings on every public route give a clear 4xx (or a page), never a server error."""

from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROUTES = [
    "/gene/{}", "/gene/{}/print", "/condition/{}", "/condition/{}/print", "/chromosome/{}", "/glossary/{}",
    "/handbook/{}/", "/handbook/{}/{}", "/gene/", "/condition/", "/", "/chromosome/", "/glossary/", "/handbook/",
    "/about/", "/about/sources", "/sitemap/", "/sitemap.xml", "/sitemap-{}.xml",
]  # fmt: skip

# Text from every Unicode plane, NUL and other control characters included, plus a few tricky ASCII ones.
segment = st.one_of(
    st.text(min_size=1, max_size=60),
    st.text(alphabet="%./\\'\"<>&;:?#@+ \t\x00", min_size=1, max_size=12),
    st.sampled_from(["ALAS2", "alas2", "ASB", "X", "mt", "0", "-1", "99999999999999999999", "..", "%00"]),
)
query = st.dictionaries(
    st.sampled_from(["letter", "page", "p", "q", "report", "format", "x"]),
    st.one_of(st.text(max_size=20), st.sampled_from(["A", "0-9", "2", "-1", "0", "1e9", "\x00", "zz"])),
    max_size=3,
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(ROUTES), parts=st.lists(segment, min_size=2, max_size=2), params=query)
def test_no_server_error(client, kb, route, parts, params):
    path = route.format(*(quote(p, safe="") for p in parts))
    response = client.get(path + ("?" + urlencode(params) if params else ""))
    assert response.status_code < 500, (path, params)
    assert response.status_code in (200, 300, 301, 302, 400, 404, 405), (path, params, response.status_code)
