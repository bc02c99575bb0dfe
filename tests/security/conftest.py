# The editorial groups, users and workflow fixtures, shared with tests/editorial.
from tests.editorial.conftest import (  # noqa: F401
    draft_article,
    editorial,
    live_article,
    make_user,
    people,
    scheduled_article,
    staff,
    submit,
)
