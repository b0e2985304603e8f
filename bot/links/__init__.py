"""The safe link path: fetching pages and polling news feeds."""
