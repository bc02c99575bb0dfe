"""Model workers shown with a campaign: live profiles only, in the editor's order."""

import pytest

from campaigns.models import CampaignWorker
from tests.factories import WorkerFactory, WorkerIndexFactory, qinghai_vocabularies

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_index(site_root):
    qinghai_vocabularies()
    return WorkerIndexFactory(parent=site_root)


def test_campaign_page_shows_linked_live_workers_in_order(client, campaign, worker_index):
    first = WorkerFactory(
        parent=worker_index, title="才让东周", honours=[("qinghai-laomo", 2020)], employer="某水电站"
    )
    second = WorkerFactory(
        parent=worker_index, title="马玉兰", honours=[("qinghai-laomo", 2015)], employer="某纺织厂"
    )
    hidden = WorkerFactory(
        parent=worker_index,
        title="未发布劳模",
        honours=[("qinghai-laomo", 2015)],
        employer="某单位",
        live=False,
    )
    for order, worker in enumerate([second, first, hidden]):
        CampaignWorker.objects.create(page=campaign, worker=worker, sort_order=order)
    assert [worker.title for worker in campaign.featured_workers()] == ["马玉兰", "才让东周"]
    html = client.get(campaign.url).content.decode()
    assert "劳模风采" in html
    assert html.index("马玉兰") < html.index("才让东周")
    assert "未发布劳模" not in html
