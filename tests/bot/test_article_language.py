"""An article's language is shown with it and can be corrected: the button under a summary, and
/article ID lang CODE; the text is read again in that language and stays the same article."""

from __future__ import annotations

from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE, BOB, GROUP
from tests.bot.test_digests import NEW_ARTICLES, news
from tests.summarizer.samples import sample_text

NOT_NAMES = "In this language I find figures, dates and quotes, not names."


def _buttons(message: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {b["text"]: b["callback_data"] for row in message["reply_markup"]["inline_keyboard"] for b in row}


async def test_a_summary_shows_its_language_and_a_reader_corrects_it(api: LocalBotApi, bot: object) -> None:
    [summary] = await api.reply_to(ALICE, sample_text("de"))
    buttons = _buttons(summary)
    assert "Language: German ✎" in buttons
    article_id = buttons["Language: German ✎"].split(":")[1]
    before = await news(bot).article(article_id)
    assert before.article.language == "de"

    answer = await api.press(ALICE, ALICE, summary["message_id"], buttons["Language: German ✎"])
    assert answer.get("text") is None
    choices = _buttons(api.messages[ALICE][summary["message_id"]])
    assert "✓ Deutsch" in choices and choices["English"] == f"L:{article_id}:3:en" and "◀️ Back" in choices
    assert all(len(data.encode()) <= 64 for data in choices.values())

    answer = await api.press(ALICE, ALICE, summary["message_id"], choices["English"])
    assert answer["text"] == "Done: I read this article as English now."
    edited = api.messages[ALICE][summary["message_id"]]
    assert "Language: English ✎" in _buttons(edited) and "Stadtrat genehmigt neue Brücke" in edited["text"]
    after = await news(bot).article(article_id)
    assert after.article.language == "en" and (after.seq, after.story_seq, after.origin) == (
        before.seq,
        before.story_seq,
        before.origin,
    )
    assert after.article.text == before.article.text

    [facts] = await api.reply_to(ALICE, f"/facts {article_id}")
    assert NOT_NAMES not in facts["text"] and facts["text"].rstrip().endswith(f"{article_id} · English")
    [done, again] = await api.reply_to(ALICE, f"/article {article_id} lang de", count=2)
    assert done["text"] == "Done: I read this article as German now."
    assert "Language: German ✎" in _buttons(again)
    [facts] = await api.reply_to(ALICE, f"/facts {article_id}")
    assert NOT_NAMES in facts["text"] and facts["text"].rstrip().endswith(f"{article_id} · German")


async def test_the_language_is_named_in_the_readers_language(api: LocalBotApi, bot: object) -> None:
    api.add_user(2101, "Иван", "ivan", language_code="ru")
    [summary] = await api.reply_to(2101, sample_text("de"))
    assert "Язык: немецкий ✎" in _buttons(summary)
    article_id = summary["text"].split("\n")[-1].split(" ")[0]
    [facts] = await api.reply_to(2101, f"/facts {article_id}")
    assert facts["text"].rstrip().endswith("· немецкий")
    assert "В этом языке я нахожу числа, даты и цитаты, но не имена." in facts["text"]
    [listing] = await api.reply_to(2101, f"/article {article_id} lang")
    assert "немецкий" in listing["text"] and "de Deutsch" in listing["text"]
    [unknown] = await api.reply_to(2101, f"/article {article_id} lang xx")
    assert unknown["text"].startswith("Статьи на этом языке я не читаю")


async def test_in_a_group_only_admins_correct_a_language(api: LocalBotApi, bot: object) -> None:
    stored, _ = await news(bot).add_text(NEW_ARTICLES[0], origin="catalog")
    article_id = stored.article.id
    [denied] = await api.reply_to(BOB, f"/article {article_id} lang it", GROUP)
    assert denied["text"] == "Only admins of this chat can correct an article's language."
    [summary] = await api.reply_to(BOB, f"/summarize {article_id}", GROUP)
    answer = await api.press(BOB, GROUP, summary["message_id"], f"L:{article_id}:3:it")
    assert answer["text"] == "Only admins of this chat can correct an article's language." and answer.get("show_alert")
    assert (await news(bot).article(article_id)).article.language == "en"
    answer = await api.press(ALICE, GROUP, summary["message_id"], f"L:{article_id}:3:it")
    assert answer["text"] == "Done: I read this article as Italian now."
    assert (await news(bot).article(article_id)).article.language == "it"
    assert "Language: Italian ✎" in _buttons(api.messages[GROUP][summary["message_id"]])
    for forged in (f"L:{article_id}:3:xx", f"L:{article_id}:3:EN", f"l:{article_id}:999999"):
        answer = await api.press(ALICE, GROUP, summary["message_id"], forged)
        assert answer.get("text") in ("I don't read articles in that language.", "This button is out of date.")
    assert (await news(bot).article(article_id)).article.language == "it"
