"""Word lists the synthetic corpus builds invented names and posts from (data, no logic).

Each name part is ``(romanization, Traditional Chinese form, Japanese form)`` so that the
same invented person, company or association is written consistently in all three languages.
Posts are ``(English, Traditional Chinese, Japanese)`` titles.
"""
from __future__ import annotations

__all__ = [
    "TW_SURNAMES", "TW_GIVEN", "JP_SURNAMES", "JP_GIVEN", "TW_STEMS", "JP_STEMS", "SECTORS",
    "TW_LEGAL", "JP_LEGAL", "ASSOCIATION_KINDS", "POSTS", "FACILITIES", "COUNTRY_NAMES",
]

# ---- people -------------------------------------------------------------------------------
TW_SURNAMES = (
    ("Chen", "陳", "陳"), ("Lin", "林", "林"), ("Huang", "黃", "黄"), ("Chang", "張", "張"),
    ("Lee", "李", "李"), ("Wang", "王", "王"), ("Wu", "吳", "呉"), ("Liu", "劉", "劉"),
    ("Tsai", "蔡", "蔡"), ("Yang", "楊", "楊"), ("Hsu", "許", "許"), ("Cheng", "鄭", "鄭"),
    ("Hsieh", "謝", "謝"), ("Lo", "羅", "羅"), ("Kuo", "郭", "郭"), ("Hung", "洪", "洪"),
    ("Tseng", "曾", "曽"), ("Chiu", "邱", "邱"), ("Liao", "廖", "廖"), ("Lai", "賴", "頼"),
    ("Chou", "周", "周"), ("Su", "蘇", "蘇"), ("Yeh", "葉", "葉"), ("Lu", "呂", "呂"),
    ("Kao", "高", "高"), ("Hsiao", "蕭", "蕭"), ("Chu", "朱", "朱"), ("Chien", "簡", "簡"),
    ("Shih", "施", "施"), ("Pan", "潘", "潘"), ("Fan", "范", "范"), ("Tu", "杜", "杜"),
    ("Tai", "戴", "戴"), ("Wei", "魏", "魏"), ("Sung", "宋", "宋"), ("Fang", "方", "方"),
)
TW_GIVEN = (
    ("Chih", "志", "志"), ("Ming", "明", "明"), ("Wei", "偉", "偉"), ("Chun", "俊", "俊"),
    ("Hsin", "欣", "欣"), ("Yu", "宇", "宇"), ("Ting", "婷", "婷"), ("Cheng", "正", "正"),
    ("Hui", "慧", "慧"), ("Kuo", "國", "国"), ("Chia", "佳", "佳"), ("Jung", "榮", "栄"),
    ("Hao", "浩", "浩"), ("Shu", "淑", "淑"), ("Mei", "美", "美"), ("Wen", "文", "文"),
    ("Hsiang", "祥", "祥"), ("Chien", "建", "建"), ("Fang", "芳", "芳"), ("Ling", "玲", "玲"),
    ("Tzu", "子", "子"), ("Yi", "怡", "怡"), ("Kai", "凱", "凱"), ("Po", "柏", "柏"),
    ("Hung", "宏", "宏"), ("An", "安", "安"), ("Tsung", "聰", "聡"), ("Li", "立", "立"),
    ("Hua", "華", "華"), ("Te", "德", "徳"), ("Sheng", "昇", "昇"), ("Yuan", "遠", "遠"),
    ("Pin", "彬", "彬"), ("Lung", "隆", "隆"), ("Han", "翰", "翰"), ("Chieh", "傑", "傑"),
)
JP_SURNAMES = (
    ("Tanaka", "田中", "田中"), ("Suzuki", "鈴木", "鈴木"), ("Sato", "佐藤", "佐藤"),
    ("Takahashi", "高橋", "高橋"), ("Watanabe", "渡邊", "渡辺"), ("Ito", "伊藤", "伊藤"),
    ("Yamamoto", "山本", "山本"), ("Nakamura", "中村", "中村"), ("Kobayashi", "小林", "小林"),
    ("Kato", "加藤", "加藤"), ("Yoshida", "吉田", "吉田"), ("Yamada", "山田", "山田"),
    ("Sasaki", "佐佐木", "佐々木"), ("Matsumoto", "松本", "松本"), ("Inoue", "井上", "井上"),
    ("Kimura", "木村", "木村"), ("Hayashi", "林", "林"), ("Shimizu", "清水", "清水"),
    ("Yamaguchi", "山口", "山口"), ("Mori", "森", "森"), ("Ikeda", "池田", "池田"),
    ("Hashimoto", "橋本", "橋本"), ("Ishikawa", "石川", "石川"), ("Ogawa", "小川", "小川"),
    ("Fujita", "藤田", "藤田"), ("Okada", "岡田", "岡田"), ("Goto", "後藤", "後藤"),
    ("Hasegawa", "長谷川", "長谷川"), ("Murakami", "村上", "村上"), ("Kondo", "近藤", "近藤"),
    ("Ishii", "石井", "石井"), ("Sakamoto", "坂本", "坂本"), ("Endo", "遠藤", "遠藤"),
    ("Aoki", "青木", "青木"), ("Fujii", "藤井", "藤井"), ("Nishimura", "西村", "西村"),
)
JP_GIVEN = (
    ("Hiroshi", "博", "博"), ("Takashi", "隆", "隆"), ("Kenji", "健二", "健二"),
    ("Yuko", "裕子", "裕子"), ("Akira", "明", "明"), ("Naoki", "直樹", "直樹"),
    ("Kazuo", "和夫", "和夫"), ("Masahiro", "正博", "正博"), ("Yoshiko", "良子", "良子"),
    ("Tomoko", "智子", "智子"), ("Satoshi", "聰", "聡"), ("Daisuke", "大輔", "大輔"),
    ("Makoto", "誠", "誠"), ("Junichi", "純一", "純一"), ("Shingo", "慎吾", "慎吾"),
    ("Keiko", "惠子", "恵子"), ("Tetsuya", "哲也", "哲也"), ("Koji", "浩二", "浩二"),
    ("Noriyuki", "範之", "範之"), ("Hideki", "英樹", "英樹"), ("Yumi", "由美", "由美"),
    ("Shinji", "真司", "真司"), ("Ryo", "涼", "涼"), ("Haruka", "遙", "遥"),
    ("Takeshi", "武", "武"), ("Masato", "正人", "正人"), ("Kaori", "香織", "香織"),
    ("Yasuhiro", "康弘", "康弘"), ("Toshio", "俊夫", "俊夫"), ("Eiji", "英治", "英治"),
)

