"""The editorial screens and the admin, through the site's own URL configuration, are closed to anonymous users."""

import pytest
from django.test import Client


@pytest.mark.parametrize("url", ["/editorial/", "/editorial/texts/", "/editorial/audit/", "/admin/",
                                 "/admin/ghr_editorial/auditevent/"])  # fmt: skip
def test_anonymous_is_sent_to_the_login_page(url, published):
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editorial_screens_are_mounted_at_editorial(published, writer):
    client = Client()
    client.force_login(writer)
    response = client.get(f"/editorial/texts/{published.pk}/")
    assert response.status_code == 200
    assert b"Normal function of the ALAS2 gene" in response.content
