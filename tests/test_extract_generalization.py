"""Rules for what unseen announcements write in ways the first rules missed: known fields
named without a cue phrase, fields in the signing sentence, long titles with their body
before the name, ministers' ministries, and countries a body signs for. The announcements are
our own, one short text per rule."""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from graph.extract import extract, to_json
from graph.models import Announcement
from graph.sources import read_announcement


def triples(text: str, lang: str = "en", published: date = date(2024, 6, 1)) -> tuple[dict, set]:
    data = to_json(extract(Announcement("t", "t.txt", "", text, lang, published), curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    out = set()
    for r in data["relations"]:
        s, o = label.get(r["subject"], r["subject"]), label.get(r["object"], r["object"])
        out.add((s, r["predicate"], o))
        if r["predicate"] == "signedMOUWith":
            out.add((o, r["predicate"], s))
    return data, out


def mou_dates(data: dict) -> dict:
    """The date of each signedMOUWith, by the label of its object."""
    label = {e["id"]: e["label"] for e in data["entities"]}
    return {label[r["object"]]: r["date"] for r in data["relations"] if r["predicate"] == "signedMOUWith"}


def test_known_fields_without_a_cue_phrase_in_english():
    _, t = triples("Tainan City and Kumamoto Prefecture signed an MOU on May 2. The two sides see potential "
                   "in semiconductors and electric vehicles, and green energy is a key sector for both.")
    for field in ("semiconductors", "electric vehicles", "green energy"):
        assert ("Tainan City", "cooperatesIn", field) in t and ("Kumamoto Prefecture", "cooperatesIn", field) in t


def test_common_words_and_compounds_are_no_uncued_fields():
    data, _ = triples("Hualien County signed an MOU with Beppu City at the county government building to boost "
                      "economic and trade cooperation and semiconductor materials research.")
    inds = {e["label"] for e in data["entities"] if e["type"] == "Industry"}
    assert not inds & {"building", "trade", "semiconductor"}


def test_fields_in_the_signing_sentence_belong_to_both_parties():
    _, t = triples("Yilan County and Tottori Prefecture signed an MOU on March 3 to deepen exchanges in tourism and education.")
    assert {("Yilan County", "cooperatesIn", "tourism"), ("Tottori Prefecture", "cooperatesIn", "education")} <= t


def test_japanese_fields_joined_by_to_before_exchange():
    _, t = triples("鳥取県の山田太郎知事と台湾の新竹市の高虹安市長は3日、観光と教育の交流に関する覚書を締結した。", "ja")
    assert {("鳥取県", "cooperatesIn", "観光"), ("新竹市", "cooperatesIn", "教育")} <= t
    _, t = triples("株式会社ミナトの佐藤健社長と台湾の永信電子の林志明董事長は10日、電気自動車分野での協業に関する基本合意書を締結した。", "ja")
    assert ("株式会社ミナト", "cooperatesIn", "電気自動車") in t


def test_chinese_known_fields_after_a_verb():
    _, t = triples("嘉義縣與日本岡山縣今（2）日簽署友好交流備忘錄，雙方將推動綠能與電動車合作。", "zh-Hant")
    assert ("嘉義縣", "cooperatesIn", "綠能") in t and ("岡山縣", "cooperatesIn", "電動車") in t


def test_title_of_a_body_before_the_name():
    _, t = triples("Director-General of the Industrial Development Administration Yang Chih-ching attended. "
                   "Chairman of Hoshino Gear Co., Ltd. Tsai Ming-lang also spoke. Director-General Yang said more would come.")
    assert ("Yang Chih-ching", "holdsPosition", "Industrial Development Administration") in t
    assert ("Tsai Ming-lang", "holdsPosition", "Hoshino Gear Co., Ltd.") in t


def test_a_ministers_title_names_the_ministry_and_a_later_surname_the_person():
    data, t = triples("The MOU was signed by Vice Minister of Transportation and Communications Chen Yen-po and "
                      "Oita Deputy Governor Mori Takeshi. Vice Minister Chen said ports matter.")
    assert ("Chen Yen-po", "holdsPosition", "Ministry of Transportation and Communications") in t
    people = [e for e in data["entities"] if e["type"] == "Person"]
    assert len(people) == 2 and "Chen" in next(p for p in people if p["label"] == "Chen Yen-po")["mentions"]


def test_countries_signed_for_are_not_parties_of_the_bodies_agreement():
    data, t = triples("An MOU between Taiwan and Japan was signed on April 9 on behalf of the two governments by "
                      "Lin Wen-hua, Chairman of the Taiwan Fisheries Promotion Association, and Sato Jun, Chairman "
                      "of the Japan Fisheries Exchange Association.")
    assert ("Taiwan", "signedMOUWith", "Japan") in t
    a, b = "Taiwan Fisheries Promotion Association", "Japan Fisheries Exchange Association"
    assert (a, "signedMOUWith", b) in t
    label = {e["id"]: e["label"] for e in data["entities"]}
    bodies = [r for r in data["relations"] if r["predicate"] == "signedMOUWith" and {label[r["subject"]], label[r["object"]]} == {a, b}]
    countries = [r for r in data["relations"] if r["predicate"] == "signedMOUWith" and label[r["subject"]] in ("Taiwan", "Japan")]
    agreement = bodies[0]["agreement"]
    assert agreement and all(r.get("agreement") != agreement for r in countries)
    parties = {label[x] for r in data["relations"] if r.get("agreement") == agreement and r["predicate"] == "signedMOUWith"
               for x in (r["subject"], r["object"])}
    assert parties == {a, b}


def test_japanese_names_the_surname_list_lacks_after_a_title_in_chinese():
    _, t = triples("岡山縣知事伊原木隆太今日抵台，日本電子情報技術產業協會會長津賀一宏同行。岡山縣知事今日表示歡迎。", "zh-Hant")
    assert ("伊原木隆太", "holdsPosition", "岡山縣") in t
    assert ("津賀一宏", "holdsPosition", "日本電子情報技術產業協會") in t
    data, _ = triples("岡山縣知事今日抵台。", "zh-Hant")
    assert not [e for e in data["entities"] if e["type"] == "Person"]  # 今日 is no name


def test_a_family_name_with_a_title_is_the_person_named_in_full_and_speaks_for_the_company():
    data, t = triples("大森精機株式會社董事長河合利樹今日訪台。河合董事長表示，將在台南投資設廠。", "zh-Hant")
    people = [e for e in data["entities"] if e["type"] == "Person"]
    assert len(people) == 1 and "河合" in people[0]["mentions"]
    assert ("大森精機株式會社", "investedIn", "台南") in t
    _, t = triples("株式会社ミナトの林新之助社長は10日、記者会見を開いた。林社長は、台湾の台南市に新工場を建設すると述べた。", "ja")
    assert ("株式会社ミナト", "investedIn", "台南市") in t
    _, t = triples("Hoshino Gear Co., Ltd. President Sato Kenji visited Taiwan on Monday. President Sato said the "
                   "company will invest in Taichung City.")
    assert ("Hoshino Gear Co., Ltd.", "investedIn", "Taichung City") in t


def test_chinese_officers_deputies_and_firms_marked_by_rishang():
    _, t = triples("本次備忘錄由台北駐日經濟文化代表處代表李逸洋見證，新北市副市長劉和然與日本仙台市副市長佐藤達也代表雙方簽署。", "zh-Hant")
    assert ("劉和然", "signatoryOf", "新北市") in t and ("佐藤達也", "signatoryOf", "仙台市") in t  # 和 inside a name
    _, t = triples("永信電子股份有限公司董事長林志明、總經理陳偉銘及日商大森精機代表取締役社長田中一郎出席。", "zh-Hant")
    assert ("陳偉銘", "holdsPosition", "永信電子股份有限公司") in t  # a second title after 、 at the same firm
    assert ("田中一郎", "holdsPosition", "大森精機") in t


def test_the_speakers_government_helps_a_firm_into_a_park():
    _, t = triples("雲林縣長張麗善表示，縣府將協助日商山田化學在斗六工業區設廠。", "zh-Hant")
    assert ("雲林縣", "facilitatedInvestment", "山田化學") in t and ("山田化學", "investedIn", "斗六工業區") in t


def test_japanese_title_comma_name_with_shi():
    _, t = triples("株式会社山田製作所の代表取締役社長、山田太郎氏は、熊本県菊陽町に新工場を建設すると発表した。", "ja")
    assert ("山田太郎", "holdsPosition", "株式会社山田製作所") in t and ("株式会社山田製作所", "investedIn", "菊陽町") in t


def test_english_representative_director_and_possessive_fields():
    data, t = triples("Kenji Suzuki, President and Representative Director of Minato Electronics Co., Ltd., said "
                      "the county's agriculture and tourism sectors would benefit from cooperation.")
    assert ("Kenji Suzuki", "holdsPosition", "Minato Electronics Co., Ltd.") in t
    assert {"agriculture", "tourism"} <= {e["label"] for e in data["entities"] if e["type"] == "Industry"}


def test_lower_case_titles_and_witnesses_named_after_the_cue():
    _, t = triples("Miyako City yesterday said it had signed a memorandum of understanding with the Taiwanese city of "
                   "Hualien. The agreement was inked last Friday at Miyako City Hall by Hualien Deputy Mayor Chen Mei-ling "
                   "and Miyako Mayor Sato Hideki. Witnessing the signing were Lin Kuo-an, deputy director-general of the "
                   "Taipei Economic and Cultural Office in Naha, and Oshiro Ken, vice governor of Okinawa Prefecture.")
    assert any(a == "Miyako City" and p == "signedMOUWith" and b.startswith("Hualien") for a, p, b in t)
    assert ("Lin Kuo-an", "holdsPosition", "Taipei Economic and Cultural Office in Naha") in t
    assert {("Chen Mei-ling", "signatoryOf"), ("Sato Hideki", "signatoryOf"), ("Lin Kuo-an", "witnessOf"),
            ("Oshiro Ken", "witnessOf")} <= {(a, p) for a, p, _ in t}


def test_signing_on_behalf_of_each_party_and_for_the_city():
    _, t = triples("A siting agreement was signed on June 3 in Kumamoto. It was signed on behalf of Kumamoto Prefecture by "
                   "Vice Governor Tanaka Jun, on behalf of Kikuyo Town by Mayor Goto Mika, and on behalf of the company by its "
                   "president, Wu Tsung-han. Hsieh Li-wen, deputy representative of the Taipei Economic and Cultural "
                   "Representative Office in Japan, was present as a witness.")
    assert ("Wu Tsung-han", "signatoryOf", "Kumamoto Prefecture") not in t
    assert {("Kumamoto Prefecture", "signedMOUWith", "Kikuyo Town"), ("Tanaka Jun", "signatoryOf", "Kumamoto Prefecture"),
            ("Goto Mika", "signatoryOf", "Kikuyo Town"), ("Hsieh Li-wen", "witnessOf", "Kumamoto Prefecture")} <= t \
        or ("Hsieh Li-wen", "witnessOf", "Kikuyo Town") in t
    _, t = triples("Yilan County and Toyama Prefecture signed an MOU. Yilan Deputy Magistrate Lin Mao-sheng signed for the county "
                   "and Toyama Vice Governor Yokota Takashi for the prefecture, while Ho Chin-te, deputy minister of the "
                   "Ministry of Economic Affairs, looked on as a witness.")
    assert ("Yokota Takashi", "signatoryOf", "Toyama Prefecture") in t
    assert ("Yokota Takashi", "witnessOf", "Toyama Prefecture") not in t and ("Yokota Takashi", "witnessOf", "Yilan County") not in t
    assert any(s == "Ho Chin-te" and p == "witnessOf" for s, p, _ in t)


def test_parties_that_agree_to_cooperate_and_titles_after_a_university_name():
    _, t = triples("National Ilan University (NIU) and Akita Prefectural University agreed to cooperate in smart agriculture. "
                   "The agreement was signed by NIU President Wu Chih-hsiung and by Akita Prefectural University President Kato Ryo.")
    assert ("National Ilan University", "signedMOUWith", "Akita Prefectural University") in t
    assert ("Kato Ryo", "signatoryOf", "Akita Prefectural University") in t


def test_a_dateline_gives_the_year_when_the_source_has_no_date():
    data, _ = triples("NAHA, Jun. 5, 2023 - Okinawa Prefecture and Keelung City signed an MOU on Saturday (Jun. 3).",
                      published=None)
    assert {r["date"] for r in data["relations"] if r["predicate"] == "signedMOUWith"} == {"2023-06-03"}


def test_japanese_form_layout_signatories_witnesses_and_counted_fields():
    text = ("富山県は、５月９日、台湾・台中市において、台湾機械工業同業公会と産業交流に関する覚書を締結しました。\n\n"
            "１　締結日　　令和６年５月９日\n"
            "２　署名者　　富山県知事　新田　八朗\n"
            "　　　　　　　台湾機械工業同業公会理事長　荘　永順\n"
            "３　立会人　　富山県商工会議所連合会　会頭　高田　順一\n"
            "４　覚書の概要\n"
            "　　工作機械、ロボット、医療機器の３分野を中心に、企業訪問団の相互派遣を進めます。\n")
    _, t = triples(text, "ja", date(2024, 5, 10))
    assert ("富山県", "signedMOUWith", "台湾機械工業同業公会") in t
    assert ("新田\u3000八朗", "signatoryOf", "富山県") in t
    assert ("荘\u3000永順", "signatoryOf", "台湾機械工業同業公会") in t
    assert ("高田\u3000順一", "witnessOf", "富山県") in t
    assert {("富山県", "cooperatesIn", f) for f in ("工作機械", "ロボット", "医療機器")} <= t


def test_a_party_named_with_its_acronym_or_a_relative_clause_before_the_verb():
    _, t = triples("Kyoto Research Park (KRP) has entered into a memorandum of understanding with Tainan City.")
    assert ("Kyoto Research Park", "signedMOUWith", "Tainan City") in t
    _, t = triples("Tainan City, which administers the Shalun Smart Green Energy Science City (SGESC), signed an MOU "
                   "with Okayama Prefecture on May 2.")
    assert ("Tainan City", "signedMOUWith", "Okayama Prefecture") in t
    assert not any(r == "signedMOUWith" and "Shalun" in s for s, r, _ in t)
    _, t = triples("The Industrial Development Bureau (IDB) and Osaka Prefecture signed an MOU on May 2.")
    assert ("Industrial Development Bureau", "signedMOUWith", "Osaka Prefecture") in t  # the acronym between parties
    _, t = triples('The Taiwan-Japan Industrial Collaboration Promotion Office (hereinafter "TJPO") and Acme Holdings '
                   'signed an MOU on May 2.')
    assert ("Taiwan-Japan Industrial Collaboration Promotion Office", "signedMOUWith", "Acme Holdings") in t


def test_the_subject_of_becoming_the_nth_to_sign_is_a_party():
    _, t = triples("Hakodate, a port city in Hokkaido, has become the third Japanese city to sign a memorandum of "
                   "understanding with Keelung City.")
    assert ("Hakodate City", "signedMOUWith", "Keelung City") in t
    assert not any(r == "signedMOUWith" and "Hokkaido" in (s, o) for s, r, o in t)


def test_signed_for_each_side_by_its_signatory():
    _, t = triples("Tottori Prefecture signed a memorandum of understanding with Yilan County on May 2. The MOU was "
                   "signed for Yilan by Lin Kuo-hua, Magistrate of Yilan County, and for the prefecture by Sato Kenji, "
                   "Director General of the Commerce Department of Tottori Prefecture.")
    assert ("Lin Kuo-hua", "signatoryOf", "Yilan County") in t
    assert ("Sato Kenji", "signatoryOf", "Tottori Prefecture") in t
    assert not any(s == "General" for s, _, _ in t)


def test_a_place_visited_or_signed_in_is_no_party_in_chinese():
    _, t = triples("花蓮縣長徐榛蔚率團訪問日本四國，於5月2日在高知縣高知市與高知縣知事山本健一簽署友好交流協定，"
                   "並由高知縣議會議長森田英二擔任見證人。", "zh-Hant")
    assert ("花蓮縣", "signedMOUWith", "高知縣") in t
    assert not any(r == "signedMOUWith" and ("四國" in s + o or "高知市" in (s, o)) for s, r, o in t)
    assert ("森田英二", "witnessOf", "高知縣") in t  # the side of the assembly he heads


def test_fields_listed_one_per_bullet_after_the_sentence():
    _, t = triples("Nara Prefecture signed an MOU with Yunlin County on June 3.\n\nThe two sides will cooperate in "
                   "three fields:\n  • Smart agriculture\n  • food processing;\n  • tourism\n\nNara is known for deer.")
    for field in ("smart agriculture", "food processing", "tourism"):
        assert ("Nara Prefecture", "cooperatesIn", field) in t and ("Yunlin County", "cooperatesIn", field) in t
    assert not any(o == "deer" for _, _, o in t)


def test_memorandums_with_two_bodies_are_one_each_and_a_date_between_subject_and_verb():
    _, t = triples("Tainan City on May 21st signed memorandums of understanding with Sendai City and with Kobe City.")
    assert ("Tainan City", "signedMOUWith", "Sendai City") in t and ("Tainan City", "signedMOUWith", "Kobe City") in t
    assert ("Sendai City", "signedMOUWith", "Kobe City") not in t
    _, t = triples("Tainan City on May 21st signed a trilateral memorandum of understanding with Sendai City and Kobe City.")
    assert ("Sendai City", "signedMOUWith", "Kobe City") in t


def test_chinese_fields_with_an_acronym_or_a_count_before_the_field_word():
    data, t = triples("嘉義縣與岡山縣簽署合作備忘錄。雙方將在學名藥、新藥開發（CDMO）及保健食品三大領域推動技術交流。", "zh-Hant")
    fields = {o for s, r, o in t if r == "cooperatesIn" and s == "嘉義縣"}
    assert {"學名藥", "新藥開發", "保健食品"} <= fields
    assert not any("三大" in e["label"] or "CDMO" in e["label"] for e in data["entities"])


def test_japanese_names_in_chinese_text_end_where_the_verb_starts():
    data, t = triples("嘉義縣長翁章梁與岐阜縣副知事山岸健一郎簽署友好交流備忘錄，由富山縣知事石黑雅之擔任見證人。"
                      "宮崎縣知事日高誠簽署。", "zh-Hant")
    people = {e["label"] for e in data["entities"] if e["type"] == "Person"}
    assert {"山岸健一郎", "石黑雅之", "日高誠"} <= people
    assert not any(p.endswith(("簽", "擔", "擔任")) for p in people)


def test_a_prefecture_naming_itself_signs_and_a_forms_items_name_signers_and_witnesses():
    text = ("長野県は台湾との産業交流を進めています。\n\n"
            "県では、台湾の業界団体である台湾区機器工業同業公会と、産業連携に関する覚書を締結しました。\n\n"
            "３　署名者\n　　長野県知事　　小林 一郎\n　　台湾区機器工業同業公会　理事長　王 大明\n\n"
            "４　立会人\n　　長野県議会議長　　佐藤 健\n")
    _, t = triples(text, "ja")
    assert ("長野県", "signedMOUWith", "台湾区機器工業同業公会") in t
    assert {("小林 一郎", "signatoryOf", "長野県"), ("王 大明", "signatoryOf", "台湾区機器工業同業公会"),
            ("佐藤 健", "witnessOf", "長野県")} <= t


def test_a_forms_heading_naming_both_items_is_no_item():
    text = ("常陽銀行は台湾の第一商業銀行と業務協力に関する覚書を締結しました。\n\n"
            "２．署名者・立会人\n　　署名者：常陽銀行 専務取締役 根本 和也\n　　立会人：茨城県 副知事 飯田 真一\n")
    _, t = triples(text, "ja")
    assert ("根本 和也", "witnessOf", "常陽銀行") not in t


def test_a_title_before_a_name_whose_family_name_is_a_companys():
    data, t = triples("Tainan City signed an MOU with Niigata Prefecture. Governor Kubota Shinji of Niigata Prefecture "
                      "attended as a witness.")
    assert ("Kubota Shinji", "holdsPosition", "Niigata Prefecture") in t
    assert "Kubota" not in {e["label"] for e in data["entities"]}


def test_a_prefectural_government_supporting_an_investment_facilitates_it():
    _, t = triples("Advantech Co., Ltd. will invest JPY 5 billion in Aichi Prefecture. The investment was supported "
                   "by the Aichi Prefectural Government, which approved a subsidy, and by the Japan External Trade "
                   "Organization (JETRO).")
    assert ("Aichi Prefecture", "facilitatedInvestment", "Advantech Co., Ltd.") in t
    assert ("Japan External Trade Organization", "facilitatedInvestment", "Advantech Co., Ltd.") in t


def test_signatories_listed_with_semicolons():
    _, t = triples("ITRI signed a memorandum of understanding with Tohoku University and Miyagi Prefecture. It was "
                   "signed by Liu Chia-hao, Executive Vice President of ITRI; Mori Atsushi, Executive Vice President "
                   "of Tohoku University; and Sato Yukiko, Vice Governor of Miyagi Prefecture.")
    assert {("Liu Chia-hao", "signatoryOf", "ITRI"), ("Mori Atsushi", "signatoryOf", "Tohoku University"),
            ("Sato Yukiko", "signatoryOf", "Miyagi Prefecture")} <= t


def test_an_mou_between_the_company_and_a_body():
    _, t = triples("Fujimi Incorporated will invest NT$4.2 billion in Taiwan. An investment memorandum of "
                   "understanding between the company and the Hsinchu Science Park Bureau was signed on 15 September 2022.")
    assert ("Fujimi Incorporated", "signedMOUWith", "Hsinchu Science Park Bureau") in t


def test_a_body_followed_by_a_comma_and_the_body_it_belongs_to():
    _, t = triples("The MOU was signed by Hsieh Ming-tsung, Director of the Industrial Development Administration (IDA), "
                   "Ministry of Economic Affairs (MOEA), and Ohara Tetsuya, Director General of the Industry and Labor "
                   "Department, Niigata Prefectural Government.")
    assert ("Industrial Development Administration", "partOf", "Ministry of Economic Affairs") in t
    assert ("Industry and Labor Department", "partOf", "Niigata Prefectural Government") in t
    _, t = triples("Under the instruction of the Ministry of Economic Affairs and its Industrial Development Bureau, the "
                   "Taiwan-Japan Industrial Collaboration Promotion Office, TJPO, forged an alliance with Osaka.")
    assert not any(r == "partOf" and o == "Taiwan-Japan Industrial Collaboration Promotion Office" for _, r, o in t)


def test_places_both_in_a_prefecture():
    _, t = triples("Niigata is known for the firms around Tsubame City and Sanjo City, both in Niigata Prefecture, "
                   "whose tools sell worldwide.")
    assert {("Tsubame City", "locatedIn", "Niigata Prefecture"), ("Sanjo City", "locatedIn", "Niigata Prefecture")} <= t


def test_a_name_before_a_title_starting_with_a_body_head_is_a_person_in_japanese():
    data, t = triples("福井県は工業技術研究院と覚書を締結した。覚書には中嶋康弘知事と工研院の呉志明副院長が署名し、"
                      "桃園市政府経済発展局の張家銘局長が立ち会った。", "ja")
    kinds = {e["label"]: e["type"] for e in data["entities"]}
    assert kinds.get("呉志明") == "Person" and kinds.get("張家銘") == "Person"
    assert "呉志明副院" not in kinds and "張家銘局" not in kinds


def test_a_prefectural_assembly_is_a_body():
    data, t = triples("臺中市與岐阜縣簽署產業合作備忘錄，岐阜縣議會議長大野隆也到場見證。", "zh-Hant")
    assert ("大野隆也", "holdsPosition", "岐阜縣議會") in t
    data, t = triples("長野県は覚書を締結した。長野県議会議長の宮坂直人が立ち会った。", "ja")
    assert "長野県議会" in {e["label"] for e in data["entities"] if e["type"] == "Agency"}


def test_the_nth_copy_of_an_agreement_in_chinese():
    _, t = triples("臺中市與岐阜縣於5月16日簽署產業合作備忘錄。本次是臺中市與日本地方政府簽署的第5份產業合作備忘錄。", "zh-Hant")
    assert ("岐阜縣", "memberOrdinal", "5") in t


def test_a_japanese_corporate_officer_title_in_chinese():
    _, t = triples("荏原製作所與南部科學園區管理局簽署投資意向書，由荏原製作所執行役細田修與管理局局長鄭明哲代表簽署。", "zh-Hant")
    assert ("細田修", "holdsPosition", "荏原製作所") in t


def test_a_body_in_a_city_is_named_without_the_city_unless_it_is_an_office():
    data, t = triples("TAITRA signed memorandums of understanding with the Sapporo Chamber of Commerce and with Hokkaido "
                      "Bank in Sapporo. Nakamura Kazuo of the Taipei Economic and Cultural Office in Sapporo attended.")
    labels = {e["label"] for e in data["entities"]}
    assert "Hokkaido Bank" in labels and "Hokkaido Bank in Sapporo" not in labels
    assert "Taipei Economic and Cultural Office in Sapporo" in labels


def test_a_bodys_head_in_brackets_after_it_holds_a_post_and_does_not_sign():
    _, t = triples("株式会社常陽銀行（頭取　岡田 俊彦）は、台湾の第一商業銀行（董事長　呂 政達）と覚書を締結した。", "ja")
    assert ("株式会社常陽銀行", "signedMOUWith", "第一商業銀行") in t
    assert {("岡田 俊彦", "holdsPosition", "株式会社常陽銀行"), ("呂 政達", "holdsPosition", "第一商業銀行")} <= t
    assert not any(r == "signatoryOf" for _, r, _ in t)


def test_fields_after_projects_in_research_on_and_on_promoting():
    _, t = triples("ITRI signed a memorandum of understanding with Tohoku University. The agreement commits the partners "
                   "to pilot projects in power semiconductors, green hydrogen and smart agriculture.")
    assert ("ITRI", "cooperatesIn", "green hydrogen") in t
    _, t = triples("Advantech and Aichi Prefecture signed a memorandum of understanding on promoting smart "
                   "manufacturing and digital transformation.")
    assert {("Aichi Prefecture", "cooperatesIn", "smart manufacturing"),
            ("Aichi Prefecture", "cooperatesIn", "digital transformation")} <= t


def test_food_and_beverage_is_one_field_and_activities_are_no_fields():
    data, t = triples("TAITRA signed an MOU with the Sapporo Chamber of Commerce. TAITRA and the chamber will cooperate in "
                      "food and beverage, tourism and manufacturing technology, exchanging trade missions and running a "
                      "joint platform.")
    fields = {o for s, r, o in t if s == "TAITRA" and r == "cooperatesIn"}
    assert {"food and beverage", "tourism", "manufacturing technology"} <= fields
    assert not fields & {"beverage", "exchanging trade missions", "running a joint platform"}


def test_fields_named_as_the_focus_in_chinese_and_each_field_in_japanese():
    _, t = triples("臺中市與岐阜縣簽署產業合作備忘錄。雙方將以智慧機械、航太、精密模具及觀光為重點，推動企業媒合。", "zh-Hant")
    assert ("臺中市", "cooperatesIn", "精密模具") in t
    _, t = triples("長野県は台湾の団体と覚書を締結しました。半導体、精密機械、情報通信の各分野で交流を促進します。", "ja")
    assert ("長野県", "cooperatesIn", "情報通信") in t


def test_a_known_body_written_with_more_words_keeps_its_own_name_as_label():
    data, _ = triples("Chen Hsin-yi, Deputy Director-General of the Industrial Development Administration under Taiwan's "
                      "Ministry of Economic Affairs, witnessed the signing.")
    moea = next(e for e in data["entities"] if e["id"].endswith("/moea"))
    assert moea["label"] == "Ministry of Economic Affairs"
    assert "Taiwan's Ministry of Economic Affairs" in moea["mentions"]


def test_a_post_at_a_body_written_with_its_acronym_before_the_name():
    _, t = triples("東元電機と北九州市が協定を締結した。台湾の台日産業連携推進オフィス（TJPO）の周家豪執行長が立会人を務めた。", "ja")
    assert ("周家豪", "holdsPosition", "台日産業連携推進オフィス") in t


def test_an_office_named_after_its_association_or_representation_is_part_of_it():
    _, t = triples("嘉義縣與福井縣簽署合作備忘錄，日本台灣交流協會台北事務所副代表佐藤健出席見證。", "zh-Hant")
    assert ("日本台灣交流協會台北事務所", "partOf", "日本台灣交流協會") in t
    _, t = triples("熊本市と台中市が協定を締結した。台北駐日経済文化代表処福岡分処の曾国華処長が立ち会った。", "ja")
    assert ("台北駐日経済文化代表処福岡分処", "partOf", "台北駐日経済文化代表処") in t
    assert ("曾国華", "holdsPosition", "台北駐日経済文化代表処福岡分処") in t


def test_a_japanese_title_then_no_then_the_name():
    _, t = triples("岡山県と台日産業連携推進オフィスが覚書を締結しました。岡山県産業労働部長の藤原雅之と"
                   "TJPOの許明哲執行長が覚書に署名しました。", "ja")
    assert ("藤原雅之", "holdsPosition", "岡山県産業労働部") in t
    assert ("藤原雅之", "signatoryOf", "岡山県") in t


def test_a_company_after_its_descriptor_and_generic_company_nouns_in_chinese():
    data, t = triples("總部位於新竹縣的半導體材料廠昇陽精密材料股份有限公司宣布，將在熊本縣投資。合資新公司由昇陽持股６０％。"
                      "昇陽與熊本縣、菊陽町簽署進駐協定，由熊本縣知事木村隆之及菊陽町長吉田誠分別代表簽署。", "zh-Hant")
    labels = {e["label"] for e in data["entities"]}
    assert "昇陽精密材料股份有限公司" in labels
    assert not labels & {"合資新公司", "體材料廠昇陽精密材料股份有限公司", "吉田誠分"}
    assert "吉田誠" in labels


def test_a_short_name_in_brackets_after_a_chinese_name_stands_for_it():
    _, t = triples("半導體材料廠昇陽精密材料股份有限公司（昇陽精材）宣布，將在熊本縣投資。昇陽精材與熊本縣簽署進駐協定，"
                   "由昇陽精材董事長王建國與熊本縣知事木村隆之代表簽署。", "zh-Hant")
    assert ("昇陽精密材料股份有限公司", "signedMOUWith", "熊本縣") in t
    assert ("王建國", "holdsPosition", "昇陽精密材料股份有限公司") in t


def test_a_deputy_title_and_a_japanese_name_before_a_bureau_title():
    _, t = triples("国立屏東科技大学と宮崎大学が協定を締結した。協定には宮崎大学の長友理恵副学長が署名し、"
                   "中国経済産業局の岡田聡局長が立ち会った。", "ja")
    assert ("長友理恵", "holdsPosition", "宮崎大学") in t and ("長友理恵", "signatoryOf", "宮崎大学") in t
    assert ("岡田聡", "holdsPosition", "中国経済産業局") in t


def test_a_city_named_with_a_direction_before_a_known_citys_name():
    data, t = triples("宏偉電子は広島県東広島市に新工場を建設する。", "ja")
    assert ("東広島市", "locatedIn", "広島県") in t
    assert "広島市" not in {e["label"] for e in data["entities"]}


def test_and_between_a_person_or_body_and_a_body_named_after_a_place_separates_them():
    data, _ = triples("Taoyuan City signed a trilateral memorandum of understanding with Tochigi Prefecture Governor Okubo "
                      "Masaharu and Utsunomiya Chamber of Commerce and Industry Chairman Shimada Keiichi. Director Wang "
                      "Hsin-yi of the Taoyuan City Department of Economic Development and Utsunomiya City Mayor Tachibana "
                      "Hiroshi witnessed it. Delta officer Lee Ming-che and Hiroshima University vice president Kaneda "
                      "Satoshi signed another.")
    labels = {e["label"] for e in data["entities"]}
    assert {"Utsunomiya Chamber of Commerce and Industry", "Taoyuan City Department of Economic Development",
            "Hiroshima University"} <= labels
    assert not any(" and Utsunomiya" in x or "Ming-che and" in x for x in labels)


def test_a_participle_clause_between_the_signer_and_the_verb_names_no_party():
    _, t = triples("Taoyuan City Mayor Lin Cheng-hao, leading a city delegation to Japan, signed a memorandum of "
                   "understanding with Tochigi Prefecture Governor Okubo Masaharu on May 22.")
    assert ("Taoyuan City", "signedMOUWith", "Tochigi Prefecture") in t
    assert not any(r == "signedMOUWith" and "Japan" in (s, o) for s, r, o in t)


def test_our_company_and_a_title_are_no_name_and_trader_verbs_no_company():
    data, _ = triples("台湾安川と彰化県が覚書を締結した。当社取締役常務執行役員の村上誠および台湾経済部の林俊傑政務次長が"
                      "立ち会いました。", "ja")
    people = {e["label"] for e in data["entities"] if e["type"] == "Person"}
    assert {"村上誠", "林俊傑"} <= people and "当社取締役" not in people
    data, _ = triples("日商加碼投資臺灣，愛德萬測試擴大在臺布局。", "zh-Hant")
    assert "加碼" not in {e["label"] for e in data["entities"]}


def test_a_forms_line_with_a_name_written_without_a_space():
    _, t = triples("山梨県と工業技術研究院は覚書を締結した。\n\n３　署名者\n　　山梨県知事　小林真一郎\n"
                   "　　工業技術研究院 院長　黄志明\n\n４　立会人\n　　山梨大学 学長　渡辺正彦\n", "ja")
    assert {("小林真一郎", "signatoryOf", "山梨県"), ("黄志明", "signatoryOf", "工業技術研究院"),
            ("渡辺正彦", "holdsPosition", "山梨大学")} <= t


def test_bank_officers_titles_and_generic_bank_nouns_in_chinese():
    data, t = triples("兆豐國際商業銀行與日本千葉銀行簽署業務合作備忘錄，由兆豐銀行總經理蔡秋萍與千葉銀行常務執行董事田中俊彥"
                      "代表雙方簽署。千葉銀行是繼北陸銀行之後，第15家與兆豐銀行簽署合作備忘錄的日本地方銀行。", "zh-Hant")
    labels = {e["label"] for e in data["entities"]}
    assert "田中俊彥" in labels and ("田中俊彥", "holdsPosition", "千葉銀行") in t
    assert not labels & {"日本地方銀行", "繼北陸銀行", "執行董事"}


def test_a_venue_building_and_a_date_before_a_verb_are_no_parties_in_chinese():
    data, t = triples("高雄市長周文彬26日率領市府團隊訪問日本岡山縣，在岡山市的縣廳與岡山縣知事石井大輔簽署經濟交流合作備忘錄。",
                      "zh-Hant")
    labels = {e["label"] for e in data["entities"]}
    assert not labels & {"日率領市", "縣廳"}
    assert ("高雄市", "signedMOUWith", "岡山縣") in t
    assert {s for s, r, o in t if r == "signedMOUWith"} == {"高雄市", "岡山縣"}


def test_a_chinese_headline_naming_two_signings_and_the_body_sentences_that_fill_them():
    text = ("屏東宮崎攜手締約　縣府與宮崎縣簽署友好交流合作備忘錄　屏科大、宮崎大學同步簽署學術協定\n\n"
            "屏東縣長潘志遠率團訪問日本九州，於1月18日在宮崎縣宮崎市與宮崎縣知事日高誠簽署友好交流合作備忘錄。")
    _, t = triples(text, "zh-Hant")
    assert ("屏東縣", "signedMOUWith", "宮崎縣") in t
    assert ("潘志遠", "signatoryOf", "屏東縣") in t and ("日高誠", "signatoryOf", "宮崎縣") in t
    assert not any(r == "signedMOUWith" and {s, o} & {"宮崎大學"} and {s, o} & {"屏東縣", "宮崎縣"} for s, r, o in t)


def test_a_hiragana_word_inside_a_japanese_bodys_name():
    data, t = triples("台湾区電機電子工業同業公会は諏訪圏ものづくり推進機構と覚書を締結した。", "ja")
    assert ("台湾区電機電子工業同業公会", "signedMOUWith", "諏訪圏ものづくり推進機構") in t
    assert "推進機構" not in {e["label"] for e in data["entities"]}


def test_a_place_name_cut_by_a_title_is_not_named():
    data, _ = triples("屏東縣與宮崎縣簽署備忘錄，由潘縣長與日高知事共同見證。", "zh-Hant")
    assert "高知" not in {e["label"] for e in data["entities"]}


def test_fields_after_a_count_and_a_colon_and_a_second_signer_after_and_by():
    _, t = triples("TJPO signed an MOU with Shizuoka Prefecture. The two sides will work together in four fields: "
                   "automotive parts, optoelectronics and food processing. The MOU was signed by Kuo Chien-hung, CEO "
                   "of TJPO and Deputy Director of the IDB's Metal and Mechanical Industries Division, and by Mochizuki "
                   "Ryota, Director-General of the Economy and Industry Department of the Shizuoka Prefectural Government.")
    fields = {o for s, r, o in t if s == "TJPO" and r == "cooperatesIn"}
    assert {"automotive parts", "optoelectronics", "food processing"} <= fields and "four fields" not in fields
    assert ("Mochizuki Ryota", "signatoryOf", "Shizuoka Prefecture") in t


def test_the_partners_named_after_following_signed_before():
    _, t = triples("TJPO signed an MOU with Shizuoka Prefecture on November 17. Following Ibaraki Prefecture, Niigata "
                   "Prefecture and Kochi Prefecture, Shizuoka is the 11th Japanese local government to sign an MOU with TJPO.")
    assert {("TJPO", "signedMOUWith", p) for p in ("Ibaraki Prefecture", "Niigata Prefecture", "Kochi Prefecture")} <= t
    assert ("Shizuoka Prefecture", "memberOrdinal", "11") in t


def test_a_committee_member_title_before_a_chinese_name():
    data, _ = triples("竹科管理局與宮城縣簽署備忘錄，國科會委員林明哲到場見證。", "zh-Hant")
    people = {e["label"] for e in data["entities"] if e["type"] == "Person"}
    assert "林明哲" in people and "委員林明哲" not in people


def test_a_headline_whose_signing_part_names_no_parties_keeps_the_others():
    _, t = triples("台湾・東元電機、北九州市にＥＶモーター開発拠点　３０億円投資、立地協定を締結\n\n"
                   "協定書には東元電機の陳志豪社長と北九州市の松永浩二市長が署名した。", "ja")
    assert ("東元電機", "signedMOUWith", "北九州市") in t
    assert ("松永浩二", "signatoryOf", "北九州市") in t


def test_a_partner_count_of_chambers_and_banks_by_the_subject_not_its_relative_clause():
    _, t = triples("With the two new agreements, TAITRA, which has offices in Tokyo and Osaka, now has cooperation "
                   "agreements with 45 Japanese chambers of commerce, banks and local organizations.")
    assert ("TAITRA", "partnerCount", "45") in t
    assert not any(r == "partnerCount" and s in ("Tokyo", "Osaka") for s, r, _ in t)


def test_a_single_character_joined_by_a_middle_dot_stays_in_the_field():
    data, t = triples("浜松商工会議所と桃園市が覚書を締結した。光・電子技術、自動車部品などの分野で連携する。", "ja")
    assert ("浜松商工会議所", "cooperatesIn", "光・電子技術") in t
    assert "電子技術" not in {e["label"] for e in data["entities"]}


def test_an_unknown_town_written_before_its_prefecture():
    _, t = triples("Delta Electronics Inc. will invest 15 billion yen to build a research center in Higashihiroshima, "
                   "Hiroshima Prefecture. Fujimi is headquartered in Kiyosu, Aichi Prefecture.")
    assert {("Higashihiroshima", "locatedIn", "Hiroshima Prefecture"), ("Kiyosu", "locatedIn", "Aichi Prefecture"),
            ("Delta Electronics Inc.", "investedIn", "Higashihiroshima")} <= t


def test_generic_nouns_in_a_field_list_are_no_fields():
    data, t = triples("長野県と台湾の団体が覚書を締結した。半導体、部品、研究の各分野で交流を促進します。", "ja")
    fields = {o for s, r, o in t if r == "cooperatesIn"}
    assert "半導体" in fields and not fields & {"部品", "研究"}


def test_a_city_after_its_prefecture_starting_with_ge_and_a_city_in_the_prefecture():
    _, t = triples("臺中市與岐阜縣簽署備忘錄。山岸副知事則說，岐阜縣各務原市是日本航太產業的重要生產基地。", "zh-Hant")
    assert ("各務原市", "locatedIn", "岐阜縣") in t
    _, t = triples("福井県は覚書を締結した。県内では鯖江市の眼鏡枠産業が集積している。", "ja")
    assert ("鯖江市", "locatedIn", "福井県") in t


def test_a_firm_named_after_big_maker_and_invest_then_the_place_in_chinese():
    _, t = triples("總部位於屏東縣的生技大廠大江生醫，10月12日宣布將在富山縣投資約20億日圓。岐阜縣關市的刀具大廠貝印投資臺中，"
                   "設立銷售據點。", "zh-Hant")
    assert ("大江生醫", "locatedIn", "屏東縣") in t
    assert ("貝印", "investedIn", "臺中") in t


def test_this_signing_refers_to_the_one_told_and_names_no_new_parties():
    _, t = triples("臺中市與岐阜縣簽署產業合作備忘錄。市府去年已協助刀具大廠貝印投資臺中，這次簽約可望吸引更多岐阜企業跟進。",
                   "zh-Hant")
    assert ("臺中市", "signedMOUWith", "岐阜縣") in t
    assert not any(r == "signedMOUWith" and "貝印" in (s, o) for s, r, o in t)


def test_the_place_right_before_invest_is_where_it_invests_in_chinese():
    _, t = triples("生技大廠大江生醫宣布，將在富山縣投資約20億日圓，於滑川市興建保健食品工廠。", "zh-Hant")
    assert ("大江生醫", "investedIn", "富山縣") in t


def test_a_signing_only_planned_or_hoped_for_is_no_agreement():
    _, t = triples("Acme Corp. signed an MOU with Osaka Prefecture on May 2. Acme Corp. will sign an MOU with Nara "
                   "Prefecture next month, and Beta Inc. is expected to sign a memorandum with Kyoto University.")
    mous = {(s, o) for s, r, o in t if r == "signedMOUWith"}
    assert ("Acme Corp.", "Osaka Prefecture") in mous and not {"Nara Prefecture", "Kyoto University"} & {o for _, o in mous}
    _, t = triples("經濟部今天與大阪府簽署合作備忘錄。經濟部預計明年與京都府簽署合作備忘錄。", "zh-Hant")
    assert ("經濟部", "signedMOUWith", "大阪府") in t and ("經濟部", "signedMOUWith", "京都府") not in t
    _, t = triples("東元電機は２日、北九州市と立地協定を結んだ。同社は今後、九州工業大学と共同研究の覚書を結ぶ方針。", "ja")
    assert ("東元電機", "signedMOUWith", "北九州市") in t and ("東元電機", "signedMOUWith", "九州工業大学") not in t


def test_japanese_given_names_in_kana_and_family_names_that_end_like_a_body():
    data, t = triples("長野県の阿部守一知事と台中市の盧秀燕市長は覚書を締結した。式には福岡県の中村あゆみ副知事と"
                      "県の佐藤ミキ課長が立ち会った。", "ja")
    assert ("阿部守一", "signatoryOf", "長野県") in t and ("中村あゆみ", "holdsPosition", "福岡県") in t
    assert {"中村あゆみ", "佐藤ミキ"} <= {s for s, r, _ in t if r == "witnessOf"}
    assert "阿部" not in {e["label"] for e in data["entities"]}


def test_a_taiwanese_subsidiary_keeps_taiwan_in_its_name_and_its_defined_short_name():
    text = ("株式会社北斗精工\n代表取締役社長　大塚健司\n\n当社は、子会社である台湾北斗精工股份有限公司（以下「台湾北斗」）を通じて、"
            "台中市に新工場を建設します。本投資にあたり、台湾経済部投資促進司より支援を受けました。\n"
            "また、台湾北斗と台中市政府は覚書を締結しました。")
    data, t = triples(text, "ja")
    labels = {e["label"]: e["type"] for e in data["entities"]}
    assert labels.get("台湾北斗精工股份有限公司") == "Company" and labels.get("台湾経済部投資促進司") == "Agency"
    assert labels.get("大塚健司") == "Person"
    assert ("台湾北斗精工股份有限公司", "signedMOUWith", "台中市") in t


def test_a_park_named_after_its_county_without_the_suffix_keeps_the_county():
    data, _ = triples("日向フーズは屏東県にある屏東農業生物科技園区に約5億円を投じる。", "ja")
    assert "屏東農業生物科技園区" in {e["label"] for e in data["entities"]}


def test_investments_by_coordinated_firms_plants_with_words_between_and_help_named_first():
    _, t = triples("Sony Semiconductor Solutions and Denso will take minority stakes in Japan Advanced Semiconductor "
                   "Manufacturing. With the help of TJPO, Yaskawa Electric set up a robot plant in Taoyuan.")
    target = "Japan Advanced Semiconductor Manufacturing"
    assert {("Sony Semiconductor Solutions", "investedIn", target), ("Denso", "investedIn", target)} <= t
    assert {("Yaskawa Electric Corporation", "investedIn", "Taoyuan City"),
            ("TJPO", "facilitatedInvestment", "Yaskawa Electric Corporation")} <= t


def test_a_fact_in_the_headline_and_in_a_dated_sentence_keeps_the_date():
    data, _ = triples("Acme Battery to Build Cell Factory in Kitakyushu\n\nAcme Battery Corp. plans to build a battery "
                      "factory in Kitakyushu City on March 3, 2024, the company said.")
    dates = {r["date"] for r in data["relations"] if r["predicate"] == "investedIn"}
    assert dates == {"2024-03-03"}


def test_building_a_plant_or_base_is_an_investment_in_chinese_and_japanese():
    _, t = triples("在台日產業合作推動辦公室（TJPO）協助下，日本安川電機於桃園設立機器人工廠。", "zh-Hant")
    assert {("安川電機", "investedIn", "桃園"), ("台日產業合作推動辦公室", "facilitatedInvestment", "安川電機")} <= t
    _, t = triples("台湾の電機大手、東元電機は２日、北九州市にＥＶ用モーターの研究開発拠点を新設すると発表した。", "ja")
    assert ("東元電機", "investedIn", "北九州市") in t


def test_earlier_partners_listed_with_their_years_in_brackets():
    data, t = triples("新竹科學園區管理局與宮城縣簽署合作備忘錄。竹科管理局指出，宮城縣是繼山形縣（2018年）、長崎縣（2019年）"
                      "及北海道（2020年）之後，第4個與竹科簽署合作備忘錄的日本地方政府。", "zh-Hant")
    assert {("新竹科學園區管理局", "signedMOUWith", p) for p in ("山形縣", "長崎縣", "北海道")} <= t
    years = mou_dates(data)
    assert years["山形縣"] == "2018" and years["北海道"] == "2020"


def test_a_witness_named_after_the_label_and_a_signer_titled_by_the_body_he_signs_for():
    _, t = triples("臺中市長盧秀燕與岐阜縣知事古田肇共同簽署友好交流協定，見證人為外交部次長田中光。", "zh-Hant")
    assert ("田中光", "witnessOf", "臺中市") in t or ("田中光", "witnessOf", "岐阜縣") in t
    _, t = triples("經濟部產業發展署與熊本縣於3日簽署產業合作備忘錄，由署長楊志清與熊本縣知事木村敬代表簽署。", "zh-Hant")
    assert ("楊志清", "holdsPosition", "經濟部產業發展署") in t and ("楊志清", "holdsPosition", "熊本縣") not in t


def test_one_body_with_a_list_of_partners_signed_with_each_not_among_them_all():
    _, t = triples("新竹科學園區管理局已與山形縣、長崎縣及熊本縣簽署合作備忘錄。", "zh-Hant")
    assert {("新竹科學園區管理局", "signedMOUWith", p) for p in ("山形縣", "長崎縣", "熊本縣")} <= t
    assert ("山形縣", "signedMOUWith", "長崎縣") not in t
    _, t = triples("鳥取県は、これまでに台湾の新竹市、台中市、屏東県と交流協定を結んでいる。", "ja")
    assert ("鳥取県", "signedMOUWith", "屏東県") in t and ("新竹市", "signedMOUWith", "台中市") not in t
    _, t = triples("昇陽精材與熊本縣、菊陽町已於12月1日簽署進駐協定，由董事長王建國、熊本縣知事木村隆之及菊陽町長吉田誠"
                   "分別代表簽署。", "zh-Hant")
    assert ("熊本縣", "signedMOUWith", "菊陽町") in t  # one agreement of three, each signing for its own


def test_coordinated_firms_of_the_subject_all_invest_in_japanese():
    _, t = triples("ソニーセミコンダクタソリューションズとデンソーはJASMに出資する。", "ja")
    assert {("ソニーセミコンダクタソリューションズ", "investedIn", "JASM"), ("デンソー", "investedIn", "JASM")} <= t


def test_looking_on_renewing_an_mou_and_a_plant_in_a_science_park_in_english():
    _, t = triples("The MOU was inked by Kaohsiung Deputy Mayor Lin Chin-jung and Okayama Vice Governor Yasuhiro Sato, "
                   "with TJPO Director Chou looking on. The Industrial Technology Research Institute (ITRI) and Yamanashi "
                   "Prefecture renewed their MOU on hydrogen energy. Mitsubishi Electric announced it will build a new "
                   "factory in Hsinchu Science Park.")
    assert any(s == "Chou" and r == "witnessOf" for s, r, _ in t)
    assert ("Industrial Technology Research Institute", "signedMOUWith", "Yamanashi Prefecture") in t
    assert ("Mitsubishi Electric", "investedIn", "Hsinchu Science Park") in t


def test_a_numbered_list_of_agreements_with_their_signers_and_fields():
    text = ("Two memoranda of understanding were signed at the forum on May 6, witnessed by Deputy Minister Lin Wei-ping "
            "of the Ministry of Economic Affairs.\n\nThe agreements signed:\n\n"
            "1. Tainan City and Okayama Prefecture\n   Fields: semiconductors; smart agriculture\n"
            "   Signed by: Huang Wei-che, Mayor of Tainan City, and Ryuta Ibaragi, Governor of Okayama Prefecture\n"
            "2. Metal Industries Research and Development Centre (MIRDC) and Kobe University\n"
            "   Fields: hydrogen energy\n   Signed by: Chen Yu-ming, President of MIRDC\n")
    data, t = triples(text)
    mirdc = "Metal Industries Research and Development Centre"
    assert {("Tainan City", "signedMOUWith", "Okayama Prefecture"), (mirdc, "signedMOUWith", "Kobe University")} <= t
    assert ("Tainan City", "signedMOUWith", "Kobe University") not in t
    assert {("Huang Wei-che", "signatoryOf", "Tainan City"), ("Chen Yu-ming", "signatoryOf", mirdc)} <= t
    assert {("Tainan City", "cooperatesIn", "smart agriculture"), ("Kobe University", "cooperatesIn", "hydrogen energy")} <= t
    assert ("Kobe University", "cooperatesIn", "smart agriculture") not in t
    assert {("Lin Wei-ping", "witnessOf", p) for p in ("Tainan City", mirdc)} <= t
    assert {r["date"] for r in data["relations"] if r["predicate"] == "signedMOUWith"} == {"2024-05-06"}
    _, t = triples("本次論壇共簽署兩項合作備忘錄，簽署項目如下：\n一、臺南市與岡山縣\n合作領域：半導體、智慧農業\n"
                   "二、金屬工業研究發展中心與神戶大學\n合作領域：氫能\n", "zh-Hant")
    assert {("臺南市", "signedMOUWith", "岡山縣"), ("金屬工業研究發展中心", "signedMOUWith", "神戶大學")} <= t
    assert ("神戶大學", "cooperatesIn", "氫能") in t and ("岡山縣", "cooperatesIn", "智慧農業") in t


def test_people_named_after_by_or_a_title_label_without_a_title_before_the_name():
    data, t = triples("Acme Chemical Co., Ltd. (Head office: Osaka; President & CEO: Masahiro Sakai) signed an MOU with "
                      "Kobe University. The memorandum was signed by Kenji Morimoto and by Prof. Liu Chih-wei, and "
                      "witnessed by Tseng Wen-hsiung.")
    people = {e["label"] for e in data["entities"] if e["type"] == "Person"}
    assert {"Masahiro Sakai", "Kenji Morimoto", "Liu Chih-wei", "Tseng Wen-hsiung"} <= people
    assert ("Masahiro Sakai", "holdsPosition", "Acme Chemical Co., Ltd.") in t
    assert any(s == "Tseng Wen-hsiung" and r == "witnessOf" for s, r, _ in t)
    assert "Sakai City" not in {e["label"] for e in data["entities"]}


def test_a_place_based_modifier_locates_the_party_and_is_no_party():
    _, t = triples("TOK Taiwan Co., Ltd. signed a memorandum of understanding with Miaoli-based National United University.")
    assert ("TOK Taiwan Co., Ltd.", "signedMOUWith", "National United University") in t
    assert ("National United University", "locatedIn", "Miaoli County") in t
    assert not any(r == "signedMOUWith" and "Miaoli County" in (s, o) for s, r, o in t)


def test_a_capital_increase_in_a_subsidiary_and_a_plant_in_the_next_clause_resolved_by_the_board():
    data, t = triples('Acme Chemical Co., Ltd. (hereinafter "Acme") announces that its Board of Directors resolved today '
                      "to carry out a capital increase in its consolidated subsidiary Acme Taiwan Co., Ltd. and to build "
                      "a new plant in Miaoli County, Taiwan.")
    assert {("Acme Chemical Co., Ltd.", "investedIn", "Acme Taiwan Co., Ltd."),
            ("Acme Chemical Co., Ltd.", "investedIn", "Miaoli County")} <= t
    assert ("Acme Taiwan Co., Ltd.", "investedIn", "Miaoli County") not in t
    assert "Board of Directors" not in {e["label"] for e in data["entities"]}


def test_help_with_the_site_or_the_application_in_a_later_sentence_is_facilitation():
    _, t = triples("Acme Chemical Co., Ltd. will build a new plant in Miaoli County. The plant site was secured with the "
                   "assistance of the Hsinchu Science Park Bureau, and the investment application was supported by "
                   "InvestTaiwan.")
    assert {("Hsinchu Science Park Bureau", "facilitatedInvestment", "Acme Chemical Co., Ltd."),
            ("InvestTaiwan", "facilitatedInvestment", "Acme Chemical Co., Ltd.")} <= t


def test_two_bodies_joined_before_a_possessive_country_and_trade_between_places_is_no_party():
    _, t = triples("The Taichung Chamber of Commerce and Japan's Nagoya Chamber of Commerce and Industry signed a "
                   "memorandum of understanding on Friday to boost trade between central Taiwan and the Chubu region.")
    assert ("Taichung Chamber of Commerce", "signedMOUWith", "Nagoya Chamber of Commerce and Industry") in t
    assert not any(r == "signedMOUWith" and "Chubu region" in (s, o) for s, r, o in t)


def test_works_ends_a_firm_name_and_an_apposition_or_based_modifier_before_the_verb():
    _, t = triples("Taichung-based Victor Taichung Machinery Works and Tokai Precision Industries, a machine tool maker "
                   "headquartered in Nagoya, Aichi Prefecture, signed an MOU on May 2.")
    assert ("Victor Taichung Machinery Works", "signedMOUWith", "Tokai Precision Industries") in t
    assert not any(r == "signedMOUWith" and {"Taichung City", "Aichi Prefecture"} & {s, o} for s, r, o in t)


def test_the_place_word_and_a_lower_case_head_refer_to_the_body_named_in_full():
    _, t = triples("The Taichung Chamber of Commerce and Japan's Nagoya Chamber of Commerce and Industry signed an MOU on "
                   "May 2. It was signed by Masato Kuroda, vice chairman of the Nagoya chamber.")
    assert ("Masato Kuroda", "holdsPosition", "Nagoya Chamber of Commerce and Industry") in t
    assert ("Masato Kuroda", "holdsPosition", "Nagoya City") not in t


def test_a_byline_names_people_not_firms():
    data, _ = triples("Acme Corp. signed an MOU with Kobe City on May 2.\n\n(By Chen Wen-li and Evelyn Kao)\nEnditem/ls")
    kinds = {e["label"]: e["type"] for e in data["entities"]}
    assert kinds.get("Chen Wen-li") == "Person" and kinds.get("Evelyn Kao") == "Person" and "Kao" not in kinds


def test_a_renewal_and_a_new_mou_between_two_colleges_in_one_sentence_are_two_agreements():
    data, t = triples("Q&A: Tohoku and NTHU\n\n2024-09-05   |   Share  f  in\n\nOn September 2, National Tsing Hua "
                      "University (NTHU) and Tohoku University renewed the agreement the two schools first signed in 2009, "
                      "and added a new memorandum of understanding between NTHU's College of Semiconductor Research and "
                      "Tohoku's Center for Innovative Integrated Electronic Systems (CIES).", published=None)
    college, center = "College of Semiconductor Research", "Center for Innovative Integrated Electronic Systems"
    assert {("National Tsing Hua University", "signedMOUWith", "Tohoku University"), (college, "signedMOUWith", center)} <= t
    assert (college, "signedMOUWith", "Tohoku University") not in t
    assert {r["date"] for r in data["relations"] if r["predicate"] == "signedMOUWith"} == {"2024-09-02"}


def test_a_renewal_a_full_width_acronym_the_gazetteer_knows_and_a_headline_part_joined_by_and():
    data, t = triples("電電公會與日本電子情報技術產業協會（ＪＥＩＴＡ）續簽合作備忘錄，由理事長鄭永豐與ＪＥＩＴＡ會長小川浩司簽署。",
                      "zh-Hant")
    ids = {e["label"]: e["id"] for e in data["entities"]}
    assert ids.get("日本電子情報技術產業協會", "").endswith("/jeita") and "ＪＥＩＴＡ會長小川浩司" not in ids
    assert any(r == "signedMOUWith" and o == "日本電子情報技術產業協會" for _, r, o in t)
    _, t = triples("日商加碼投資臺灣　經濟部核准東京威力科創等3件增資案　並與中小機構續簽投資合作備忘錄", "zh-Hant")
    assert ("經濟部", "signedMOUWith", "中小機構") in t and not any(r == "signedMOUWith" and "東京威力科創" in (s, o)
                                                                 for s, r, o in t)


def test_fields_after_a_verb_of_adding_and_before_a_count():
    data, _ = triples("電電公會與九經連簽署合作備忘錄。新版備忘錄除原有的電子零組件合作外，新增數位轉型與資安兩個領域。", "zh-Hant")
    fields = {e["label"] for e in data["entities"] if e["type"] == "Industry"}
    assert {"數位轉型", "資安"} <= fields and not fields & {"新增數位轉型", "資安兩個"}


def test_japanese_renewal_of_an_earlier_mou_on_the_same_occasion_and_the_same_body_named_again():
    text = ("神戸商工会議所は５月１２日、台湾の高雄市進出口商業同業公会と覚書を締結した。あわせて、平成26年に結んだ台中市工業会との"
            "協力覚書を更新した。台中市工業会との更新覚書には、当所の森田大輔副会頭と同会の陳美玲理事長が署名した。"
            "当所は来年度、台南市工業会との覚書締結も視野に入れて協議を進めている。")
    data, t = triples(text, "ja")
    assert {("神戸商工会議所", "signedMOUWith", "高雄市進出口商業同業公会"), ("神戸商工会議所", "signedMOUWith", "台中市工業会")} <= t
    assert ("陳美玲", "holdsPosition", "台中市工業会") in t
    assert not any(r == "signedMOUWith" and "台南市工業会" in (s, o) for s, r, o in t)
    dates = mou_dates(data)
    assert dates["台中市工業会"] == "2024-05-12"


def test_a_company_notice_with_our_company_a_joint_venture_name_and_a_signers_heading():
    text = ("2025年2月14日\n会 社 名　株式会社ミナト精機\n代表者名　代表取締役社長　佐藤　一郎\n\n"
            "当社は、台湾の電子部品メーカーである大昌電子股份有限公司（本社：台湾桃園市、以下「大昌電子」）と、合弁会社を"
            "台湾に設立することについて基本合意書を締結いたしました。\n\n"
            "1．合弁会社の概要\n名称　台湾新和大昌電子股份有限公司（仮称）\n\n"
            "2．合意書の署名者\n当社　代表取締役社長　佐藤　一郎\n大昌電子　董事長　林　建宏\n\n3．その他\n特になし。")
    data, t = triples(text, "ja")
    labels = {e["label"] for e in data["entities"]}
    assert {"大昌電子股份有限公司", "台湾新和大昌電子股份有限公司"} <= labels  # two firms
    assert ("株式会社ミナト精機", "signedMOUWith", "大昌電子股份有限公司") in t
    assert not any(r == "signedMOUWith" and "桃園市" in (s, o) for s, r, o in t)
    assert {("佐藤\u3000一郎", "signatoryOf", "株式会社ミナト精機"), ("林\u3000建宏", "signatoryOf", "大昌電子股份有限公司")} <= t


def test_a_blog_list_of_mous_with_cross_marks_and_a_day_in_brackets():
    text = ("上週四（5/16）去台北參加論壇，開幕式簽了兩份合作備忘錄。\n\n"
            "▶ MOU 1：台南市 × 岡山縣\n由台南市長黃偉哲和岡山縣知事伊原木隆太簽署。\n\n"
            "▶ MOU 2：屏東縣 × 宮崎縣日南市\n屏東縣長周春米和日南市長高木宏明簽署友好交流備忘錄。\n")
    data, t = triples(text, "zh-Hant")
    assert {("台南市", "signedMOUWith", "岡山縣"), ("屏東縣", "signedMOUWith", "日南市")} <= t
    assert ("台南市", "signedMOUWith", "日南市") not in t and ("高木宏明", "signatoryOf", "日南市") in t
    assert {r["date"] for r in data["relations"] if r["predicate"] == "signedMOUWith"} == {"2024-05-16"}


def test_a_body_over_the_party_a_country_before_a_quoted_name_and_a_family_name_that_is_a_place():
    text = ("福井県と台湾「台日産業連携推進オフィス（ＴＪＰＯ）」との覚書の締結について\n\n"
            "福井県は、令和５年１１月９日、台湾経済部産業発展署が所管する「台日産業連携推進オフィス（ＴＪＰＯ）」と覚書を締結しました。\n\n"
            "２　署名者\n　福井県　産業労働部長　山口　誠\n　ＴＪＰＯ　執行長　林　志明\n")
    data, t = triples(text, "ja")
    assert ("福井県", "signedMOUWith", "台日産業連携推進オフィス") in t
    assert not any(r == "signedMOUWith" and {"台湾", "台湾経済部産業発展署"} & {s, o} for s, r, o in t)
    assert ("山口\u3000誠", "signatoryOf", "福井県") in t and "山口" not in {e["label"] for e in data["entities"]}


def test_partners_each_marked_with_to_no_are_the_topics_and_a_venue_names_whose_signing_it_was():
    text = ("日台企業の連携を支援する台日産業連携推進オフィス（ＴＪＰＯ）。今年に入り、北九州市との覚書締結や広島県との覚書更新が"
            "相次いだ。５月に広島県と覚書を更新した。３月１２日には北九州市で締結した。")
    data, t = triples(text, "ja")
    assert {("台日産業連携推進オフィス", "signedMOUWith", p) for p in ("北九州市", "広島県")} <= t
    assert ("北九州市", "signedMOUWith", "広島県") not in t
    dates = mou_dates(data)
    assert dates.get("北九州市") == "2024-03-12"


def test_capital_put_into_a_taiwan_subsidiary_by_a_firm_written_with_its_descriptor_and_this_month():
    text = ("日商東京威力科創股份有限公司以新臺幣85億元增資臺灣東京威力科創股份有限公司，於臺南市設立研發中心。"
            "投資促進司與中小機構於本（3）月19日在東京續簽投資合作備忘錄。")
    data, t = triples(text, "zh-Hant", published=date(2024, 3, 21))
    assert {("東京威力科創股份有限公司", "investedIn", "臺灣東京威力科創股份有限公司"),
            ("東京威力科創股份有限公司", "investedIn", "臺南市")} <= t
    assert {r["date"] for r in data["relations"] if r["predicate"] == "signedMOUWith"} == {"2024-03-19"}


def test_a_department_named_by_a_list_a_generic_local_government_and_a_family_name_before_a_title():
    _, t = triples("Koji Morita, Director-General of the Commerce, Tourism and Labor Department, Kumamoto Prefecture, "
                   "signed for the prefecture.")
    assert ("Koji Morita", "holdsPosition", "Commerce, Tourism and Labor Department") in t
    data, _ = triples("高山市是第3個與嘉義縣簽署合作備忘錄的日本地方政府。田中市長則說，高山市吸引大量台灣旅客。", "zh-Hant")
    labels = {e["label"] for e in data["entities"]}
    assert not labels & {"日本地方政府", "田中市"}


def test_the_issuing_prefecture_with_each_partner_of_a_list():
    _, t = triples("鳥取県\n\n本県は、これまでに台湾の台南市、高雄市と覚書を締結しています。", "ja")
    assert {("鳥取県", "signedMOUWith", "台南市"), ("鳥取県", "signedMOUWith", "高雄市")} <= t
    assert ("台南市", "signedMOUWith", "高雄市") not in t


def test_partners_listed_after_a_count_with_including_and_the_prefecture_named_in_a_post():
    _, t = triples("To date, TJPO has signed MOUs with 45 Japanese local governments and organizations, including Osaka "
                   "Prefecture, Aichi Prefecture and Kobe City.")
    assert {("TJPO", "signedMOUWith", p) for p in ("Osaka Prefecture", "Aichi Prefecture", "Kobe City")} <= t
    assert ("Osaka Prefecture", "signedMOUWith", "Kobe City") not in t
    _, t = triples("Kumamoto Prefecture Governor Ikuo Kabashima led a delegation to Taipei, where the prefecture signed an "
                   "agreement with the Taiwan External Trade Development Council.")
    assert ("Kumamoto Prefecture", "signedMOUWith", "Taiwan External Trade Development Council") in t


def test_a_stake_in_a_country_s_firm_named_by_an_apposition():
    _, t = triples("Mitsubishi Corporation has acquired a 20% stake in Taiwan's Formosa Wind, a developer of offshore wind farms.")
    assert ("Mitsubishi Corporation", "investedIn", "Formosa Wind") in t
    assert ("Mitsubishi Corporation", "investedIn", "Taiwan") not in t


def test_japanese_names_that_start_with_a_place_or_end_like_a_chinese_word_and_two_mayors_in_turn():
    data, t = triples("備忘錄由經濟部次長林全能與山梨縣知事長崎幸太郎共同簽署。", "zh-Hant")
    assert ("長崎幸太郎", "holdsPosition", "山梨縣") in t and "長崎" not in {e["label"] for e in data["entities"]}
    _, t = triples("山梨県の長崎幸太郎知事と長野県の阿部守一知事は覚書に署名した。", "ja")
    assert ("長崎幸太郎", "holdsPosition", "山梨県") in t
    data, t = triples("台中市政府與日本愛知縣名古屋市簽署友好交流協定，由盧秀燕市長與河村隆之市長代表簽署。", "zh-Hant")
    assert {("盧秀燕", "signatoryOf", "台中市政府"), ("河村隆之", "signatoryOf", "名古屋市"),
            ("河村隆之", "holdsPosition", "名古屋市")} <= t
    assert ("河村隆之", "holdsPosition", "台中市政府") not in t
    assert not {"盧秀燕市", "河村隆之市"} & {e["label"] for e in data["entities"]}


def test_a_release_annex_after_the_contact_lines_and_its_bracketed_form_labels(tmp_path):
    text = ("記者発表資料\n令和５年１１月１５日\n\n台湾・工業技術研究院との覚書を締結しました\n\n"
            "岐阜県は、令和５年１１月１４日、台湾の工業技術研究院と覚書を締結しました。\n\n"
            "（参考）本県の連携実績\n令和２年　台湾観光協会と誘客促進に関する協定を締結\n\n"
            "【問い合わせ先】\n岐阜県商工労働部\n担当：松井\n\n――――――――\n別紙\n\n"
            "４　出席者\n【署名者】\n岐阜県　商工労働部長　　長谷川　浩一\n工業技術研究院　副院長　　林　志峰\n"
            "【立会人】\n岐阜県知事　　古川　隆司\n")
    path = tmp_path / "ja-gifu.txt"
    path.write_text(text, encoding="utf-8")
    ann = read_announcement(path)
    assert "長谷川" in ann.text  # the annex is read
    data = to_json(extract(ann, curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    facts = {(label.get(r["subject"]), r["predicate"], label.get(r["object"]), r["date"]) for r in data["relations"]}
    assert ("長谷川\u3000浩一", "signatoryOf", "岐阜県", "2023-11-14") in facts
    assert ("林\u3000志峰", "signatoryOf", "工業技術研究院", "2023-11-14") in facts
    assert ("古川\u3000隆司", "witnessOf", "岐阜県", "2023-11-14") in facts
    assert not any(s == "古川\u3000隆司" and r == "signatoryOf" for s, r, _, _ in facts)


def test_a_heading_of_fields_over_a_list_and_a_heading_of_the_prefecture_s_own_record():
    text = ("岐阜県\n\n岐阜県は、令和５年１１月１４日、台湾の工業技術研究院と覚書を締結しました。\n\n"
            "（参考）本県の台湾との連携実績\n令和２年　台湾観光協会と誘客促進に関する協定を締結\n\n"
            "覚書の概要\n１　名称\n岐阜県と工業技術研究院との産業技術連携に関する覚書\n"
            "２　連携分野\n（１）航空宇宙\n（２）次世代モビリティ\n（３）カーボンニュートラル関連技術\n")
    _, t = triples(text, "ja", published=date(2023, 11, 15))
    assert ("岐阜県", "signedMOUWith", "台湾観光協会") in t and ("工業技術研究院", "signedMOUWith", "台湾観光協会") not in t
    fields = {o for s, r, o in t if r == "cooperatesIn" and s == "工業技術研究院"}
    assert {"次世代モビリティ", "カーボンニュートラル関連技術"} <= fields
    assert "次世代モビリティ" not in {o for s, r, o in t if r == "cooperatesIn" and s == "台湾観光協会"}


def test_a_table_of_earlier_agreements_and_two_partners_each_with_its_verb_and_signers():
    text = ("電電公會於111年9月28日在台北與大阪兩地同步舉行簽約儀式，與關西經濟連合會續簽產業合作備忘錄，並與大阪商工會議所簽署新的合作備忘錄。"
            "與關西經濟連合會的備忘錄由電電公會理事長王志明與關經連副會長西川浩司代表簽署；與大阪商工會議所的備忘錄，則由電電公會秘書長"
            "陳文俊與大阪商工會議所副會頭田中修簽署。\n\n電電公會近年與日本團體簽署之合作備忘錄如下：\n簽署日期｜日方單位｜合作重點\n"
            "106年11月｜福岡縣｜IoT應用\n108年3月｜橫濱市｜智慧城市\n")
    data, t = triples(text, "zh-Hant", published=date(2022, 10, 5))
    assert {("電電公會", "signedMOUWith", p) for p in ("關西經濟連合會", "大阪商工會議所", "福岡縣", "橫濱市")} <= t
    assert ("關西經濟連合會", "signedMOUWith", "大阪商工會議所") not in t and not any("大阪" in (s, o) for s, _, o in t)
    dates = mou_dates(data)
    assert dates["福岡縣"] == "2017-11" and dates["橫濱市"] == "2019-03"
    label = {e["id"]: e["label"] for e in data["entities"]}
    sides = {(label[r["subject"]], r["agreement"]) for r in data["relations"] if r["predicate"] == "signatoryOf"}
    assert len({a for p, a in sides if p in ("王志明", "陳文俊")}) == 2  # each signs one of the two


def test_a_firm_with_a_quoted_short_name_an_apposition_and_partners_counted_then_named():
    text = ('First Commercial Bank ("First Bank"), a subsidiary of First Financial Holding Co., Ltd., today signed '
            "business cooperation agreements with two Japanese regional lenders, The Hachijuni Bank, Ltd. of Nagano "
            "Prefecture and The Iyo Bank, Ltd. of Ehime Prefecture. The agreement with Hachijuni Bank was signed by "
            "First Bank President Chen Shu-hua.\n\nThe Iyo Bank becomes its seventh partner. First Bank's earlier "
            "partners are:\n\nNo. | Partner bank | Agreement signed\n1 | The Shizuoka Bank, Ltd. | March 2014\n"
            "2 | The Chiba Bank, Ltd. | May 2016\n")
    data, t = triples(text)
    fcb = "First Commercial Bank"
    assert {(fcb, "signedMOUWith", b) for b in ("The Hachijuni Bank, Ltd.", "The Iyo Bank, Ltd.",
                                                "The Shizuoka Bank, Ltd.", "The Chiba Bank, Ltd.")} <= t
    assert not any(r == "signedMOUWith" and "First Financial Holding Co., Ltd." in (s, o) for s, r, o in t)
    assert ("The Hachijuni Bank, Ltd.", "signedMOUWith", "The Iyo Bank, Ltd.") not in t
    assert mou_dates(data)["The Chiba Bank, Ltd."] == "2016-05"


def test_japanese_names_written_apart_in_running_text_and_signers_after_a_topic_cue():
    text = ("株式会社ザイナスは、永盛精機股份有限公司と業務提携に関する覚書を交わしました。署名はザイナスの松尾 健一社長と"
            "永盛精機の林 明輝董事長で、大分商工会議所の高山 雅彦会頭も立ち会いました。立会人として、大分県の佐藤 晴美副知事にも"
            "ご出席いただきました。")
    _, t = triples(text, "ja")
    assert {("松尾 健一", "signatoryOf", "株式会社ザイナス"), ("林 明輝", "signatoryOf", "永盛精機股份有限公司")} <= t
    assert any(s == "高山 雅彦" and r == "witnessOf" for s, r, _ in t)
    assert not any(s == "高山 雅彦" and r == "signatoryOf" for s, r, _ in t)
    assert any(s == "佐藤 晴美" and r == "witnessOf" for s, r, _ in t)


def test_names_whose_last_character_also_ends_words_and_titles_of_japanese_bodies_in_chinese():
    text = ("台中市與靜岡縣今日簽署合作備忘錄，由台中市經濟發展局局長張文強及靜岡縣副知事渡邊信一簽署，"
            "名古屋大學副總長松田浩史與名古屋商工會議所會頭山田修簽署另一份協定。")
    people = {e["label"] for e in triples(text, "zh-Hant")[0]["entities"] if e["type"] == "Person"}
    assert {"張文強", "渡邊信一", "松田浩史", "山田修"} <= people


def test_japanese_titles_of_a_head_office_and_a_chief_representative_and_a_name_written_apart():
    text = ("署名式には、ジェトロ名古屋本部の中川由美子本部長、日本台湾交流協会台北事務所の大西健太首席代表、"
            "台中市政府経済発展局の林 志偉局長が出席した。")
    people = {e["label"] for e in triples(text, "ja")[0]["entities"] if e["type"] == "Person"}
    assert {"中川由美子", "大西健太", "林 志偉"} <= people


def test_banks_are_firms_and_a_registered_name_may_start_with_the():
    data, t = triples("Kaohsiung Bank signed agreements with The Shiga Bank, Ltd. and The Ogaki Kyoritsu Bank, Ltd. in Taipei.")
    types = {e["label"]: e["type"] for e in data["entities"]}
    assert types.get("Kaohsiung Bank") == "Company"
    assert {("Kaohsiung Bank", "signedMOUWith", "The Shiga Bank, Ltd."),
            ("Kaohsiung Bank", "signedMOUWith", "The Ogaki Kyoritsu Bank, Ltd.")} <= t
    assert not any("Ltd. and" in label for label in types)
    data, _ = triples("Kaohsiung Bank signed an MOU with The Shiga Bank, Ltd. Shiga Bank will open a desk there.")
    assert [e["label"] for e in data["entities"] if "Shiga" in e["label"]] == ["The Shiga Bank, Ltd."]
    _, t = triples("Kaohsiung Bank signed an MOU with Bank of Kyoto on Monday.")
    assert ("Kaohsiung Bank", "signedMOUWith", "Bank of Kyoto") in t
    data, _ = triples("高雄銀行與滋賀銀行今日簽署合作備忘錄，滋賀銀行期待透過高雄銀行的網絡協助客戶。", "zh-Hant")
    assert not [e for e in data["entities"] if "透過" in e["label"]]


def test_partners_after_with_are_no_pair_when_the_signer_before_the_verb_is_unknown():
    for text in ("Officials signed an MOU with Hitachi, Ltd. and Toshiba Corporation on Monday.",
                 "The company signed an MOU with Hitachi, Ltd. and Toshiba Corporation on Monday."):
        _, t = triples(text)
        assert ("Hitachi, Ltd.", "signedMOUWith", "Toshiba Corporation") not in t
    _, t = triples("Acme Corp signed an MOU with Hitachi Ltd on Monday.")  # legal forms without a period
    assert ("Acme Corp", "signedMOUWith", "Hitachi Ltd") in t


def test_one_clause_per_agreement_after_semicolons_and_witnesses_of_both():
    data, t = triples("Kaohsiung Bank today signed agreements with The Shiga Bank, Ltd. and The Ogaki Kyoritsu Bank, Ltd. in Taipei. "
                      "The agreement with Shiga Bank was signed by Kaohsiung Bank President Wu Chia-hao and Shiga Bank "
                      "Senior Managing Director Nakai Kenta; the agreement with Ogaki Kyoritsu Bank by President Wu and "
                      "Ogaki Kyoritsu Bank Executive Officer Mori Daisuke. Lin Mei-ling, Deputy Representative of the "
                      "Japan-Taiwan Exchange Association, Taipei Office, attended as a witness.")
    label = {e["id"]: e["label"] for e in data["entities"]}
    by_agreement: dict = {}
    for r in data["relations"]:
        if r["predicate"] in ("signatoryOf", "witnessOf", "signedMOUWith"):
            by_agreement.setdefault(r["agreement"], set()).add((label[r["subject"]], r["predicate"]))
    ogaki = next(v for v in by_agreement.values() if ("Mori Daisuke", "signatoryOf") in v)
    shiga = next(v for v in by_agreement.values() if ("Nakai Kenta", "signatoryOf") in v)
    assert ogaki is not shiga
    for told in (ogaki, shiga):
        assert {("Wu Chia-hao", "signatoryOf"), ("Lin Mei-ling", "witnessOf")} <= told


def test_partners_after_a_country_or_a_descriptor_witnesses_of_every_signing_and_a_signing_not_yet_scheduled():
    data, t = triples("中興大學今日簽署兩份合作文件：與日本九州大學簽訂學術交流協定、與日本機器人大廠安川電機簽署產學合作備忘錄。"
                      "經濟部次長王明德到場見證兩項簽約。該校也正與廣島大學接洽，但尚未排定簽約時程。", "zh-Hant")
    assert {("中興大學", "signedMOUWith", "九州大學"), ("中興大學", "signedMOUWith", "安川電機")} <= t
    assert ("九州大學", "signedMOUWith", "安川電機") not in t
    assert not any("廣島大學" in x for x in t if x[1] == "signedMOUWith")
    label = {e["id"]: e["label"] for e in data["entities"]}
    witnessed = {r["agreement"] for r in data["relations"] if r["predicate"] == "witnessOf" and label[r["subject"]] == "王明德"}
    assert len(witnessed) == 2


def test_signings_not_yet_made_are_no_agreements():
    _, t = triples("Tainan City has not yet signed an MOU with Osaka Prefecture, though talks began in May.")
    assert not [x for x in t if x[1] == "signedMOUWith"]
    _, t = triples("台南市は大阪府と協議を続けているが、覚書の締結には至っていない。", "ja")
    assert not [x for x in t if x[1] == "signedMOUWith"]


def test_agreements_as_rows_of_labelled_cells_and_witnesses_of_both():
    text = ("　中小企業基盤整備機構は5月8日、台中市において、工業技術研究院との協力覚書を更新しました。同日、中小機構九州本部は"
            "台中市政府経済発展局と覚書を新たに締結しました。\n\n【締結した覚書】\n"
            "・締結先：工業技術研究院　｜　署名者：中小機構　田中和彦理事長、工業技術研究院　劉文雄院長　｜　種別：更新\n"
            "・締結先：台中市政府経済発展局　｜　署名者：中小機構九州本部　山本裕子本部長、同局　張志明局長　｜　種別：新規\n\n"
            "　両覚書の署名式には、日本台湾交流協会台北事務所の大西健太首席代表が立ち会いました。")
    data, t = triples(text, "ja", date(2024, 5, 9))
    assert ("山本裕子", "holdsPosition", "中小機構九州本部") in t and ("張志明", "holdsPosition", "中小機構九州本部") not in t
    label = {e["id"]: e["label"] for e in data["entities"]}
    signed = {(label[r["subject"]], r["agreement"]) for r in data["relations"] if r["predicate"] == "signatoryOf"}
    witnessed = {r["agreement"] for r in data["relations"] if r["predicate"] == "witnessOf" and label[r["subject"]] == "大西健太"}
    yamamoto = next(a for who, a in signed if who == "山本裕子")
    assert ("張志明", yamamoto) in signed and ("田中和彦", yamamoto) not in signed
    assert len(witnessed) == 2 and yamamoto in witnessed


def test_a_latin_firm_name_in_chinese_text_its_parent_and_a_filing_s_list_of_signers():
    text = ("主旨：本公司子公司Sakura Silicon Co., Ltd.與日本山形縣簽署投資合作備忘錄\n說明：\n"
            "1.簽約對象：山形縣\n2.簽署人：Sakura Silicon代表取締役社長 松田浩二、山形縣知事 吉村美穗\n"
            "3.見證人：本公司董事長 林文雄\n4.其他：母公司台灣晶圓股份有限公司持股100%。")
    data, t = triples(text, "zh-Hant")
    labels = {e["label"] for e in data["entities"]}
    assert "Sakura Silicon Co., Ltd." in labels and "母公司台灣晶圓股份有限公司" not in labels and "公司" not in labels
    assert ("Sakura Silicon Co., Ltd.", "signedMOUWith", "山形縣") in t
    assert {("松田浩二", "signatoryOf", "Sakura Silicon Co., Ltd."), ("吉村美穗", "signatoryOf", "山形縣")} <= t
    _, t = triples("台灣晶圓子公司Sakura Silicon Co., Ltd.與山形縣簽署投資合作備忘錄。", "zh-Hant")
    assert ("Sakura Silicon Co., Ltd.", "signedMOUWith", "山形縣") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "台灣晶圓" in x[0]]


def test_people_who_signed_as_witnesses_witnessed():
    data, t = triples("Tainan City and Shiga Prefecture signed an MOU on Thursday. The agreement was signed by Tainan Deputy "
                      "Mayor Chao Chin-yuan and Shiga Vice Governor Ueda Kenji. Lee Mei-hua, director-general of the Tainan "
                      "City Economic Development Bureau, and Saito Ryo, director of the Shiga Prefecture Taipei Office, "
                      "signed as witnesses.")
    assert {("Lee Mei-hua", "witnessOf", "Tainan City"), ("Saito Ryo", "witnessOf", "Shiga Prefecture")} <= t
    assert not [x for x in t if x[1] == "signatoryOf" and x[0] in ("Lee Mei-hua", "Saito Ryo")]
    assert len({r["agreement"] for r in data["relations"] if r["predicate"] == "signedMOUWith"}) == 1


def test_a_body_of_a_council_signs_not_the_council_and_the_bureau_refers_back():
    _, t = triples("The Central Taiwan Science Park Bureau (CTSPB) of the National Science and Technology Council (NSTC) "
                   "and the Kumamoto Semiconductor Industry Promotion Vision Council (KSV) signed an MOU on May 3.")
    assert ("Central Taiwan Science Park Bureau", "signedMOUWith", "Kumamoto Semiconductor Industry Promotion Vision Council") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "National Science" in x[0]]
    _, t = triples("The Central Taiwan Science Park Bureau (CTSPB) hosted the forum. Its ties with Japan go back to 2016, when "
                   "the bureau signed an agreement with the Oita Foundation for Industrial Promotion.")
    assert ("Central Taiwan Science Park Bureau", "signedMOUWith", "Oita Foundation for Industrial Promotion") in t
    _, t = triples("The Central Taiwan Science Park Bureau (CTSPB) hosted the forum. On May 3, CTSPB renewed its cooperation "
                   "agreement with the Saga Industrial Innovation Center, first signed in 2020.")
    assert ("Central Taiwan Science Park Bureau", "signedMOUWith", "Saga Industrial Innovation Center") in t


def test_a_place_s_body_a_later_clause_s_with_a_year_alone_and_a_name_with_a_comma():
    data, t = triples("Taichung and Osaka's Chamber of Commerce signed an MOU on Monday, agreeing to link suppliers in "
                      "central Taiwan with Kansai's machinery makers. In 2018 the chamber signed a memorandum with the "
                      "Hyogo Industry, Science & Technology Foundation.")
    assert ("Taichung City", "signedMOUWith", "Chamber of Commerce") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "Osaka" in x[0] + x[2]]
    assert not [x for x in t if x[1] == "signedMOUWith" and "Kansai" in x[0] + x[2]]
    assert mou_dates(data).get("Hyogo Industry, Science & Technology Foundation") == "2018"


def test_a_quoted_short_name_before_a_relative_clause_and_a_table_aligned_with_spaces():
    text = ("Taipei -- Kaohsiung Bank Co., Ltd. (\"KBank\"), a subsidiary of Kaohsiung Financial Holdings, signed an MOU "
            "with The Shiga Bank, Ltd. yesterday.\n\nKBank's regional bank partners in Japan\n\n"
            "No.  Partner bank          Headquarters         Signed\n"
            "1    The Chiba Bank        Chiba Prefecture     2016-11\n"
            "2    The Hyakugo Bank      Mie Prefecture       2022-03\n"
            "3    The Shiga Bank        Shiga Prefecture     2023-09\n")
    data, t = triples(text, published=date(2023, 9, 20))
    assert ("Kaohsiung Bank Co., Ltd.", "signedMOUWith", "The Shiga Bank, Ltd.") in t
    dates = mou_dates(data)
    assert (dates.get("Chiba Bank"), dates.get("Hyakugo Bank"), dates.get("The Shiga Bank, Ltd.")) == ("2016-11", "2022-03", "2023-09-19")
    assert not [e for e in data["entities"] if "  " in e["label"]]


def test_a_body_then_a_name_then_a_title_in_chinese():
    data, t = triples("中興大學與鳥取大學今日簽署學術交流協定，由本校陳文華校長與鳥取大學原田浩司校長代表兩校簽署。同日，"
                      "農資學院與乾燥地研究中心另簽署合作備忘錄，由農資學院林俊良院長與乾燥地研究中心岡田真一中心長簽字。", "zh-Hant")
    people = {e["label"] for e in data["entities"] if e["type"] == "Person"}
    assert {"陳文華", "原田浩司", "林俊良", "岡田真一"} <= people
    assert {("原田浩司", "holdsPosition", "鳥取大學"), ("岡田真一", "holdsPosition", "乾燥地研究中心")} <= t
    assert not [e for e in data["entities"] if e["type"] != "Person" and ("浩司" in e["label"] or "俊良" in e["label"])]


def test_a_juridical_form_after_a_country_a_count_of_universities_and_a_japanese_given_name_ending_like_a_body():
    data, t = triples("國立中興大學與日本國立大學法人鳥取大學今日簽署學術交流協定，由陳文華校長與原田浩司校長簽署。"
                      "興大目前已與日本62所大學締結學術交流協定。", "zh-Hant")
    labels = {e["label"]: e["type"] for e in data["entities"]}
    assert labels.get("國立大學法人鳥取大學") == "Organization" and labels.get("原田浩司") == "Person"
    assert "所大學" not in labels and "日本國立大學法人鳥取大學" not in labels
    assert ("國立中興大學", "signedMOUWith", "國立大學法人鳥取大學") in t


def test_the_hall_a_ceremony_was_held_in_signs_nothing_and_a_director_signs():
    _, t = triples("機構は7月9日、台湾の工業技術研究院と覚書を更新しました。署名式は工研院本部で行われ、中小機構の山田祐介理事と"
                   "工業技術研究院の劉建宏副院長が覚書に署名しました。", "ja")
    assert ("山田祐介", "signatoryOf", "中小機構") in t or ("山田祐介", "holdsPosition", "中小機構") in t
    assert ("劉建宏", "signatoryOf", "工業技術研究院") in t
    assert not [x for x in t if "工研院本部" in x[0] + x[2]]


def test_a_firm_s_japanese_arm_its_acronym_with_its_seat_a_plant_it_invests_in_and_a_subsidy():
    data, t = triples("台湾の半導体大手、環球晶円の日本法人、グローバルウェーハズ・ジャパン（GWJ、新潟県聖籠町）は21日、新潟工場に"
                      "約600億円を投じて生産能力を引き上げると発表した。経済産業省は最大200億円を助成する。新潟県とGWJは同日、"
                      "立地協定を結んだ。", "ja")
    labels = {e["label"] for e in data["entities"] if e["type"] == "Company"}
    assert "グローバルウェーハズ・ジャパン" in labels and any("環球晶" in x or "グローバルウェーハズ" == x for x in labels)
    assert ("経済産業省", "facilitatedInvestment", "グローバルウェーハズ・ジャパン") in t
    assert ("新潟県", "signedMOUWith", "グローバルウェーハズ・ジャパン") in t
    assert [x for x in t if x[:2] == ("グローバルウェーハズ・ジャパン", "investedIn")]


def test_a_table_of_partners_under_a_lead_that_names_the_signer_witnesses_and_date():
    text = ("台灣區電機電子工業同業公會於5月8日在台北舉辦交流會，會中與日本兩個產業團體簽署合作備忘錄，由理事長李振宇簽字，"
            "並邀請經濟部國際貿易署副署長王明德共同見證。本次簽署內容整理如下：\n\n"
            "｜序號｜日方簽署單位｜日方簽署人｜\n｜１｜一般社團法人福岡創新21｜理事長　中村健一｜\n"
            "｜２｜靜岡商工會議所｜會頭　山本英樹｜\n")
    data, t = triples(text, "zh-Hant", date(2024, 5, 10))
    assert ("台灣區電機電子工業同業公會", "signedMOUWith", "一般社團法人福岡創新21") in t
    assert ("中村健一", "signatoryOf", "一般社團法人福岡創新21") in t and ("山本英樹", "signatoryOf", "靜岡商工會議所") in t
    label = {e["id"]: e["label"] for e in data["entities"]}
    witnessed = {r["agreement"] for r in data["relations"] if r["predicate"] == "witnessOf" and label[r["subject"]] == "王明德"}
    assert len(witnessed) == 2
    assert set(mou_dates(data).values()) == {"2024-05-08"}


def test_a_filing_of_capital_for_a_subsidiary_a_plant_and_a_siting_agreement_of_three():
    text = ("公司名稱：台昇精密股份有限公司\n主旨：本公司董事會決議對日本子公司台昇日本株式會社增資並興建新廠\n"
            "說明：\n1.由台昇日本於熊本縣菊池市興建精密零組件清洗及再生工廠。\n"
            "2.本公司、熊本縣及菊池市已於113年3月28日簽署三方立地協定，由本公司董事長王建國、熊本縣副知事松田英明及菊池市長"
            "西村雅志代表簽署。依協定，熊本縣及菊池市將協助本公司辦理工業用地取得。")
    data, t = triples(text, "zh-Hant", date(2024, 4, 12))
    assert {("台昇精密股份有限公司", "investedIn", "台昇日本株式會社"), ("台昇日本株式會社", "investedIn", "菊池市")} <= t
    assert {("台昇精密股份有限公司", "signedMOUWith", "熊本縣"), ("台昇精密股份有限公司", "signedMOUWith", "菊池市")} <= t
    assert {("熊本縣", "facilitatedInvestment", "台昇精密股份有限公司"), ("菊池市", "facilitatedInvestment", "台昇精密股份有限公司")} <= t
    assert ("西村雅志", "holdsPosition", "菊池市") in t
    assert not [e for e in data["entities"] if e["label"] in ("長西村", "會決議對")]


def test_a_heading_names_two_parties_of_an_agreement_and_a_bare_day_takes_the_month_told_before():
    text = ("　九州経済連合会は、11月13日から16日まで台湾経済ミッションを派遣しました。\n\n"
            "■ 大分県と台南市の覚書締結に立ち会い\n"
            "　15日には台南市政府を訪れ、大分県と台南市による覚書の締結式に出席しました。大分県の佐藤和也副知事と台南市の"
            "黄偉哲市長が署名しました。")
    data, t = triples(text, "ja", date(2023, 12, 15))
    assert ("大分県", "signedMOUWith", "台南市") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "九州経済連合会" in x[0] + x[2]]
    assert mou_dates(data).get("台南市") == "2023-11-15"


