"""A :class:`~bench.stories.Story` written as an announcement in English, Traditional Chinese
or Japanese: a title and body paragraphs, each sentence picked from several phrasings.

:func:`write` lays out every announcement the same way (the core facts first, then
background paragraphs); a :class:`Voice` per language words each part. The sentences are this
project's own, written for the benchmark; none is taken from a real announcement.
"""
from __future__ import annotations

import random
from datetime import date

from .fillers import FILLERS, filler_numbers
from .stories import Investment, Signing, Story
from .world import Actor, Industry, Person

__all__ = ["write", "ordinal_en", "Voice", "VOICES"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def ordinal_en(n: int) -> str:
    """The English ordinal of ``n``.

    >>> [ordinal_en(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title_case(text: str) -> str:
    """Headline capitals, leaving acronyms and small words alone.

    >>> _title_case("IC design and machine tools")
    'IC Design and Machine Tools'
    """
    small = {"and", "of", "in", "the", "for", "to", "a", "with", "on"}
    return " ".join(w if (i and w in small) or not w[:1].islower() else _upper_first(w)
                    for i, w in enumerate(text.split(" ")))


def _billions(value: float) -> str:
    """Billions written in units of 10^8 (億), as Chinese and Japanese do: 1.35 -> '13.5'."""
    yi = value * 10
    return f"{yi:.1f}".rstrip("0").rstrip(".") if yi < 100 else f"{round(yi)}"


class Voice:
    """How one language words each part of an announcement (subclasses per language)."""

    lang = "en"

    # names, dates, lists -------------------------------------------------------------------
    def name(self, a: Actor) -> str:
        return a.name(self.lang)

    def brief(self, a: Actor) -> str:
        return a.brief(self.lang)

    def first_mention(self, a: Actor) -> str:
        full, short = self.name(a), self.brief(a)
        return full if full == short else f"{full}{self.paren(short)}"

    def paren(self, text: str) -> str:
        return f"（{text}）"

    def join(self, items: list[str]) -> str:
        raise NotImplementedError

    def date(self, rng: random.Random, d: date, published: date) -> str:
        raise NotImplementedError

    def fields(self, fields: tuple[Industry, ...] | list[Industry]) -> str:
        return "、".join(f.name(self.lang) for f in fields)

    def person(self, p: Person, rng: random.Random) -> str:
        raise NotImplementedError

    # parts of an announcement --------------------------------------------------------------
    def mou_title(self, s: Signing, a: Actor, b: Actor, rng: random.Random) -> str:
        raise NotImplementedError

    def signing(self, s: Signing, a: Actor, b: Actor, story: Story, rng: random.Random) -> list[str]:
        raise NotImplementedError

    def speaker(self, p: Person, rng: random.Random) -> str:
        raise NotImplementedError

    def profile(self, where: Actor, industries: tuple[Industry, ...], rng: random.Random) -> str:
        raise NotImplementedError

    def helped(self, hub: Actor, companies: tuple[Actor, ...], rng: random.Random) -> str:
        raise NotImplementedError

    def investment_title(self, inv: Investment, rng: random.Random) -> str:
        raise NotImplementedError

    def investment(self, inv: Investment, story: Story, rng: random.Random) -> list[str]:
        raise NotImplementedError

    def delegation_title(self, story: Story, rng: random.Random) -> str:
        raise NotImplementedError

    def delegation(self, story: Story, rng: random.Random) -> str:
        raise NotImplementedError

    def witnessed_signing(self, s: Signing, lead: Person, story: Story, rng: random.Random) -> str:
        raise NotImplementedError


# ---- English ---------------------------------------------------------------------------------
class English(Voice):
    lang = "en"

    def paren(self, text: str) -> str:
        return f" ({text})"

    def join(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        comma = len(items) > 2 or any("," in i for i in items)
        return ", ".join(items[:-1]) + (", and " if comma else " and ") + items[-1]

    def date(self, rng: random.Random, d: date, published: date) -> str:
        month, style = _MONTHS[d.month - 1], rng.randrange(4)
        if style == 0 and d.year == published.year:
            return f"on {month} {ordinal_en(d.day)}"
        if style == 1:
            return f"on {d.day} {month} {d.year}"
        if style == 2 and d.year == published.year:
            return f"on {month} {d.day}"
        return f"on {month} {d.day}, {d.year}"

    def fields(self, fields) -> str:
        return self.join([f.name("en") for f in fields])

    def money(self, amount: tuple[float, str]) -> str:
        value, cur = amount
        sign = {"TWD": "NT$", "USD": "US$", "JPY": "JPY "}[cur]
        return f"{sign}{round(value * 1000)} million" if value < 1 else f"{sign}{value:g} billion"

    def person(self, p: Person, rng: random.Random) -> str:
        return f"{p.name('en')}, {p.title('en')} of {p.org.name('en')}"

    @staticmethod
    def kind(a: Actor) -> str:
        return {"Prefecture": "Japanese prefecture", "City": "Japanese city",
                "Company": "Japanese company"}.get(a.type, "Japanese partner")

    def mou_title(self, s, a, b, rng):
        f0 = _title_case(s.fields[0].name("en"))
        if s.ordinal and a.side == "tw" and rng.random() < 0.4:
            return f"{b.name('en')} Becomes the {ordinal_en(s.ordinal)} Japanese Partner of {a.brief('en')}"
        return rng.choice((f"{a.brief('en')} and {b.name('en')} Sign MOU on {f0} Cooperation",
                           f"Strengthening Taiwan-Japan Industrial Ties: {a.brief('en')} Signs Memorandum with "
                           f"{b.brief('en')}",
                           f"{a.brief('en')} and {b.brief('en')} Agree to Work Together in {f0}"))

    def signing(self, s, a, b, story, rng):
        others = self.join([b.name("en"), *(p.name("en") for p in s.parties[2:])])
        when = self.date(rng, s.day, story.published)
        ordinal = ""
        if s.ordinal and a.side == "tw":
            ordinal = rng.choice((
                f", making {b.brief('en')} the {ordinal_en(s.ordinal)} {self.kind(b)} to sign an MOU with {a.brief('en')}",
                f". {b.brief('en')} is the {ordinal_en(s.ordinal)} partner in Japan to join hands with {a.brief('en')}",
            ))
        full_a = self.first_mention(a)
        out = [rng.choice((
            f"{full_a} signed a memorandum of understanding (MOU) with {others} {when}{ordinal}.",
            f"{full_a} and {others} concluded an industrial cooperation agreement {when}{ordinal}.",
            f"In a ceremony held {when}, {full_a} signed a memorandum of understanding with {others}{ordinal}.",
        ))]
        sig = [self.person(p, rng) for p in s.signatories]
        wit = [self.person(p, rng) for p in s.witnesses]
        if sig:
            sides = "both sides" if len(sig) == 2 else f"the {len(sig)} sides"
            text = rng.choice((f"The MOU was signed by {self.join(sig)}.",
                               f"{self.join(sig)} signed the memorandum on behalf of {sides}.",
                               f"Signing for the parties were {self.join(sig)}."))
            if wit:
                text += " " + rng.choice((f"{self.join(wit)} witnessed the signing.",
                                          f"The agreement was witnessed by {self.join(wit)}.",
                                          f"Also present to witness the agreement {'were' if len(wit) > 1 else 'was'} "
                                          f"{self.join(wit)}."))
            out.append(text)
        fields = self.fields(s.fields)
        text = rng.choice((
            f"Both parties will cooperate in the fields of {fields}.",
            f"Under the agreement, the two sides will exchange information and promote business matchmaking in {fields}.",
            f"The memorandum covers collaboration in {fields}, and the partners will hold joint seminars every year.",
        ))
        if s.partners:
            hub = s.parties[0].brief("en")
            text += " " + rng.choice((
                f"{hub} has established collaborative relations with {s.partners} local governments and industrial "
                f"organizations in Japan since its founding.",
                f"To date, {hub} has signed cooperation agreements with {s.partners} Japanese partners.",
            ))
        out.append(text)
        return out

    def speaker(self, p, rng):
        return rng.choice((
            f"{self.person(p, rng)}, said the agreement would open new opportunities for companies on both sides.",
            f"Speaking at the ceremony, {p.title('en')} {p.surname[0]} of {p.org.brief('en')} said the partnership "
            f"builds on years of exchanges.",
        ))

    def profile(self, where, industries, rng):
        ind = self.fields(industries)
        return rng.choice((
            f"{where.name('en')} is known for its {ind} industries, and many of its suppliers already export to Taiwan. "
            f"Local officials said they hope the agreement will help these firms find partners for joint development "
            f"and for sales in third markets.",
            f"With strengths in {ind}, {where.brief('en')} offers a good match for Taiwanese companies looking for "
            f"technology partners, according to the organizers, who expect the first joint projects within a year.",
        ))

    def helped(self, hub, companies, rng):
        return f"{hub.brief('en')} has also helped {self.join([c.name('en') for c in companies])} invest in Taiwan " \
               f"in recent years."

    def investment_title(self, inv, rng):
        who, where = inv.investor.brief("en"), inv.target.brief("en")
        return rng.choice((f"{who} to Invest in {where}", f"{who} Expands in {where} with New Investment",
                           f"{who} Plans {self.money(inv.amount)} Investment" if inv.amount else
                           f"{who} Announces Investment Plan"))

    def investment(self, inv, story, rng):
        when = self.date(rng, inv.day, story.published)
        who, target = inv.investor, inv.target.name("en")
        nation = "Japanese" if who.side == "jp" else "Taiwanese"
        if inv.target.type == "Company":
            money = f" for {self.money(inv.amount)}" if inv.amount else ""
            stake = f"a {inv.stake}% stake" if inv.stake else "a stake"
            lead = rng.choice((f"{who.name('en')} announced {when} that it will acquire {stake} in {target}{money}.",
                               f"{who.name('en')}, a {nation} company, said {when} that it would invest in {target}, "
                               f"taking {stake}{money}."))
        else:
            money = f" {self.money(inv.amount)}" if inv.amount else ""
            lead = rng.choice((
                f"{who.name('en')} announced {when} that it will invest{money} to build {inv.facility[0]} in {target}.",
                f"{who.name('en')}, a {nation} manufacturer, plans to invest{money} in {target}, where it will set up "
                f"{inv.facility[0]}, the company said {when}.",
            ))
        more = []
        if who.home is not None:
            more.append(f"{who.brief('en')} is headquartered in {who.home.name('en')}.")
        if inv.facilitator is not None:
            more.append(rng.choice((
                f"{inv.facilitator.name('en')} facilitated the investment, helping with site selection and permits.",
                f"The investment was facilitated by {inv.facilitator.name('en')}.")))
        if inv.speaker is not None:
            p = inv.speaker
            more.append(rng.choice((
                f"{self.person(p, rng)}, said the new site would bring the company closer to its customers.",
                f"According to {p.name('en')}, {p.title('en')} of {p.org.name('en')}, the plan reflects growing "
                f"demand across Asia.")))
        return [lead, " ".join(more)] if more else [lead]

    def delegation_title(self, story, rng):
        lead, host = story.leader, story.host
        return rng.choice((f"{lead.org.brief('en')} Delegation's Visit to {host.brief('en')} Brings Investment Plans",
                           f"Taiwan Delegation Led by {lead.org.brief('en')} Visits {host.name('en')}"))

    def delegation(self, story, rng):
        lead, host = story.leader, story.host.name("en")
        members = self.join([v.name("en") for v in story.visitors])
        when = self.date(rng, story.investments[0].day, story.published)
        return rng.choice((
            f"A delegation made up of {members}, and headed by {lead.title('en')} {lead.name('en')} of "
            f"{lead.org.name('en')}, travelled to {host} {when}.",
            f"{self.person(lead, rng)}, led a delegation of {members} to {host} {when} to encourage Japanese "
            f"companies to invest in Taiwan.",
        ))

    def witnessed_signing(self, s, lead, story, rng):
        return (f"{_upper_first(self.date(rng, s.day, story.published))}, with {lead.title('en')} {lead.surname[0]} as "
                f"witness, {s.parties[1].name('en')} signed an MOU with {s.parties[0].name('en')} to promote "
                f"cooperation in {s.fields[0].name('en')}.")


# ---- Traditional Chinese ---------------------------------------------------------------------
class Chinese(Voice):
    lang = "zh-Hant"

    def join(self, items: list[str]) -> str:
        return "、".join(items[:-1]) + ("及" if len(items) > 1 else "") + items[-1] if items else ""

    def date(self, rng, d, published):
        style = rng.randrange(4)
        if style == 0 and d.year == published.year:
            return f"今（{d.year}）年{d.month}月{d.day}日"
        if style == 1 and (d.year, d.month) == (published.year, published.month):
            return f"本月{d.day}日"
        if style == 2 and d.year == published.year:
            return f"{d.month}月{d.day}日"
        return f"{d.year}年{d.month}月{d.day}日"

    def money(self, amount):
        num = _billions(amount[0])
        return {"TWD": f"新臺幣{num}億元", "USD": f"{num}億美元", "JPY": f"{num}億日圓"}[amount[1]]

    def person(self, p, rng):
        # Chinese texts sometimes print a Japanese name in capitals: SAKOU TSUKASA
        name = p.caps if p.side == "jp" and p.caps and rng.random() < 0.15 else p.name(self.lang)
        return f"{p.org.name(self.lang)}{p.title(self.lang)}{name}"

    def mou_title(self, s, a, b, rng):
        L = self.lang
        return rng.choice((f"{a.brief(L)}與{b.name(L)}簽署產業合作備忘錄",
                           f"臺日產業合作再添新夥伴　{a.brief(L)}與{b.brief(L)}締結MOU",
                           f"深化{s.fields[0].name(L)}合作　{a.brief(L)}攜手{b.brief(L)}"))

    def signing(self, s, a, b, story, rng):
        L = self.lang
        others = self.join([b.name(L)] + [p.name(L) for p in s.parties[2:]])
        when, full_a = self.date(rng, s.day, story.published), self.first_mention(a)
        lead = rng.choice((f"{full_a}{when}與{others}簽署產業合作備忘錄（MOU）",
                           f"為深化臺日產業合作，{full_a}於{when}與{others}締結合作備忘錄",
                           f"{full_a}與{others}於{when}共同簽署合作備忘錄，雙方將攜手推動產業交流"))
        if s.ordinal and a.side == "tw":
            kind = {"Prefecture": "地方政府", "City": "地方政府", "Company": "企業"}.get(b.type, "產業組織")
            lead += f"，{b.brief(L)}成為第{s.ordinal}個與{a.brief(L)}簽署MOU的日本{kind}"
        out = [lead + "。"]
        sig = [self.person(p, rng) for p in s.signatories]
        wit = [self.person(p, rng) for p in s.witnesses]
        if sig:
            text = rng.choice((f"本次由{self.join(sig)}代表雙方簽字", f"備忘錄由{self.join(sig)}共同簽署"))
            if wit:
                text += rng.choice((f"，{self.join(wit)}到場見證", f"，{self.join(wit)}亦出席見證"))
            out.append(text + "。")
        fields = self.fields(s.fields)
        text = rng.choice((f"依據備忘錄，雙方將在{fields}等產業領域深化合作。",
                           f"雙方未來將在{fields}等領域交換商情，並推動企業媒合。",
                           f"此次合作範圍涵蓋{fields}等產業，雙方並將每年共同舉辦研討會。"))
        if s.partners:
            text += f"{s.parties[0].brief(L)}成立以來，至今已與日本{s.partners}個地方政府或產業組織建立合作關係。"
        out.append(text)
        return out

    def speaker(self, p, rng):
        return f"{self.person(p, rng)}表示，這項合作將為雙方企業帶來新的商機，也延續了多年來的交流成果。"

    def profile(self, where, industries, rng):
        return (f"{where.name(self.lang)}以{self.fields(industries)}等產業見長，當地不少供應商已與臺灣企業有往來。"
                f"地方官員期盼藉由此次合作，協助業者找到共同開發及拓展第三地市場的夥伴。")

    def helped(self, hub, companies, rng):
        return f"{hub.brief(self.lang)}近年亦協助{self.join([c.name(self.lang) for c in companies])}來臺投資。"

    def investment_title(self, inv, rng):
        who, where = inv.investor.brief(self.lang), inv.target.brief(self.lang)
        return rng.choice((f"{who}加碼投資{where}", f"{who}宣布投資{where}", f"{who}將於{where}設立{inv.facility[1]}"))

    def investment(self, inv, story, rng):
        L = self.lang
        when, who, target = self.date(rng, inv.day, story.published), inv.investor, inv.target.name(L)
        if inv.target.type == "Company":
            stake = f"{inv.stake}%股權" if inv.stake else "部分股權"
            money = f"以{self.money(inv.amount)}" if inv.amount else ""
            lead = rng.choice((f"{who.name(L)}{when}宣布，將{money}取得{target}{stake}。",
                               f"{who.name(L)}於{when}表示，將投資{target}，取得{stake}。"))
        else:
            money = self.money(inv.amount) if inv.amount else ""
            lead = rng.choice((f"{who.name(L)}{when}宣布，將投資{money}在{target}設立{inv.facility[1]}。",
                               f"{who.name(L)}於{when}公布投資計畫，預計投入{money or '資金'}於{target}興建{inv.facility[1]}。"))
        more = []
        if who.home is not None:
            more.append(f"{who.brief(L)}總部位於{who.home.name(L)}。")
        if inv.facilitator is not None:
            more.append(rng.choice((f"本案由{inv.facilitator.name(L)}協助促成。",
                                    f"{inv.facilitator.name(L)}在選址及法規申請上提供協助。")))
        if inv.speaker is not None:
            more.append(f"{self.person(inv.speaker, rng)}表示，新據點將有助於就近服務客戶，掌握亞洲市場需求。")
        return [lead, "".join(more)] if more else [lead]

    def delegation_title(self, story, rng):
        L = self.lang
        return rng.choice((f"{story.leader.org.brief(L)}率團訪問{story.host.brief(L)}　帶回投資計畫",
                           f"臺灣訪問團前往{story.host.name(L)}　促成多項合作"))

    def delegation(self, story, rng):
        L, lead = self.lang, story.leader
        members = self.join([v.name(L) for v in story.visitors])
        when = self.date(rng, story.investments[0].day, story.published)
        return rng.choice((
            f"由{self.person(lead, rng)}率領，{members}組成的訪問團，{when}前往{story.host.name(L)}拜會當地企業，爭取日商來臺投資。",
            f"{self.person(lead, rng)}{when}率{members}赴{story.host.name(L)}訪問，盼深化臺日產業鏈結。",
        ))

    def witnessed_signing(self, s, lead, story, rng):
        L = self.lang
        return (f"{self.date(rng, s.day, story.published)}，在{lead.title(L)}{lead.surname[1]}見證下，"
                f"{s.parties[1].name(L)}與{s.parties[0].name(L)}簽署合作備忘錄，共同推動{s.fields[0].name(L)}合作。")


# ---- Japanese --------------------------------------------------------------------------------
class Japanese(Voice):
    lang = "ja"

    def join(self, items: list[str]) -> str:
        return "、".join(items[:-1]) + ("と" if len(items) > 1 else "") + items[-1] if items else ""

    def date(self, rng, d, published):
        style = rng.randrange(4)
        if style == 0 and d.year == published.year:
            return f"{d.month}月{d.day}日"
        if style == 1 and d >= date(2019, 5, 1):
            y = d.year - 2018
            return f"令和{'元' if y == 1 else y}年{d.month}月{d.day}日"
        if style == 1 and d.year >= 1990:
            return f"平成{d.year - 1988}年{d.month}月{d.day}日"
        return f"{d.year}年{d.month}月{d.day}日"

    def money(self, amount):
        num = _billions(amount[0])
        return {"TWD": f"{num}億台湾ドル", "USD": f"{num}億ドル", "JPY": f"{num}億円"}[amount[1]]

    def person(self, p, rng):
        return rng.choice((f"{p.org.name('ja')}の{p.name('ja')}{p.title('ja')}",
                           f"{p.org.name('ja')}{p.title('ja')}の{p.name('ja')}氏"))

    def mou_title(self, s, a, b, rng):
        L = self.lang
        return rng.choice((f"{a.brief(L)}、{b.name(L)}と産業連携覚書を締結",
                           f"{b.brief(L)}と{a.brief(L)}が覚書　{s.fields[0].name(L)}分野で協力",
                           f"日台の産業連携を強化　{a.brief(L)}が{b.brief(L)}と覚書"))

    def signing(self, s, a, b, story, rng):
        L = self.lang
        others = self.join([b.name(L)] + [p.name(L) for p in s.parties[2:]])
        when, full_a = self.date(rng, s.day, story.published), self.first_mention(a)
        lead = rng.choice((f"{full_a}は{when}、{others}と産業連携に関する覚書（MOU）を締結した。",
                           f"{full_a}と{others}は{when}、産業協力の覚書に署名した。",
                           f"{when}、{full_a}は{others}との間で連携協定を結んだ。"))
        if s.ordinal and a.side == "tw":
            kind = {"Prefecture": "自治体", "City": "自治体", "Company": "企業"}.get(b.type, "団体")
            lead += f"{a.brief(L)}と覚書を交わした日本の{kind}は、{b.brief(L)}で{s.ordinal}例目となる。"
        out = [lead]
        sig = [self.person(p, rng) for p in s.signatories]
        wit = [self.person(p, rng) for p in s.witnesses]
        if sig:
            out.append(f"締結式では{self.join(sig)}が覚書に署名し" + (f"、{self.join(wit)}が立ち会った。" if wit else "た。"))
        fields = self.fields(s.fields)
        text = rng.choice((f"覚書に基づき、両者は{fields}などの分野で連携を進める。",
                           f"今後は{fields}の分野で情報交換やビジネスマッチングを支援していく。",
                           f"協力の対象は{fields}などで、毎年合同セミナーを開催する予定だ。"))
        if s.partners:
            text += f"{s.parties[0].brief(L)}はこれまでに日本の{s.partners}の自治体・産業団体と連携関係を築いている。"
        out.append(text)
        return out

    def speaker(self, p, rng):
        return f"{self.person(p, rng)}は「両地域の企業に新たな機会が広がる」と期待を示した。"

    def profile(self, where, industries, rng):
        return (f"{where.name(self.lang)}は{self.fields(industries)}などの産業が盛んで、地元の部品メーカーの多くがすでに"
                f"台湾と取引がある。関係者は今回の覚書が共同開発や第三国市場での販売につながることを期待している。")

    def helped(self, hub, companies, rng):
        return f"{hub.brief(self.lang)}はこれまでに{self.join([c.name(self.lang) for c in companies])}の台湾への投資を支援してきた。"

    def investment_title(self, inv, rng):
        who, where = inv.investor.brief(self.lang), inv.target.brief(self.lang)
        return rng.choice((f"{who}、{where}に{inv.facility[2]}", f"{who}が{where}へ投資"))

    def investment(self, inv, story, rng):
        L = self.lang
        when, who, target = self.date(rng, inv.day, story.published), inv.investor, inv.target.name(L)
        if inv.target.type == "Company":
            stake = f"株式の{inv.stake}%" if inv.stake else "株式の一部"
            money = f"{self.money(inv.amount)}で" if inv.amount else ""
            lead = f"{who.name(L)}は{when}、{money}{target}の{stake}を取得すると発表した。"
        else:
            money = f"{self.money(inv.amount)}を投じて" if inv.amount else ""
            lead = rng.choice((f"{who.name(L)}は{when}、{money}{target}に{inv.facility[2]}を設けると発表した。",
                               f"{who.name(L)}は{when}、{target}への投資計画を明らかにした。{money}{inv.facility[2]}を整備する。"))
        more = []
        if who.home is not None:
            more.append(f"{who.brief(L)}は{who.home.name(L)}に本社を置く。")
        if inv.facilitator is not None:
            more.append(f"今回の投資は{inv.facilitator.name(L)}が支援した。")
        if inv.speaker is not None:
            more.append(f"{self.person(inv.speaker, rng)}は「顧客に近い場所で需要に応えたい」と語った。")
        return [lead, "".join(more)] if more else [lead]

    def delegation_title(self, story, rng):
        L = self.lang
        return rng.choice((f"台湾の{story.leader.org.brief(L)}訪問団が{story.host.brief(L)}を訪問",
                           f"{story.host.name(L)}に台湾訪問団　投資計画相次ぐ"))

    def delegation(self, story, rng):
        L = self.lang
        members = self.join([v.name(L) for v in story.visitors])
        when = self.date(rng, story.investments[0].day, story.published)
        return (f"{self.person(story.leader, rng)}を団長とし、{members}で構成する訪問団が{when}、{story.host.name(L)}を訪れ、"
                f"地元企業に台湾への投資を呼びかけた。")

    def witnessed_signing(self, s, lead, story, rng):
        L = self.lang
        return (f"{self.date(rng, s.day, story.published)}には{lead.surname[2]}{lead.title(L)}の立ち会いのもと、"
                f"{s.parties[1].name(L)}が{s.parties[0].name(L)}と{s.fields[0].name(L)}分野の覚書を交わした。")


VOICES: dict[str, Voice] = {"en": English(), "zh-Hant": Chinese(), "ja": Japanese()}


def write(story: Story, lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """The title and body paragraphs of ``story`` in ``lang`` (en, zh-Hant or ja): the core
    facts first, then background paragraphs among the later ones."""
    v = VOICES[lang]
    paras: list[str] = []
    if story.kind == "mou":
        s = story.signings[0]
        a, b = (s.parties[1], s.parties[0]) if story.perspective == "jp" else (s.parties[0], s.parties[1])
        title = v.mou_title(s, a, b, rng)
        paras += v.signing(s, a, b, story, rng)
        paras += [v.speaker(p, rng) for p in story.speakers]
        if story.profile:
            paras.append(v.profile(s.parties[1], story.profile, rng))
        if story.helped:
            paras.append(v.helped(s.parties[0], story.helped, rng))
    elif story.kind == "investment":
        title = v.investment_title(story.investments[0], rng)
        for inv in story.investments:
            paras += v.investment(inv, story, rng)
    else:
        assert story.leader is not None and story.host is not None
        title = v.delegation_title(story, rng)
        paras.append(v.delegation(story, rng))
        for inv in story.investments:
            paras += v.investment(inv, story, rng)
        paras += [v.witnessed_signing(s, story.leader, story, rng) for s in story.signings]
    core = min(2, len(paras))
    for template in rng.sample(FILLERS[lang], min(story.fillers, len(FILLERS[lang]))):
        paras.insert(rng.randrange(core, len(paras) + 1), template.format(**filler_numbers(rng)))
    return title, paras
