"""Precision and recall of the house-style check on a corpus written for the purpose.

Run: .venv/bin/python bench/editorial_quality.py
(no database: the starter glossary is compiled from `editorial/glossary_data.py`).

The corpus, `bench/editorial_corpus.json`, holds union-news sentences written for this
project: `correct` ones, which must get no must-fix finding, and `errors`, each with one
planted common error (`wrong`) and the text it must become (`correct`).

- precision: share of correct sentences with no must-fix finding;
- recall: share of planted errors caught, as must-fix or suggestion, by a finding whose
  replacement turns the sentence into the expected correct one.

tests/editorial/test_checker_corpus.py asserts the targets (≥ 98 %, ≥ 90 %) with the
same function.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "editorial_corpus.json"
PRECISION_TARGET = 0.98
RECALL_TARGET = 0.90


def starter_glossary():
    from editorial import checker
    from editorial.glossary_data import STARTER_GLOSSARY
    from editorial.models import GlossaryEntry

    terms = []
    for kind, term, variants, reason in STARTER_GLOSSARY:
        entry = GlossaryEntry(kind=kind, term=term, variants="\n".join(variants), reason=reason)
        terms.extend(entry.to_terms())
    return checker.Glossary(terms)


def fixes(sentence, finding):
    """The sentence with `finding`'s replacement applied, or None."""
    if finding.replacement is None or sentence[finding.position :].startswith(finding.text) is False:
        return None
    end = finding.position + len(finding.text)
    return sentence[: finding.position] + finding.replacement + sentence[end:]


def score(glossary=None, corpus=CORPUS):
    from editorial import checker
    from editorial.checker import TextField

    glossary = glossary if glossary is not None else starter_glossary()
    data = json.loads(Path(corpus).read_text(encoding="utf-8"))
    false_alarms, missed = [], []
    for sentence in data["correct"]:
        findings = checker.blocking(checker.check([TextField("body", "正文", sentence)], glossary))
        if findings:
            false_alarms.append((sentence, findings))
    for item in data["errors"]:
        sentence = item["text"]
        expected = sentence.replace(item["wrong"], item["correct"], 1)
        findings = checker.check([TextField("body", "正文", sentence)], glossary)
        if not any(fixes(sentence, f) == expected for f in findings):
            missed.append((item, findings))
    correct, errors = len(data["correct"]), len(data["errors"])
    return {
        "correct": correct,
        "errors": errors,
        "false_alarms": false_alarms,
        "missed": missed,
        "precision": (correct - len(false_alarms)) / correct,
        "recall": (errors - len(missed)) / errors,
    }


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.test")
    import django

    django.setup()
    result = score()
    print(
        f"precision: {result['correct'] - len(result['false_alarms'])}/{result['correct']} correct sentences "
        f"with no must-fix finding = {result['precision']:.1%} (target {PRECISION_TARGET:.0%})"
    )
    print(
        f"recall: {result['errors'] - len(result['missed'])}/{result['errors']} planted errors caught "
        f"with the right correction = {result['recall']:.1%} (target {RECALL_TARGET:.0%})"
    )
    for sentence, findings in result["false_alarms"]:
        print("  false must-fix:", sentence, "→", "; ".join(f"{f.text}: {f.suggestion}" for f in findings))
    for item, findings in result["missed"]:
        shown = "; ".join(f"{f.text}: {f.suggestion}" for f in findings) or "no finding"
        print(f"  missed: {item['wrong']} → {item['correct']} ({shown})")


if __name__ == "__main__":
    main()