def test_an_interview_s_first_person_signer_the_other_side_s_signer_and_a_witness_as_did():
    text = ("Sakura Chemical Co., Ltd. said it would spend NT$2 billion on a plant in Taiwan. We spoke with Kenji Mori, "
            "President of Taiwan Sakura Chemical Co., Ltd., about the project.\n\n"
            "Q: What about talent?\nA: On May 28 Taiwan Sakura Chemical Co., Ltd. signed an MOU with National Cheng Kung "
            "University. I signed it with the university's president, Professor Shen Meng-hsiung. Chairman Ito Hiroshi flew in "
            "to witness it, as did Tainan Deputy Mayor Chao Chin-yuan.")
    data, t = triples(text)
    assert ("Sakura Chemical Co., Ltd.", "investedIn", "Taiwan") in t
    assert ("Kenji Mori", "signatoryOf", "Taiwan Sakura Chemical Co., Ltd.") in t
    assert any(x[:2] == ("Shen Meng-hsiung", "signatoryOf") for x in t) and any(x[:2] == ("Chao Chin-yuan", "witnessOf") for x in t)


def test_a_university_named_short_and_a_second_signing_on_the_same_occasion():
    text = ("屏東縣府與宮崎縣簽署合作備忘錄　屏科大、宮崎大學同步簽署學術協定\n\n"
            "屏東縣長周春米於1月18日在宮崎市與宮崎縣知事河野俊嗣簽署友好交流合作備忘錄。"
            "同一場合，國立屏東科技大學校長張銘峰與宮崎大學校長鮫島浩二也簽署學術交流協定。屏科大表示將推動交換學生。")
    data, t = triples(text, "zh-Hant", date(2024, 1, 19))
    assert ("國立屏東科技大學", "signedMOUWith", "宮崎大學") in t
    assert not [e for e in data["entities"] if e["label"] in ("屏科", "屏科大")]
    assert mou_dates(data).get("宮崎大學") == "2024-01-18"


