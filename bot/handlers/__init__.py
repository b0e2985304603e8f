"""Update handlers, one module per user-facing area; each calls NewsService, never the store."""