# ---- companies and associations ------------------------------------------------------------
# stems: (romanization, Chinese, Japanese); Taiwanese brand syllables and Japanese place-like words
TW_STEMS = (
    ("Hua", "華", "華"), ("Tai", "台", "台"), ("Sheng", "昇", "昇"), ("Yuan", "元", "元"),
    ("Hong", "宏", "宏"), ("Da", "達", "達"), ("Xin", "鑫", "鑫"), ("Feng", "豐", "豊"),
    ("Guang", "光", "光"), ("Mao", "茂", "茂"), ("Chuang", "創", "創"), ("Ji", "積", "積"),
    ("Tong", "通", "通"), ("Yong", "永", "永"), ("Lian", "聯", "聯"), ("Jia", "嘉", "嘉"),
    ("Rui", "瑞", "瑞"), ("Tian", "天", "天"), ("Fu", "富", "富"), ("Kang", "康", "康"),
    ("Ding", "鼎", "鼎"), ("Wei", "威", "威"), ("Cheng", "成", "成"), ("Xiang", "翔", "翔"),
    ("Jing", "晶", "晶"), ("Yi", "億", "億"), ("Quan", "全", "全"), ("Zhan", "展", "展"),
    ("Heng", "恆", "恒"), ("Sen", "森", "森"), ("Po", "博", "博"), ("Ying", "盈", "盈"),
    ("Mei", "美", "美"), ("Lung", "隆", "隆"), ("An", "安", "安"), ("Tai", "泰", "泰"),
)
JP_STEMS = (
    ("Kita", "北", "北"), ("Minami", "南", "南"), ("Higashi", "東", "東"), ("Nishi", "西", "西"),
    ("Yama", "山", "山"), ("Kawa", "川", "川"), ("Ta", "田", "田"), ("Shima", "島", "島"),
    ("Hoshi", "星", "星"), ("Asahi", "旭", "旭"), ("Matsu", "松", "松"), ("Take", "竹", "竹"),
    ("Ume", "梅", "梅"), ("Sakura", "櫻", "桜"), ("Fuji", "富士", "富士"), ("Mitsu", "光", "光"),
    ("Naka", "中", "中"), ("Oka", "岡", "岡"), ("Hara", "原", "原"), ("Mizu", "水", "水"),
    ("Ishi", "石", "石"), ("Kane", "金", "金"), ("Taka", "高", "高"), ("Hira", "平", "平"),
    ("Wa", "和", "和"), ("Shin", "新", "新"), ("Sanyo", "三陽", "三陽"), ("Daiwa", "大和", "大和"),
    ("Tomi", "富", "富"), ("Aki", "秋", "秋"), ("Haru", "春", "春"), ("Izumi", "泉", "泉"),
)
# (English, Chinese, Japanese, industry gazetteer id)
SECTORS = (
    ("Precision", "精密", "精密", "industry-precision-machinery"),
    ("Electric", "電機", "電機", "industry-electrical-machinery"),
    ("Electronics", "電子", "電子", "industry-electronics"),
    ("Semiconductor", "半導體", "半導体", "industry-semiconductors"),
    ("Chemical", "化學", "化学", "industry-chemicals"),
    ("Materials", "材料", "素材", "industry-materials"),
    ("Machinery", "機械", "機械", "industry-machinery"),
    ("Optical", "光學", "光学", "industry-optics"),
    ("Biotech", "生技", "バイオ", "industry-biotechnology"),
    ("Pharmaceutical", "製藥", "製薬", "industry-pharmaceuticals"),
    ("Foods", "食品", "食品", "industry-food"),
    ("Motor", "汽車", "自動車", "industry-automotive"),
    ("Auto Parts", "汽車零件", "自動車部品", "industry-auto-parts"),
    ("Robotics", "機器人", "ロボティクス", "industry-robotics"),
    ("Logistics", "物流", "物流", "industry-logistics"),
    ("Energy", "能源", "エネルギー", "industry-energy"),
    ("Solar", "太陽能", "ソーラー", "industry-solar"),
    ("Software", "軟體", "ソフトウェア", "industry-software"),
    ("Medical", "醫療", "メディカル", "industry-medical-devices"),
    ("Textile", "紡織", "繊維", "industry-textiles"),
    ("Steel", "鋼鐵", "製鋼", "industry-steel"),
    ("Plastics", "塑膠", "樹脂", "industry-plastics"),
    ("Tool", "工具機", "工機", "industry-machine-tools"),
    ("Battery", "電池", "電池", "industry-batteries"),
)
# legal forms: (English suffix, Chinese suffix, Japanese form; "{}" stands for the name)
TW_LEGAL = (
    ("{} Co., Ltd.", "{}股份有限公司", "{}股份有限公司"),
    ("{} Corporation", "{}股份有限公司", "{}社"),
    ("{} Inc.", "{}股份有限公司", "{}社"),
    ("{} Industrial Co., Ltd.", "{}工業股份有限公司", "{}工業"),
    ("{} Technology Co., Ltd.", "{}科技股份有限公司", "{}科技"),
)
JP_LEGAL = (
    ("{} Co., Ltd.", "{}株式會社", "株式会社{}"),
    ("{} Corporation", "{}株式會社", "{}株式会社"),
    ("{} Inc.", "{}公司", "株式会社{}"),
    ("{} Industries, Ltd.", "{}工業株式會社", "{}工業株式会社"),
    ("{} Holdings, Inc.", "{}控股公司", "{}ホールディングス株式会社"),
)
# invented associations: (English pattern, Chinese pattern, Japanese pattern) with {place} and {field}
ASSOCIATION_KINDS = (
    ("{place} {field} Industry Association", "{place}{field}產業協會", "{place}{field}産業協会"),
    ("{place} {field} Promotion Council", "{place}{field}推進協議會", "{place}{field}推進協議会"),
    ("{place} Association of {field} Manufacturers", "{place}{field}製造商協會", "{place}{field}工業会"),
    ("{place} {field} Cluster Forum", "{place}{field}產業聚落論壇", "{place}{field}クラスター協議会"),
)

