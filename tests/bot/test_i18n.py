"""The bot speaks the reader's language: complete catalogs, each language's plurals, /language
per chat, and translated replies through the strict local Bot API server over real HTTP."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from bot.i18n import FALLBACK, LANGUAGES, po_path, speaking, supported
from bot.localapi.faults import ApiError
from bot.localapi.server import LocalBotApi
from bot.localapi.validate import checked_text
from bot.present.plural import plural
from tests.bot.conftest import ALICE, BOB, GROUP
from tests.bot.test_digests import NEW_ARTICLES
from tests.conftest import ROOT, SEED

PLACEHOLDER = re.compile(r"\{(\w*)\}")
TAG = re.compile(r"</?(?:b|i|u|s|code|pre|a|blockquote)\b[^>]*>")
TRANSLATED = [code for code in LANGUAGES if code != FALLBACK]


def _entries(language: str) -> list[Message]:
    with po_path(language).open("rb") as source:
        catalog = read_po(source, locale=language)
    return [message for message in catalog if message.id]


def _forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _is_html(message: Message) -> bool:
    """Replies are Telegram HTML; the menu's descriptions and commands are plain text."""
    return all(not filename.endswith("menu.py") for filename, _line in message.locations)


def _filled(text: str) -> str:
    """A catalog string as a reply carries it: each placeholder filled with plain text."""
    return PLACEHOLDER.sub("7", text).replace("{bot}", "newsbot")


def test_there_are_eleven_catalogs_besides_english() -> None:
    assert len(TRANSLATED) == 11 and all(po_path(code).exists() for code in TRANSLATED)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_with_its_placeholders_and_tags(language: str) -> None:
    entries = _entries(language)
    with po_path(language).open("rb") as source:
        plurals = read_po(source, locale=language).num_plurals
    assert len(entries) > 100
    for message in entries:
        forms = _forms(message)
        ids = list(message.id) if isinstance(message.id, tuple) else [message.id]
        assert all(form.strip() for form in forms), f"{language}: untranslated {ids[0]!r}"
        assert not message.fuzzy, f"{language}: fuzzy {ids[0]!r}"
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for form in forms:
            found = set(PLACEHOLDER.findall(form))
            if len(ids) == 1:
                assert found == wanted, f"{language}: {form!r} has {found}, {ids[0]!r} has {wanted}"
            else:  # a one-form phrase may say "the latest article" without its count
                assert wanted - {"n"} <= found <= wanted, f"{language}: {form!r} has {found}, wants {wanted}"
            if _is_html(message):
                assert sorted(TAG.findall(form)) == sorted(TAG.findall(ids[-1])), f"{language}: tags in {form!r}"
        if len(ids) == 2:
            assert len(forms) == plurals, f"{language}: {ids[0]!r} has {len(forms)} forms, not {plurals}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translated_string_passes_the_strict_servers_html_check(language: str) -> None:
    checked = [message for message in _entries(language) if _is_html(message)]
    assert len(checked) > 90
    for message in checked:
        for form in _forms(message):
            try:
                checked_text(_filled(form), "HTML")
            except ApiError as error:
                pytest.fail(f"{language}: {form!r} is refused: {error}")


def test_the_html_check_refuses_a_broken_translation() -> None:
    with pytest.raises(ApiError):
        checked_text(_filled("<b>Ключевые факты · {title}"), "HTML")


def test_catalogs_are_current_with_the_code() -> None:
    script = ROOT / "scripts" / "update_catalogs.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_new_string_makes_the_catalogs_stale(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_catalogs
    finally:
        sys.path.pop(0)
    source = update_catalogs.template()
    source.add("A string no catalog has yet.")
    assert 'msgid "A string no catalog has yet."\nmsgstr ""' in update_catalogs.updated("ru", source)


def test_telegram_language_codes_map_to_served_languages() -> None:
    assert [supported(code) for code in ("pt-br", "ru", "EN", "uk-UA", "fa", "zh-hans", "", None)] == [
        "pt",
        "ru",
        "en",
        "uk",
        "fa",
        None,
        None,
        None,
    ]


