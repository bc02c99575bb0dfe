"""Content the search tests look for: articles, model workers, a campaign, a plain page."""

import datetime
from dataclasses import dataclass

import pytest

from tests.factories import (
    ArticleFactory,
    CampaignFactory,
    CampaignIndexFactory,
    NewsIndexFactory,
    NewsSectionFactory,
    StandardPageFactory,
    WorkerFactory,
    WorkerIndexFactory,
    qinghai_vocabularies,
)


@dataclass
class Corpus:
    news_section: object
    union_section: object
    articles: dict
    workers: dict
    campaign: object
    about: object


@pytest.fixture
def corpus(site_root):
    news_index = NewsIndexFactory(parent=site_root)
    news_section = NewsSectionFactory(parent=news_index, title="工会要闻", slug="yaowen")
    union_section = NewsSectionFactory(parent=news_index, title="基层动态", slug="jiceng")
    articles = {
        "politics": ArticleFactory(
            parent=news_section,
            title="省总工会召开全委会议",
            days_ago=40,
            summary="会议强调切实保持和增强工会工作的政治性先进性群众性。",
            paragraphs=["与会同志围绕深化改革交流了意见，部署了下一阶段的重点任务。"],
        ),
        "hotline": ArticleFactory(
            parent=news_section,
            title="职工服务热线全天候接听",
            days_ago=20,
            summary="遇到欠薪、劳动合同纠纷，可拨打12351热线求助。",
            paragraphs=["热线由专职律师轮流值守，来电当天即有回复。"],
        ),
        "plan": ArticleFactory(
            parent=union_section,
            title="回顾十三五时期职工技能提升成效",
            days_ago=400,
            summary="五年间全省培训产业工人逾十万人次。",
        ),
        "medal": ArticleFactory(
            parent=union_section,
            title="海西州三名职工荣获五一劳动奖章",
            days_ago=5,
            summary="获奖者分别来自盐湖化工、电力和交通运输一线。",
            tags=["表彰"],
        ),
        "plateau": ArticleFactory(
            parent=news_section,
            title="百万职工高原建功立业工程年度总结",
            days_ago=10,
            summary="各级工会组织劳动竞赛，带动职工在重点项目上比技能、创佳绩。",
        ),
        "english": ArticleFactory(
            parent=union_section,
            title="AI助力智慧工会建设",
            days_ago=3,
            summary="借助AI客服，会员在线办理入会和转会手续。",
        ),
    }
    qinghai_vocabularies()
    worker_index = WorkerIndexFactory(parent=site_root)
    workers = {
        "ma": WorkerFactory(
            parent=worker_index,
            title="马文花",
            honours=[("qinghai-laomo", 2020)],
            employer="青海某盐湖企业",
            skill="化工操作工 高级技师",
            story=["她带领的劳模创新工作室攻克了多项工艺难题。"],
        ),
        "zhou": WorkerFactory(
            parent=worker_index,
            title="周德明",
            honours=[("quanguo-wuyi-jiangzhang", 2019)],
            employer="青海某电力公司",
            skill="输电线路工",
            story=["三十年坚守在高海拔输电线路巡检一线。"],
        ),
    }
    campaign_index = CampaignIndexFactory(parent=site_root)
    campaign = CampaignFactory(
        parent=campaign_index,
        title="农民工入会集中行动",
        start_date=datetime.date.today() - datetime.timedelta(days=30),
        intro="推动货车司机、快递小哥等新就业形态劳动者加入工会。",
    )
    about = StandardPageFactory(parent=site_root, title="关于我们", slug="about", intro="青海省总工会主办。")
    return Corpus(news_section, union_section, articles, workers, campaign, about)