def test_earlier_partners_after_ji_are_no_parties_and_a_bank_branch_helps_a_firm_invest():
    text = ("兆豐銀行於1月15日與日本千葉銀行簽署業務合作備忘錄。千葉銀行是繼北陸銀行、常陽銀行等之後，第15家與兆豐銀行簽署"
            "合作備忘錄的日本地方銀行。兆豐銀行東京分行去年即協助台灣被動元件大廠國巨在千葉縣設立物流中心。")
    data, t = triples(text, "zh-Hant", date(2024, 1, 16))
    assert ("兆豐銀行", "signedMOUWith", "千葉銀行") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and {"北陸銀行", "常陽銀行"} & {x[0], x[2]}]
    assert {("兆豐銀行東京分行", "facilitatedInvestment", "國巨"), ("國巨", "investedIn", "千葉縣"),
            ("兆豐銀行東京分行", "partOf", "兆豐銀行")} <= t


def test_fields_in_a_list_led_by_a_sentence_or_a_main_content_heading():
    text = ("彰化銀行於3月5日與日本滋賀銀行簽署業務合作備忘錄。雙方將在以下領域合作：\n"
            "一、台日企業跨境融資；\n二、數位金融與永續金融之經驗交流。\n")
    _, t = triples(text, "zh-Hant", date(2024, 3, 6))
    assert {("彰化銀行", "cooperatesIn", f) for f in ("跨境融資", "數位金融", "永續金融")} <= t
    text = ("石川県は、令和５年１１月７日、台湾・台南市と覚書を締結しました。\n\n（別紙１）覚書の概要\n６　主な内容\n"
            "　（１）展示会・商談会への相互参加の支援\n　（２）観光および教育旅行の相互促進\n")
    _, t = triples(text, "ja", date(2023, 11, 8))
    assert {("石川県", "cooperatesIn", f) for f in ("展示会・商談会", "観光", "教育旅行")} <= t


