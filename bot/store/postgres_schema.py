"""The PostgreSQL store's schema: one migration per version, applied in order at open."""

from __future__ import annotations

SCHEMA_VERSION = 9
RELEXEME = "-- every article's lexemes, written by the store (PostgresArticleStore._relexeme)"
"""A step of a migration that is not SQL: the store computes each article's lexemes."""
RECENCY_BUCKET = 256
"""Articles per place in time (the '~<seq / 256>' lexeme of each article's search vector)."""
WIDE_BUCKET = 16 * RECENCY_BUCKET
"""Articles per wide place (the '~~<seq / 4096>' lexeme): search asks for a few of these, not
many narrow ones, when it looks far back (GIN tests every candidate against every place asked)."""
VECTOR = "search_vector(seq, lexemes)"
"""An article's search vector as the GIN index holds it: a query names this same expression."""
MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE articles (
            seq BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT UNIQUE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            article TEXT NOT NULL,
            ranking TEXT NOT NULL,
            facts TEXT NOT NULL,
            added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            search TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
            ) STORED
        )""",
        "CREATE INDEX articles_search ON articles USING GIN (search)",
        "CREATE TABLE chats (chat_id BIGINT PRIMARY KEY, summary_length INTEGER)",
        """CREATE TABLE subscriptions (
            chat_id BIGINT PRIMARY KEY, enabled BOOLEAN NOT NULL, time TEXT NOT NULL,
            timezone TEXT NOT NULL, last_seq BIGINT NOT NULL, chat_title TEXT, paused_reason TEXT
        )""",
        """CREATE TABLE deliveries (
            chat_id BIGINT NOT NULL, article_seq BIGINT NOT NULL REFERENCES articles(seq),
            state TEXT NOT NULL CHECK (state IN ('pending', 'sent')), message_id BIGINT,
            updated_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (chat_id, article_seq)
        )""",
        "CREATE INDEX deliveries_pending ON deliveries(chat_id, state, article_seq)",
    ],
    2: [
        "ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT 'catalog'",
        """CREATE TABLE feeds (
            id BIGSERIAL PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT, etag TEXT,
            last_modified TEXT, checked_at TEXT, next_check DOUBLE PRECISION NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0, last_error TEXT
        )""",
        """CREATE TABLE chat_feeds (
            chat_id BIGINT NOT NULL, feed_id BIGINT NOT NULL REFERENCES feeds(id),
            added_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (chat_id, feed_id)
        )""",
        """CREATE TABLE feed_items (
            feed_id BIGINT NOT NULL REFERENCES feeds(id), item_key TEXT NOT NULL,
            article_seq BIGINT REFERENCES articles(seq), error TEXT,
            seen_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (feed_id, item_key)
        )""",
        "CREATE INDEX feed_items_article ON feed_items(article_seq)",
    ],
    3: ["CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"],
    # Which chats pasted (or linked) a person's article: /forget in the last of them deletes it.
    4: [
        """CREATE TABLE pastes (
            chat_id BIGINT NOT NULL, article_seq BIGINT NOT NULL REFERENCES articles(seq),
            PRIMARY KEY (chat_id, article_seq)
        )""",
        "CREATE INDEX pastes_article ON pastes(article_seq)",
    ],
    5: [
        "ALTER TABLE subscriptions ADD COLUMN thread_id BIGINT",
        "ALTER TABLE subscriptions ADD COLUMN only_terms TEXT",
        "ALTER TABLE subscriptions ADD COLUMN skip_terms TEXT",
        "ALTER TABLE chat_feeds ADD COLUMN mode TEXT NOT NULL DEFAULT 'digest'",
        "ALTER TABLE chat_feeds ADD COLUMN thread_id BIGINT",
        "ALTER TABLE articles ADD COLUMN story_seq BIGINT",
        "CREATE INDEX articles_story ON articles(story_seq)",
        "CREATE TABLE story_signatures (seq BIGINT PRIMARY KEY REFERENCES articles(seq), signature BYTEA NOT NULL)",
        "CREATE INDEX feed_items_seen ON feed_items(feed_id, seen_at)",
    ],
    # The language a chat's replies and digests are in, set with /language (NULL: the reader's own).
    6: ["ALTER TABLE chats ADD COLUMN language TEXT"],
    # The text once (in the article's JSON): the search vector is written at insert, not
    # generated from a copy of the body, and carries one more lexeme, '~<seq / 256>', naming
    # the article's place in time: search asks for its words AND one of the newest places, so
    # the GIN index itself finds the newest matches (see PostgresArticleStore.search). The
    # title gets its own small vector, read for the rows found. Only what search may find is
    # indexed (origin other than 'user'). The journal learns 'sending'.
    7: [
        "ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION",
        "ALTER TABLE articles DROP COLUMN body",
        "ALTER TABLE articles ALTER COLUMN article SET COMPRESSION lz4",
        "ALTER TABLE articles ADD COLUMN title_search TSVECTOR",
        # Starts of words as lexemes of their own ('^' and 3 to 6 letters of a lexeme), as
        # SQLite's prefix indexes: a word being typed is one exact lookup, not a merge of the
        # posting lists of every word it starts.
        """CREATE FUNCTION word_starts(vector tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
            SELECT array_to_tsvector(coalesce(array_agg(DISTINCT '^' || left(lexeme, n)), '{}'))
            FROM unnest(tsvector_to_array(vector)) lexeme, generate_series(3, 6) n
            WHERE length(lexeme) >= n AND lexeme NOT LIKE '~%%'
        $$""",
        """CREATE FUNCTION word_start_query(word text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN length(lexeme) BETWEEN 3 AND 6 THEN quote_literal('^' || lexeme)::tsquery
                ELSE (quote_literal(coalesce(lexeme, word)) || ':*')::tsquery END
            FROM (SELECT (tsvector_to_array(to_tsvector('english', word)))[1] AS lexeme) stemmed
        $$""",
        "UPDATE articles SET title_search = to_tsvector('english', title)"
        " || word_starts(to_tsvector('english', title)),"
        " search = search || word_starts(search) || array_to_tsvector(ARRAY['~' || (seq / 256)::text])",
        "DROP INDEX articles_search",
        # A short pending list: inserts still go in batches, and every search, which reads the
        # list through, reads at most 256 kB of it.
        "CREATE INDEX articles_search ON articles USING GIN (search) WITH (gin_pending_list_limit = 256)"
        " WHERE origin != 'user'",
        "ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check",
        "ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check CHECK (state IN ('pending', 'sending', 'sent'))",
    ],
    # No stored search vector (it was half the store): the GIN index is on an expression of the
    # title and the article's JSON, which the server reads from the row; the words and the place
    # in time, no word-start lexemes (a word being typed is a GIN prefix match, 'elec':*). A
    # query that names the same expression reads the index; a digest filter computes it for the
    # few candidate rows. Titles keep a small vector of their own, now without word starts.
    8: [
        "DROP INDEX articles_search",
        "ALTER TABLE articles DROP COLUMN search",
        "DROP FUNCTION word_start_query(text)",
        "DROP FUNCTION word_starts(tsvector)",
        "UPDATE articles SET title_search = to_tsvector('english', title)",
        f"""CREATE FUNCTION article_vector(seq bigint, title text, article text) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
            SELECT to_tsvector('english', title) || to_tsvector('english', concat_ws(' ', a->>'lead',
                (SELECT string_agg(p, ' ' ORDER BY n) FROM jsonb_array_elements_text(a->'paragraphs')
                WITH ORDINALITY e(p, n)))) || array_to_tsvector(ARRAY['~' || (seq / {RECENCY_BUCKET})::text])
            FROM (SELECT article::jsonb AS a) j
        $$""",
        "CREATE INDEX articles_search ON articles USING GIN (article_vector(seq, title, article))"
        " WITH (gin_pending_list_limit = 256) WHERE origin != 'user'",
    ],
    # The lexemes made in Python (``lexemes``), as the SQLite store's indexes hold them, each
    # once, in a column of their own: both backends find the same articles for a query (the
    # 'english' configuration's stemmer is older than Python's Snowball and cuts words apart
    # otherwise). The vector is those words and the place in time, cast, not parsed; a query is
    # cast as well. Phrases are held to their order on the article's text, as in SQLite. Every
    # lexeme stored is listed once (``words``): a word being typed is looked up there and asked
    # for as the lexemes it starts, which GIN finds far faster than a prefix match. Each vector
    # also names its wide place in time ('~~<seq / 4096>'), for looking far back. The article's
    # JSON is kept compressed by the store, as in SQLite (0.61 of the text's size, against 0.92
    # with the server's lz4), and not compressed again. Each article gets its card (``cards``:
    # what an inline result shows, read without the article).
    9: [
        "DROP INDEX articles_search",
        "DROP FUNCTION article_vector(bigint, text, text)",
        "ALTER TABLE articles ADD COLUMN lexemes TEXT",
        "ALTER TABLE articles ALTER COLUMN lexemes SET COMPRESSION lz4",
        'CREATE TABLE words (lexeme TEXT COLLATE "C" PRIMARY KEY)',
        "ALTER TABLE articles ALTER COLUMN article TYPE BYTEA USING convert_to(article, 'UTF8')",
        "ALTER TABLE articles ALTER COLUMN article SET STORAGE EXTERNAL",
        "ALTER TABLE articles ADD COLUMN card BYTEA",
        RELEXEME,
        "INSERT INTO words SELECT DISTINCT unnest(string_to_array(lexemes, ' ')) FROM articles ORDER BY 1",
        f"""CREATE FUNCTION search_vector(seq bigint, lexemes text) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT array_to_tsvector(string_to_array(lexemes, ' ')
                || ARRAY['~' || (seq / {RECENCY_BUCKET})::text, '~~' || (seq / {WIDE_BUCKET})::text])
        $$""",
        "CREATE INDEX articles_search ON articles USING GIN (search_vector(seq, lexemes))"
        " WITH (gin_pending_list_limit = 256) WHERE origin != 'user'",
    ],
}
