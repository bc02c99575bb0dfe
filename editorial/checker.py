"""The house-style check (规范用语检查): one engine for the workflow task, the
editor's "check now" view and the benchmark.

The engine knows nothing about pages or the database. It takes text fields
(`TextField` tuples) and glossary terms (`Term` tuples) and returns `Finding`s.
`editorial.extract` turns a page into text fields; `editorial.models` turns
glossary snippets into terms.

Glossary matching runs one Aho–Corasick automaton over each text, so the cost
grows with the length of the text, not with the size of the glossary.
"""

import re
from dataclasses import asdict, dataclass, field

import ahocorasick

from .spelling import idiom_spelling

# Rule names shown to editors.
RULE_PREFERRED = "规范用语"
RULE_BANNED = "禁用词"
RULE_CAUTION = "慎用词"
RULE_OFFICIAL_NAME = "规范名称"
RULE_TITLE_LENGTH = "标题长度"
RULE_SOURCE = "缺少来源"
RULE_ALT_TEXT = "缺少图片替代文字"
RULE_PUNCTUATION = "中英文标点混用"
RULE_SPELLING = "错别字"

ERROR = "error"  # sends the page back
WARNING = "warning"  # shown, does not block

TITLE_MAX_LENGTH = 40
CONTEXT_CHARS = 12

# Half-width punctuation next to Chinese characters, and the full-width form to use.
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
MIXED_PUNCTUATION = re.compile(rf"(?<=[{CJK}])[,;:?!()]|[,;:?!()](?=[{CJK}])")


@dataclass(frozen=True)
class TextField:
    """One piece of text to check: `name` identifies the field, `label` is what editors read."""

    name: str
    label: str
    text: str
    kind: str = "text"  # "text", "title", "alt" (image alternative text), "caption"


@dataclass(frozen=True)
class Term:
    """A glossary term: `wrong` is what to catch, `preferred` the wording to use."""

    wrong: str
    preferred: str
    rule: str
    reason: str = ""
    severity: str = ERROR


@dataclass
class Finding:
    field: str
    field_label: str
    rule: str
    text: str
    context: str
    suggestion: str
    reason: str = ""
    severity: str = ERROR
    position: int = 0
    replacement: str | None = None  # the exact text to put instead of `text`, when there is one

    def as_dict(self):
        return asdict(self)


@dataclass
class Glossary:
    """Terms compiled into one automaton. Build once, check many texts."""

    terms: list = field(default_factory=list)

    def __post_init__(self):
        self.automaton = ahocorasick.Automaton()
        patterns = {}
        for term in self.terms:
            if term.wrong:
                patterns.setdefault(term.wrong, []).append(term)
        # Correct forms are added as "protected" spans: a wrong variant found
        # inside a correct form (e.g. a short name inside the full name) is no error.
        self.protected = {term.preferred for term in self.terms if term.preferred}
        for wrong, terms in patterns.items():
            self.automaton.add_word(wrong, (wrong, tuple(terms)))
        for preferred in self.protected:
            if preferred not in patterns:
                self.automaton.add_word(preferred, (preferred, ()))
        self.size = len(patterns)
        if len(self.automaton):
            self.automaton.make_automaton()

    def matches(self, text):
        """Yield (start, end, terms) for every glossary hit not inside a correct form."""
        if not len(self.automaton) or not text:
            return
        hits = []
        protected_spans = []
        for end_index, (word, terms) in self.automaton.iter(text):
            start = end_index - len(word) + 1
            if word in self.protected:
                protected_spans.append((start, end_index + 1))
            if terms:
                hits.append((start, end_index + 1, terms))
        for start, end, terms in hits:
            if any(
                p_start <= start and end <= p_end and (p_start, p_end) != (start, end)
                for p_start, p_end in protected_spans
            ):
                continue
            # A wrong form that is itself some term's correct form (same span) stays protected
            # only when it is a preferred wording; banned words have no preferred form.
            if text[start:end] in self.protected and all(t.rule != RULE_BANNED for t in terms):
                continue
            yield start, end, terms


def excerpt(text, start, end, chars=CONTEXT_CHARS):
    """The hit with a little text either side, the hit marked with 【】."""
    before = text[max(0, start - chars) : start]
    after = text[end : end + chars]
    prefix = "…" if start > chars else ""
    suffix = "…" if end + chars < len(text) else ""
    return f"{prefix}{before}【{text[start:end]}】{after}{suffix}"


def check_glossary(fields, glossary):
    findings = []
    for text_field in fields:
        text = text_field.text
        for start, end, terms in glossary.matches(text):
            for term in terms:
                if term.rule == RULE_BANNED:
                    suggestion = f"删除或改写“{term.wrong}”"
                elif term.rule == RULE_CAUTION:
                    suggestion = f"核实“{term.wrong}”的用法" + (
                        f"，可考虑“{term.preferred}”" if term.preferred else ""
                    )
                else:
                    suggestion = f"改为“{term.preferred}”"
                findings.append(
                    Finding(
                        field=text_field.name,
                        field_label=text_field.label,
                        rule=term.rule,
                        text=text[start:end],
                        context=excerpt(text, start, end),
                        suggestion=suggestion,
                        reason=term.reason,
                        severity=term.severity,
                        position=start,
                        replacement=term.preferred or None,
                    )
                )
    return findings


