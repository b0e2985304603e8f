"""Languages whose scripts have no capital letters: Arabic, Persian, Hindi, Chinese, Japanese."""

from __future__ import annotations

from .european import _months, _set
from .model import Language

ARABIC = Language(
    code="ar",
    name="arabic",
    native="العربية",
    snowball="arabic",
    capitals=False,
    titles=_set("د"),
    months=_months(
        "يناير,كانون الثاني|فبراير,شباط|مارس,آذار|أبريل,إبريل,نيسان|مايو,أيار|يونيو,يونيه,حزيران|"
        "يوليو,يوليه,تموز|أغسطس,آب|سبتمبر,أيلول|أكتوبر,تشرين الأول|نوفمبر,تشرين الثاني|ديسمبر,كانون الأول",
        ",",
    ),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    boilerplate=("اقرأ أيضا", "اقرأ أيضاً", "إعلان", "اقرأ المزيد", "شاهد أيضا", "شاهد أيضاً"),
    digits="٠١٢٣٤٥٦٧٨٩",
)

PERSIAN = Language(
    code="fa",
    name="persian",
    native="فارسی",
    snowball="persian",
    capitals=False,
    months=_months(
        "ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر",
    ),
    quotes=(("«", "»"), ("“", "”"), ('"', '"')),
    boilerplate=("بیشتر بخوانید", "همچنین بخوانید", "تبلیغات", "مطالب مرتبط", "بخوانید"),
    digits="۰۱۲۳۴۵۶۷۸۹",
)

HINDI = Language(
    code="hi",
    name="hindi",
    native="हिन्दी",
    snowball="hindi",
    capitals=False,
    months=_months(
        "जनवरी|फ़रवरी फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर सितम्बर|अक्टूबर|नवंबर नवम्बर|दिसंबर दिसम्बर",
    ),
    quotes=(("“", "”"), ("‘", "’"), ('"', '"')),
    boilerplate=("यह भी पढ़ें", "ये भी पढ़ें", "विज्ञापन", "और पढ़ें"),
    digits="०१२३४५६७८९",
)

CHINESE = Language(
    code="zh",
    name="chinese",
    native="中文",
    capitals=False,
    spaceless=True,
    quotes=(("“", "”"), ("「", "」"), ("『", "』")),
    boilerplate=(
        *("相关阅读", "延伸阅读", "广告", "相關閱讀", "延伸閱讀", "廣告"),
        *("责任编辑", "責任編輯", "编辑：", "編輯："),  # an editor's credit under the story
    ),
)

JAPANESE = Language(
    code="ja",
    name="japanese",
    native="日本語",
    capitals=False,
    spaceless=True,
    quotes=(("「", "」"), ("『", "』"), ("“", "”")),
    boilerplate=("関連記事", "広告", "こちらもおすすめ"),
)

LANGUAGES = (ARABIC, PERSIAN, HINDI, CHINESE, JAPANESE)
