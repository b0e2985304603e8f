"""Short self-written news texts, one per served language: a title, a line of site furniture in
that language, then four or five sentences about one story (a city council and a new bridge)."""

SAMPLES: dict[str, tuple[str, str, list[str]]] = {
    "en": (
        "City council approves new bridge",
        "Read more: Traffic in the city",
        [
            "The city council approved the construction of a new bridge over the river on Monday.",
            "The bridge will cost 40 million dollars and open in 2028.",
            "Mayor Anna Smith said the bridge would cut travel times by half.",
            "Residents have waited for the bridge for many years.",
        ],
    ),
    "ru": (
        "Городской совет одобрил строительство нового моста",
        "Читайте также: Пробки в городе",
        [
            "Городской совет в понедельник одобрил строительство нового моста через реку.",
            "Мост обойдется в 40 млн долларов и откроется в 2028 г.",
            "Мэр Анна Смирнова заявила, что мост сократит время в пути вдвое.",
            "Жители города ждали этот мост много лет.",
        ],
    ),
    "uk": (
        "Міська рада схвалила будівництво нового мосту",
        "Читайте також: Затори в місті",
        [
            "Міська рада в понеділок схвалила будівництво нового мосту через річку.",
            "Міст коштуватиме 40 мільйонів доларів і відкриється у 2028 році.",
            "Мер Анна Коваленко заявила, що міст удвічі скоротить час у дорозі.",
            "Мешканці міста чекали на цей міст багато років.",
        ],
    ),
    "es": (
        "El ayuntamiento aprueba un nuevo puente",
        "Publicidad",
        [
            "El ayuntamiento aprobó el lunes la construcción de un nuevo puente sobre el río.",
            "¿Cuánto costará?",
            "El puente costará 40 millones de dólares y abrirá en 2028.",
            "La alcaldesa, la Sra. Ana García, dijo que el puente reducirá el tiempo de viaje a la mitad.",
            "Los vecinos llevan muchos años esperando el puente.",
        ],
    ),
    "pt": (
        "Câmara municipal aprova nova ponte",
        "Leia também: O trânsito na cidade",
        [
            "A câmara municipal aprovou na segunda-feira a construção de uma nova ponte sobre o rio.",
            "A ponte vai custar 40 milhões de dólares e será aberta em 2028.",
            "A prefeita Ana Souza disse que a ponte vai reduzir o tempo de viagem pela metade.",
            "Os moradores esperam pela ponte há muitos anos.",
        ],
    ),
    "de": (
        "Stadtrat genehmigt neue Brücke",
        "Lesen Sie auch: Stau in der Innenstadt",
        [
            "Der Stadtrat hat am Montag den Bau einer neuen Brücke über den Fluss genehmigt.",
            "Die Brücke soll 40 Millionen Euro kosten und am 1. Oktober 2028 eröffnet werden.",
            "Bürgermeisterin Dr. Anna Schmidt sagte, die Brücke halbiere die Fahrzeit.",
            "Die Anwohner warten seit vielen Jahren auf die Brücke.",
        ],
    ),
    "fr": (
        "Le conseil municipal approuve un nouveau pont",
        "Lire aussi : Les embouteillages en ville",
        [
            "Le conseil municipal a approuvé lundi la construction d'un nouveau pont sur le fleuve.",
            "Le pont coûtera 40 millions d'euros et ouvrira en 2028.",
            "La maire, Mme Anne Martin, a déclaré que le pont réduirait de moitié le temps de trajet.",
            "Les habitants attendent ce pont depuis de nombreuses années.",
        ],
    ),
    "it": (
        "Il consiglio comunale approva un nuovo ponte",
        "Leggi anche: Il traffico in città",
        [
            "Il consiglio comunale ha approvato lunedì la costruzione di un nuovo ponte sul fiume.",
            "Il ponte costerà 40 milioni di euro e sarà aperto nel 2028.",
            "La sindaca Anna Rossi ha detto che il ponte dimezzerà i tempi di viaggio.",
            "I residenti aspettano il ponte da molti anni.",
        ],
    ),
    "tr": (
        "Belediye meclisi yeni köprüyü onayladı",
        "İlginizi çekebilir: Şehirde trafik",
        [
            "Belediye meclisi pazartesi günü nehir üzerine yeni bir köprü yapılmasını onayladı.",
            "Köprünün maliyeti 40 milyon dolar olacak ve köprü 2028 yılında açılacak.",
            "Belediye Başkanı Ayşe Yılmaz, köprünün yolculuk süresini yarıya indireceğini söyledi.",
            "Şehir sakinleri köprüyü yıllardır bekliyor.",
        ],
    ),
    "id": (
        "Dewan kota menyetujui jembatan baru",
        "Baca juga: Kemacetan di kota",
        [
            "Dewan kota pada hari Senin menyetujui pembangunan jembatan baru di atas sungai.",
            "Jembatan itu akan menelan biaya 40 juta dolar dan dibuka pada tahun 2028.",
            "Wali kota Ani Susanti mengatakan jembatan itu akan memangkas waktu perjalanan hingga separuh.",
            "Warga kota sudah menunggu jembatan itu selama bertahun-tahun.",
        ],
    ),
    "ar": (
        "مجلس المدينة يوافق على بناء جسر جديد",
        "اقرأ أيضا: الازدحام المروري في المدينة",
        [
            "وافق مجلس المدينة يوم الاثنين على بناء جسر جديد فوق النهر.",
            "هل يستحق الجسر تكلفته؟",
            "ستبلغ تكلفة الجسر ٤٠ مليون دولار وسيفتتح في عام ٢٠٢٨.",
            "وقالت رئيسة البلدية إن الجسر سيقلص مدة السفر إلى النصف.",
            "ينتظر سكان المدينة هذا الجسر منذ سنوات طويلة.",
        ],
    ),
    "fa": (
        "شورای شهر ساخت پل جدید را تصویب کرد",
        "بیشتر بخوانید: ترافیک در شهر",
        [
            "شورای شهر روز دوشنبه ساخت یک پل جدید روی رودخانه را تصویب کرد.",
            "آیا این پل ارزش هزینه‌اش را دارد؟",
            "هزینه این پل ۴۰ میلیون دلار است و در سال ۲۰۲۸ افتتاح می‌شود.",
            "شهردار گفت که این پل زمان سفر را به نصف کاهش می‌دهد.",
            "ساکنان شهر سال‌ها منتظر این پل بوده‌اند.",
        ],
    ),
    "hi": (
        "नगर परिषद ने नए पुल को मंज़ूरी दी",
        "यह भी पढ़ें: शहर में ट्रैफ़िक",
        [
            "नगर परिषद ने सोमवार को नदी पर एक नए पुल के निर्माण को मंज़ूरी दी।",
            "इस पुल पर 40 करोड़ रुपये खर्च होंगे और यह 2028 में खुलेगा।",
            "महापौर ने कहा कि इस पुल से यात्रा का समय आधा हो जाएगा।",
            "शहर के लोग कई वर्षों से इस पुल का इंतज़ार कर रहे हैं।",
        ],
    ),
    "zh": (
        "市议会批准修建新桥",
        "相关阅读",
        [
            "市议会周一批准在河上修建一座新桥。",
            "这座桥将耗资四千万美元，预计于二〇二八年通车。",
            "市长表示：“新桥将使通行时间缩短一半。”",
            "市民们已经等待这座桥很多年了。",
        ],
    ),
    "ja": (
        "市議会が新しい橋の建設を承認",
        "関連記事",
        [
            "市議会は月曜日、川に新しい橋を建設する計画を承認した。",
            "橋の建設費は四千万ドルで、二〇二八年に開通する予定だ。",
            "市長は「新しい橋で移動時間が半分になる」と述べた。",
            "住民たちは長年この橋を待ち望んでいた。",
        ],
    ),
}


def sample_text(code: str) -> str:
    """The sample as a pasted article: title, furniture line, two paragraphs of two sentences."""
    title, furniture, sentences = SAMPLES[code]
    joiner = "" if code in ("zh", "ja") else " "
    first, second = joiner.join(sentences[:2]), joiner.join(sentences[2:])
    return f"{title}\n\n{first}\n\n{furniture}\n\n{second}"
