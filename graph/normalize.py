"""Text normalization shared by the gazetteer, the extractor and the resolver.

Two keys, both pure functions of a string:

- :func:`name_key` folds the ways one organization or place name is written (case, width,
  spacing, dashes, a leading "the", trailing punctuation, Traditional Chinese / Japanese
  shinjitai / Simplified character variants) into one key, so that ``鹿兒島縣`` and
  ``鹿児島県``, or ``臺灣`` and ``台湾``, compare equal.
- :func:`person_key` does the same for people's names, ignoring the order of romanized name
  parts, hyphens inside them, and titles such as "Mr." or "Dr.".

Examples
--------
>>> name_key("鹿兒島縣") == name_key("鹿児島県")
True
>>> person_key("Ohashi Mitsuo") == person_key("Mr. Mitsuo Ohashi")
True
"""
from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["name_key", "person_key", "fold_cjk", "CJK_VARIANTS"]

# Each group lists the forms of one character that appear in Taiwanese, Japanese or
# Simplified Chinese writing of place and organization names; every form folds to the
# first one (the Japanese shinjitai form where Japanese has its own).
_VARIANT_GROUPS = (
    "台臺", "県縣县", "湾灣", "児兒儿", "会會", "産產产", "医醫", "薬藥药葯", "庁廳厅", "関關关", "与與", "体體", "学學", "発發发",
    "広廣广", "浜濱滨", "沢澤泽", "桜櫻樱", "辺邊邉边", "斎齋", "徳德", "万萬", "豊豐丰", "国國", "亜亞亚", "啓啟启", "来來", "経經经",
    "済濟济", "処處处", "区區", "条條", "欧歐", "団團团", "図圖图", "協协", "業业", "東东", "電电", "島嶋岛", "鉄鐵铁", "総總总",
    "務务", "術术", "栄榮荣", "営營营", "転轉转", "駅驛驿", "縄繩绳", "沖冲", "岡崗岗", "戸戶", "滝瀧泷", "竜龍龙", "亀龜龟", "恵惠",
    "黒黑", "渋澁涩", "読讀读", "観觀观", "権權权", "蔵藏", "気氣气", "鉱礦矿", "銭錢钱", "実實", "宝寶", "写寫", "応應应", "労勞劳",
    "帰歸归", "対對对", "単單单", "売賣卖", "続續续", "聴聽听", "衛衞卫", "険險险", "検檢检", "験驗验", "剤劑剂", "浄淨净", "価價价",
    "陽阳", "陰阴", "長长", "門门", "開开", "間间", "聞闻", "連聯联连", "運运", "進进", "遠远", "達达", "選选", "過过", "還还",
    "農农", "機机", "構构", "様樣样", "楽樂乐", "縁緣缘", "線綫线", "紡纺", "織织", "絵繪绘", "緑綠绿", "維维", "網网", "組组", "統统",
    "結结", "給给", "納纳", "紙纸", "級级", "約约", "紀纪", "細细", "終终", "講讲", "議议", "談谈", "説說说", "誠诚", "調调",
    "設设", "許许", "証證证", "評评", "訪访", "記记", "計计", "認认", "語语", "課课", "資资", "貿贸", "賀贺", "貴贵", "財财",
    "販贩", "質质", "費费", "買买", "車车", "軍军", "輸输", "軽輕轻", "輪轮", "銀银", "銅铜", "鋼钢", "錦锦", "鎮镇", "鐘钟",
    "陸陆", "隊队", "階阶", "際际", "頭头", "題题", "類类", "顧顾", "飛飞", "館馆", "馬马", "駐驻", "鳥鸟", "齢齡龄", "歯齒齿",
    "拠據据", "挙舉举", "掲揭", "摂攝摄", "擬拟", "収收", "数數", "旧舊", "時时", "昼晝", "書书", "枢樞", "楼樓", "横橫", "橋桥",
    "歩步", "歴歷历", "残殘", "殻殼", "満滿", "渓溪", "湿濕", "漢汉", "焼燒烧", "犠犧牺", "状狀", "独獨", "猟獵猎", "獣獸兽", "現现",
    "環环", "畳疊", "盗盜", "真眞", "研硏", "礼禮", "禅禪", "秘祕", "称稱", "穏穩稳", "窓窗", "粋粹", "糸絲丝", "芸藝艺", "茎莖",
    "荘莊庄", "蛍螢萤", "蚕蠶", "衆眾众", "装裝", "覚覺觉", "触觸", "誉譽", "予豫", "賛贊赞", "践踐", "辞辭", "逓遞", "遅遲迟",
    "郷鄉乡", "酔醉", "醸釀酿", "釈釋释", "鋳鑄铸", "錬鍊炼", "録錄录", "鎖锁", "隠隱隐", "隣鄰", "雑雜杂", "霊靈灵", "静靜", "顕顯显",
    "駆驅驱", "騒騷骚", "髄髓", "髪髮", "鶏雞鸡", "麦麥", "黄黃", "斉齊齐", "乗乘", "乱亂", "争爭", "仏佛", "伝傳传", "併倂", "倹儉俭",
    "剣劍剑", "効效", "勧勸劝", "勲勳", "参參", "双雙", "叙敘", "嘱囑", "囲圍围", "圏圈", "圧壓压", "塁壘垒", "塩鹽盐", "壊壞坏",
    "壮壯", "声聲", "壱壹", "変變变", "奥奧", "奨獎奖", "嬢孃", "寛寬宽", "寝寢", "専專专", "将將", "尽盡", "届屆", "属屬", "岳嶽",
    "峡峽", "巌巖", "巣巢", "帯帶带", "廃廢废", "弾彈弹", "径徑", "従從从", "徴徵", "恋戀", "悩惱恼", "悪惡恶", "拡擴扩", "拝拜",
    "担擔", "挿插", "捜搜", "揺搖摇", "断斷", "晩晚", "暁曉晓", "暦曆", "桟棧栈", "概槪", "歓歡欢", "殴毆", "毎每", "没沒", "浅淺",
    "渉涉", "渇渴", "溌潑", "滞滯", "灯燈", "炉爐", "点點", "為爲为", "焔焰", "獲获", "瓶甁", "痴癡", "画畫", "鬥闘", "芦蘆",
    "桧檜", "槙槇", "舗舖", "仮假", "晋晉", "館舘", "内內", "円圓圆",
)

