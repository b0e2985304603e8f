"""Articles in other languages through the bot: a served one is summarized, one it cannot read
gets a reply naming the languages it summarizes."""

from bot.localapi.server import LocalBotApi
from tests.bot.conftest import ALICE
from tests.summarizer.samples import SAMPLES, sample_text

KOREAN = (
    "서울시 의회는 월요일 강 위에 새 다리를 건설하는 계획을 승인했다. 다리 건설에는 4천만 달러가 들며 "
    "2028년에 개통될 예정이다.\n\n"
    "시장은 새 다리가 생기면 도심까지의 이동 시간이 절반으로 줄 것이라고 말했다. 주민들은 수년 동안 이 "
    "다리를 기다려 왔으며, 시의회는 다음 달부터 공사 업체 선정 절차를 시작할 계획이라고 밝혔다. 환경 단체들은 "
    "강의 생태계에 미칠 영향을 면밀히 조사해야 한다고 요구했다."
)


async def test_text_in_a_language_not_served_is_answered_with_the_served_ones(api: LocalBotApi, bot: object) -> None:
    [reply] = await api.reply_to(ALICE, KOREAN)
    assert "Korean" in reply["text"]
    assert "I summarize: English, Русский, Українська, Español" in reply["text"]


async def test_a_russian_article_is_summarized_in_its_own_sentences(api: LocalBotApi, bot: object) -> None:
    title, _, sentences = SAMPLES["ru"]
    [reply] = await api.reply_to(ALICE, sample_text("ru"))
    assert reply["text"].startswith(title)
    assert sum(sentence in reply["text"] for sentence in sentences) == 3
    assert "Читайте также" not in reply["text"]
