"""Extractive news summaries and key facts. A pure library: it never imports Telegram.

article = parse_article(raw_text)
ranking = rank(article)                 # once per article
summary = summarize(article, 3, ranking)  # any length, cut from the same ranking
facts = key_facts(article, ranking)
"""

from .facts import MAX_FACTS, key_facts
from .models import Article, Caption, FactKind, KeyFact, Ranking, Sentence, Summary, SummarySentence
from .parse import ArticleError, article_id, parse_article
from .rank import ALGORITHMS, DEFAULT_ALGORITHM, NewsSummarizer, UnknownAlgorithm, rank
from .tokenize import Tokenizer, split_sentences, split_words


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


__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "MAX_FACTS",
    "Article",
    "ArticleError",
    "Caption",
    "FactKind",
    "KeyFact",
    "NewsSummarizer",
    "Ranking",
    "Sentence",
    "Summary",
    "SummarySentence",
    "Tokenizer",
    "UnknownAlgorithm",
    "article_id",
    "key_facts",
    "parse_article",
    "rank",
    "split_sentences",
    "split_words",
    "summarize",
]