def test_a_filing_s_outline_of_a_joint_venture_its_seat_head_and_shares():
    text = ("当社は、本日開催の取締役会において、台湾の光洋材料科技股份有限公司（以下「光洋材料」といいます。）と共同で、"
            "台湾に合弁会社を設立することを決議いたしました。\n\n２．合弁会社の概要\n"
            "（１）名称　　　　北光先進材料股份有限公司\n（２）所在地　　　台湾台中市大雅区（中部サイエンスパーク内）\n"
            "（３）代表者　　　董事長　山田浩一\n（４）事業内容　　電子材料の製造\n（５）出資比率　　当社51％、光洋材料49％\n")
    data, t = triples("北辰化成株式会社\n\n" + text, "ja", date(2024, 5, 13))
    venture = "北光先進材料股份有限公司"
    assert {("北辰化成株式会社", "investedIn", venture), ("光洋材料科技股份有限公司", "investedIn", venture),
            (venture, "locatedIn", "台中市"), ("山田浩一", "holdsPosition", venture)} <= t
    ann = Announcement("t", "t.txt", "", "北辰化成株式会社\n\n" + text, "ja", date(2024, 5, 13))
    stakes = {dict(r.qualifiers).get("stake") for r in extract(ann, curation=False).relations if r.predicate == "investedIn"}
    assert {"51％", "49％"} <= stakes


