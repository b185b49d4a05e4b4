"""People in each editorial role, and a helper to put texts through the workflow."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ghr.editorial import workflow

PASSWORD = "correct horse battery staple 42"


def make_user(username, *roles, staff=True, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, is_staff=staff, is_superuser=superuser
    )
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def writer(db):
    return make_user("wendy", "writer")


@pytest.fixture
def reviewer(db):
    return make_user("rita", "reviewer")


@pytest.fixture
def second_reviewer(db):
    return make_user("ravi", "reviewer")


@pytest.fixture
def publisher(db):
    return make_user("paul", "publisher")


@pytest.fixture
def administrator(db):
    return make_user("ada", "administrator")


@pytest.fixture
def draft(writer):
    return workflow.create_text(
        "gene-function", "ALAS2", writer, title="Normal function of the ALAS2 gene",
        body="The *ALAS2* gene makes an [[enzyme]] in [[erythroblast|developing red cells]].",
        references=[8829630, 1309003],
    )  # fmt: skip


@pytest.fixture
def published(draft, writer, reviewer, publisher):
    workflow.submit(draft, writer)
    workflow.approve(draft, reviewer)
    workflow.publish(draft, publisher)
    return draft


@pytest.fixture(autouse=True)
def fast_password_hashing(settings, request):
    # PBKDF2's deliberate slowness makes every login here take a third of a second; the hasher itself is
    # checked in test_security.py, which asks for the real one.
    if "real_password_hashing" not in request.fixturenames:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def real_password_hashing():
    """Ask for this to keep the project's own password hashers in a test."""


@pytest.fixture(autouse=True)
def empty_cache():
    """Lists of published texts are cached under the release token, and login failures are counted in the
    limits cache; start and end each test without them."""
    from django.core.cache import caches

    for name in ("default", "limits"):
        caches[name].clear()
    yield
    for name in ("default", "limits"):
        caches[name].clear()
