"""Function words per language: words that say nothing about what a record is about ("de",
"for", "и", "menos", "في", "我们"), never a key term of more-like-this nor shown as evidence.

English, French, Spanish and Russian come from Tantivy's stop word lists (Snowball's) with the
quantifiers and request verbs those lists lack ("menos", "need", "besoin"); Arabic and Chinese,
which Tantivy has none for, are listed here. A word is checked as written, before stemming.
"""

from __future__ import annotations

from functools import lru_cache

import tantivy

from kmdesk.core.search.analysis import normalise_arabic

_TANTIVY = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "pt": "portuguese", "de": "german",
            "it": "italian"}
# what Snowball's lists lack: quantifiers, adverbs and the verbs of asking that every need has
_MORE = {
    "en": frozenset("less more need needs needed want wants wanted also every many much well would could within without "
                    "help".split()),
    "es": frozenset("menos tan tanto cada todo toda todos todas otro otra otros otras mismo misma ya aún también además "
                    "según hacia desde durante mediante necesitamos necesita necesitan queremos quiere quieren puede "
                    "pueden hay ayuda".split()),
    "fr": frozenset("moins plus très aussi chaque tout tous toute toutes autre autres besoin voulons veut veulent peut "
                    "peuvent sans selon vers depuis aide".split()),
    "ru": frozenset("менее более очень также каждый нужно нужна нужен нужны хотим хотят может могут помощь".split()),
}
# Arabic particles, pronouns, prepositions and common verbs of request, normalised as the index
# normalises (hamza forms folded, teh marbuta as heh)
_ARABIC = frozenset(normalise_arabic(word) for word in """
في من إلى على عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين هو هي هم هن نحن أنا أنت أنتم
و أو ثم لكن بل كما أن إن كان كانت يكون تكون قد لقد لا لم لن ما ماذا متى أين كيف كل بعض غير بين
عند عندما حتى إذا لدى لدينا لنا لها له لهم بها به بهم منها منه فيها فيه عليها عليه إليها إليه
نحتاج يحتاج تحتاج نريد يريد تريد يريدون يمكن أجل خلال حول ضد دون مثل أيضا فقط جدا كثير قليل
""".split())
# Chinese function words and request verbs, as the words (runs of two characters or more)
# and single characters that carry no topic
_CHINESE = frozenset("""
我们 你们 他们 她们 它们 我们的 自己 这个 那个 这些 那些 这里 那里 什么 怎么 如何 为了 因为 所以 但是 而且
或者 以及 还有 需要 希望 想要 可以 能够 没有 一个 一些 每天 每年 已经 正在 进行 通过 关于 对于 以便 之后
之前 以后 以前 已经 非常 很多 许多 帮助 开展 提供 使用 利用 得到 获得 包括 其他 其中 目前 现在
的 了 和 与 及 在 是 有 也 都 就 而 或 把 被 让 给 对 向 从 到 为 以 于 之 其 这 那 我 你 他 她 它 们 着 过 等 中 上 下
""".split())


@lru_cache(maxsize=None)
def _snowball(language: str) -> tantivy.TextAnalyzer:
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase()) \
        .filter(tantivy.Filter.stopword(language)).build()


@lru_cache(maxsize=50_000)
def is_stop_word(word: str, lang: str | None = None) -> bool:
    """Whether ``word`` (as written) is a function word of ``lang``, or of any language this
    module knows when ``lang`` is None (the language-neutral fields hold every language)."""
    word = word.lower()
    return any(_listed(word, code) for code in ([lang] if lang is not None else ["ar", "zh", *_TANTIVY]))


def _listed(word: str, lang: str) -> bool:
    if lang == "ar":
        return normalise_arabic(word) in _ARABIC
    if lang == "zh":
        return word in _CHINESE
    return word in _MORE.get(lang, ()) or (lang in _TANTIVY and not _snowball(_TANTIVY[lang]).analyze(word))
