import pytest

from core import workdays


@pytest.fixture
def fresh_workday_overrides():
    """The working-day calendar read again from the database before and after the test."""
    workdays.forget_overrides()
    yield
    workdays.forget_overrides()
