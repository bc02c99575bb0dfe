"""The house-style check on the corpus written for it (bench/editorial_corpus.json): at least
98 % of correct sentences get no must-fix finding and at least 90 % of planted errors are
caught with the right correction. `bench/editorial_quality.py` prints the same figures."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "editorial_quality", Path(__file__).resolve().parents[2] / "bench" / "editorial_quality.py"
)
quality = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quality)


def test_corpus_is_large_enough_and_meets_the_targets():
    result = quality.score()
    assert result["correct"] >= 300
    assert result["errors"] >= 150
    false_alarms = [sentence for sentence, _ in result["false_alarms"]]
    assert result["precision"] >= quality.PRECISION_TARGET, false_alarms
    missed = [item["wrong"] for item, _ in result["missed"]]
    assert result["recall"] >= quality.RECALL_TARGET, missed
