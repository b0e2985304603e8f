"""Telegram's HTML parse mode, as strict as Telegram: which tags, which entities, what length.

``visible_text`` returns the text a message shows once its HTML is parsed, or raises
``EntityError`` with Telegram's own wording ("Can't parse entities: ...").
"""

from __future__ import annotations

import re

ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "tg-emoji",
    "code",
    "pre",
    "blockquote",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))*)\s*(/?)>")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);")


class EntityError(ValueError):
    pass


def visible_text(text: str) -> str:
    """The message text after Telegram's HTML parsing; EntityError where Telegram says 400."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "<":
            match = _TAG.match(text, pos)
            if not match:
                raise EntityError(f"Can't parse entities: unclosed start tag at byte offset {_offset(text, pos)}")
            closing, name, _, _ = match.groups()
            name = name.lower()
            if name not in ALLOWED_TAGS:
                raise EntityError(
                    f'Can\'t parse entities: unsupported start tag "{name}" at byte offset {_offset(text, pos)}'
                )
            if closing:
                if not stack or stack[-1] != name:
                    raise EntityError(
                        "Can't parse entities: can't find end tag corresponding to start tag "
                        f'"{stack[-1] if stack else name}"'
                    )
                stack.pop()
            else:
                stack.append(name)
            pos = match.end()
        elif char == "&":
            match = _ENTITY.match(text, pos)
            if not match:
                raise EntityError(f"Can't parse entities: unsupported entity at byte offset {_offset(text, pos)}")
            out.append(_decode(match.group(1), text, pos))
            pos = match.end()
        elif char == ">":
            raise EntityError(f"Can't parse entities: unexpected end tag at byte offset {_offset(text, pos)}")
        else:
            out.append(char)
            pos += 1
    if stack:
        raise EntityError(f"Can't parse entities: can't find end tag corresponding to start tag \"{stack[-1]}\"")
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _decode(entity: str, text: str, pos: int) -> str:
    if entity.startswith("#"):
        number = int(entity[2:], 16) if entity[1:2] in ("x", "X") else int(entity[1:])
        if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
            raise EntityError(f"Can't parse entities: wrong character code at byte offset {_offset(text, pos)}")
        return chr(number)
    if entity not in _NAMED_ENTITIES:
        raise EntityError(f"Can't parse entities: unsupported entity at byte offset {_offset(text, pos)}")
    return _NAMED_ENTITIES[entity]


def _offset(text: str, pos: int) -> int:
    return len(text[:pos].encode("utf-8"))
