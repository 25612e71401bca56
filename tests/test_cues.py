"""The cue alternations: a prefix trie that matches what the words listed longest first match."""
import re

from graph.cues import alternation, load_cues


def _flat(words, flags=0):
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))), flags)


def test_trie_alternation_finds_what_the_longest_first_list_finds():
    words = load_cues("en").words("titles") + ["Co", "Co.", "Corp", "Corporation", "a", "ab", "abc", "(x)"]
    text = ("Deputy Director-General Co. Corporation Vice President Corp abc ab (x) a Chairman and CEO "
            "Senior Managing Executive Officer Director")
    trie = re.compile(alternation(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in _flat(words).finditer(text)]
    # followed by a condition, the shorter word is still tried when the longer one fails it
    assert re.match(rf"(?:{alternation(['Co', 'Corp'])})\.", "Corp.").group() == "Corp."
    assert re.match(rf"(?:{alternation(['Co', 'Corp'])})r", "Corp").group() == "Cor"


def test_fold_case_keeps_the_longest_match_under_ignorecase():
    words = ["Memorandum", "memorandum of understanding", "MOU"]
    text = "signed a Memorandum of Understanding and an mou"
    folded = re.compile(alternation(words, fold_case=True), re.I)
    assert [m.group() for m in folded.finditer(text)] == ["Memorandum of Understanding", "mou"]
    assert [m.span() for m in folded.finditer(text)] == [m.span() for m in _flat(words, re.I).finditer(text)]


def test_a_list_kept_in_another_languages_file_is_read_from_there(tmp_path):
    (tmp_path / "ja.yaml").write_text("japanese_surnames: [今西, 八木]\n", encoding="utf-8")
    (tmp_path / "zh-Hant.yaml").write_text("japanese_surnames: {from: ja}\n", encoding="utf-8")
    assert load_cues("zh-Hant", str(tmp_path)).words("japanese_surnames") == ["今西", "八木"]
    assert load_cues("zh-Hant").words("japanese_surnames") == load_cues("ja").words("japanese_surnames")