def test_two_agreements_told_one_by_one_after_a_lead_dated_on_the_19th():
    text = ("Taiwan and Okayama Sign Two Agreements\n\n"
            "The Industrial Development Administration announced today that two cooperation agreements were signed in "
            "Okayama City on the 19th.\n\nUnder the first agreement, a memorandum of understanding between the Industrial "
            "Technology Research Institute (ITRI) and Okayama Prefecture, the two sides will exchange researchers from next "
            "year.\n\nThe second agreement links the Metal Industries Research & Development Centre (MIRDC) with the Okayama "
            "Industrial Promotion Foundation. MIRDC President Lin Chia-yu and Okamoto Kenji, Chairman of the Okayama "
            "Industrial Promotion Foundation, signed the document.\n\n"
            "Both signings were witnessed by: Deputy Director-General Huang Mei-ling; and Okayama Governor Ibaragi Ryuta.")
    data, t = triples(text, published=date(2024, 3, 21))
    assert ("Industrial Technology Research Institute", "signedMOUWith", "Okayama Prefecture") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "Taiwan" in (x[0], x[2])]
    assert set(mou_dates(data).values()) == {"2024-03-19"}
    label = {e["id"]: e["label"] for e in data["entities"]}
    witnessed = {r["agreement"] for r in data["relations"] if r["predicate"] == "witnessOf" and label[r["subject"]] == "Huang Mei-ling"}
    assert len(witnessed) == 2
    data, _ = triples("　静岡商工会議所は11月12日から15日まで台湾を訪問しました。\n\n■臺中市工業会と覚書を締結\n"
                      "　13日、臺中市工業会を訪問し、覚書を締結しました。", "ja", date(2023, 11, 20))
    assert set(mou_dates(data).values()) == {"2023-11-13"}


def test_a_joint_venture_named_after_the_word_owned_in_shares_and_helped_with_permits():
    text = ("Kanto Denka Kogyo, a Tokyo-based maker of fluorine chemicals, will set up a joint venture with Formosa Plastics "
            "Corp. The venture, Formosa Kanto Specialty Gases, will be 51% owned by Formosa Plastics and 49% by Kanto "
            "Denka. Taiwan's Ministry of Economic Affairs said its InvestTaiwan Center had helped Kanto Denka with land "
            "and environmental permits for the project.")
    _, t = triples(text, published=date(2023, 5, 9))
    venture = "Formosa Kanto Specialty Gases"
    assert {("Formosa Plastics", "investedIn", venture), ("Kanto Denka Kogyo", "investedIn", venture),
            ("InvestTaiwan Center", "facilitatedInvestment", "Kanto Denka Kogyo")} <= t


def test_our_university_in_a_university_s_news_and_its_faculty_s_agreement():
    text = ("熊本大学\n\n　3月5日、台湾の國立臺北科技大學の楊正男校長ら一行が本学を訪問し、本学と國立臺北科技大學は大学間学術交流協定を"
            "更新しました。\n　また、本学大学院自然科学研究科と國立臺北科技大學電機資訊学院との間で部局間協定を締結し、"
            "大学院自然科学研究科の西村 拓也研究科長と電機資訊学院の蔡宗翰院長が署名しました。")
    data, t = triples(text, "ja", date(2024, 3, 8))
    assert ("熊本大学", "signedMOUWith", "國立臺北科技大學") in t
    assert ("大学院自然科学研究科", "signedMOUWith", "國立臺北科技大學電機資訊学院") in t
    labels = {e["label"] for e in data["entities"]}
    assert "楊正男" in labels and "西村 拓也" in labels and not {"部局", "拓也研究科"} & labels


