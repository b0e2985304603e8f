"""Extractive news summaries and key facts. A pure library: it never imports Telegram.

article = parse_article(raw_text)
ranking = rank(article)                 # once per article
summary = summarize(article, 3, ranking)  # any length, cut from the same ranking
facts = key_facts(article, ranking)

Rankings and key facts are worth storing; ``revision()`` tells when stored ones may be stale.
"""

from . import threads  # noqa: F401, I001 - first: one BLAS thread, set before NumPy loads

import functools
import hashlib
from importlib.metadata import version
from pathlib import Path

from .facts import MAX_FACTS, key_facts
from .languages import LANGUAGES, UnsupportedLanguage, identify, served_names
from .models import Article, Caption, FactKind, KeyFact, Ranking, Sentence, Summary, SummarySentence
from .parse import ArticleError, article_id, parse_article
from .rank import ALGORITHMS, DEFAULT_ALGORITHM, NewsSummarizer, UnknownAlgorithm, rank
from .tokenize import Tokenizer, count_words, split_sentences, split_words


def summarize(
    article: Article,
    sentences: int = 3,
    ranking: Ranking | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
) -> Summary:
    """The ``sentences`` best sentences of ``article`` in article order (ranks it if needed)."""
    ranking = ranking or rank(article, algorithm)
    chosen = ranking.top(sentences)
    scores = ranking.scores_for(sentences)
    return Summary(
        article_id=article.id,
        algorithm=ranking.algorithm,
        sentences=tuple(SummarySentence(index=i, text=article.sentences[i].text, score=scores[i]) for i in chosen),
        total_sentences=len(article.sentences),
    )


@functools.cache
def revision() -> str:
    """A fingerprint of this summarizer: its code and the sumy it builds on. Rankings and key
    facts stored by another revision may differ from what this one makes."""
    digest = hashlib.sha256(version("sumy").encode())
    for source in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(source.relative_to(Path(__file__).parent).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "MAX_FACTS",
    "Article",
    "ArticleError",
    "Caption",
    "FactKind",
    "KeyFact",
    "LANGUAGES",
    "NewsSummarizer",
    "Ranking",
    "Sentence",
    "Summary",
    "SummarySentence",
    "Tokenizer",
    "UnknownAlgorithm",
    "UnsupportedLanguage",
    "article_id",
    "count_words",
    "identify",
    "key_facts",
    "parse_article",
    "rank",
    "revision",
    "served_names",
    "split_sentences",
    "split_words",
    "summarize",
]
