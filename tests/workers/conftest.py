import pytest

from tests.factories import WorkerFactory, WorkerIndexFactory, qinghai_vocabularies


@pytest.fixture
def vocabularies(db):
    qinghai_vocabularies()


@pytest.fixture
def worker_index(site_root, vocabularies):
    return WorkerIndexFactory(parent=site_root, intro="全省劳动模范和先进工作者的风采。")


@pytest.fixture
def make_profile(worker_index):
    """make_profile("名字", [("quanguo-laomo", 2020)], region="xining", ...) under the index."""

    def make(name, honours=(("qinghai-laomo", 2020),), **fields):
        return WorkerFactory(parent=worker_index, title=name, honours=list(honours), **fields)

    return make