def test_a_friendship_city_agreement_its_fields_in_brackets_and_an_era_year_with_its_western_year():
    text = ("　前橋市は、10月30日、台湾の新竹市と友好都市協定を締結しました。本市と新竹市は、平成31年（2019年）4月に"
            "覚書を締結して以来、交流を深めてきました。\n\n■協定の主な内容\n　両市は、次の分野において交流・協力を進めます。\n"
            "（1）産業・経済（半導体関連産業、物流）\n（2）観光\n")
    data, t = triples(text, "ja", date(2023, 11, 2))
    assert ("前橋市", "signedMOUWith", "新竹市") in t and "友好都市" not in {e["label"] for e in data["entities"]}
    assert {("前橋市", "cooperatesIn", f) for f in ("半導体関連産業", "物流", "観光")} <= t
    assert not [x for x in t if x[1] == "cooperatesIn" and x[2] in ("交流", "産業・経済")]
    from graph.dates import find_dates
    assert [d.iso for d in find_dates("平成31年（2019年）4月に締結", date(2023, 11, 2))] == ["2019-04"]


def test_a_subsidiary_named_after_the_word_and_a_short_name_of_its_parent():
    text = ("三井金屬社長小林正彥表示，公司2001年在高雄設立台灣子公司台灣三井金屬以來，已累計在台投資逾新台幣200億元。"
            "經濟部投資促進司協助三井取得廠房用地。")
    data, t = triples(text, "zh-Hant", date(2024, 11, 6))
    assert ("三井金屬", "investedIn", "台灣三井金屬") in t
    companies = {e["label"]: e["mentions"] for e in data["entities"] if e["type"] == "Company"}
    assert "台灣三井金屬" in companies and "三井" not in companies["台灣三井金屬"]


def test_a_japanese_name_then_a_post_named_after_a_body_the_release_names_again():
    text = ("長野県産業労働部　国際課\n\n　覚書には、本県の宮下健一産業労働部長と、TJPOの林志豪執行長が署名し、"
            "中島秀樹副知事が立会人として出席しました。")
    data, t = triples(text, "ja", date(2024, 6, 3))
    assert ("宮下健一", "holdsPosition", "長野県産業労働部") in t and ("宮下健一", "signatoryOf", "長野県") in t
    assert not [e for e in data["entities"] if e["label"].startswith("宮下健一") and e["type"] != "Person"]


def test_japanese_fields_joined_by_oyobi_and_components_are_no_department():
    _, t = triples("長野県とTJPOは覚書を締結しました。両者は、蓄電池、化学素材、半導体関連部材及び医療関連機器の４分野を中心に"
                   "連携します。", "ja")
    for field in ("蓄電池", "化学素材", "半導体関連部材", "医療関連機器"):
        assert ("長野県", "cooperatesIn", field) in t


def test_a_japanese_disclosure_its_header_officers_and_a_stake_bought_in_a_taiwanese_firm():
    text = ("令和6年4月1日\n各　位\n会 社 名　東邦精機株式会社\n代表者名　代表取締役社長　山田　太郎\n"
            "問合せ先　取締役経営企画本部長　佐藤　花子\n\n"
            "台湾・宏達機械股份有限公司との資本業務提携に関するお知らせ\n\n"
            "　当社は、本日開催の取締役会において、台湾の宏達機械股份有限公司（以下「宏達機械」といいます。）との間で"
            "資本業務提携契約を締結するとともに、同社の発行済株式の25％を取得することを決議いたしました。\n")
    data, t = triples(text, "ja", date(2024, 4, 1))
    assert ("東邦精機株式会社", "signedMOUWith", "宏達機械股份有限公司") in t
    assert ("東邦精機株式会社", "investedIn", "宏達機械股份有限公司") in t
    assert {("山田　太郎", "holdsPosition", "東邦精機株式会社"), ("佐藤　花子", "holdsPosition", "東邦精機株式会社")} <= t
    labels = {e["label"] for e in data["entities"]}
    assert "台湾・宏達機械股份有限公司" not in labels and not any(x.startswith("取締役") for x in labels)


def test_a_wire_story_its_dateline_an_abbreviated_month_before_by_and_a_state_owned_bank():
    text = ("Taipei, March 5 (CNA) State-owned Hua Nan Commercial Bank has signed a memorandum of understanding with "
            "The Joyo Bank, Ltd., the bank said Tuesday.\n\nThe MOU was signed in Tokyo on Mar. 4 by Hua Nan Commercial "
            "Bank Chairman Lin Wei-chen and Joyo Bank President Sato Kenji.")
    data, t = triples(text, "en", date(2024, 3, 5))
    assert ("Hua Nan Commercial Bank", "signedMOUWith", "The Joyo Bank, Ltd.") in t
    assert {("Lin Wei-chen", "signatoryOf", "Hua Nan Commercial Bank"), ("Sato Kenji", "signatoryOf", "The Joyo Bank, Ltd.")} <= t
    assert set(mou_dates(data).values()) == {"2024-03-04"}


def test_respectively_with_partners_of_several_kinds_and_a_juridical_name_with_a_city_inside():
    text = ("經濟部中小及新創企業署（中企署）於6月5日舉辦交流會，並與日本公益財團法人福岡產業振興機構、熊本市及"
            "公益財團法人京都產業支援中心（KISC）分別簽署合作備忘錄。")
    data, t = triples(text, "zh-Hant", date(2024, 6, 6))
    partners = {"公益財團法人福岡產業振興機構", "熊本市", "公益財團法人京都產業支援中心"}
    assert {("經濟部中小及新創企業署", "signedMOUWith", p) for p in partners} <= t
    assert not [x for x in t if x[1] == "signedMOUWith" and x[0] in partners and x[2] in partners]


def test_a_taiwanese_filing_its_statement_date_a_three_party_siting_agreement_with_the_issuer_last():
    text = ("公開資訊觀測站　重大訊息公告\n\n東昇精機股份有限公司（1234）\n發言日期：113/05/10　發言時間：17:30:00\n"
            "主旨：公告本公司董事會決議赴日本設立子公司\n\n說明：\n本公司長期供應日本車廠零組件，董事會於本日通過設立日本子公司，"
            "並由總經理王大明兼任子公司代表取締役。\n\n"
            "長野縣、松本市與本公司已於本（5）月8日共同簽署「工廠選址協定」，由長野縣副知事中島秀樹、松本市長臥雲義尚與"
            "本公司董事長陳志明代表三方簽署。\n\n本案尚須經經濟部投資審議司核准後，始得匯出投資款項。")
    path = Path(tempfile.mkdtemp()) / "zh-filing.txt"
    path.write_text(text, encoding="utf-8")
    ann = read_announcement(path)
    assert ann.published == date(2024, 5, 10)
    data = to_json(extract(ann, curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    t = {(label.get(r["subject"]), r["predicate"], label.get(r["object"])) for r in data["relations"]}
    assert {("長野縣", "signedMOUWith", "東昇精機股份有限公司"), ("松本市", "signedMOUWith", "東昇精機股份有限公司")} <= t
    assert ("陳志明", "signatoryOf", "東昇精機股份有限公司") in t
    assert {r["date"] for r in data["relations"] if r["predicate"] == "signedMOUWith"} == {"2024-05-08"}
    assert {"經濟部投資審議司"} <= set(label.values()) and not {"代表取締役", "期供應"} & set(label.values())
    assert not [x for x in label.values() if x.endswith("經濟部投資審議司") and x != "經濟部投資審議司"]


def test_signed_at_a_place_with_commas_before_by_a_possessive_place_and_a_portfolio_before_at():
    text = ("Feng Chia University signed an agreement with Japan's Chiba Institute of Technology (CIT) on May 3. "
            "The agreement was signed at CIT's Tsudanuma Campus in Narashino City, Chiba, by Feng Chia University President "
            "Lee Ming-hsien and CIT President Matsui Kenji.\n\nFeng Chia University also signed an MOU with Osaka's "
            "ORIST the next day. Dr. Wang Li-chun, Vice President for Research and Development at Feng Chia University, "
            "signed it.")
    data, t = triples(text, "en", date(2024, 5, 6))
    assert {("Lee Ming-hsien", "signatoryOf", "Feng Chia University"), ("Matsui Kenji", "signatoryOf", "Chiba Institute of Technology")} <= t
    assert not [x for x in t if x[1] == "signedMOUWith" and x[2] in ("Osaka Prefecture", "Osaka City", "Chiba Prefecture")]
    assert ("Wang Li-chun", "holdsPosition", "Feng Chia University") in t


def test_a_release_announced_today_that_its_board_approved_the_acquisition_of_an_equity_interest():
    text = ("TAINAN — Chenfeng Optics Corporation (\"Chenfeng\"), a Taiwanese maker of camera lenses, announced today "
            "that its board of directors has approved the acquisition of a 40% equity interest in Kiso Glass Co., Ltd., "
            "a glass maker based in Matsumoto City, Nagano Prefecture.")
    _, t = triples(text, "en", date(2024, 4, 16))
    assert ("Chenfeng Optics Corporation", "investedIn", "Kiso Glass Co., Ltd.") in t


def test_less_common_japanese_family_names_after_a_title():
    _, t = triples("日方則由神戶市副市長今西正和、北上市長八木聡簽署合作備忘錄。", "zh-Hant")
    assert {("今西正和", "holdsPosition", "神戶市"), ("八木聡", "holdsPosition", "北上市")} <= t


def test_the_two_cities_fields_go_to_the_cities_agreement_not_the_chambers_signed_the_same_day():
    text = ("　本市は台湾の嘉義市と友好交流協定を締結しました。同じ式典で、松江商工会議所と嘉義市工業会も覚書を交わしました。\n\n"
            "　友好交流協定に基づき、両市は観光、教育の各分野で交流を深めます。また、商工会議所と工業会の覚書では、"
            "食品加工の分野で商談会を開催します。")
    data, t = triples(text.replace("本市", "松江市"), "ja", date(2024, 12, 3))
    assert {("松江市", "cooperatesIn", "観光"), ("嘉義市", "cooperatesIn", "教育")} <= t
    assert not [x for x in t if x[1] == "cooperatesIn" and x[2] in ("観光", "教育") and x[0].endswith(("会議所", "工業会"))]


def test_a_counted_field_phrase_with_cooperation_before_its_noun():
    _, t = triples("全國中小企業總會與堺商工會議所續簽備忘錄。雙方將新增數位轉型與淨零減碳兩項合作領域。", "zh-Hant")
    assert {("全國中小企業總會", "cooperatesIn", "淨零減碳"), ("堺商工會議所", "cooperatesIn", "數位轉型")} <= t


def test_japanese_firms_coming_to_taiwan_are_no_firm_named_after_the_word():
    data, _ = triples("經濟部表示，今年前三季日商來台投資金額已達23億美元，台商赴日投資也持續增加。", "zh-Hant")
    assert not [e for e in data["entities"] if e["type"] == "Company"]


def test_an_analyst_at_a_firm_named_in_apposition_holds_a_post_there():
    _, t = triples("Kenji Ueda, an analyst at Daiwa Securities Co., Ltd., said the plant fits a broader pattern.")
    assert ("Kenji Ueda", "holdsPosition", "Daiwa Securities Co., Ltd.") in t


def test_a_chambers_own_word_for_itself_and_a_delegation_to_a_country_that_signs_nothing():
    text = ("別府商工会議所　会議所ブログ\n\n【活動報告】台湾ミッション団、嘉義市工業会と友好交流協定を締結しました！\n\n"
            "　当所は3月26日、嘉義市工業会と友好交流協定を締結しました。")
    _, t = triples(text, "ja", date(2019, 4, 2))
    assert ("別府商工会議所", "signedMOUWith", "嘉義市工業会") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "台湾" in (x[0], x[2])]


def test_a_senior_managing_director_is_one_title_before_the_name():
    _, t = triples("精密機械研究發展中心與新潟產業創造機構簽署合作備忘錄，由精機中心總經理黃啟文與新潟產業創造機構專務理事小林亮共同簽字。",
                   "zh-Hant")
    assert ("小林亮", "signatoryOf", "新潟產業創造機構") in t


def test_a_subject_then_a_weekday_then_the_signing_verb():
    text = ("Yilan, Oct. 18 (CNA) Yilan County on Wednesday signed a friendship agreement with Beppu City, "
            "Oita Prefecture.")
    data, t = triples(text, "en", date(2023, 10, 18))
    assert ("Yilan County", "signedMOUWith", "Beppu City") in t and mou_dates(data)["Beppu City"] == "2023-10-18"


def test_a_filings_date_of_fact_dates_the_investment_it_reports():
    text = ("主旨：本公司董事會決議對日本子公司東昇日本株式會社增資\n事實發生日：113/04/12\n\n"
            "說明：\n本公司董事會決議對日本子公司東昇日本株式會社增資日幣20億元，並於熊本縣興建新廠。")
    data, _ = triples(text.replace("本公司", "東昇精機股份有限公司", 1), "zh-Hant", date(2024, 4, 12))
    label = {e["id"]: e["label"] for e in data["entities"]}
    dated = {(label[r["subject"]], label[r["object"]]): r["date"] for r in data["relations"] if r["predicate"] == "investedIn"}
    assert dated.get(("東昇精機股份有限公司", "東昇日本株式會社")) == "2024-04-12"


def test_an_associations_own_word_for_itself_its_department_and_counted_bodies_that_are_no_field():
    text = ("台灣區機械工業同業公會新聞稿\n\n本會已與日本30個產業團體建立合作關係。本會與新潟縣商工會議所聯合會於10月3日簽署合作備忘錄。"
            "\n\n新聞聯絡：本會國際事務處林冠宏專員")
    data, t = triples(text, "zh-Hant", date(2024, 10, 4))
    assert ("台灣區機械工業同業公會", "signedMOUWith", "新潟縣商工會議所聯合會") in t
    assert ("國際事務處", "partOf", "台灣區機械工業同業公會") in t
    assert not [e for e in data["entities"] if e["type"] == "Industry" or e["label"].startswith(("本會", "會"))]


def test_a_division_of_a_prefecture_is_named_by_itself_and_is_part_of_the_prefecture():
    _, t = triples("The MOU was witnessed by Kenji Ono, Director of the Industrial Promotion Division of Yamagata Prefecture.")
    assert {("Industrial Promotion Division", "partOf", "Yamagata Prefecture"),
            ("Kenji Ono", "holdsPosition", "Industrial Promotion Division")} <= t


def test_a_firms_arm_named_after_it_and_a_region_is_not_the_firm():
    data, _ = triples("大衡村には東京エレクトロン宮城の工場があり、キオクシア岩手も北上市で生産を拡大している。", "ja")
    companies = {e["label"] for e in data["entities"] if e["type"] == "Company"}
    assert {"東京エレクトロン宮城", "キオクシア岩手"} <= companies


def test_a_firm_named_after_what_it_makes_and_one_of_the_makers_is_no_firm():
    data, _ = triples("日本電子化學品廠大倉精化工業昨（1）日在彰化縣舉行新廠動土典禮。九州化成是九州歷史最悠久的化學品廠之一。", "zh-Hant")
    companies = {e["label"] for e in data["entities"] if e["type"] == "Company"}
    assert "大倉精化工業" in companies and not [c for c in companies if c.startswith("之")]


def test_a_plural_possessive_and_a_cooperative_end_names_of_bodies():
    data, _ = triples("The Hualien County Farmers' Association and the Miyako City Fisheries Cooperative will exchange visits.")
    assert {"Hualien County Farmers' Association", "Miyako City Fisheries Cooperative"} <= {e["label"] for e in data["entities"]}


def test_a_bodys_acronym_then_a_place_is_its_local_office():
    _, t = triples("The deal was arranged by JETRO Nagano, the Nagano office of the Japan External Trade Organization (JETRO).")
    assert ("JETRO Nagano", "partOf", "Japan External Trade Organization") in t


def test_a_spaced_japanese_name_then_a_post_named_after_a_section():
    data, t = triples("大阪府商工労働部の松田　恵子国際ビジネス課長が立会人として出席しました。", "ja")
    assert ("松田\u3000恵子", "holdsPosition", "国際ビジネス課") in t
    assert not [e for e in data["entities"] if e["label"].startswith("恵子")]


def test_last_weekday_before_the_verb_and_witnesses_after_with():
    text = ("The Food Industry Research and Development Institute (FIRDI) last Tuesday signed a memorandum of understanding "
            "with Japan's Ehime Prefectural Industrial Technology Institute. FIRDI president Tseng Chien-hung signed the "
            "memorandum in Matsuyama, with Ehime Vice Governor Yasuko Tanaka attending as a witness.")
    data, t = triples(text, "en", date(2024, 10, 21))
    assert ("Food Industry Research and Development Institute", "signedMOUWith", "Ehime Prefectural Industrial Technology Institute") in t
    assert not [x for x in t if x[1] == "signatoryOf" and x[0] == "Yasuko Tanaka"]
    assert mou_dates(data)["Ehime Prefectural Industrial Technology Institute"] == "2024-10-15"


def test_the_bodys_title_then_a_name_in_apposition():
    _, t = triples("FIRDI signed an MOU with the Ehime Prefectural Industrial Technology Center. FIRDI president Tseng "
                   "Chien-hung and the center's director, Sato Kenji, signed the memorandum in Matsuyama.")
    assert ("Sato Kenji", "holdsPosition", "Ehime Prefectural Industrial Technology Center") in t


def test_each_signer_signs_for_the_body_named_after_for():
    text = ("InvestTaiwan Center signed a memorandum of understanding with the Hokuriku Manufacturing Network (HMN). "
            "Executive Director Lo Yi-ting signed for InvestTaiwan Center and Chairman Mori Takeshi signed for HMN.")
    _, t = triples(text)
    assert {("Mori Takeshi", "signatoryOf", "Hokuriku Manufacturing Network"),
            ("Mori Takeshi", "holdsPosition", "Hokuriku Manufacturing Network"),
            ("Lo Yi-ting", "holdsPosition", "InvestTaiwan Center")} <= t


def test_a_zh_acquisition_of_all_the_shares_of_a_firm_named_after_where_it_is():
    text = ("馬達大廠東元精機昨（13）日董事會通過，將以20億日圓向日本私募基金北陸成長夥伴收購石川縣小松市精密零件製造商"
            "小松精工株式會社全部股權，交易完成後持股100%。本案尚待經濟部投資審議司核准。")
    data, t = triples(text, "zh-Hant", date(2024, 8, 14))
    assert ("東元精機", "investedIn", "小松精工株式會社") in t
    labels = {e["label"] for e in data["entities"]}
    assert "經濟部投資審議司" in labels and not [x for x in labels if x.endswith("全部股") or x.startswith("案")]
    assert not [x for x in t if x[1] == "investedIn" and x[2] in ("北陸", "日本")]


def test_fishermens_and_farmers_associations_and_a_cooperatives_head_sign():
    _, t = triples("同場亦由蘇澳區漁會與宮古漁業協同組合簽署水產交流合作備忘錄，由蘇澳區漁會總幹事林志明與宮古漁業協同組合"
                   "代表理事組合長田中正之代表簽署。", "zh-Hant")
    assert {("蘇澳區漁會", "signedMOUWith", "宮古漁業協同組合"), ("林志明", "signatoryOf", "蘇澳區漁會"),
            ("田中正之", "holdsPosition", "宮古漁業協同組合")} <= t


def test_a_japanese_banks_release_its_brackets_of_particulars_and_a_country_that_qualifies_a_noun():
    text = ("　株式会社但馬銀行（本店：兵庫県豊岡市、頭取　山田　一郎）は、2024年10月3日、台湾の東興商業銀行股份有限公司"
            "（本店：台北市、董事長　陳　志明、以下「東興銀行」）と、お取引先の台湾ビジネスを支援するための業務提携に関する"
            "覚書を締結いたしました。東興銀行は台湾国内に80の支店を有しています。")
    data, t = triples(text, "ja", date(2024, 10, 4))
    assert ("但馬銀行", "signedMOUWith", "東興商業銀行股份有限公司") in t
    assert ("山田\u3000一郎", "holdsPosition", "但馬銀行") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "台湾" in (x[0], x[2])]
    banks = {e["label"]: e["mentions"] for e in data["entities"] if e["type"] == "Company"}
    assert "東興銀行" in banks["東興商業銀行股份有限公司"] and "東興銀行" not in banks


