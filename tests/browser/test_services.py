"""Services for workers, on a 390-px phone, with the union's staff answering in the admin meanwhile.

找工会 + 网上入会: a worker near 西宁 lets the browser tell the site where they are, finds the nearest
union that takes online applications, applies in three steps, keeps the receipt code and follows the
application while an officer (in another browser, logged into the admin) accepts it.

12351 留言: a worker asks for help with unpaid wages, keeps the receipt, a 维权受理员 answers in the
admin, and the worker reads the answer and rates it.
"""

import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, connections

from directory.models import UnionOrganisation
from interaction.models import Message
from joining.models import Application, OfficerAssignment

try:
    from playwright.sync_api import expect
except ImportError:  # the conftest skips (or fails) with the reason
    expect = None

from .conftest import DESKTOP, axe_violations, browser_db, horizontal_overflow, page_fixture

pytestmark = [pytest.mark.browser, browser_db]

PHONE_390 = {"width": 390, "height": 844}
# Near 西宁's 城北区 (the position Playwright's browser reports; nothing leaves the test machine).
XINING = {"latitude": 36.6650, "longitude": 101.7650}
OFFICER = ("ruhui-chengbei", "qhgh-ruhui-2026")
HANDLER = ("weiquan", "qhgh-weiquan-2026")  # 维权受理员 of 西宁 and 海东 in the interaction demo
WORKER_MOBILE = "13897001234"


# A 390 px phone whose owner allowed the site to know its position (near 西宁).
phone_near_xining = page_fixture(PHONE_390, geolocation=XINING, permissions=["geolocation"])
phone_390 = page_fixture(PHONE_390)
# Another browser (its own cookies) on a desktop screen, for the union's staff.
staff_browser = page_fixture(DESKTOP, check_js=False)


def committed(work):
    """Run `work` so that the live server sees its rows. On in-memory SQLite the server shares this
    test's connection; on PostgreSQL it has its own and would not see this test's open transaction,
    so the rows are written from a thread with a connection of its own (autocommit)."""
    if connection.vendor == "sqlite":
        return work()
    box = {}

    def run():
        try:
            box["value"] = work()
        finally:
            connections.close_all()  # this thread's connections only

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return box["value"]


def make_officer(organisation_pk):
    call_command("setup_joining")
    officer = get_user_model().objects.create_user(OFFICER[0], password=OFFICER[1])
    officer.groups.add(Group.objects.get(name="入会受理员"))
    OfficerAssignment.objects.create(user=officer, organisation_id=organisation_pk)
    return officer


def admin_login(page, username, password):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def distances(page):
    texts = page.locator(".directory-item__meta").all_inner_texts()
    return [float(match.group(1)) for text in texts if (match := re.search(r"约 ([\d.]+) 公里", text))]


def assert_accessible(page, axe_source):
    violations = axe_violations(page, axe_source)
    assert not violations, "\n".join(violations)


def test_worker_finds_the_nearest_union_applies_and_follows_while_an_officer_accepts(
    phone_near_xining, staff_browser, axe_source
):
    phone = phone_near_xining
    phone.goto("/zhaogonghui/")
    everywhere = int(re.search(r"共 (\d+) 个", phone.locator(".workers__count").inner_text()).group(1))

    # Filter: the 市州 facet narrows the list to 西宁市, with the count it announced.
    option = phone.locator(".worker-filter__options a", has_text="西宁市").first
    announced = int(re.search(r"（(\d+)）", option.inner_text()).group(1))
    option.click()
    phone.wait_for_url(re.compile(r"region="))
    in_xining = int(re.search(r"共 (\d+) 个", phone.locator(".workers__count").inner_text()).group(1))
    assert in_xining == announced < everywhere

    # Nearest first: the browser gives the position to this site only, which sorts by distance.
    phone.get_by_role("button", name="按离我最近排列").click()
    phone.wait_for_url(re.compile(r"lat=36\.665"))
    assert "region=" in phone.url  # the filter stays
    assert "已按离您最近排列" in phone.locator(".directory__nearby").inner_text()
    shown = distances(phone)
    assert len(shown) >= 3 and shown == sorted(shown), shown
    assert not horizontal_overflow(phone)

    # The nearest union that takes online applications: its 申请加入 button opens the form.
    item = phone.locator(".directory-item", has=phone.locator("a", has_text="申请加入")).first
    union_name = item.locator(".directory-item__name").inner_text().strip()
    join = item.get_by_role("link", name="申请加入")
    code = re.search(r"zuzhi=([^&]+)", join.get_attribute("href")).group(1)
    organisation = UnionOrganisation.objects.get(code=code)
    join.click()
    phone.wait_for_url("**/ruhui/?zuzhi=*")

    # Step 1 of 3: who. No ID number anywhere on the form.
    assert "第 1 步" in phone.locator("[aria-current=step]").inner_text()
    assert "不收集身份证号码" in phone.locator(".lead").inner_text()
    assert_accessible(phone, axe_source)
    phone.get_by_label("姓名").fill("才让卓玛")
    phone.get_by_label("手机号码").fill(WORKER_MOBILE)
    phone.get_by_label("女", exact=True).check()
    phone.get_by_role("button", name="下一步").click()

    # Step 2 of 3: work. The region came along from the union's link.
    phone.wait_for_selector("[aria-current=step] >> text=第 2 步")
    assert phone.get_by_label("工作所在市州").input_value() == organisation.prefecture
    phone.get_by_label("工作单位或平台").fill("某快递城北营业部")
    phone.get_by_label("快递员").check()
    phone.get_by_label("行业").select_option(organisation.industry or "postal")
    assert not horizontal_overflow(phone)
    phone.get_by_role("button", name="下一步").click()

    # Step 3 of 3: which union — the one chosen in the directory is preselected; consent.
    phone.wait_for_selector("[aria-current=step] >> text=第 3 步")
    assert phone.locator("#id_organisation").input_value() == organisation.code
    phone.get_by_label(re.compile("我已阅读并同意")).check()
    phone.get_by_role("button", name="提交申请").click()

    phone.wait_for_selector("h1 >> text=申请已提交")
    receipt = phone.locator(".joining-receipt__code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", receipt), receipt
    assert union_name in phone.locator(".joining-receipt").inner_text()
    application = Application.objects.get(mobile=WORKER_MOBILE)
    assert application.organisation == organisation and application.receipt_display == receipt

    # The worker follows the application with the code and the mobile number.
    phone.get_by_role("link", name="查询办理进度").click()
    phone.get_by_label("回执码", exact=True).fill(receipt)
    phone.get_by_label("申请时填写的手机号码").fill(WORKER_MOBILE)
    phone.get_by_role("button", name="查询").click()
    assert "当前状态：已提交" in phone.locator(".joining-status").inner_text()

    # Meanwhile an officer of that union, logged into the admin in another browser, accepts it.
    committed(lambda: make_officer(organisation.pk))
    admin_login(staff_browser, *OFFICER)
    staff_browser.goto("/admin/ruhui/?status=open")
    staff_browser.get_by_role("link", name=receipt).click()
    staff_browser.locator("#id_to_status").select_option("accepted")
    staff_browser.locator("#id_comment").fill("已收到您的申请，城北区总工会工作人员将电话联系您。")
    staff_browser.get_by_role("button", name="保存").click()
    expect(staff_browser.locator("body")).to_contain_text("状态已改为“已受理”")

    # The worker asks again and sees 已受理, with the officer's note meant for them.
    phone.get_by_label("回执码", exact=True).fill(receipt)
    phone.get_by_label("申请时填写的手机号码").fill(WORKER_MOBILE)
    phone.get_by_role("button", name="查询").click()
    status = phone.locator(".joining-status").inner_text()
    assert "当前状态：已受理" in status
    assert "工作人员将电话联系您" in status
    assert not horizontal_overflow(phone)
    assert_accessible(phone, axe_source)

    # A wrong mobile number with the right code reveals nothing.
    phone.get_by_label("回执码", exact=True).fill(receipt)
    phone.get_by_label("申请时填写的手机号码").fill("13800000000")
    phone.get_by_role("button", name="查询").click()
    assert "没有找到" in phone.get_by_role("alert").inner_text()
    assert phone.locator(".joining-status").count() == 0


