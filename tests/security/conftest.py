# The editorial groups, users and workflow fixtures, shared with tests/editorial.
from tests.editorial.conftest import draft_article, editorial, make_user, staff, submit  # noqa: F401
