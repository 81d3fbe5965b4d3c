"""How far apart two spellings are: the misspelling fallback and "did you mean" ask it of
hundreds of terms a query, so it must cost a few integer operations per letter."""

from __future__ import annotations


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance, by Myers' bit-vector algorithm (Hyyrö's form for edit distance):
    one column of the table per letter of ``b`` in a few integer operations instead of a cell at
    a time, so comparing a misspelt word with the terms near it costs little beside reading them
    (bench/README.md, "Near spellings without the automaton"). With ``limit``, words whose lengths alone differ by more are answered
    ``limit + 1`` without computing."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a:
        return len(b)
    letters: dict[str, int] = {}
    for i, ch in enumerate(a):
        letters[ch] = letters.get(ch, 0) | 1 << i
    width = len(a)
    mask, top = (1 << width) - 1, 1 << (width - 1)
    plus, minus, score = mask, 0, width
    for ch in b:
        equal = letters.get(ch, 0)
        vertical = equal | minus
        horizontal = (((equal & plus) + plus) ^ plus) | equal
        h_plus = minus | (~(horizontal | plus) & mask)
        h_minus = plus & horizontal
        if h_plus & top:
            score += 1
        elif h_minus & top:
            score -= 1
        h_plus = (h_plus << 1 | 1) & mask
        h_minus = (h_minus << 1) & mask
        plus = h_minus | (~(vertical | h_plus) & mask)
        minus = h_plus & vertical
    return score
