"""The gazetteer: its data (counts, codes, links, lookups) and its loader's validation."""
from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from graph.errors import TjkgError
from graph.gazetteer import Gazetteer, GazetteerError, clear_cache, default_directory
from graph.models import ENTITY_TYPES
from graph.normalize import name_key


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory):
    """Keep this module's disk caches out of the user's cache directory."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TJKG_CACHE", str(tmp_path_factory.mktemp("cache")))
        clear_cache()
        yield
    clear_cache()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def fresh_load(directory=None) -> Gazetteer:
    """Load as a new process would: nothing kept in memory."""
    clear_cache()
    return Gazetteer.load(directory)


def test_a_load_without_disk_cache_is_kept_in_memory(monkeypatch, tmp_path):
    monkeypatch.setenv("TJKG_CACHE", "none")
    fresh = fresh_load()
    assert len(list(fresh)) > 100
    assert Gazetteer.load(default_directory()) is fresh  # parsed once per process


def test_disk_cache_gives_the_same_gazetteer(tmp_path, monkeypatch):
    monkeypatch.setenv("TJKG_CACHE", str(tmp_path))
    parsed = fresh_load()
    assert len(list(tmp_path.glob("gazetteer-*.marshal"))) == 1
    cached = fresh_load()
    assert cached is not parsed
    assert list(cached) == list(parsed)
    for name in ("Osaka", "鹿兒島縣", "Association of East Asia Relations", "生技醫藥", "Tokyo"):
        assert cached.lookup(name) == parsed.lookup(name)


def test_a_broken_or_stale_disk_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("TJKG_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "gazetteer"
    write(data, GOOD)
    fresh_load(data)
    (cache_file,) = (tmp_path / "cache").glob("gazetteer-*.marshal")
    cache_file.write_bytes(b"not marshal data")
    assert [e.id for e in fresh_load(data)] == ["jp"]
    write(data, GOOD + "- {id: tw, type: Country, labels: {en: [Taiwan]}}\n")
    assert [e.id for e in fresh_load(data)] == ["jp", "tw"]
    assert len(list((tmp_path / "cache").glob("gazetteer-*.marshal"))) == 1  # the old one is gone


def test_every_entry_is_well_formed(gaz):
    assert len(gaz) > 400
    for entry in gaz:
        assert entry.type in ENTITY_TYPES
        assert entry.labels, entry.id
        assert entry.label("en"), entry.id
        if entry.parent:
            assert gaz.get(entry.parent) is not None
        for b in entry.broader:
            assert gaz.get(b).type == "Industry"


def test_the_47_prefectures_match_iso_3166_2(gaz):
    prefectures = gaz.of_type("Prefecture")
    ours = {e.code("iso3166_2"): e for e in prefectures}
    iso = {s.code: s.name for s in pycountry.subdivisions.get(country_code="JP")}
    assert len(prefectures) == 47
    assert set(ours) == set(iso) == {f"JP-{n:02d}" for n in range(1, 48)}
    for code, entry in ours.items():
        assert entry.id == code.lower()
        stem = iso[code].replace(" Prefecture", "")
        assert gaz.lookup(stem, type="Prefecture") == [entry], code
        assert entry.labels_in("ja") and entry.labels_in("zh-Hant"), code
        assert name_key(entry.label("ja")) == name_key(entry.label("zh-Hant")), code
        region = gaz.get(entry.parent)
        assert region.type == "Region" and "jp" in {region.parent, *(a.id for a in gaz.ancestors(region.id))}


def test_the_22_taiwan_divisions_match_iso_3166_2(gaz):
    ours = {e.code("iso3166_2"): e for e in gaz if (e.code("iso3166_2") or "").startswith("TW-")}
    iso = {s.code for s in pycountry.subdivisions.get(country_code="TW")}
    assert len(ours) == 22 and set(ours) == iso
    for code, entry in ours.items():
        assert entry.type == "City" and entry.parent == "tw"
        assert entry.id == "tw-" + code[3:].lower()


def test_japanese_cities_sit_in_a_prefecture(gaz):
    cities = [e for e in gaz.of_type("City") if e.id.startswith("jp-")]
    assert len(cities) >= 60
    for city in cities:
        assert gaz.get(city.parent).type == "Prefecture", city.id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Osaka", "jp-27"), ("Osaka Prefecture", "jp-27"), ("大阪府", "jp-27"), ("Osaka Prefect. Gov.", "jp-27"),
        ("鹿兒島縣", "jp-46"), ("鹿児島県", "jp-46"), ("Kagoshima Prefecture", "jp-46"), ("Kagoshima", "jp-46"),
        ("Tokyo", "jp-13"), ("東京都", "jp-13"), ("三重縣", "jp-24"), ("和歌山県", "jp-30"),
        ("Osaka City", "jp-27-osaka"), ("大阪市", "jp-27-osaka"), ("Yokohama", "jp-14-yokohama"),
        ("Hirosaki City", "jp-02-hirosaki"), ("津市", "jp-24-tsu"), ("和歌山市", "jp-30-wakayama"),
        ("Tainan", "tw-tnn"), ("Tainan City Government", "tw-tnn"), ("台南市", "tw-tnn"), ("臺南市", "tw-tnn"),
        ("Taipei City", "tw-tpe"), ("Taoyuan County", "tw-tao"),
        ("TJPO", "tjpo"), ("台日產業合作推動辦公室", "tjpo"), ("台日産業連携推進オフィス", "tjpo"),
        ("Taiwan-Japan Industrial Collaboration Promotion Office", "tjpo"),
        ("Association of East Asia Relations", "tjra"), ("亞東關係協會", "tjra"), ("TJRA", "tjra"),
        ("Interchange Association, Japan", "jtea"), ("日本台湾交流協会", "jtea"),
        ("Industrial Development Bureau", "idb"), ("經濟部工業局", "idb"), ("台湾政府経済部工業局", "idb"),
        ("產業發展署", "idb"), ("MOEA", "moea"), ("經濟部", "moea"), ("台湾政府経済部", "moea"),
        ("DOIS", "moea-dois"), ("DoIT", "moea-doit"), ("MOFA", "mofa-tw"),
        ("Taipei Economic and Cultural Office in Osaka", "teco-osaka"), ("Keelung Customs Office", "keelung-customs"),
        ("外貿協會", "taitra"), ("貿協", "taitra"), ("TAITRA", "taitra"), ("III", "iii"),
        ("三重縣商工會議所連合會", "mie-cci-federation"),
        ("Kansai Area", "jp-kansai"), ("關西", "jp-kansai"), ("Republic of China (Taiwan)", "tw"), ("臺灣", "tw"),
        ("台湾", "tw"), ("日本", "jp"),
        ("TSMC", "company-tsmc"), ("台積電", "company-tsmc"), ("JASM", "company-jasm"),
        ("Takeda Pharmaceutical Company Limited", "company-takeda"), ("Panasonic", "company-panasonic"),
        ("Denso Corporation", "company-denso"), ("Hitachi, Ltd.", "company-hitachi"), ("ASE", "company-ase"),
        ("生技醫藥", "industry-biotech-pharma"), ("バイオ・医薬", "industry-biotech-pharma"),
        ("biotechnology", "industry-biotechnology"), ("生技", "industry-biotechnology"),
        ("pharmaceutical industry", "industry-pharmaceuticals"), ("醫藥", "industry-pharmaceuticals"),
        ("semiconductor foundry", "industry-semiconductor-foundry"), ("工具機", "industry-machine-tools"),
        ("汽車零配件", "industry-auto-parts"), ("農林水產業", "industry-primary-industries"),
        ("metal processing industry", "industry-metal-processing"), ("video game", "industry-video-games"),
    ],
)
def test_lookup(gaz, name, expected):
    hits = gaz.lookup(name)
    assert hits and hits[0].id == expected, [e.id for e in hits]


def test_lookup_filters_by_type_and_misses_cleanly(gaz):
    assert gaz.lookup("Osaka", type="City") == []
    assert gaz.lookup("no such place at all") == []
    assert [e.id for e in gaz.lookup("中国")] == ["cn"]  # China, never the Chugoku region


def test_former_names_carry_their_end_date(gaz):
    tjra = gaz.get("tjra")
    assert any(f.name == "Association of East Asia Relations" and f.until == "2017-05" for f in tjra.former_names)
    assert {f.until for f in gaz.get("idb").former_names} == {"2023-09"}
    assert gaz.get("idb").label("en") == "Industrial Development Administration"
    assert "Industrial Development Bureau" in gaz.get("idb").names()


def test_industry_taxonomy(gaz):
    industries = gaz.of_type("Industry")
    assert len(industries) >= 60
    combined = {e.id for e in gaz.narrower("industry-biotech-pharma")}
    assert {"industry-biotechnology", "industry-pharmaceuticals"} <= combined
    assert "industry-semiconductors" in gaz.get("industry-semiconductor-manufacturing").broader
    for entry in industries:
        assert entry.id.startswith("industry-")
        assert {lang for _, lang in entry.labels} == {"en", "zh-Hant", "ja"}, entry.id


def test_surface_forms_and_labels(gaz):
    forms = {(s, e.id) for s, e in gaz.surface_forms()}
    assert ("Osaka Prefect. Gov.", "jp-27") in forms
    assert ("Association of East Asia Relations", "tjra") in forms
    osaka = gaz.get("jp-27")
    assert osaka.label() == "Osaka Prefecture" and osaka.label("ja") == "大阪府" and osaka.label("zh-Hant") == "大阪府"
    assert [a.id for a in gaz.ancestors("tjpo")] == ["idb", "moea", "roc-executive-yuan", "tw"]
    assert "jp-27-osaka" in {c.id for c in gaz.children("jp-27")}


def test_no_surface_form_is_a_fragment_of_a_split_name(gaz):
    # An unquoted "Hitachi, Ltd." in a YAML flow list splits into "Hitachi" and "Ltd.".
    fragments = {"ltd", "inc", "co", "corp", "limited", "llc", "plc", "s.a", ""}
    for surface, entry in gaz.surface_forms():
        assert name_key(surface) not in fragments, (entry.id, surface)
        assert len(name_key(surface)) >= 2 or not surface.isascii(), (entry.id, surface)


# ---- validation of bad data ----


def write(directory: Path, text: str, name: str = "places.yaml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "- {id: jp, type: Country, labels: {en: [Japan]}}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {id: jp-27, type: Prefecure, labels: {en: [Osaka]}}\n", "places.yaml: record 'jp-27': unknown type 'Prefecure'"),
        (GOOD + GOOD, "places.yaml: record 'jp': duplicate id"),
        (GOOD + "- {id: jp-27, type: Prefecture, labels: {en: [Osaka]}, parent: jp-kansai}\n",
         "places.yaml: record 'jp-27': parent 'jp-kansai' names no record"),
        ("- {id: jp-27, type: Prefecture, labels: {en: [Osaka]}, colour: red}\n", "record 'jp-27': unknown key 'colour'"),
        ("- {id: jp-27, labels: {en: [Osaka]}}\n", "record 'jp-27': missing type"),
        ("- {type: Country, labels: {en: [Japan]}}\n", "places.yaml: a record without an id"),
        ("- {id: jp, type: Country, labels: {fr: [Japon]}}\n", "record 'jp': unknown label language 'fr'"),
        ("- {id: Japan, type: Country, labels: {en: [Japan]}}\n", "record 'Japan': id must be lowercase"),
        ("- {id: x, type: Industry, labels: {en: [x]}, broader: [y]}\n", "record 'x': broader 'y' names no record"),
        ("- {id: jp, type: Country, labels: {en: [Japan]}, broader: [jp]}\n", "record 'jp': broader is for Industry"),
        ("- {id: a, type: Region, labels: {en: [A]}, parent: b}\n- {id: b, type: Region, labels: {en: [B]}, parent: a}\n",
         "parent chain loops back"),
        ("- {id: a, type: Industry, labels: {en: [A]}, broader: [b]}\n- {id: b, type: Industry, labels: {en: [B]}, broader: [a]}\n",
         "broader chain loops back"),
        ("- {id: t, type: Organization, labels: {en: [T]}, former_names: [{name: X, until: 'May 2017'}]}\n",
         "record 't': former name 'X': until must be YYYY or YYYY-MM"),
        ("- {id: jp, type: Country, labels: {en: [Japan]}, codes: {wikidata: '17'}}\n", "wikidata id must look like Q123"),
        ("- id: jp\n  type: [Country\n", "places.yaml: invalid YAML at line"),
        ("{id: jp}\n", "places.yaml: expected a list of records"),
    ],
)
def test_bad_records_give_one_line_naming_file_and_record(tmp_path, text, message):
    write(tmp_path, text)
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(tmp_path)
    text_of_error = str(info.value)
    assert message in text_of_error
    assert "\n" not in text_of_error
    assert isinstance(info.value, TjkgError)


def test_duplicate_id_across_files_names_both(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(GazetteerError, match=r"b\.yaml: record 'jp': duplicate id \(first in .*a\.yaml\)"):
        Gazetteer.load(tmp_path)


def test_missing_directory(tmp_path):
    with pytest.raises(GazetteerError, match="gazetteer directory not found"):
        Gazetteer.load(tmp_path / "nowhere")


def test_env_overrides_data_directory_and_edits_are_seen(tmp_path, monkeypatch):
    path = write(tmp_path / "gazetteer", GOOD)
    monkeypatch.setenv("TJKG_DATA", str(tmp_path))
    assert default_directory() == tmp_path / "gazetteer"
    first = Gazetteer.load()
    assert [e.id for e in first] == ["jp"]
    path.write_text(GOOD + "- {id: tw, type: Country, labels: {en: [Taiwan]}, aliases: [R.O.C.]}\n", encoding="utf-8")
    second = Gazetteer.load()
    assert [e.id for e in second.lookup("ROC.")] == []
    assert [e.id for e in second.lookup("r.o.c")] == ["tw"]
    assert len(second) == 2


def test_a_name_shared_by_two_types_returns_both(tmp_path):
    write(tmp_path, "- {id: jp-13, type: Prefecture, labels: {en: [Tokyo Metropolis]}, aliases: [Tokyo]}\n"
                    "- {id: tokyo-city, type: City, labels: {en: [Tokyo City]}, aliases: [Tokyo]}\n")
    gaz = Gazetteer.load(tmp_path)
    assert [e.id for e in gaz.lookup("Tokyo")] == ["jp-13", "tokyo-city"]
    assert [e.id for e in gaz.lookup("tokyo", type="City")] == ["tokyo-city"]
