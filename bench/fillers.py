"""Background paragraphs for synthetic announcements (data): trade figures, plans, events.

Each is a ``str.format`` template; :func:`filler_numbers` draws the numbers they name. They
mention no organization, so they add length and realistic noise without adding facts.
"""
from __future__ import annotations

import random

__all__ = ["FILLERS", "filler_numbers"]


def filler_numbers(rng: random.Random) -> dict[str, object]:
    """One draw of every number a filler may name."""
    rank = rng.randrange(3)
    return {
        "trade": rng.randint(50, 95), "tenth": rng.randint(0, 9), "trade100": rng.randint(500, 950),
        "rank": ("two", "three", "four")[rank], "rank_zh": ("二", "三", "四")[rank],
        "firms": rng.randint(12, 80), "years": rng.randint(3, 12), "projects": rng.randint(20, 300),
        "weeks": rng.randint(2, 6), "thousands": rng.randint(2, 40), "hundreds": rng.randint(100, 999),
        "months": rng.randint(6, 18), "guests": rng.randint(60, 400), "share": rng.randint(20, 60),
        "students": rng.randint(10, 90), "applicants": rng.randint(20, 140), "growth": rng.randint(3, 40),
        "mission": rng.randint(10, 50), "orders": rng.randint(2, 90), "visitors": rng.randint(3, 9),
        "cities": rng.randint(5, 25),
    }


