"""The joiner: pieces Telegram split, and forwarded batches, become one text; nothing else does."""

from bot.handlers.joining import MESSAGE_LIMIT, Joined, MessageJoiner, Origin, join_pieces
from bot.present.formatting import utf16_len

KEY = (1001, 1001)
LONG = ("Officials said the work would take months. " * 60).strip()  # ~2,600 UTF-16 units


def test_a_short_message_passes_straight_through() -> None:
    joiner: MessageJoiner[str] = MessageJoiner()
    ready = joiner.add(KEY, "A short text.", "m1", now=0.0)
    assert [(j.text, j.ticket, j.pieces) for j in ready] == [("A short text.", "m1", 1)]
    assert not joiner.holds(KEY)


def test_a_split_text_is_joined_when_a_short_last_piece_arrives() -> None:
    joiner: MessageJoiner[str] = MessageJoiner()
    assert utf16_len(LONG) >= joiner.near
    assert joiner.add(KEY, LONG, "m1", now=0.0) == []
    assert joiner.add(KEY, LONG, "m2", now=0.4) == []
    ready = joiner.add(KEY, "The end.", "m3", now=0.8)
    assert len(ready) == 1 and ready[0].ticket == "m1" and ready[0].pieces == 3
    assert ready[0].text == f"{LONG} {LONG} The end."  # one paragraph, cut at sentence ends
    assert not joiner.holds(KEY)


def test_a_long_text_alone_is_released_after_the_window() -> None:
    joiner: MessageJoiner[str] = MessageJoiner(split_window=3.0)
    assert joiner.add(KEY, LONG, "m1", now=10.0) == []
    assert joiner.due_in(KEY, 11.0) == 2.0
    assert joiner.release_due(KEY, 11.0) is None
    released = joiner.release_due(KEY, 13.0)
    assert released is not None and released.text == LONG and released.pieces == 1
    assert joiner.due_in(KEY, 13.0) is None


def test_a_late_message_is_its_own_text_and_releases_the_held_one() -> None:
    joiner: MessageJoiner[str] = MessageJoiner(split_window=3.0)
    joiner.add(KEY, LONG, "m1", now=0.0)
    ready = joiner.add(KEY, "Something else entirely.", "m2", now=5.0)
    assert [(j.ticket, j.pieces) for j in ready] == [("m1", 1), ("m2", 1)]


def test_other_senders_and_chats_are_never_joined() -> None:
    joiner: MessageJoiner[str] = MessageJoiner()
    joiner.add(KEY, LONG, "m1", now=0.0)
    other = joiner.add((1001, 1002), "Bob's reply.", "b1", now=0.5)
    assert [j.ticket for j in other] == ["b1"]
    assert joiner.holds(KEY)


def test_a_forwarded_batch_from_one_origin_is_joined() -> None:
    joiner: MessageJoiner[str] = MessageJoiner(forward_window=1.5)
    channel = Origin("chat:-100777", date=1_700_000_000)
    assert joiner.add(KEY, "First paragraph of the story.", "f1", 0.0, channel) == []
    assert joiner.add(KEY, "Second paragraph", "f2", 0.2, Origin(channel.source, channel.date + 1)) == []
    assert joiner.release_due(KEY, 1.0) is None
    released = joiner.release_due(KEY, 1.7)
    assert released is not None and released.pieces == 2
    assert released.text == "First paragraph of the story.\n\nSecond paragraph"  # each post a paragraph


def test_forwards_from_another_origin_or_hours_apart_stay_apart() -> None:
    joiner: MessageJoiner[str] = MessageJoiner()
    first = Origin("chat:-100777", date=1_700_000_000)
    joiner.add(KEY, "One story.", "f1", 0.0, first)
    ready = joiner.add(KEY, "Another story.", "f2", 0.1, Origin("chat:-100888", first.date))
    assert [j.ticket for j in ready] == ["f1"]
    ready = joiner.add(KEY, "A third, posted hours later.", "f3", 0.2, Origin("chat:-100888", first.date + 7200))
    assert [j.ticket for j in ready] == ["f2"]
    assert joiner.holds(KEY) and joiner.release_due(KEY, 2.0) == Joined("A third, posted hours later.", "f3", 1)


def test_pieces_join_as_a_paragraph_break_only_where_the_app_would_have_cut_at_one() -> None:
    assert join_pieces(["It rained all", "day."]) == "It rained all day."
    assert join_pieces(["“Yes,” she said.", "Then"]) == "“Yes,” she said. Then"
    with_paragraphs = "A first paragraph, which goes on for a while.\n\nA second one."
    assert join_pieces([with_paragraphs, "Third."]) == with_paragraphs + "\n\nThird."


def test_a_piece_cut_at_exactly_the_limit_inside_a_word_joins_without_a_space() -> None:
    cut = "x" * (MESSAGE_LIMIT - 5) + " brid"
    assert join_pieces([cut, "ge closed."]) == cut + "ge closed."
    assert join_pieces([cut[1:], "ge closed."]) == cut[1:] + " ge closed."
