"""Models of the 劳模风采 app, one small module per concern."""

from .choices import ETHNIC_GROUPS, ETHNICITY_CHOICES, Education, Gender, HonourLevel, PoliticalStatus
from .honours import WorkerHonour
from .links import ArticleWorker
from .pages import WorkerIndexPage, WorkerPage
from .vocabularies import HonourTitle, Industry, Region

__all__ = [
    "ArticleWorker",
    "ETHNICITY_CHOICES",
    "ETHNIC_GROUPS",
    "Education",
    "Gender",
    "HonourLevel",
    "HonourTitle",
    "Industry",
    "PoliticalStatus",
    "Region",
    "WorkerHonour",
    "WorkerIndexPage",
    "WorkerPage",
]
