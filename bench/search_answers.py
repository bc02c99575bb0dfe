"""Same answers before and after a search change: dump the search page for many URLs, then compare.

    VAR_DIR=/tmp/search-var SECRET_KEY=x SECURE_SSL=0 ALLOW_LOCAL_CACHE=1 \\
        .venv/bin/python bench/search_answers.py dump /tmp/searchspeed-base /tmp/answers-before.json
    VAR_DIR=… .venv/bin/python bench/search_answers.py dump . /tmp/answers-after.json
    .venv/bin/python bench/search_answers.py compare /tmp/answers-before.json /tmp/answers-after.json

`dump` runs the given checkout (production settings by default) in this process through the Django
test client: 33 questions x 11 filter sets x 5 page numbers, each once, with the status code, the
number of queries and the page (nonces removed). `compare` reports pages that differ beyond
whitespace between tags, and the query totals. bench/search.md, 2026-11-28.
"""

import difflib
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlencode

QUESTIONS = [
    "工会", "劳模", "农民工入会", "暖心驿站", "西宁市 技能比武", "12351", "五一劳动奖章", "百万职工高原建功立业工程",
    "金秋助学金", "法律服务热线", "海西州总工会", "潜水艇", '"五一劳动奖章"', '"法律服务热线"', '"工会工作人员"',
    '"劳动竞赛" 西宁市', '"职工工会"', "潜水艇 工会", "职工 潜水艇 劳模", "马文花", "入会", "AI", "青海", "帮扶",
    "!!!", "", "工会" * 60, "关于", "劳模创新工作室", "职工服务热线", "技能竞赛", "困难职工帮扶", "五一",
]  # fmt: skip
FILTERS = [
    {}, {"type": "news"}, {"type": "workers"}, {"type": "campaigns"}, {"section": "8"}, {"section": "13"},
    {"from": "2024-01-01"}, {"to": "2023-06-30"}, {"from": "2025-01-01", "to": "2024-01-01"},
    {"type": "bogus"}, {"section": "8", "type": "news", "from": "2020-01-01"},
]  # fmt: skip
PAGES = [None, "2", "7", "100", "abc"]
VOLATILE = re.compile(r'nonce="[^"]*"|csrfmiddlewaretoken" value="[^"]*"')
BETWEEN_TAGS = re.compile(r">\s+<")


def dump(code, out):
    sys.path.insert(0, str(Path(code).resolve()))
    os.chdir(code)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.production")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    answers = {}
    for question in QUESTIONS:
        for filters in FILTERS:
            for page in PAGES:
                params = {"q": question, **filters, **({"page": page} if page else {})}
                url = "/search/?" + urlencode(params)
                connection.queries_log.clear()
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(url)
                answers[url] = [
                    response.status_code,
                    len(captured),
                    VOLATILE.sub("", response.content.decode()),
                ]
    Path(out).write_text(json.dumps(answers, ensure_ascii=False))
    print(f"{len(answers)} URLs, {sum(1 for a in answers.values() if a[0] == 200)} answered 200")


def compare(first, second):
    a, b = json.loads(Path(first).read_text()), json.loads(Path(second).read_text())
    assert a.keys() == b.keys(), "not the same URLs"
    exact = differ = 0
    for url in a:
        exact += a[url][2] == b[url][2]
        left, right = BETWEEN_TAGS.sub("><", a[url][2]), BETWEEN_TAGS.sub("><", b[url][2])
        if a[url][0] != b[url][0] or left != right:
            differ += 1
            if differ <= 3:
                print("DIFFERS", url, a[url][0], b[url][0])
                lines = difflib.unified_diff(
                    left.replace("><", ">\n<").splitlines(),
                    right.replace("><", ">\n<").splitlines(),
                    lineterm="",
                )
                print("\n".join(list(lines)[:30]))
    queries = sum(v[1] for v in a.values()), sum(v[1] for v in b.values())
    print(
        f"{len(a)} URLs: {exact} byte-identical, {differ} differ beyond whitespace between tags; "
        f"queries {queries[0]} -> {queries[1]}"
    )
    return differ


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "dump":
        dump(*rest)
    else:
        sys.exit(1 if compare(*rest) else 0)