def test_worker_asks_about_unpaid_wages_and_reads_and_rates_the_answer(phone_390, staff_browser, axe_source):
    phone = phone_390
    phone.goto("/")
    phone.locator("a[href='/hudong/liuyan/']").first.click()
    phone.wait_for_url("**/hudong/liuyan/")
    assert_accessible(phone, axe_source)
    phone.get_by_label("留言类别").select_option(label="工资拖欠")
    phone.get_by_label("所在地区").select_option(label="西宁市")
    phone.get_by_label("标题").fill("物流园装卸工被拖欠两个月工资")
    phone.get_by_label("具体内容").fill(
        "我在城东区一家物流园做装卸工，公司拖欠九月、十月两个月工资共八千元，多次找负责人都说再等等。"
    )
    phone.get_by_label("姓名").fill("马永福")
    phone.get_by_label("手机号码").fill("13897005678")
    phone.get_by_label(re.compile("我已阅读并同意隐私声明")).check()
    assert not horizontal_overflow(phone)
    phone.get_by_role("button", name="提交留言").click()

    phone.wait_for_selector("h1 >> text=留言已提交")
    code = phone.locator(".receipt-code").inner_text().strip()
    message = Message.objects.get(code=code)
    assert message.get_category_display() == "工资拖欠" and message.first_response_due is not None

    # The handler of 西宁 answers it in the admin.
    admin_login(staff_browser, *HANDLER)
    staff_browser.goto("/admin/interaction/?status=submitted&category=wages")
    staff_browser.get_by_role("link", name=code, exact=True).click()
    expect(staff_browser.locator("body")).to_contain_text("物流园装卸工被拖欠两个月工资")
    answer = "已联系城东区劳动保障监察大队，公司承诺本月 20 日前结清欠薪；如未兑现，请再次留言或拨打 12351。"
    staff_browser.get_by_label("答复内容（职工可见）").fill(answer)
    staff_browser.get_by_role("button", name="发送答复").click()
    expect(staff_browser.locator("body")).to_contain_text(answer)
    message.refresh_from_db()
    assert message.status == "answered"

    # Later the worker looks it up with the code and the mobile, reads the answer and rates it.
    phone.goto("/hudong/chaxun/")
    phone.get_by_label("受理编号").fill(code)
    phone.get_by_label("提交时填写的手机号码").fill("13897005678")
    phone.get_by_role("button", name=re.compile("查询")).click()
    phone.wait_for_url(f"**/hudong/chaxun/{code}/")
    assert "已答复" in phone.locator(".interaction-facts").inner_text()
    assert answer in phone.locator(".interaction-reply").first.inner_text()
    assert not horizontal_overflow(phone)
    assert_accessible(phone, axe_source)
    phone.locator("#rating").get_by_role("button", name="满意", exact=True).click()
    assert "您的评价：满意" in phone.locator("#rating").inner_text()
    message.refresh_from_db()
    assert message.satisfaction == 3
