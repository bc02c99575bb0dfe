import pytest

from workers.factories import ensure_vocabularies, make_index, make_worker


@pytest.fixture
def vocabularies(db):
    ensure_vocabularies()


@pytest.fixture
def worker_index(site_root, vocabularies):
    return make_index(site_root, intro="全省劳动模范和先进工作者的风采。")


@pytest.fixture
def make_profile(worker_index):
    """make_profile("名字", [("quanguo-laomo", 2020)], region="xining", ...) under the index."""

    def make(name, honours=(("qinghai-laomo", 2020),), **fields):
        return make_worker(worker_index, name, list(honours), **fields)

    return make
