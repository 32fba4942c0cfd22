"""Pinyin initials of Chinese place names (南京市 → njs), for searching the region picker by
the letters people type on a laptop without switching the input method.

GB2312's first level (the 3 755 common characters) is ordered by pinyin, so a character's
initial follows from its GB2312 code; the rarer characters found in the bundled
administrative divisions, and a few place-name readings that differ from the common one,
are listed by hand. No dependency, no dictionary file.
"""

from __future__ import annotations

from functools import lru_cache

# First GB2312 code (level 1) of each initial letter; i, u and v begin no pinyin syllable.
_BOUNDARIES = (
    (0xB0A1, "a"),
    (0xB0C5, "b"),
    (0xB2C1, "c"),
    (0xB4EE, "d"),
    (0xB6EA, "e"),
    (0xB7A2, "f"),
    (0xB8C1, "g"),
    (0xB9FE, "h"),
    (0xBBF7, "j"),
    (0xBFA6, "k"),
    (0xC0AC, "l"),
    (0xC2E8, "m"),
    (0xC4C3, "n"),
    (0xC5B6, "o"),
    (0xC5BE, "p"),
    (0xC6DA, "q"),
    (0xC8BB, "r"),
    (0xC8F6, "s"),
    (0xCBFA, "t"),
    (0xCDDA, "w"),
    (0xCEF4, "x"),
    (0xD1B9, "y"),
    (0xD4D1, "z"),
)
_LEVEL1_END = 0xD7F9

# Characters outside GB2312's first level that occur in region names, and place-name
# readings (重庆 chóng, 厦门 xià, 六安 lù …) that differ from the character's usual one.
_PAIRS = (
    "亳b仡g仫m伽j佤w偃y儋d兖y勐m圩x圳z坂b坻d埇y妃f婺w孚f宕d岐q岑c岚l岢k岫x岱d岷m峄y峒d崂l崃l崆k"
    "嵊s嵩s庵a弋y攸y旌j晏y晖h暨j朐q杞q枞z柘z栾l桦h梓z棣d榕r歙s汨m汶w沅y沐m沚z沭s泗s泸l泾j洮t浈z"
    "浉s浏l浔x浠x涞l涿z淅x淇q淞s渌l渑m湄m湟h溆x溧l滕t漯l潢h潼t澧l濂l濉s濞b濠h濮p瀍c灞b犍q猇x猗y"
    "珙g珲h琊y璧b瓯o畲s盱x眙y睢s砀d硚q碚b磴d祜h禅c禺y秭z稷j筠j箐q綦q绛j缙j罘f耆q耒l芗x芙f芮r芷z"
    "茌c荥x莒j莘s莞g蒗l蓥y蔺l蕲q藁g蛟j蠡l衢q覃t讷n诏z谟m谯q赉l迦j邕y邗h邛q邡f邳p邺y郏j郓y郫p郯t"
    "郾y鄄j鄞y鄠h鄢y鄯s鄱p醴l闵m阆l阡q陂p陉x陟z隰x颍y驿y骅h鲅b鸠j麒q麟l黟y重c厦x"
)
_BY_HAND = {_PAIRS[i]: _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)}


@lru_cache(maxsize=8192)
def initial(char: str) -> str:
    """The pinyin initial of one character; letters and digits stand for themselves,
    other characters give ``""``."""
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    if char in _BY_HAND:
        return _BY_HAND[char]
    try:
        raw = char.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(raw) != 2:
        return ""
    code = raw[0] << 8 | raw[1]
    if not _BOUNDARIES[0][0] <= code <= _LEVEL1_END:
        return ""
    letter = ""
    for start, value in _BOUNDARIES:
        if code < start:
            break
        letter = value
    return letter


def initials(text: str) -> str:
    """``南京市`` → ``njs``; characters without a known initial are skipped."""
    return "".join(initial(ch) for ch in text)