def test_plurals_follow_each_languages_rules() -> None:
    forms = ("{n} new article", "{n} new articles")
    with speaking("ru"):
        assert [plural(n, *forms) for n in (1, 3, 5, 21, 1000)] == [
            "1 новая статья",
            "3 новые статьи",
            "5 новых статей",
            "21 новая статья",
            "1\xa0000 новых статей",
        ]
    with speaking("ar"):
        assert plural(2, *forms) == "2 مقالان جديدان" and plural(11, *forms) == "11 مقالًا جديدًا"
    with speaking("de"):
        assert plural(1, *forms) == "1 neuer Artikel" and plural(1234, *forms) == "1.234 neue Artikel"
    with speaking("id"):
        assert plural(1, *forms) == plural(1, *forms) == "1 artikel baru"
    assert plural(1, *forms) == "1 new article" and plural(1234, *forms) == "1,234 new articles"


async def test_a_russian_reader_gets_help_and_buttons_in_russian(api: LocalBotApi, bot: object) -> None:
    api.add_user(2001, "Иван", "ivan", language_code="ru")
    [help_reply] = await api.reply_to(2001, "/help")
    assert help_reply["text"].startswith("Я превращаю новостные статьи в короткие пересказы")
    [summary] = await api.reply_to(2001, SEED.read_text())
    buttons = [b["text"] for row in summary["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons == ["➖ Короче", "➕ Длиннее", "🔎 Ключевые факты", "📄 Полный текст", "Язык: английский ✎"]
    assert "из 10 предложений" in summary["text"]
    [english] = await api.reply_to(ALICE, "/help")  # Alice's Telegram gives no language: English
    assert english["text"].startswith("I turn news articles into short summaries")


async def test_language_in_a_group_is_for_admins_and_switches_replies(api: LocalBotApi, bot: object) -> None:
    [shown] = await api.reply_to(BOB, "/language", GROUP)
    assert "each reader's Telegram language" in shown["text"] and "ru Русский" in shown["text"]
    [denied] = await api.reply_to(BOB, "/language de", GROUP)
    assert "Only admins" in denied["text"]
    [done] = await api.reply_to(ALICE, "/language de", GROUP)
    assert done["text"] == "Erledigt: Ich spreche in diesem Chat Deutsch."
    [listing] = await api.reply_to(BOB, "/latest 2", GROUP)
    assert listing["text"].startswith("Die neuesten 2 Artikel")
    [denied] = await api.reply_to(BOB, "/language fr", GROUP)
    assert "Nur Admins dieses Chats" in denied["text"]
    [unknown] = await api.reply_to(ALICE, "/language xx", GROUP)
    assert unknown["text"].startswith("Diese Sprache spreche ich nicht")
    await api.reply_to(ALICE, "/digest on", GROUP)
    await bot.bot_data.news.add_text(NEW_ARTICLES[0], origin="catalog")  # type: ignore[attr-defined]
    digest, _status = await api.reply_to(ALICE, "/digest now", GROUP, count=2)
    assert digest["text"].startswith("📰 Nachrichten-Digest · ")
    [auto] = await api.reply_to(ALICE, "/language auto", GROUP)
    assert auto["text"] == "Done: I speak each reader's Telegram language in this chat."
    [forgotten] = await api.reply_to(ALICE, "/forget", GROUP)
    assert "the digest" in forgotten["text"]


async def test_a_private_language_setting_wins_over_telegrams(api: LocalBotApi, bot: object) -> None:
    api.add_user(2002, "Ayşe", "ayse", language_code="tr")
    [turkish] = await api.reply_to(2002, "/length")
    assert turkish["text"].startswith("Buradaki özetler 3 cümle")
    [done] = await api.reply_to(2002, "/language fa")
    assert done["text"] == "انجام شد: در این گفتگو به فارسی حرف می‌زنم."
    [persian] = await api.reply_to(2002, "/length")
    assert persian["text"].startswith("خلاصه‌ها اینجا 3 جمله دارند")
    [forgotten] = await api.reply_to(2002, "/forget")
    assert "زبان" in forgotten["text"]
    [back] = await api.reply_to(2002, "/length")
    assert back["text"].startswith("Buradaki özetler")


async def test_commands_are_described_in_each_language(api: LocalBotApi, bot: object) -> None:
    russian = {c["command"]: c["description"] for c in api.scoped_commands["all_private_chats/ru"]}
    assert russian["help"] == "Как пользоваться ботом" and "language" in russian
    assert api.descriptions["de"].startswith("Ich mache aus Nachrichtenartikeln")
    for code in TRANSLATED:
        english = [c["command"] for c in api.scoped_commands["all_group_chats"]]
        assert [c["command"] for c in api.scoped_commands[f"all_group_chats/{code}"]] == english


def test_notes_and_stored_reasons_are_said_in_the_readers_language() -> None:
    import time as clock

    from bot.links.feeds import describe
    from bot.present.formatting import DigestItem, render_digest
    from bot.service import summary_of
    from bot.store import Feed
    from tests.builders import stored_article

    stored = stored_article(NEW_ARTICLES[0])
    item = DigestItem(stored, summary_of(stored, 3))
    with speaking("de"):
        [(again, _ids)] = render_digest([item], "newsbot", in_doubt={stored.article.id})
    assert again.startswith("↻ <i>Erneut gesendet:")
    checked_text(again, "HTML")
    failing = Feed(id=1, url="https://x.example/rss", failures=2, last_error="I couldn't find that site")
    failing = failing.model_copy(update={"next_check": clock.time() + 600})
    now = Feed(id=2, url="https://y.example/rss", mode="now")
    with speaking("ru"):
        listing = describe([failing, now])
    assert "я не нашёл этот сайт" in listing and "⚡ каждая новая статья публикуется сразу" in listing
    checked_text(listing, "HTML")


def test_reasons_with_values_are_said_in_the_readers_language() -> None:
    from bot.links.documents import KINDS
    from bot.present.formatting import reason

    with speaking("de"):
        assert reason("the site answered with an error (404)") == "die Website antwortete mit einem Fehler (404)"
        assert reason(f"I can read {KINDS}, not this kind of file").startswith("ich kann eine .txt-")
        assert reason("something no catalog has (7)") == "something no catalog has (7)"
    assert reason("the site answered with an error (404)") == "the site answered with an error (404)"


def test_a_language_not_served_is_named_in_the_readers_language() -> None:
    from bot.present.formatting import UNSUPPORTED, reason
    from summarizer import ArticleError, parse_article
    from summarizer.languages import UNSUPPORTED as SAID

    assert UNSUPPORTED == SAID  # the summarizer's reason is the string the catalogs translate
    finnish = (
        "Suomen hallitus kertoi tiistaina suunnitelmistaan uudistaa terveydenhuoltoa. Uudistuksen on määrä "
        "tulla voimaan ensi vuoden alussa. Ministerin mukaan muutokset parantavat palveluiden saatavuutta koko "
        "maassa. Oppositio arvosteli suunnitelmaa ja vaati lisää rahoitusta kunnille."
    )
    with pytest.raises(ArticleError) as raised:
        parse_article(finnish)
    said = str(raised.value)
    assert said.startswith("this text looks like Finnish, which I cannot summarize yet; I summarize: English, ")
    assert reason(said) == said
    with speaking("ru"):
        assert reason(said).startswith("язык этого текста — финский, его я пока не умею пересказывать")
        assert reason(said).endswith(
            "English, Русский, Українська, Español, Português, Deutsch, Français, "
            "Italiano, Türkçe, Bahasa Indonesia, العربية, فارسی, हिन्दी, 中文, 日本語"
        )
    with speaking("de"):
        assert reason(said).startswith("dieser Text scheint auf Finnisch zu sein")
    with speaking("ru"):
        tagalog = "this text looks like Tagalog, which I cannot summarize yet; I summarize: English"
        assert reason(tagalog).startswith("язык этого текста — тагалог,")  # not "филиппинский (Филиппины)"
        said = "this text looks like Elvish, which I cannot summarize yet; I summarize: English"
        assert reason(said).startswith("язык этого текста — Elvish,")  # no such language: as it is
