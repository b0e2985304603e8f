"""Pages in scripts written without spaces are judged by characters, not space-separated words."""

import pytest

from summarizer import ArticleError
from summarizer.extract import MIN_WORDS, extract_article
from summarizer.tokenize import CHARS_PER_WORD, count_words

JAPANESE = [
    "東京都は十五日、老朽化した湾岸の橋を来年の春から改修すると発表した。点検で主塔のケーブルに腐食が見つかったという。",
    "工事には数か月かかり、費用は数十億円にのぼる見通しだ。都は毎週説明会を開き、住民に進み具合を知らせるとしている。",
    "対応が遅すぎるとの批判もあるが、取材に応じた住民の多くは決定を歓迎し、以前から橋が危ないと感じていたと話した。",
]


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>湾岸の橋、来春から改修</title></head><body><article>{body}</article></body></html>"


def test_a_japanese_article_is_long_enough() -> None:
    article = extract_article(page(JAPANESE))
    assert article.title == "湾岸の橋、来春から改修"
    assert len(article.sentences) >= 5


def test_a_japanese_fragment_is_still_too_little() -> None:
    with pytest.raises(ArticleError, match="too little text"):
        extract_article(page(["東京都は十五日、橋を改修すると発表した。"]))


def test_characters_count_as_words_only_where_there_are_no_spaces() -> None:
    assert count_words("one two three") == 3
    assert count_words("東京都は改修を発表した") == round(11 / CHARS_PER_WORD)
    assert count_words("ตำรวจจับกุมผู้ต้องสงสัย") >= 10
    assert count_words("x " * MIN_WORDS) == MIN_WORDS
