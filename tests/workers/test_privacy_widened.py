"""The personal-data checker sees what Chinese input methods type and what editors write without
colons, and checks the SEO fields and slug of a profile."""

import pytest
from django.core.exceptions import ValidationError

from core.privacy import personal_data_problems


@pytest.mark.parametrize(
    "text",
    [
        "身份证６３０１０５１９８００３１５１２３４",  # full-width digits
        "手机：１３８１２３４５６７８",
        "证号 630105800315123",  # 15-digit first-generation ID
        "630105 19800315 1234",  # ID written in groups
        "6301 0519 8003 1512 34",
        "联系 138.1234.5678",  # dots
        "联系电话0971-8123456",  # landline, no colon
        "手机13812345678",
        "家庭住址西宁市城东区八一路5号",  # no colon
        "家住西宁市城北区朝阳小区3号楼2单元",
        "住址为海东市平安区某村",
    ],
)
def test_widened_personal_data_is_recognised(text):
    assert personal_data_problems(text), text


@pytest.mark.parametrize(
    "text",
    [
        "2020年荣获全国劳动模范称号",
        "累计创造经济效益1200万元，节约成本135000元",
        "职工服务热线12351",
        "咨询电话12351",
        "2019 2020 2021 年连续三年获评先进",
        "工号 20231234567890",
        "他家住在湟中县的一个小山村",
        "２０２０年获五一劳动奖章",
    ],
)
def test_ordinary_text_still_passes(text):
    assert personal_data_problems(text) == [], text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field,value",
    [
        ("seo_title", "张师傅 手机13812345678"),
        ("seo_keywords", "劳模,630105198003151234"),
        ("slug", "zhang-630105198003151234"),
    ],
)
def test_seo_fields_and_slug_of_a_profile_are_checked(field, value):
    from workers.models import WorkerPage

    page = WorkerPage(title="张师傅", slug="zhang-shi-fu")
    setattr(page, field, value)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict
