"""Shared name normalization: name_key and person_key."""
from __future__ import annotations

import pytest

from graph.normalize import fold_cjk, name_key, person_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("鹿兒島縣", "鹿児島県"), ("臺灣", "台湾"), ("台灣", "臺灣"), ("廣島縣", "広島県"), ("德島縣", "徳島県"),
        ("沖繩縣", "沖縄県"), ("神戶市", "神戸市"), ("橫濱市", "横浜市"), ("靜岡縣", "静岡県"), ("金澤市", "金沢市"),
        ("台日產業合作推動辦公室", "台日産業合作推動辦公室"), ("亞東關係協會", "亜東関係協会"), ("經濟部工業局", "経済部工業局"),
        ("三重縣商工會議所連合會", "三重県商工会議所連合会"), ("三重縣商工會議所聯合會", "三重県商工会議所連合会"),
        ("生技醫藥", "生技医薬"),
        ("ＴＡＩＴＲＡ", "taitra"), ("Osaka Prefecture.", "the osaka prefecture"),
        ("Taiwan—Japan Relations Association", "Taiwan-Japan Relations Association"),
        ("Taiwan - Japan", "Taiwan-Japan"), ("Takeda Co.,Ltd.", "Takeda Co., Ltd."), ("R&D", "R and D"),
        ("大阪 府", "大阪府"), ("“Osaka”", "Osaka"), ("Osaka\u3000Prefecture", "Osaka Prefecture"),
        ("バイオ･医薬", "バイオ・医薬"), ("バイオ·医薬", "バイオ・医薬"),
    ],
)
def test_name_key_folds_variants(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Osaka", "Osaka City"), ("中国", "中国地方"), ("Taiwan", "Taiwanese"), ("東京", "京都"), ("Mie", "Miei")],
)
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("text", ["  The Osaka Prefect. Gov. ", "鹿兒島縣", "Taiwan–Japan", "Co.,Ltd.", "R&D", "「TJPO」"])
def test_name_key_is_idempotent(text):
    assert name_key(name_key(text)) == name_key(text)


def test_fold_cjk_leaves_kana_and_latin_alone():
    assert fold_cjk("台日産業連携推進オフィス TJPO") == "台日産業連携推進オフィス TJPO"
    assert fold_cjk("臺") == "台"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ohashi Mitsuo", "Mitsuo Ohashi"), ("Lu Cheng-chin", "Cheng-chin Lu"), ("Lu Cheng-chin", "Lu Chengchin"),
        ("Mr. Chang", "Chang"), ("Mr.Chang", "chang"), ("Dr CC Wei", "C.C. Wei"),
        ("Ōhashi Mitsuo", "Ohashi, Mitsuo"), ("Yang Chih-Ching", "Chih-ching Yang"), ("Su Jia-chyuan", "Jia-Chyuan Su"),
        ("呂正華", "呂 正華"), ("仁坂吉伸", "仁坂 吉伸"), ("呂正華先生", "呂正華"), ("西田純一氏", "西田 純一"),
    ],
)
def test_person_key_matches(a, b):
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize(("a", "b"), [("Lu Cheng-chin", "Lu Cheng-hua"), ("Lee Shi-Bing", "Lee Shi"), ("呂正華", "呂正欽")])
def test_person_key_keeps_different_people_apart(a, b):
    assert person_key(a) != person_key(b)