def test_a_prefectures_siting_outline_and_a_bodys_local_office_in_katakana():
    text = ("　三重県は、台湾の華立光電股份有限公司及び亀山市との間で企業立地協定を締結しました。\n\n"
            "（４）立会人　ジェトロ三重　所長　山本　美咲\n\n"
            "２　立地計画の概要\n（１）事業主体　華立光電日本株式会社（華立光電股份有限公司の100％出資により設立予定）\n"
            "（２）立地場所　亀山市\n（３）投資額　約45億円\n")
    _, t = triples(text, "ja", date(2024, 6, 18))
    assert {("華立光電股份有限公司", "investedIn", "華立光電日本株式会社"), ("華立光電日本株式会社", "locatedIn", "亀山市"),
            ("山本\u3000美咲", "holdsPosition", "ジェトロ三重")} <= t


def test_a_given_name_then_a_post_named_after_a_faculty_the_text_names_apart():
    text = ("調印式では、長岡大学情報学部の高橋　聡情報学部長と、陳　建宏院長が協定書に署名しました。"
            "長岡大学情報学部は2015年に設立されました。高橋情報学部長は「交流を深めたい」と述べました。")
    data, t = triples(text, "ja")
    people = {e["label"] for e in data["entities"] if e["type"] == "Person"}
    assert "高橋\u3000聡" in people and not {"高橋\u3000聡情", "高橋情報", "高橋情"} & people
    assert ("高橋\u3000聡", "holdsPosition", "長岡大学情報学部") in t
    _, t = triples("調印式では、佐々木　隆工学部長が署名しました。茨城大学工学部は日立市にあります。", "ja")
    assert ("佐々木\u3000隆", "holdsPosition", "茨城大学工学部") in t


def test_a_firm_a_cue_named_is_found_again_and_an_industry_after_nihonsho_is_no_firm():
    _, t = triples("工具機大廠晟豐精機昨日董事會通過收購案。晟豐精機董事長黃建中表示，將擴大日本布局。", "zh-Hant")
    assert ("黃建中", "holdsPosition", "晟豐精機") in t
    data, _ = triples("這是嘉義縣近年第一件日商家具業投資案。日商三菱重工業與台電簽約。", "zh-Hant")
    firms = {e["label"] for e in data["entities"] if e["type"] == "Company"}
    assert "家具業" not in firms and "三菱重工業" in firms


def test_this_deal_was_brokered_by_a_bodys_office():
    _, t = triples("工具機大廠晟豐精機將以20億日圓收購山形縣米澤市精密零件製造商米澤精工株式會社全部股權。"
                   "本案由日本貿易振興機構（JETRO）山形貿易資訊中心協助媒合。", "zh-Hant")
    assert ("山形貿易資訊中心", "facilitatedInvestment", "晟豐精機") in t
    assert ("山形貿易資訊中心", "partOf", "日本貿易振興機構") in t
    assert not [x for x in t if x[1] == "facilitatedInvestment" and x[0] == "日本貿易振興機構"]


def test_an_honorific_between_title_and_name_and_a_name_without_its_honorific():
    text = ("The Taiwan Gear Makers Association (TGMA) signed an MOU with the Okaya Gear Association (OGA). "
            "TGMA Chairman Dr. Lin Chien-hua and OGA President Mr. Mori Kazuki signed the MOU. \"We are glad,\" Dr. Lin said.")
    data, t = triples(text, "en")
    assert {("Lin Chien-hua", "holdsPosition", "Taiwan Gear Makers Association"),
            ("Mori Kazuki", "signatoryOf", "Okaya Gear Association")} <= t
    assert not [e for e in data["entities"] if e["label"].startswith(("Dr.", "Mr."))]


def test_a_place_before_makers_is_no_party():
    _, t = triples("The Taiwan Gear Makers Association signed an MOU with Sagamihara robot makers on June 3.", "en")
    assert not [x for x in t if x[1] == "signedMOUWith"]
    _, t = triples("The Taiwan Gear Makers Association signed an MOU with Kanagawa Prefecture on robot parts.", "en")
    assert ("Taiwan Gear Makers Association", "signedMOUWith", "Kanagawa Prefecture") in t


def test_a_town_the_patterns_found_once_is_found_again_inside_a_bodys_name():
    text = ("南投縣政府與日本靜岡縣牧之原市續簽友好交流協定。南投縣議會議長何永昌、牧之原市議會議長鈴木真一到場見證。")
    data, t = triples(text, "zh-Hant")
    assert ("鈴木真一", "holdsPosition", "牧之原市議會") in t
    assert "原市議會" not in {e["label"] for e in data["entities"]}


def test_a_banks_head_office_and_a_witness_named_before_the_label_in_running_text():
    _, t = triples("　株式会社但馬銀行（本店：兵庫県豊岡市）は、台湾の東興商業銀行股份有限公司（本店：台北市、董事長　陳　志明）と覚書を締結しました。"
                   "山田頭取と陳董事長が覚書に署名し、前田　由美課長が立会人として出席しました。\n陳董事長は「光栄です」と述べました。"
                   "\n\n４．今後の予定\n　2025年2月にセミナーを開催します。\n", "ja")
    assert {("但馬銀行", "locatedIn", "豊岡市"), ("東興商業銀行股份有限公司", "locatedIn", "台北市")} <= t
    assert [x for x in t if x[1] == "witnessOf"] and not [x for x in t if x[1] == "witnessOf" and x[0].startswith("陳")]


def test_a_long_name_after_its_juridical_form_and_banks_named_as_kinds_of_bank():
    data, t = triples("会場では次の覚書が締結されました。\n\n１．一般社団法人北関東精密加工推進協会と台中精機同業公会\n"
                      "２．大和信用金庫と華南商業銀行\n　台湾の商業銀行との提携は初めてです。\n", "ja")
    names = {e["label"]: e["type"] for e in data["entities"]}
    assert names.get("一般社団法人北関東精密加工推進協会") == "Organization"
    assert names.get("大和信用金庫") == "Company" and names.get("華南商業銀行") == "Company"
    assert "商業銀行" not in names


def test_a_banks_branch_and_its_manager_sign():
    _, t = triples("大和信用金庫と華南商業銀行（華銀）が覚書を締結しました。大和信用金庫の山田一郎理事長と、"
                   "華銀大阪支店の林怡君支店長が署名しました。", "ja")
    assert {("林怡君", "holdsPosition", "華銀大阪支店"), ("林怡君", "signatoryOf", "華南商業銀行")} <= t


def test_a_centers_head_named_before_the_title_center_cho():
    _, t = triples("本学は７月８日、台湾の工業技術研究院電子光電研究センター（EOL）と学術交流協定を締結しました。"
                   "山本浩二学長とEOLの黄志明センター長が協定書に署名しました。", "ja")
    assert ("黄志明", "signatoryOf", "工業技術研究院電子光電研究センター") in t
    assert not [x for x in t if "黄志明センター" in x]


def test_a_forms_witness_with_shi_and_a_headers_section_of_its_department():
    text = ("記者発表資料\n令和７年１月３０日\n千葉県商工労働部　経済政策課\n\n"
            "　千葉県は、令和７年１月２８日、台湾・桃園市と覚書を締結しました。\n\n記\n\n"
            "１　署名者\n　　千葉県副知事　　　鈴木　直子\n　　桃園市副市長　　　蘇　俊賓\n\n"
            "２　立会人\n　　台北駐日経済文化代表処　副代表　　黄　志明　氏\n")
    _, t = triples(text, "ja", date(2025, 1, 30))
    assert ("経済政策課", "partOf", "千葉県商工労働部") in t
    assert [x for x in t if x[:2] == ("黄\u3000志明", "witnessOf")]


def test_prefecture_and_city_abbreviated_in_a_headline_and_a_mayor_of_the_city_in_the_prefecture():
    text = ("台湾・華信電材、弘前に工場　県・市と立地協定\n\n"
            "　台湾の華信電材股份有限公司（本社・台湾台中市）は21日、青森県弘前市に新工場を建設すると発表した。"
            "調印式では、工藤誠知事、桜田宏市長、華信電材の林志明董事長が協定書に署名した。")
    data, t = triples(text, "ja", date(2025, 4, 22))
    assert "県・市" not in {e["label"] for e in data["entities"]}
    assert ("桜田宏", "holdsPosition", "弘前市") in t


def test_three_signers_counted_sign_for_their_bodies_and_a_name_with_its_reading_before_the_title():
    text = ("　台湾の華信電材股份有限公司（本社・台湾台中市）は21日、青森県弘前市に新工場を建設すると発表した。\n\n"
            "　同日、弘前市内のホテルで立地協定の調印式が開かれ、工藤誠知事、桜田宏市長、華信電材の林志明（ジミー・リン）董事長の"
            "3者が協定書に署名した。")
    _, t = triples(text, "ja", date(2025, 4, 22))
    assert {("青森県", "signedMOUWith", "弘前市"), ("桜田宏", "signatoryOf", "弘前市"),
            ("林志明", "signatoryOf", "華信電材股份有限公司"), ("林志明", "holdsPosition", "華信電材股份有限公司")} <= t


def test_an_english_filings_header_and_table_and_a_family_name_in_capitals():
    text = ("Notice Concerning a Business Alliance\n\nMay 14, 2025\n\n"
            "Company name: Bizen Precision Co., Ltd.\nHead office: Okayama City, Okayama Prefecture, Japan\n"
            "Representative: TANAKA Hiroshi, Representative Director and President\n\n"
            "Bizen Precision Co., Ltd. announces a business alliance with Formosa Valve Corporation.\n\n"
            "| Item | Details |\n|---|---|\n| (1) Name | Formosa Valve Corporation |\n"
            "| (2) Location | Zhubei City, Hsinchu County, Taiwan |\n")
    _, t = triples(text, "en", date(2025, 5, 14))
    assert {("Bizen Precision Co., Ltd.", "locatedIn", "Okayama City"),
            ("TANAKA Hiroshi", "holdsPosition", "Bizen Precision Co., Ltd."),
            ("Formosa Valve Corporation", "locatedIn", "Zhubei City")} <= t


def test_a_filings_defined_company_its_alliance_executed_and_a_third_party_allotment():
    text = ("Notice Concerning Business Alliance with Kaiyuan Valve Corporation\n\nMay 14, 2025\n\n"
            "Bizen Precision Co., Ltd. (the \"Company\") announces that its Board resolved to enter into a business "
            "alliance with Kaiyuan Valve Corporation (\"Kaiyuan\") and to issue new shares of its common stock to Kaiyuan "
            "by way of third-party allotment. The business alliance agreement was executed by the Company and Kaiyuan today.\n")
    _, t = triples(text, "en", date(2025, 5, 14))
    assert ("Bizen Precision Co., Ltd.", "signedMOUWith", "Kaiyuan Valve Corporation") in t
    assert ("Kaiyuan Valve Corporation", "investedIn", "Bizen Precision Co., Ltd.") in t
    _, t = triples("会社名　備前精密株式会社\n\n　当社は、本日開催の取締役会において、台湾の華信電材股份有限公司を割当予定先とする"
                   "第三者割当による新株式の発行を決議いたしました。\n", "ja", date(2025, 5, 14))
    assert ("華信電材股份有限公司", "investedIn", "備前精密株式会社") in t


def test_three_pacts_an_acronym_spelled_out_late_and_a_firm_called_by_its_first_word():
    text = ("Kaohsiung and Nagasaki seal three pacts\n\n"
            "KAOHSIUNG, March 12, 2025 -- Three agreements were signed in Kaohsiung on Tuesday. "
            "Deputy Mayor Lo Ting-wei of Kaohsiung and Vice Governor Kenji Hirata of Nagasaki Prefecture signed a memorandum "
            "of understanding between the Kaohsiung City Government and the Nagasaki Prefectural Government.\n\n"
            "A second agreement was signed by MIRC and the Sasebo Marine Cluster Association. Wang Mei-ling, MIRC's president, "
            "signed for the institute.\n\nMIRC, the Marine Industry Research Center, is a nonprofit institute.\n\n"
            "The third document was a letter of intent under which Lienfa Shipbuilding Corp. and Kotobuki Heavy Industries Co., Ltd. "
            "plan to set up a joint venture. The letter was signed by Lienfa chairman Tsai Ming-tao and Kotobuki president "
            "Yoshida Haruka.\n")
    _, t = triples(text, "en", date(2025, 3, 12))
    assert {("Marine Industry Research Center", "signedMOUWith", "Sasebo Marine Cluster Association"),
            ("Wang Mei-ling", "holdsPosition", "Marine Industry Research Center"),
            ("Lienfa Shipbuilding Corp.", "signedMOUWith", "Kotobuki Heavy Industries Co., Ltd."),
            ("Yoshida Haruka", "signatoryOf", "Kotobuki Heavy Industries Co., Ltd.")} <= t
    assert not [x for x in t if x[:2] == ("Tsai Ming-tao", "signatoryOf") and x[2] != "Lienfa Shipbuilding Corp."]


def test_a_department_of_its_countrys_ministry():
    _, t = triples("The MOU was signed by the governor. Lin Yi-fan, Director-General of the Department of Industrial Technology "
                   "of Taiwan's Ministry of Economic Affairs, witnessed the signing.", "en")
    assert {("Department of Industrial Technology", "partOf", "Ministry of Economic Affairs"),
            ("Lin Yi-fan", "holdsPosition", "Department of Industrial Technology")} <= t


def test_a_division_then_its_department_then_the_prefecture_after_commas():
    _, t = triples("Ehime Prefecture signed an MOU with TTRI.\n\nContact: Industrial Policy Division, Economic and Labor "
                   "Department, Ehime Prefectural Government", "en")
    assert {("Industrial Policy Division", "partOf", "Economic and Labor Department"),
            ("Economic and Labor Department", "partOf", "Ehime Prefecture")} <= t


def test_two_agreements_in_a_sentence_their_signers_and_the_witnesses_of_both():
    text = ("臺灣區電機電子工業同業公會（電電公會）昨（4）日一口氣簽署兩份合作備忘錄：與日本自動車部品工業會（JAPIA）續簽合作備忘錄，"
            "並首度與總部位於名古屋市的中部經濟連合會（中經聯）簽署產業合作備忘錄。"
            "續簽的備忘錄由電電公會理事長李詩欽與JAPIA會長鈴木邦彥代表簽署；與中經聯的備忘錄，則由電電公會副理事長黃淑芬與中經聯副會長"
            "水野隆之簽署。經濟部次長賴正雄與日本台灣交流協會台北事務所副代表田中光太郎應邀出席，兩項簽約均由兩人擔任見證人。")
    _, t = triples(text, "zh-Hant", date(2025, 6, 5))
    assert {("臺灣區電機電子工業同業公會", "signedMOUWith", "日本自動車部品工業會"),
            ("臺灣區電機電子工業同業公會", "signedMOUWith", "中部經濟連合會"),
            ("鈴木邦彥", "signatoryOf", "日本自動車部品工業會")} <= t
    assert not [x for x in t if x[1] == "signedMOUWith" and {x[0], x[2]} == {"日本自動車部品工業會", "中部經濟連合會"}]
    assert not [x for x in t if x[0] in ("賴正雄", "田中光太郎") and x[1] == "signatoryOf"]
    assert [x for x in t if x[:2] == ("賴正雄", "witnessOf")]


def test_a_signing_overviews_representatives_label():
    text = ("臺南市政府與日本德島縣於2月18日簽署「產業交流合作備忘錄」。\n\n【簽署概要】\n"
            "・簽署代表：臺南市副市長　林國華；德島縣副知事　松田　敏弘\n・見證人：臺北駐大阪經濟文化辦事處處長　洪正毅\n")
    _, t = triples(text, "zh-Hant", date(2025, 2, 20))
    assert {("林國華", "signatoryOf", "臺南市"), ("松田\u3000敏弘", "signatoryOf", "德島縣")} <= t


def test_pay_an_amount_for_a_percent_stake():
    _, t = triples("TAIPEI, Oct. 21 -- Lianfa Solar Corp., a Tainan-based developer, said on Monday it will pay 4.8 billion yen "
                   "for a 60 percent stake in Iwaki Green Power K.K., a developer based in Iwaki City.", "en")
    assert ("Lianfa Solar Corp.", "investedIn", "Iwaki Green Power K.K.") in t


def test_a_firm_named_after_where_its_head_office_is():
    _, t = triples("總部位於日本富山縣高岡市的電池材料廠北越電材株式會社昨日宣布，將投資新臺幣22億元在宜蘭縣興建工廠。"
                   "千葉銀行為總部位於千葉縣千葉市的地方銀行。", "zh-Hant")
    assert ("北越電材株式會社", "locatedIn", "高岡市") in t


def test_a_short_name_of_letters_and_a_head_and_a_seat_of_its_office():
    text = ("会場では次の覚書が締結されました。\n\n１．一般社団法人北関東精密加工推進協会（KSK協会）と台中精機同業公会\n"
            "　KSK協会は群馬県高崎市に事務局を置き、約３００の会員を擁しています。台中市に本部を置く精密機械研究発展中心（PMC）とも連携します。\n")
    _, t = triples(text, "ja")
    assert {("一般社団法人北関東精密加工推進協会", "locatedIn", "高崎市"), ("精密機械研究発展中心", "locatedIn", "台中市")} <= t


def test_a_ministrys_bureau_an_offices_branch_and_a_secretary_general():
    text = ("経済産業省の地方支分部局である九州経済産業局は、交流会を開催しました。経済産業省の中国経済産業局の山本聡局長と、"
            "台北駐日経済文化代表処の福岡分処から黄俊傑処長が立ち会った。三重樹脂産業協会の岡田和夫事務局長が覚書に署名した。")
    data, t = triples(text, "ja")
    assert {("九州経済産業局", "partOf", "経済産業省"), ("中国経済産業局", "partOf", "経済産業省")} <= t
    people = {e["label"] for e in data["entities"] if e["type"] == "Person"}
    assert "岡田和夫" in people and not [x for x in t if "岡田和夫事務局" in x]


def test_a_plant_built_in_an_industrial_park_of_a_city():
    _, t = triples("　台湾の電池材料大手、華信電材股份有限公司は21日、青森県弘前市北部の工業団地に正極材の新工場を建設すると発表した。"
                   "投資額は約320億円。", "ja", date(2025, 4, 22))
    assert [x for x in t if x[:2] == ("華信電材股份有限公司", "investedIn") and x[2] in ("弘前市", "青森県")]


def test_who_tells_of_a_signing_is_no_party():
    _, t = triples("國立屏東科技大學（屏科大）與帶廣畜產大學簽署協定。屏科大國際事務處指出，屏科大曾於2019年與同在北海道的"
                   "酪農學園大學簽署學術交流協定。", "zh-Hant")
    assert ("國立屏東科技大學", "signedMOUWith", "酪農學園大學") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and "屏科大國際事務處" in (x[0], x[2])]


def test_colleges_named_with_and_and_with_words_that_start_with_a_delimiter():
    text = ("同日，本校農業暨自然資源學院與鳥取大學乾燥地研究中心另簽署合作備忘錄，由農資學院林俊良院長簽字。"
            "成大智慧半導體及永續製造學院院長楊宗翰表示，合作將持續。屏東科技大學農學院也與帶廣畜產大學畜產學部簽署協議。")
    data, _ = triples(text, "zh-Hant")
    orgs = {e["label"] for e in data["entities"] if e["type"] in ("Organization", "Agency")}
    assert {"農業暨自然資源學院", "屏東科技大學農學院"} <= orgs
    assert any(o.endswith("智慧半導體及永續製造學院") for o in orgs) and "然資源學院" not in orgs


def test_a_post_at_a_city_governments_bureau():
    _, t = triples("Also attending was Lin Mei-hua, Director of the Tainan City Government's Economic Development Bureau, "
                   "who said the city would help.", "en")
    assert ("Lin Mei-hua", "holdsPosition", "Economic Development Bureau") in t


def test_a_ministrys_department_after_its_country_and_no():
    data, t = triples("14日は台中市を訪れました。また、台湾の経済部投資促進司から説明を受けました。", "ja")
    names = {e["label"] for e in data["entities"]}
    assert "経済部投資促進司" in names and "台湾の経済部投資促進司" not in names
    assert [x for x in t if x[:2] == ("経済部投資促進司", "partOf")]


def test_a_securities_firm_is_named_whole():
    _, t = triples("Ryota Mori, an analyst at SMBC Nikko Securities, said the deal fits a broader pattern.", "en")
    assert ("Ryota Mori", "holdsPosition", "SMBC Nikko Securities") in t