def check_spelling(fields, spelling):
    """Misspelt idioms (`editorial.spelling`): certain ones must be fixed, rare dictionary spellings are suggested."""
    findings = []
    for text_field in fields:
        text = text_field.text
        for hit in spelling.find(text):
            findings.append(
                Finding(
                    field=text_field.name,
                    field_label=text_field.label,
                    rule=RULE_SPELLING,
                    text=hit.text,
                    context=excerpt(text, hit.start, hit.end),
                    suggestion=f"改为“{hit.correct}”",
                    reason="成语用字错误。"
                    if hit.certain
                    else f"词典虽收此写法，但“{hit.correct}”是规范写法，远比此写法常用。",
                    severity=ERROR if hit.certain else WARNING,
                    position=hit.start,
                    replacement=hit.correct,
                )
            )
    return findings


def unique(findings):
    """Each problem once: the same rule, text and fix at the same place is listed once, and a
    misspelt idiom the glossary already names is not reported again by the idiom check."""
    seen, spans, kept = set(), set(), []
    for finding in findings:
        key = (finding.field, finding.position, finding.rule, finding.text, finding.suggestion)
        span = (finding.field, finding.position, finding.text)
        if key in seen or (finding.rule == RULE_SPELLING and span in spans):
            continue
        seen.add(key)
        if finding.text:
            spans.add(span)
        kept.append(finding)
    return kept


def check_house_rules(fields, *, source_rule=None):
    """`source_rule` is None (no source needed), WARNING or ERROR when the source is missing."""
    findings = []
    for text_field in fields:
        text = text_field.text
        if text_field.kind == "title" and len(text) > TITLE_MAX_LENGTH:
            findings.append(
                Finding(
                    field=text_field.name,
                    field_label=text_field.label,
                    rule=RULE_TITLE_LENGTH,
                    text=text,
                    context=text,
                    suggestion=f"标题共 {len(text)} 字，请压缩到 {TITLE_MAX_LENGTH} 字以内",
                    reason="过长的标题在手机和列表中显示不全。",
                    severity=ERROR,
                )
            )
        if text_field.kind == "alt" and not text.strip():
            findings.append(
                Finding(
                    field=text_field.name,
                    field_label=text_field.label,
                    rule=RULE_ALT_TEXT,
                    text="",
                    context="（图片没有替代文字）",
                    suggestion="为图片填写简要描述画面内容的替代文字，纯装饰图片请勾选“装饰性图片”",
                    reason="读屏软件靠替代文字向视障读者介绍图片（GB/T 37668-2019）。",
                    severity=ERROR,
                )
            )
        for match in MIXED_PUNCTUATION.finditer(text):
            mark = match.group()
            findings.append(
                Finding(
                    field=text_field.name,
                    field_label=text_field.label,
                    rule=RULE_PUNCTUATION,
                    text=mark,
                    context=excerpt(text, match.start(), match.end()),
                    suggestion=f"中文语句中请用全角“{FULL_WIDTH[mark]}”",
                    reason="中文正文使用全角标点。",
                    severity=WARNING,
                    position=match.start(),
                )
            )
    if source_rule:
        findings.append(
            Finding(
                field="source_name",
                field_label="来源",
                rule=RULE_SOURCE,
                text="",
                context="（未填写来源）",
                suggestion="填写稿件来源，例如“青海省总工会”；转载稿件还须注明原作者和原标题",
                reason="文章须标明来源、发布时间和责任编辑；留空时显示本站名称，请确认是本站原创。"
                if source_rule == WARNING
                else "转载稿件必须注明来源、原作者和原标题。",
                severity=source_rule,
            )
        )
    return findings


def check(fields, glossary, *, source_rule=None, spelling=True):
    """Every finding for the given text fields, in field order then text order, each once.

    `spelling` is True (the shipped idiom data), an `IdiomSpelling`, or False (no idiom check)."""
    order = {text_field.name: index for index, text_field in enumerate(fields)}
    if spelling is True:
        spelling = idiom_spelling()
    findings = check_glossary(fields, glossary)
    if spelling:
        findings += check_spelling(fields, spelling)
    findings = unique(findings) + check_house_rules(fields, source_rule=source_rule)
    findings.sort(key=lambda f: (order.get(f.field, len(order)), f.position))
    return findings


def blocking(findings):
    return [finding for finding in findings if finding.severity == ERROR]


def format_report(findings):
    """A plain-text report for comments and emails."""
    if not findings:
        return "规范用语检查通过，未发现问题。"
    errors = blocking(findings)
    lines = [f"规范用语检查发现 {len(findings)} 处问题（其中 {len(errors)} 处必须修改）："]
    for number, finding in enumerate(findings, start=1):
        level = "必须修改" if finding.severity == ERROR else "建议修改"
        lines.append(
            f"{number}. [{level}] {finding.field_label} · {finding.rule}：{finding.context} → {finding.suggestion}"
            + (f"（{finding.reason}）" if finding.reason else "")
        )
    return "\n".join(lines)
