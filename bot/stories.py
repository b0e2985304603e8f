"""One story once: which stored article a new one retells, decided once and kept in the store.

Each worker keeps a ``StoryIndex`` of the signatures of recent articles (the newest WINDOW),
loaded from the store and brought up to date from it before every decision, so an article
another worker stored a moment ago is found too. The decision (the article's story) is written
to the store with the article's signature: digests read it from there, across restarts and
across webhook workers.
"""

from __future__ import annotations

import asyncio
from collections import deque

from summarizer.similar import StoryIndex, signature

from .store import ArticleStore, StoredArticle

WINDOW = 20_000
"""How many of the newest signed articles a new one is compared with: the same story is retold
within days, and each indexed article costs about 13 kB of memory (see bot/bench/evaluate_stories)."""
_PAGE = 1000


class StoryDesk:
    """Places each new article in a story: the one a recent article told, or a new one."""

    def __init__(self, store: ArticleStore, window: int = WINDOW) -> None:
        self.store = store
        self.window = window
        self._index = StoryIndex()
        self._story_of: dict[int, int] = {}
        self._order: deque[int] = deque()
        self._synced: int | None = None
        self._lock = asyncio.Lock()

    async def place(self, stored: StoredArticle) -> StoredArticle:
        """Decide and store the story of a newly stored article; returns it with its story."""
        story = await asyncio.to_thread(signature, stored.article.text)
        async with self._lock:
            await self._catch_up()
            match = self._index.match(story) if story is not None else None
            story_seq = self._story_of[match] if isinstance(match, int) else stored.seq
            await self.store.save_story(stored.seq, story, story_seq)
            if story is not None:
                self._remember(stored.seq, story_seq, story)
        return stored.model_copy(update={"story_seq": story_seq})

    async def _catch_up(self) -> None:
        """Index the signatures stored since the last look (by this worker or another)."""
        if self._synced is None:
            self._synced = max(0, await self.store.newest_seq() - self.window)
        while page := await self.store.story_signatures(self._synced, _PAGE):
            await asyncio.to_thread(self._remember_all, page)  # thousands after a start: off the event loop
            self._synced = page[-1][0]

    def _remember_all(self, page: list[tuple[int, int, bytes]]) -> None:
        for seq, story_seq, story in page:
            self._remember(seq, story_seq, story)

    def _remember(self, seq: int, story_seq: int, story: bytes) -> None:
        if seq in self._index:
            return
        self._index.add(seq, story)
        self._story_of[seq] = story_seq
        self._order.append(seq)
        while len(self._order) > self.window:
            oldest = self._order.popleft()
            self._index.remove(oldest)
            del self._story_of[oldest]