# ---- posts: (English, Chinese, Japanese) by kind of organization ------------------------------
POSTS = {
    "hub": (("Chief Executive Officer", "執行長", "執行長"), ("Director", "主任", "主任"),
            ("Deputy Director", "副主任", "副主任")),
    "Agency": (("Director-General", "署長", "署長"), ("Deputy Director-General", "副署長", "副署長"),
               ("Division Director", "組長", "組長"), ("Deputy Division Director", "副組長", "副組長")),
    "Ministry": (("Minister", "部長", "部長"), ("Vice Minister", "次長", "次長"),
                 ("Administrative Deputy Minister", "常務次長", "常務次長")),
    "Office": (("Director", "處長", "処長"), ("Deputy Director", "副處長", "副処長")),
    "JPAgency": (("Director-General", "局長", "局長"), ("Deputy Director-General", "審議官", "審議官"),
                 ("Director", "課長", "課長")),
    "JPMinistry": (("Minister", "大臣", "大臣"), ("State Minister", "副大臣", "副大臣"),
                   ("Vice-Minister", "事務次官", "事務次官")),
    "Prefecture": (("Governor", "知事", "知事"), ("Vice Governor", "副知事", "副知事"),
                   ("Director-General of the Commerce, Industry and Labor Department", "商工勞動部長",
                    "商工労働部長"),
                   ("Director of the Industrial Promotion Division", "產業振興課長", "産業振興課長")),
    "City": (("Mayor", "市長", "市長"), ("Deputy Mayor", "副市長", "副市長"),
             ("Director of the Economic Development Bureau", "經濟發展局長", "経済局長")),
    "Company": (("President", "總經理", "社長"), ("Chairman", "董事長", "会長"),
                ("Chief Executive Officer", "執行長", "最高経営責任者"),
                ("Executive Vice President", "執行副總經理", "副社長"),
                ("General Manager", "總經理", "本部長")),
    "Organization": (("Chairman", "理事長", "理事長"), ("President", "會長", "会長"),
                     ("Secretary-General", "秘書長", "事務局長"), ("Executive Director", "執行長", "専務理事")),
}
# what a company builds with its investment: (English, Chinese, Japanese)
FACILITIES = (
    ("a new plant", "新廠", "新工場"), ("a research and development center", "研發中心", "研究開発拠点"),
    ("a regional headquarters", "區域總部", "地域統括拠点"), ("a production line", "生產線", "生産ライン"),
    ("a logistics hub", "物流中心", "物流拠点"), ("a joint venture", "合資公司", "合弁会社"),
)
# how each language names the two countries
COUNTRY_NAMES = {"tw": ("Taiwan", "臺灣", "台湾"), "jp": ("Japan", "日本", "日本")}