def test_an_interviewees_we_signed_and_a_mayor_not_of_a_firms_seat():
    text = ("\"Our customers are close\": Kaiyuan's Lin Mei-hui on a plant in Kyushu\n\n"
            "Kaiyuan Casting Co., Ltd., a Tainan City-based maker of chassis parts, started production in Usa City, Oita "
            "Prefecture. We spoke with Lin Mei-hui, President of Kaiyuan, about the project.\n\n"
            "How did the site come together?\n\nLin: In October 2022 we signed a siting agreement with Oita Prefecture and "
            "Usa City. I signed it together with Vice Governor Ozaki Takeshi and Mayor Fujino Kenji.\n")
    _, t = triples(text, "en", date(2024, 9, 24))
    assert {("Kaiyuan Casting Co., Ltd.", "signedMOUWith", "Usa City"), ("Fujino Kenji", "holdsPosition", "Usa City")} <= t
    assert not [x for x in t if "Tainan City" in x and x[1] in ("signedMOUWith", "holdsPosition")]


def test_a_firm_renamed_its_japan_arm_an_acronym_after_or_and_signed_on_a_date_between():
    text = ("Chou: In 2020 we completed the purchase of Kyoto Sensor Devices Co., Ltd. The company was renamed "
            "Lianhua Electronics Corporation Japan, or LECJ, and it is still headquartered in Nagaokakyo.\n\n"
            "Chou: The memorandum of understanding was signed on July 27 between LECJ and Kyoto Institute of Technology.")
    data, t = triples(text, "en", date(2022, 9, 5))
    firm = next(e for e in data["entities"] if "Lianhua Electronics Corporation Japan" in e["mentions"])
    assert "Kyoto Sensor Devices Co., Ltd." in firm["mentions"] and "LECJ" in firm["mentions"]
    assert [x for x in t if x[1] == "signedMOUWith" and "Kyoto Institute of Technology" in (x[0], x[2])]


def test_a_signer_described_between_commas_signs_for_the_university():
    _, t = triples("The memorandum of understanding was signed between Kinmen Power Co., Ltd. and Kyoto Institute of Technology. "
                   "President Hirano Satoshi signed for us and Professor Mori Takashi, the institute's president, signed for "
                   "the university.", "en")
    assert [x for x in t if x[:2] == ("Mori Takashi", "signatoryOf")]


def test_an_offices_economic_division_a_factory_seat_in_a_district_and_a_chairman_named_after_de_aru():
    _, t = triples("出席典禮的還有日本台灣交流協會台北事務所經濟部長高木誠等人。", "zh-Hant")
    assert ("高木誠", "holdsPosition", "日本台灣交流協會台北事務所") in t
    _, t = triples("　鼎盛精密股份有限公司は、新北市樹林区に本社工場を構えています。鼎盛精密の董事長である許文雄氏及びその親族が"
                   "株式を保有しています。", "ja")
    assert {("鼎盛精密股份有限公司", "locatedIn", "新北市"), ("許文雄", "holdsPosition", "鼎盛精密股份有限公司")} <= t


def test_a_subsidiary_set_up_in_a_city_sits_there_and_a_verb_before_a_park_is_no_name():
    _, t = triples("大倉健一表示，公司2015年在台南設立子公司台灣大倉化學，主要服務南部客戶。縣府將持續推動彰濱工業區轉型。", "zh-Hant")
    assert ("台灣大倉化學", "locatedIn", "台南") in t
    assert not [x for x in t if x[1] == "investedIn" and x[2] == "台南"]
    data, _ = triples("縣府將持續與經濟部合作，推動彰濱工業區轉型為半導體材料聚落。", "zh-Hant")
    assert "推動彰濱工業區" not in {e["label"] for e in data["entities"]}


def test_a_division_of_a_known_office_ends_where_the_offices_name_starts():
    _, t = triples("Both signings were witnessed by Chen Li-hua, Director of the Science and Technology Division of the "
                   "Taipei Economic and Cultural Representative Office in Japan.", "en")
    assert {("Chen Li-hua", "holdsPosition", "Science and Technology Division"),
            ("Science and Technology Division", "partOf", "Taipei Economic and Cultural Representative Office in Japan")} <= t


def test_a_foundation_is_an_organization_whatever_its_head():
    data, _ = triples("中企署與日本公益財團法人大阪產業局簽署合作備忘錄。", "zh-Hant")
    assert {e["label"]: e["type"] for e in data["entities"]}.get("公益財團法人大阪產業局") == "Organization"


def test_a_political_deputy_minister():
    _, t = triples("經濟部政務次長林佳慧與日本台灣交流協會台北事務所副代表中川健太郎到場見證。", "zh-Hant")
    assert ("林佳慧", "holdsPosition", "經濟部") in t


def test_more_posts_a_plant_manager():
    data, t = triples("調印式では、熊本精機株式会社の田中一郎工場長が協定書に署名した。", "ja")
    assert ("田中一郎", "holdsPosition", "熊本精機株式会社") in t
    assert "田中一郎" in {e["label"] for e in data["entities"] if e["type"] == "Person"}


def test_museums_sign_and_their_directors_hold_posts():
    _, t = triples("國立科學工藝博物館館長陳訓祥與大阪市立科學館代表簽署合作備忘錄。", "zh-Hant")
    assert {("國立科學工藝博物館", "signedMOUWith", "大阪市立科學館"), ("陳訓祥", "holdsPosition", "國立科學工藝博物館")} <= t


def test_what_a_firm_is_before_its_registered_name():
    data, t = triples("日本特用化學品廠瀨戶內化學工業株式會社（瀨戶內化學）與國內化學品通路商昱晟化學股份有限公司（昱晟）昨日簽署合資協議。"
                      "華南商業銀行股份有限公司與三商行股份有限公司出席。", "zh-Hant")
    firms = {e["label"] for e in data["entities"] if e["type"] == "Company"}
    assert {"瀨戶內化學工業株式會社", "昱晟化學股份有限公司", "華南商業銀行股份有限公司", "三商行股份有限公司"} <= firms


def test_a_name_ends_before_takes_the_post():
    data, t = triples("總經理則由瀨戶內化學工業株式會社常務董事村上亮出任。", "zh-Hant")
    assert ("村上亮", "holdsPosition", "瀨戶內化學工業株式會社") in t
    assert "村上亮出" not in {e["label"] for e in data["entities"]}


def test_a_firm_named_in_hiragana_after_its_legal_form():
    data, _ = triples("　株式会社しまなみフィナンシャルグループ（代表取締役社長　村上 道彦）は、本日、覚書を締結しました。"
                      "株式会社ひろしま銀行（頭取　越智 健太郎）も出席しました。", "ja")
    firms = {e["label"] for e in data["entities"] if e["type"] == "Company"}
    assert {"しまなみフィナンシャルグループ", "ひろしま銀行"} <= firms


def test_hospitals_are_bodies_after_their_names():
    data, t = triples("鼎佑醫電股份有限公司與中國醫藥大學附設醫院簽署合作備忘錄。該醫院表示將持續合作。", "zh-Hant")
    orgs = {e["label"]: e["type"] for e in data["entities"]}
    assert orgs.get("中國醫藥大學附設醫院") == "Organization" and "醫院" not in orgs
    assert ("鼎佑醫電股份有限公司", "signedMOUWith", "中國醫藥大學附設醫院") in t


def test_small_and_medium_firms_name_no_city():
    data, _ = triples("当所は台北市進出口商業同業公会と「日台中小企業の貿易・投資促進に関する協力覚書」を締結した。", "ja")
    assert not {e["label"] for e in data["entities"] if e["type"] in ("City", "Prefecture")} & {"台中", "日台中"}


def test_two_japanese_clauses_two_agreements_and_a_schedules_dated_line():
    text = ("台湾経済ミッションを派遣\n\n大阪商工会議所　会報（2026年3月10日発行）\n\n"
            "　期間中、当所は台北市進出口商業同業公会（IEAT）と協力覚書を締結したほか、ミッションに同行した"
            "公益財団法人大阪産業振興機構（OSIP）も、台北市電脳商業同業公会（TCA）と覚書を交わしました。\n\n■主な日程\n"
            "・2月26日（木）　台北市内のホテルで交流会を開催。交流会に先立ち、当所とIEATが協力覚書に署名。\n")
    _, t = triples(text, "ja", date(2026, 3, 10))
    assert {("大阪商工会議所", "signedMOUWith", "台北市進出口商業同業公会"),
            ("公益財団法人大阪産業振興機構", "signedMOUWith", "台北市電脳商業同業公会")} <= t
    assert not [x for x in t if x[1] == "signedMOUWith" and {x[0], x[2]} == {"台北市進出口商業同業公会", "台北市電脳商業同業公会"}]


def test_a_capital_increase_for_a_subsidiary_and_who_helped_the_subsidiary():
    text = ("TAIPEI, May 22 -- Lianfa Optics Corp., a Changhua-based maker of lenses, said on Thursday that its board had "
            "approved a JPY 2.5 billion capital increase for Chikuho Lianfa Co., Ltd., its wholly owned subsidiary in Iizuka "
            "City, Fukuoka Prefecture. The Fukuoka Prefectural Government and Iizuka City helped the subsidiary lease an "
            "adjacent plot for the new line.")
    _, t = triples(text, "en", date(2026, 5, 22))
    assert {("Lianfa Optics Corp.", "investedIn", "Chikuho Lianfa Co., Ltd."), ("Chikuho Lianfa Co., Ltd.", "locatedIn", "Iizuka City"),
            ("Iizuka City", "facilitatedInvestment", "Chikuho Lianfa Co., Ltd."),
            ("Fukuoka Prefecture", "facilitatedInvestment", "Chikuho Lianfa Co., Ltd.")} <= t


def test_a_public_corporation_signs():
    _, t = triples("中科管理局與沖繩縣產業振興公社簽署合作備忘錄，由局長洪國禎與公社理事長比嘉健二簽署。", "zh-Hant")
    assert ("中科管理局", "signedMOUWith", "沖繩縣產業振興公社") in t
    assert not [x for x in t if x[1] == "signedMOUWith" and x[2] == "沖繩縣"]


def test_a_known_body_written_with_its_ministry_after_a_comma():
    data, t = triples("Lai Ming-hsun, Deputy Director-General of the Industrial Development Administration, Ministry of "
                      "Economic Affairs, attended.", "en")
    assert "Industrial Development Administration" in {e["label"] for e in data["entities"]}
    assert {("Industrial Development Administration", "partOf", "Ministry of Economic Affairs"),
            ("Lai Ming-hsun", "holdsPosition", "Industrial Development Administration")} <= t


def test_a_ministrys_agency_after_a_plural_possessive_but_a_farmers_association_whole():
    data, t = triples("Officials of the Ministry of Economic Affairs' Water Resources Agency said supply was adequate. "
                      "The Taitung County Farmers' Association attended.", "en")
    assert ("Water Resources Agency", "partOf", "Ministry of Economic Affairs") in t
    assert "Taitung County Farmers' Association" in {e["label"] for e in data["entities"]}


def test_a_filing_buying_shares_of_a_firm_named_first_in_its_title():
    text = ("台湾・聯嘉精密工業股份有限公司の株式取得（子会社化）に関するお知らせ\n\n2026年8月7日\n"
            "会社名　株式会社北星精機（本社：大阪府東大阪市）\n\n"
            "　当社は、本日開催の取締役会において、台湾の精密部品メーカーである聯嘉精密工業股份有限公司（以下「聯嘉精密」）の"
            "発行済株式の70.0％を取得し、子会社化することを決議いたしました。\n\n"
            "（１）名称　　　聯嘉精密工業股份有限公司（英文名：Lianjia Precision Industry Co., Ltd.）\n"
            "（２）所在地　　台湾台中市西屯区工業区三十八路100号\n")
    data, t = triples(text, "ja", date(2026, 8, 7))
    assert {("北星精機", "investedIn", "聯嘉精密工業股份有限公司"), ("聯嘉精密工業股份有限公司", "locatedIn", "台中市")} <= \
        {(x[0].removeprefix("株式会社"), x[1], x[2]) for x in t}
    firm = next(e for e in data["entities"] if e["label"] == "聯嘉精密工業股份有限公司")
    assert "Lianjia Precision Industry Co., Ltd." in firm["mentions"]
    assert not [x for x in t if x[1] == "locatedIn" and "工業区" in x[2]]


def test_an_introduction_that_led_to_the_deal():
    text = ("会社名　株式会社北星精機\n\n　当社は、台湾の聯嘉精密工業股份有限公司の発行済株式の70％を取得することを決議いたしました。"
            "本件は、台日産業連携推進オフィス（TJPO）から同社の紹介を受けたことを契機に検討を開始したものです。\n")
    _, t = triples(text, "ja", date(2026, 8, 7))
    assert [x for x in t if x[0] == "台日産業連携推進オフィス" and x[1] == "facilitatedInvestment"]


def test_two_pairs_in_one_sentence_and_witnesses_of_all_the_signings():
    text = ("經濟部今日舉辦論壇。車測中心與日本汽車研究所簽署合作備忘錄，航太公會與日本航空宇宙工業會簽署無人機合作備忘錄。"
            "經濟部政務次長連振華擔任兩項簽署的見證人，日本經濟產業省製造產業局審議官小野寺健出席。")
    _, t = triples(text, "zh-Hant")
    assert {("航太公會", "signedMOUWith", "日本航空宇宙工業會"), ("車測中心", "signedMOUWith", "日本汽車研究所")} <= t
    assert not [x for x in t if x[1] == "signedMOUWith" and {x[0], x[2]} == {"車測中心", "日本航空宇宙工業會"}]
    assert len([x for x in t if x[:2] == ("連振華", "witnessOf")]) == 2
    assert not [x for x in t if x[1] == "partOf" and x[2] == "日本航空"]
    assert [x for x in t if x[:2] == ("小野寺健", "holdsPosition")]


def test_an_analyst_at_a_firm_based_in_a_city():
    _, t = triples('"Water matters," said Eric Liu, an analyst at Taipei-based Grand Fortune Securities.', "en")
    assert ("Eric Liu", "holdsPosition", "Grand Fortune Securities") in t


def test_the_local_subsidiary_of_a_firm_based_elsewhere():
    _, t = triples("One of them is Taiwan Kobayashi Seiko Co., Ltd., the local subsidiary of Osaka-based Kobayashi Seiko "
                   "Engineering Co., Ltd.", "en")
    assert ("Kobayashi Seiko Engineering Co., Ltd.", "investedIn", "Taiwan Kobayashi Seiko Co., Ltd.") in t


def test_commercial_associations_sign():
    _, t = triples("基隆市政府與日本京都府舞鶴市、舞鶴商工會議所及基隆市商業會共同簽署備忘錄，基隆市商業會理事長王志偉出席。", "zh-Hant")
    assert ("王志偉", "holdsPosition", "基隆市商業會") in t
    assert [x for x in t if x[1] == "signedMOUWith" and "基隆市商業會" in (x[0], x[2])]


def test_this_mornings_signing_earlier_partners_dates_and_an_exchanged_letter_of_intent():
    text = ("Hualien County and Ube City Sign Memorandum\n\nHualien County Government | News Release | April 14, 2026\n\n"
            "Hualien County and Ube City, Yamaguchi Prefecture, Japan, signed a memorandum of understanding on industrial "
            "cooperation this morning. In addition, the Hualien County Stone Industry Association and the Ube Chamber of "
            "Commerce and Industry exchanged a letter of intent this morning.\n\nUbe is the third Japanese city to sign an "
            "industrial memorandum with Hualien County, after Izumo City in 2019 and Kitami City in 2023.\n")
    data, t = triples(text, "en", date(2026, 4, 14))
    assert ("Hualien County Stone Industry Association", "signedMOUWith", "Ube Chamber of Commerce and Industry") in t
    label = {e["id"]: e["label"] for e in data["entities"]}
    dates = {(label[r["subject"]], label[r["object"]]): r.get("date") for r in data["relations"] if r["predicate"] == "signedMOUWith"}
    assert dates.get(("Hualien County", "Ube City")) == "2026-04-14"
    assert ("Hualien County", "Kitami City") in dates


def test_an_office_of_the_association_named_whole_and_part_of_it():
    data, t = triples("Aki Kuroda, Director of the Kaohsiung Office of the Japan-Taiwan Exchange Association, attended as "
                      "a witness.", "en")
    assert ("Aki Kuroda", "holdsPosition", "Kaohsiung Office of the Japan-Taiwan Exchange Association") in t
    assert ("Kaohsiung Office of the Japan-Taiwan Exchange Association", "partOf", "Japan-Taiwan Exchange Association") in t


def test_a_name_then_a_chamber_then_its_title_and_a_family_name_ending_in_hon():
    _, t = triples("米子市（鳥取県）は覚書を締結した。覚書には、岩田健一米子市長および松本秀樹米子商工会議所会頭が署名した。", "ja")
    assert {("松本秀樹", "holdsPosition", "米子商工会議所"), ("岩田健一", "holdsPosition", "米子市")} <= t
    data, _ = triples("為深化臺日產業合作，辦公室與宮城電機推進協議會締結合作備忘錄。宮城電機推進協議會秘書長吉田隆共同簽署。", "zh-Hant")
    assert "宮城電機推進協議會" in {e["label"] for e in data["entities"]}


def test_a_city_with_its_prefecture_in_brackets():
    _, t = triples("米子市（鳥取県）は、台湾の嘉義市と覚書を締結しました。", "ja")
    assert ("米子市", "locatedIn", "鳥取県") in t
    _, t = triples("Ube City (Yamaguchi Prefecture) signed an MOU with Hualien County.", "en")
    assert ("Ube City", "locatedIn", "Yamaguchi Prefecture") in t


def test_the_first_partner_of_its_kind():
    _, t = triples("千葉県は、台湾・桃園市と覚書を締結しました。本県が台湾の地方政府と覚書を締結するのは、今回が初めてです。", "ja")
    assert ("桃園市", "memberOrdinal", "1") in t


def test_a_firm_named_with_and_without_its_legal_form_and_another_script_of_taiwan():
    data, _ = triples("台湾中小企業銀行との業務協力覚書の締結について\n\n　当社は、本日、臺灣中小企業銀行股份有限公司（董事長　黃 志豪）"
                      "との間で覚書を締結しました。", "ja")
    banks = [e for e in data["entities"] if "中小企業銀行" in e["label"]]
    assert len(banks) == 1 and {"台湾中小企業銀行", "臺灣中小企業銀行股份有限公司"} <= set(banks[0]["mentions"])


def test_signers_with_their_posts_in_brackets():
    _, t = triples("The agreement was signed by Lin Cheng-hao (Chairman, Hengyu Precision Components Co., Ltd.) and Okubo "
                   "Satoshi (Mayor of Yurihonjo City).", "en")
    assert {("Lin Cheng-hao", "holdsPosition", "Hengyu Precision Components Co., Ltd."),
            ("Okubo Satoshi", "holdsPosition", "Yurihonjo City"),
            ("Okubo Satoshi", "signatoryOf", "Yurihonjo City")} <= t


def test_a_table_of_agreements_whose_rows_name_their_signers_with_posts():
    text = ("Three companies signed siting agreements on February 4.\n\nSiting agreements signed on February 4, 2026\n\n"
            "No.  Company                          Site             Signed by\n"
            "1    Hengyu Components Co., Ltd.      Yurihonjo City   Lin Cheng-hao (Chairman, Hengyu Components Co., Ltd.); "
            "Okubo Satoshi (Mayor of Yurihonjo City); Noriko Takeuchi (Governor of Akita Prefecture)\n"
            "2    Jinhai Marine Corp.              Noshiro City     Wang Yi-ting (President, Jinhai Marine Corp.); "
            "Sato Hideki (Mayor of Noshiro City); Noriko Takeuchi (Governor of Akita Prefecture)\n")
    _, t = triples(text, "en", date(2026, 2, 6))
    assert {("Hengyu Components Co., Ltd.", "signedMOUWith", "Yurihonjo City"), ("Jinhai Marine Corp.", "signedMOUWith", "Noshiro City"),
            ("Sato Hideki", "signatoryOf", "Noshiro City")} <= t
    assert not [x for x in t if x[1] == "signedMOUWith" and {x[0], x[2]} == {"Yurihonjo City", "Noshiro City"}]


def test_a_body_named_by_its_kind_before_its_heads_title():
    _, t = triples("中科管理局與公益財團法人沖繩縣產業振興公社簽署備忘錄。備忘錄由中科管理局局長洪國禎與公社理事長比嘉健二簽署。",
                   "zh-Hant")
    assert ("比嘉健二", "holdsPosition", "公益財團法人沖繩縣產業振興公社") in t


def test_an_official_from_an_office_holds_his_post_there():
    _, t = triples("調印式には、台北駐日経済文化代表処の福岡分処から黄俊傑処長が立ち会った。", "ja")
    assert [x for x in t if x[:2] == ("黄俊傑", "holdsPosition") and "福岡分処" in x[2]]