FILLERS: dict[str, tuple[str, ...]] = {
    "en": (
        "Bilateral trade between Taiwan and Japan reached US${trade}.{tenth} billion last year, and Japan remains one "
        "of Taiwan's {rank} largest trading partners. Officials said they expect the number of joint projects to grow "
        "further.",
        "The two sides plan to hold business matchmaking meetings for small and medium-sized enterprises in the coming "
        "months. About {firms} companies have already expressed interest in taking part, according to the organizers.",
        "Over the past {years} years, companies from both sides have set up {projects} joint projects, ranging from "
        "component supply to shared research. Organizers said that mutual trust built over decades makes such "
        "partnerships possible.",
        "A seminar on investment opportunities will follow in the autumn, with presentations on supply chains, talent "
        "exchange and market access. Registration opens {weeks} weeks before the event.",
        "Industry representatives noted that the regional economy has about {thousands},{hundreds} manufacturers, many "
        "of them family-owned suppliers with unique technologies, and that cooperation with partners abroad helps them "
        "reach new customers.",
        "Participants also discussed workforce shortages, energy costs and the digital transformation of factories, "
        "topics that both sides regard as shared challenges. They agreed to meet again within {months} months to review "
        "progress.",
        "The event drew about {guests} guests from government, industry and academia. Several companies used the "
        "occasion to present new products and to arrange follow-up visits.",
        "Economists point out that the share of high-value components in bilateral trade has risen to about {share}% "
        "over the last decade, as manufacturers on both sides specialise in parts that are hard to replace. Closer ties "
        "between local governments and industry bodies are expected to speed up the qualification of new suppliers and "
        "to shorten delivery times.",
        "Officials also highlighted the role of universities and research institutes. Joint laboratories, internships "
        "and short-term researcher exchanges are planned, with about {students} students and engineers expected to take "
        "part in the first year. The organizers hope that these programmes will grow into long-term research "
        "partnerships.",
        "In the first half of the year, {applicants} Japanese companies applied to invest in Taiwan, up {growth}% from a "
        "year earlier, while Taiwanese investment in Japan also increased. Semiconductor, machinery and green energy "
        "projects accounted for most of the growth, according to figures released by the authorities.",
        "A business mission of about {mission} companies is also scheduled to visit factories and industrial parks, "
        "where participants will hold one-on-one meetings with potential partners. Past missions have led to orders "
        "worth more than {orders} million US dollars, the organizers said.",
        "Tourism and cultural exchanges have grown alongside trade. Visitors travelling between the two sides reached a "
        "record {visitors}.{tenth} million last year, and direct flights now connect {cities} cities, which makes it "
        "easier for small companies to meet in person.",
    ),
    "zh-Hant": (
        "根據統計，日本為臺灣第{rank_zh}大貿易夥伴，去年雙邊貿易額約{trade100}億美元，雙方在供應鏈上的互補性持續提高。",
        "主辦單位指出，未來數月將陸續舉辦中小企業商機媒合會，目前已有{firms}家業者表達參與意願，期能帶動更多實質合作。",
        "過去{years}年間，雙方企業已累計推動{projects}件合作案，範圍包括零組件供應、技術授權與共同研發，成果穩健紮實。",
        "為協助業者掌握投資機會，相關單位將於秋季舉辦說明會，介紹供應鏈布局、人才交流與市場進入等議題，報名將於活動前"
        "{weeks}週開放。",
        "與會代表表示，當地約有{thousands}千家製造業者，其中不少為擁有獨特技術的家族企業，透過與海外夥伴合作，可望開拓"
        "新的客源。",
        "雙方亦就人力短缺、能源成本及工廠數位轉型等共同課題交換意見，並同意在{months}個月內再度會面，檢視合作進度。",
        "活動吸引產官學界約{guests}人參加，多家企業並利用此次機會發表新產品、安排後續參訪。",
        "經濟學者分析，過去十年高附加價值零組件在雙邊貿易中的比重已升至約{share}%，兩地製造業者各自專精於難以取代的"
        "關鍵零件。地方政府與產業團體加強聯繫，可望加快新供應商的認證，並縮短交貨時間。",
        "與會官員也強調大學及研究機構的角色，未來將推動共同實驗室、實習及短期研究人員交流，首年預計約有{students}名"
        "學生與工程師參與，盼能發展為長期的研究夥伴關係。",
        "今年上半年共有{applicants}家日商申請來臺投資，較去年同期成長{growth}%，臺商赴日投資亦同步增加，其中以半導體、"
        "機械及綠能相關投資案成長最為明顯。",
        "此外，約{mission}家企業組成的商務考察團將參訪當地工廠與產業園區，並與潛在夥伴進行一對一洽談。主辦單位表示，"
        "過去的考察團已促成逾{orders}百萬美元的訂單。",
        "除經貿往來外，觀光與文化交流亦日益熱絡。去年雙方往來旅客人數創下{visitors}.{tenth}百萬人次新高，直航航點已達"
        "{cities}個城市，有助於中小企業面對面洽談合作。",
    ),
    "ja": (
        "統計によれば、日本と台湾の昨年の貿易総額は約{trade100}億ドルに達し、サプライチェーンでの相互補完が一段と進んでいる。",
        "主催者によると、今後数カ月のうちに中小企業向けの商談会を開く予定で、すでに{firms}社が参加の意向を示している。",
        "この{years}年間で、両地域の企業による共同案件は{projects}件にのぼり、部品供給から共同研究まで幅広い。",
        "秋には投資環境に関するセミナーを開き、サプライチェーンや人材交流、市場参入について紹介する。申し込みは開催の"
        "{weeks}週間前から受け付ける。",
        "地域には約{thousands}千の製造業者が集まり、独自技術を持つ中小企業も多い。海外のパートナーとの連携は新たな販路の"
        "開拓につながると期待されている。",
        "意見交換では人手不足やエネルギーコスト、工場のデジタル化といった共通の課題も取り上げられ、{months}カ月以内に"
        "再び会合を開いて進捗を確認することで一致した。",
        "会場には産学官から約{guests}人が集まり、新製品の紹介や今後の視察の調整も行われた。",
        "専門家によると、過去10年間で付加価値の高い部品が双方の貿易に占める割合は約{share}%に高まった。自治体と業界団体の"
        "連携が深まれば、新たな取引先の認定が早まり、納期の短縮にもつながるとみられている。",
        "大学や研究機関の役割も強調された。共同研究室の設置やインターンシップ、研究者の短期交流を計画しており、初年度は"
        "学生や技術者約{students}人の参加を見込む。",
        "今年上半期に台湾への投資を申請した日本企業は{applicants}社で、前年同期比{growth}%増えた。台湾企業による日本への"
        "投資も増加しており、半導体や機械、グリーンエネルギー関連が伸びをけん引した。",
        "このほか、約{mission}社からなる経済視察団が工場や産業団地を訪れ、候補となる取引先と個別商談を行う。これまでの"
        "視察団は{orders}百万ドルを超える受注につながったという。",
        "貿易だけでなく観光や文化の交流も活発になっている。昨年の往来者数は過去最多の{visitors}.{tenth}百万人に達し、"
        "直行便は{cities}都市を結んでいる。",
    ),
}
