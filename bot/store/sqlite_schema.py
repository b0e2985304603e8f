"""The SQLite store's schema: one migration per version, applied in order at open."""

from __future__ import annotations

from .lexemes import TOKENIZER

SCHEMA_VERSION = 8
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        title TEXT NOT NULL,
        article TEXT NOT NULL,
        ranking TEXT NOT NULL,
        facts TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'porter unicode61');
    CREATE TABLE chats (
        chat_id INTEGER PRIMARY KEY,
        summary_length INTEGER
    );
    CREATE TABLE subscriptions (
        chat_id INTEGER PRIMARY KEY,
        enabled INTEGER NOT NULL,
        time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        chat_title TEXT,
        paused_reason TEXT
    );
    CREATE TABLE deliveries (
        chat_id INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent')),
        message_id INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, article_seq)
    );
    CREATE INDEX deliveries_pending ON deliveries(chat_id, state, article_seq);
    """,
    # Where an article came from decides who sees it: the catalogue (seeds, bulk ingest) goes to
    # every digest, a feed's articles to the chats that follow it, a person's paste to nobody else.
    2: """
    ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT 'catalog';
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        next_check REAL NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
    );
    CREATE TABLE chat_feeds (
        chat_id INTEGER NOT NULL,
        feed_id INTEGER NOT NULL REFERENCES feeds(id),
        added_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, feed_id)
    );
    CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id),
        item_key TEXT NOT NULL,
        article_seq INTEGER REFERENCES articles(seq),
        error TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_key)
    );
    CREATE INDEX feed_items_article ON feed_items(article_seq);
    """,
    3: """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # Which chats pasted (or linked) a person's article: /forget in the last of them deletes it.
    4: """
    CREATE TABLE pastes (
        chat_id INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        PRIMARY KEY (chat_id, article_seq)
    );
    CREATE INDEX pastes_article ON pastes(article_seq);
    """,
    # Digests people subscribe to: in a forum topic, with filters, feeds posted as they come,
    # and one story told once (the article that first told it, and each article's signature).
    5: """
    ALTER TABLE subscriptions ADD COLUMN thread_id INTEGER;
    ALTER TABLE subscriptions ADD COLUMN only_terms TEXT;
    ALTER TABLE subscriptions ADD COLUMN skip_terms TEXT;
    ALTER TABLE chat_feeds ADD COLUMN mode TEXT NOT NULL DEFAULT 'digest';
    ALTER TABLE chat_feeds ADD COLUMN thread_id INTEGER;
    ALTER TABLE articles ADD COLUMN story_seq INTEGER;
    CREATE INDEX articles_story ON articles(story_seq);
    CREATE TABLE story_signatures (
        seq INTEGER PRIMARY KEY REFERENCES articles(seq),
        signature BLOB NOT NULL
    );
    CREATE INDEX feed_items_seen ON feed_items(feed_id, seen_at);
    """,
    # The language a chat's replies and digests are in, set with /language (NULL: the reader's own).
    6: """
    ALTER TABLE chats ADD COLUMN language TEXT;
    """,
    # The text once: contentless search indexes (no copy of the text inside them, only which
    # articles hold each word: search needs no positions), one for title and body and a small
    # one for titles, holding only what search may find (not people's own pastes), each with
    # prefix indexes for 3- to 6-letter starts (see PREFIX_LENGTHS). New articles' JSON is
    # stored compressed. The journal learns 'sending': a digest message on its way, which may
    # have reached the chat or not.
    7: """
    CREATE VIRTUAL TABLE article_index USING fts5(
        title, body, content = '', detail = 'none', prefix = '3 4 5 6', tokenize = 'porter unicode61'
    );
    CREATE VIRTUAL TABLE title_index USING fts5(
        title, content = '', detail = 'none', prefix = '3 4 5 6', tokenize = 'porter unicode61'
    );
    INSERT INTO article_index (rowid, title, body)
        SELECT s.rowid, s.title, s.body FROM article_search s JOIN articles a ON a.seq = s.rowid
        WHERE a.origin != 'user';
    INSERT INTO title_index (rowid, title) SELECT a.seq, a.title FROM articles a WHERE a.origin != 'user';
    DROP TABLE article_search;
    CREATE TABLE deliveries_v4 (
        chat_id INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent')),
        message_id INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, article_seq)
    );
    INSERT INTO deliveries_v4 SELECT chat_id, article_seq, state, message_id, updated_at FROM deliveries;
    DROP TABLE deliveries;
    ALTER TABLE deliveries_v4 RENAME TO deliveries;
    CREATE INDEX deliveries_pending ON deliveries(chat_id, state, article_seq);
    """,
    # The indexes hold PostgreSQL's lexemes, made in Python (``lexemes``), each once, and split
    # only at spaces: both backends find the same articles for a query. The store fills them
    # again from its articles after this script (``SqliteArticleStore._migrate``), and gives
    # every article its card (``cards``: what an inline result shows, read without the article).
    8: f"""
    DROP TABLE article_index;
    DROP TABLE title_index;
    CREATE VIRTUAL TABLE article_index USING fts5(
        title, body, content = '', detail = 'none', prefix = '3 4 5 6', tokenize = "{TOKENIZER}"
    );
    CREATE VIRTUAL TABLE title_index USING fts5(
        title, content = '', detail = 'none', prefix = '3 4 5 6', tokenize = "{TOKENIZER}"
    );
    ALTER TABLE articles ADD COLUMN card BLOB;
    """,
}
REINDEX_AT = 8
"""The version whose migration leaves the indexes empty, for the store to fill."""