CJK_VARIANTS: dict[str, str] = {}
for _group in _VARIANT_GROUPS:
    _target = _group[0]
    for _ch in _group[1:]:
        if _ch != _target:
            CJK_VARIANTS.setdefault(_ch, _target)
del _group, _target
_CJK_TABLE = str.maketrans(CJK_VARIANTS)

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63"})
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00b7": "・", "\u2022": "・",
                         "\u30fb": "・", "\u2027": "・"})

# A character of a CJK script (ideographs, kana, CJK punctuation), used to drop spaces
# that sit next to one: "大阪 府" and "大阪府" are the same name.
_CJK = r"\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_TRAILING = re.compile(r"[\s.,;:!?。、，；：！？'\"」』）)\]]+$")
_LEADING = re.compile(r"^[\s'\"「『（(\[]+")
_PUNCT_SPACE = re.compile(r"\s*([,.])\s*")
_HYPHEN_SPACE = re.compile(r"\s*-\s*")
_AMP = re.compile(r"\s*&\s*")
_WS = re.compile(r"\s+")


def _punct_space(match: re.Match) -> str:
    return match.group(1) + " "


def fold_cjk(text: str) -> str:
    """Fold Traditional / Simplified / Japanese variants of CJK characters to one form.

    >>> fold_cjk("臺灣") == fold_cjk("台湾") == fold_cjk("台灣")
    True
    >>> fold_cjk("經濟部工業局")
    '経済部工業局'
    """
    return text.translate(_CJK_TABLE)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The comparison key of an organization, place or concept name.

    Folds Unicode compatibility forms (NFKC: full-width letters, half-width kana), case,
    runs of spaces, dash variants, spacing around ``,`` ``.`` ``-`` and ``&`` ("and"),
    a leading English "the", surrounding quotes and trailing punctuation, spaces next to
    CJK characters, and CJK character variants (see :func:`fold_cjk`).

    Examples
    --------
    >>> name_key("  The Osaka Prefecture. ")
    'osaka prefecture'
    >>> name_key("鹿兒島縣") == name_key("鹿児島県")
    True
    >>> name_key("臺灣") == name_key("台灣") == name_key("台湾")
    True
    >>> name_key("Taiwan–Japan Relations Association") == name_key("Taiwan-Japan  relations association")
    True
    >>> name_key("Takeda Co.,Ltd.") == name_key("TAKEDA Co., Ltd")
    True
    >>> name_key("ＴＪＰＯ")
    'tjpo'
    >>> name_key("「大阪 府」")
    '大阪府'
    >>> name_key("Research & Development") == name_key("research and development")
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES).casefold()
    text = _TRAILING.sub("", _LEADING.sub("", _WS.sub(" ", text).strip()))
    if text.startswith("the "):
        text = text[4:]
    if "&" in text:
        text = _AMP.sub(" and ", text)
    if "-" in text:
        text = _HYPHEN_SPACE.sub("-", text)
    if "," in text or "." in text:
        text = _PUNCT_SPACE.sub(_punct_space, text).strip()
    if text.isascii():
        return text
    if " " in text:
        text = _SPACE_NEAR_CJK.sub("", text)
    return text.translate(_CJK_TABLE)


_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "madam", "mdm", "h.e", "hon",
})
_CJK_HONORIFICS = ("先生", "女士", "小姐", "博士", "さん", "様", "氏", "殿")
_LATIN = re.compile(r"[A-Za-z]")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """The comparison key of a person's name.

    Romanized names: titles dropped, accents and macrons dropped, hyphens and apostrophes
    inside a name part removed, and the parts sorted, so that Japanese or Chinese family-name
    -first and given-name-first orders compare equal. Names in CJK script: :func:`name_key`
    with inner spaces and a trailing honorific (先生, 女士, さん, 氏...) removed.

    Examples
    --------
    >>> person_key("Ohashi Mitsuo") == person_key("Mitsuo Ohashi")
    True
    >>> person_key("Lu Cheng-chin") == person_key("Cheng-Chin Lu") == person_key("Lu Chengchin")
    True
    >>> person_key("Mr.Chang") == person_key("Chang")
    True
    >>> person_key("Dr CC Wei") == person_key("C. C. Wei") == person_key("C.C. Wei")
    True
    >>> person_key("Ōhashi, Mitsuo") == person_key("Ohashi Mitsuo")
    True
    >>> person_key("仁坂 吉伸 知事") == person_key("仁坂吉伸知事")
    True
    >>> person_key("呂正華先生")
    '呂正華'
    """
    text = unicodedata.normalize("NFKC", name).translate(_DASHES).translate(_QUOTES).strip()
    if not _LATIN.search(text):
        key = name_key(text).replace(" ", "")
        for suffix in _CJK_HONORIFICS:
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                key = key[: -len(suffix)]
                break
        return key
    text = _strip_accents(text).casefold()
    text = re.sub(r"\.(?=\S)", ". ", text)
    parts: list[str] = []
    initials = False
    for token in re.split(r"[\s,]+", text):
        token = token.strip(".")
        if not token or token in _TITLES:
            continue
        token = re.sub(r"[-'’]", "", token)
        if not token:
            continue
        if len(token) == 1 and initials:  # "C. C. Wei": initials run together as "cc"
            parts[-1] += token
        else:
            parts.append(token)
        initials = len(token) == 1
    return " ".join(sorted(parts))
