"""Realistic demo data: a temporary branch at an overseas construction site, its groups
and members (names, ID numbers with valid check digits, dates in the right order).

Used by `make run`, `lianxin-cli demo`, the screenshots and the benchmarks, so it is fast
(rows are made in batches and written with `insert_many`) and deterministic for a seed.
"""

from __future__ import annotations

import itertools
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain import (
    committee_terms,
    development_demo,
    idnumber,
    member_archive,
    transfers_demo,
)
from desktop.domain.access import Action, require
from desktop.domain.users import add_user
from desktop.store.vault import KdfParams
from desktop.store.workspace import Setup, Workspace

log = logging.getLogger(__name__)

ORG_NAME = "中国建筑第八工程局有限公司党委"
BRANCH_NAME = "阿尔及利亚嘉玛大清真寺项目临时党支部"
SECRETARY = "secretary"
OFFICER = "zuzhi"
MEMBER = "dangyuan"

#: Rows per transaction: big enough that the per-transaction cost (audit block, commit)
#: vanishes, small enough that a batch's change log stays in memory comfortably.
BATCH = 2_000

# Surnames with their share of the population in per mille (public census tables,
# rounded); a few compound surnames are rare, as they are in life.
_SURNAMES = (
    "王71 李70 张67 刘51 陈46 杨32 黄24 赵22 吴20 周19 徐16 孙15 马14 朱13 胡13 郭12 "
    "何12 林11 高11 罗10 郑10 梁9 谢8 宋8 唐8 许7 韩7 邓7 冯7 曹6 彭6 曾6 肖6 田5 董5 "
    "潘5 袁5 蔡5 蒋5 余5 于5 杜5 叶5 程4 魏4 苏4 吕4 丁4 任4 卢4 姚4 沈4 钟4 姜4 崔3 "
    "谭3 陆3 范3 汪3 廖3 石3 金3 韦3 贾3 夏3 付3 方3 邹3 熊3 白3 孟3 秦3 邱3 侯2 江2 "
    "尹2 薛2 闫2 段2 雷2 龙2 黎2 史2 陶2 贺2 毛2 郝2 顾2 龚2 邵2 万2 覃2 武2 钱2 戴2 "
    "严2 莫2 孔2 向2 常2 汤2 欧阳0.3 司徒0.1 上官0.1 诸葛0.05"
)
_MALE_CHARS = (
    "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林峰建国志文晨阳博振海东亮成兵洪彬"
    "锋昊睿轩泽然新永庆春德胜利斌毅晖骏"
)
_FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁倩萍红梅琴莉欣怡佳悦晶璐蓉雅丹彤妍月秀英兰凤云莹"
_MALE_FIRST = "建国志海俊子浩宇文晓春立永家嘉思明天金振德学宏卫红庆"
_FEMALE_FIRST = "晓小雨思佳嘉欣梦雅诗丽玉春秀美婉静慧紫可淑桂海"
#: Share of given names with one character (张伟, 王芳): common, and the case that plain
#: trigram search misses.
_ONE_CHAR_GIVEN = 0.2

# Region codes (GB/T 2260) of real districts and the native place they stand for; the
# weights lean to the provinces this company recruits from.
_HAN_REGIONS = (
    ("370102", "山东省济南市历下区", 9),
    ("370202", "山东省青岛市市南区", 6),
    ("410105", "河南省郑州市金水区", 7),
    ("420106", "湖北省武汉市武昌区", 6),
    ("510107", "四川省成都市武侯区", 6),
    ("340104", "安徽省合肥市蜀山区", 5),
    ("320102", "江苏省南京市玄武区", 4),
    ("320505", "江苏省苏州市虎丘区", 2),
    ("310104", "上海市徐汇区", 4),
    ("110105", "北京市朝阳区", 3),
    ("110108", "北京市海淀区", 2),
    ("120103", "天津市河西区", 2),
    ("130102", "河北省石家庄市长安区", 3),
    ("140105", "山西省太原市小店区", 2),
    ("210102", "辽宁省沈阳市和平区", 2),
    ("220102", "吉林省长春市南关区", 1),
    ("230103", "黑龙江省哈尔滨市南岗区", 2),
    ("330106", "浙江省杭州市西湖区", 2),
    ("350102", "福建省福州市鼓楼区", 1),
    ("360102", "江西省南昌市东湖区", 2),
    ("430104", "湖南省长沙市岳麓区", 3),
    ("440106", "广东省广州市天河区", 2),
    ("440305", "广东省深圳市南山区", 2),
    ("500103", "重庆市渝中区", 3),
    ("520102", "贵州省贵阳市南明区", 1),
    ("530102", "云南省昆明市五华区", 1),
    ("610113", "陕西省西安市雁塔区", 3),
    ("620102", "甘肃省兰州市城关区", 1),
)


@dataclass(frozen=True)
class _Minority:
    ethnicity: str
    share: float  # of all members
    regions: tuple[tuple[str, str], ...]
    #: Names in the nationality's own tradition, when Han-style names are not the rule:
    #: (male given names, female given names, second parts joined with "·" or "").
    names: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str] | None = None


_MINORITIES = (
    _Minority(
        "壮族",
        0.012,
        (("450103", "广西壮族自治区南宁市青秀区"), ("450203", "广西壮族自治区柳州市鱼峰区")),
    ),
    _Minority("回族", 0.008, (("640104", "宁夏回族自治区银川市兴庆区"),)),
    _Minority("满族", 0.007, (("210102", "辽宁省沈阳市和平区"), ("130802", "河北省承德市双桥区"))),
    _Minority(
        "维吾尔族",
        0.004,
        (("650102", "新疆维吾尔自治区乌鲁木齐市天山区"), ("653101", "新疆维吾尔自治区喀什市")),
        (
            ("艾力", "阿不都", "买买提江", "艾尔肯", "亚森", "努尔兰"),
            ("古丽娜", "迪丽努尔", "阿依古丽", "热依拉", "米热古丽"),
            ("买买提", "热合曼", "吐尔逊", "阿不拉", "库尔班", "艾买提"),
            "·",
        ),
    ),
    _Minority("苗族", 0.006, (("520102", "贵州省贵阳市南明区"), ("522601", "贵州省凯里市"))),
    _Minority("彝族", 0.005, (("532301", "云南省楚雄市"), ("513401", "四川省西昌市"))),
    _Minority("土家族", 0.006, (("433101", "湖南省吉首市"), ("422801", "湖北省恩施市"))),
    _Minority(
        "藏族",
        0.002,
        (("540102", "西藏自治区拉萨市城关区"),),
        (
            ("扎西", "次仁", "多吉", "平措", "顿珠"),
            ("卓玛", "央金", "拉姆", "德吉", "白玛"),
            ("", "次仁", "多吉", "旺堆"),
            "",
        ),
    ),
    _Minority(
        "蒙古族",
        0.003,
        (("150102", "内蒙古自治区呼和浩特市新城区"),),
        (("巴特尔", "额尔敦", "苏和", "朝鲁"), ("其其格", "萨仁", "乌兰", "娜仁"), ("",), ""),
    ),
)

_EDUCATION = (("研究生", 10), ("大学本科", 52), ("大学专科", 24), ("中专", 8), ("高中", 6))
_POSTS = (
    ("项目副经理", 2),
    ("项目总工程师", 1),
    ("技术员", 12),
    ("施工员", 18),
    ("安全员", 8),
    ("质量员", 8),
    ("测量员", 5),
    ("资料员", 4),
    ("预算员", 4),
    ("材料员", 5),
    ("机械管理员", 3),
    ("商务经理", 1),
    ("会计", 3),
    ("法语翻译", 5),
    ("行政专员", 3),
    ("钢筋工长", 4),
    ("混凝土工长", 3),
    ("电气工程师", 4),
    ("暖通工程师", 2),
    ("给排水工程师", 2),
)
#: (work unit, share, phone plan): members at the Algerian sites keep a Chinese number or
#: use a local one; the Dubai team is reached on UAE numbers.
_SITES = (
    ("中建八局阿尔及利亚嘉玛大清真寺项目部", 85, "dz"),
    ("中建八局阿尔及利亚奥兰住房项目部", 10, "dz"),
    ("中建八局中东公司迪拜项目部", 5, "ae"),
)
#: Home units holding the formal membership relation of members managed here.
_HOME_UNITS = (
    "中建八局第一建设有限公司党委",
    "中建八局第二建设有限公司党委",
    "中建八局第三建设有限公司党委",
    "中建八局总承包公司党委",
    "中建八局安装公司党委",
    "中建八局装饰公司党委",
)
#: Mainland mobile number prefixes in common use.
_MOBILE_PREFIXES = (
    *range(130, 140), *range(150, 154), *range(155, 160), 166, 177,
    *range(180, 184), *range(186, 190), 198, 199,
)  # fmt: skip
_GROUPS = (
    "第一党小组（工程部）",
    "第二党小组（技术部）",
    "第三党小组（商务部）",
    "第四党小组（安全质量部）",
    "第五党小组（物资设备部）",
    "第六党小组（综合办公室）",
    "第七党小组（奥兰住房项目）",
    "第八党小组（迪拜项目）",
)
_COMMITTEE_POSTS = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员")
#: Full members from which a branch elects a committee; a smaller one has a secretary.
COMMITTEE_MIN_MEMBERS = 7
GROUP_LEADER = "党小组组长"

MALE_SHARE = 0.78
PROBATIONARY_SHARE = 0.08
LOST_CONTACT_SHARE = 0.015
FORMAL_ELSEWHERE_SHARE = 0.8
FORMER_NAME_SHARE = 0.01
#: 18 years in days, rounded up so that it is never less than 18 years.
_ADULT_DAYS = 6575
#: Least time from application to admission: a year as activist, then the development stage.
_MIN_PIPELINE_DAYS = 400


@dataclass(frozen=True)
class DemoSummary:
    members: int
    full_members: int
    probationary: int
    lost_contact: int
    #: Names of the groups created, in order.
    groups: tuple[str, ...]


def _cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _parse_surnames() -> tuple[list[str], list[float]]:
    names, weights = [], []
    for item in _SURNAMES.split():
        split = next(i for i, ch in enumerate(item) if ch.isdigit())
        names.append(item[:split])
        weights.append(float(item[split:]))
    return names, _cumulative(weights)


def one_year_after(day: date) -> date:
    """The same day a year later (29 February → 28 February): probation lasts one year."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _group_count(members: int) -> int:
    return min(len(_GROUPS), 3 + members // 100)


class _MemberMaker:
    """Makes member rows; all randomness comes from one seeded generator."""

    def __init__(
        self, seed: int, today: date, group_ids: Sequence[str], *, committee: bool = True
    ) -> None:
        self.rng = random.Random(seed)
        self.today = today.toordinal()
        self.group_ids = group_ids
        self.surnames, self.surname_cw = _parse_surnames()
        self.regions = [(code, place) for code, place, _ in _HAN_REGIONS]
        self.region_cw = _cumulative([w for _, _, w in _HAN_REGIONS])
        self.education = [e for e, _ in _EDUCATION]
        self.education_cw = _cumulative([w for _, w in _EDUCATION])
        self.posts = [p for p, _ in _POSTS]
        self.posts_cw = _cumulative([w for _, w in _POSTS])
        self.sites = [(unit, plan) for unit, _, plan in _SITES]
        self.sites_cw = _cumulative([w for _, w, _ in _SITES])
        # Cumulative shares of the minorities; a draw above the last one is Han.
        self.minority_cw = _cumulative([m.share for m in _MINORITIES])
        self.used_ids: set[str] = set()
        self.posts_left = list(_COMMITTEE_POSTS if committee else _COMMITTEE_POSTS[:1])
        self.groups_led: set[str] = set()
        self.counts = {"full": 0, "probationary": 0, "lost_contact": 0}

    def batch(self, n: int) -> list[dict[str, Any]]:
        rng = self.rng
        # Draw the weighted choices for the whole batch at once: far cheaper per row.
        surnames = rng.choices(self.surnames, cum_weights=self.surname_cw, k=n)
        regions = rng.choices(self.regions, cum_weights=self.region_cw, k=n)
        education = rng.choices(self.education, cum_weights=self.education_cw, k=n)
        posts = rng.choices(self.posts, cum_weights=self.posts_cw, k=n)
        sites = rng.choices(self.sites, cum_weights=self.sites_cw, k=n)
        return [
            self._member(surnames[i], regions[i], education[i], posts[i], sites[i])
            for i in range(n)
        ]

    def _member(
        self,
        surname: str,
        region: tuple[str, str],
        education: str,
        post: str,
        site: tuple[str, str],
    ) -> dict[str, Any]:
        rng = self.rng
        male = rng.random() < MALE_SHARE
        ethnicity, name, region = self._person(surname, region, male)
        probationary = rng.random() < PROBATIONARY_SHARE
        today = self.today
        # Dates are drawn backwards from today so that every rule holds by construction:
        # adult at application, at least the pipeline's length to admission, one year of
        # probation before conversion, conversion not in the future.
        if probationary:
            born = today - int(rng.triangular(22, 35, 26) * 365.2425)
            joined = today - rng.randint(7, 360)
            longest = 1500
        else:
            born = today - int(rng.triangular(23, 60, 34) * 365.2425)
            joined = rng.randint(born + _ADULT_DAYS + _MIN_PIPELINE_DAYS, today - 366)
            longest = 1800
        room = joined - (born + _ADULT_DAYS)
        applied = joined - rng.randint(
            _MIN_PIPELINE_DAYS, max(_MIN_PIPELINE_DAYS, min(room, longest))
        )
        birth = date.fromordinal(born)
        joined_day = date.fromordinal(joined)
        id_number = self._id_number(region[0], birth, male)
        unit, plan = site
        row: dict[str, Any] = {
            "name": name,
            "gender": "male" if male else "female",
            "ethnicity": ethnicity,
            "birth_date": birth.isoformat(),
            "id_kind": "resident",
            "id_number": id_number,
            "native_place": region[1],
            "education": education,
            "work_unit": unit,
            "post": post,
            "phone": self._phone(plan),
            "applied_date": date.fromordinal(applied).isoformat(),
            "joined_date": joined_day.isoformat(),
            "category": "probationary" if probationary else "full",
            "status": "normal",
        }
        if self.group_ids:
            row["group_id"] = rng.choice(self.group_ids)
        if rng.random() < FORMAL_ELSEWHERE_SHARE:
            row["formal_unit"] = rng.choice(_HOME_UNITS)
        if probationary:
            self.counts["probationary"] += 1
        else:
            row["full_date"] = one_year_after(joined_day).isoformat()
            self.counts["full"] += 1
        if rng.random() < LOST_CONTACT_SHARE:
            row["status"] = "lost_contact"
            row["status_date"] = date.fromordinal(rng.randint(joined, today)).isoformat()
            self.counts["lost_contact"] += 1
        elif not probationary:
            self._give_party_post(row)
        if rng.random() < FORMER_NAME_SHARE and len(name) <= 4:
            row["former_names"] = name[0] + rng.choice(_MALE_CHARS if male else _FEMALE_CHARS)
        return row

    def _person(
        self, surname: str, region: tuple[str, str], male: bool
    ) -> tuple[str, str, tuple[str, str]]:
        """Ethnicity, full name and home region."""
        rng = self.rng
        draw = rng.random()
        if draw >= self.minority_cw[-1]:
            return "汉族", surname + self._given_name(male), region
        minority = next(
            m for m, top in zip(_MINORITIES, self.minority_cw, strict=True) if draw < top
        )
        region = rng.choice(minority.regions)
        if minority.names is None:
            return minority.ethnicity, surname + self._given_name(male), region
        men, women, second, joiner = minority.names
        head = rng.choice(men if male else women)
        tail = rng.choice([part for part in second if part != head])
        name = head + (joiner + tail if tail else "")
        return minority.ethnicity, name, region

    def _given_name(self, male: bool) -> str:
        rng = self.rng
        chars = _MALE_CHARS if male else _FEMALE_CHARS
        if rng.random() < _ONE_CHAR_GIVEN:
            return rng.choice(chars)
        return rng.choice(_MALE_FIRST if male else _FEMALE_FIRST) + rng.choice(chars)

    def _id_number(self, region: str, birth: date, male: bool) -> str:
        # The sequence code's last digit is odd for men, even for women (GB 11643).
        while True:
            sequence = self.rng.randrange(500) * 2 + (1 if male else 0)
            number = idnumber.make(region, birth, sequence)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def _phone(self, plan: str) -> str:
        rng = self.rng
        if plan == "ae" and rng.random() < 0.8:
            return f"+971 5{rng.choice('02458')}{rng.randrange(10**7):07d}"
        if plan == "dz" and rng.random() < 0.3:
            return f"+213 {rng.choice('567')}{rng.randrange(10**8):08d}"
        return f"{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"

    def _give_party_post(self, row: dict[str, Any]) -> None:
        """The branch committee, then a leader for each group, from the first full members."""
        if self.posts_left:
            row["party_post"] = self.posts_left.pop(0)
            return
        group = row.get("group_id")
        if group and group not in self.groups_led:
            self.groups_led.add(group)
            row["party_post"] = GROUP_LEADER


def _add_groups(ws: Workspace, count: int) -> list[str]:
    names = _GROUPS[:count]
    with ws.records.transaction():
        # The branch keeps its groups, so the branch owns their rows.
        return ws.records.insert_many(
            "org_units",
            [{"name": name, "level": "group", "parent_id": ws.org_id} for name in names],
            owner_org=ws.org_id,
        )


def fill_demo(
    ws: Workspace, members: int, *, seed: int = 1, today: date | None = None
) -> DemoSummary:
    """Add 3 to 8 groups and `members` members to this device's branch.

    The same seed (and day) gives the same people; row ids differ, as they always do.
    """
    require(ws.user, Action.EDIT_ROSTER)
    if members < 0:
        raise ValueError("members must not be negative")
    count = _group_count(members)
    group_ids = _add_groups(ws, count)
    # A committee where the branch can be expected to have enough full members for one.
    committee = members * (1 - PROBATIONARY_SHARE) >= COMMITTEE_MIN_MEMBERS
    maker = _MemberMaker(seed, today or date.today(), group_ids, committee=committee)
    for start in range(0, members, BATCH):
        rows = maker.batch(min(BATCH, members - start))
        with ws.records.transaction():
            ws.records.insert_many("members", rows, owner_org=ws.org_id)
    committee_terms.seed_demo(ws, today or date.today())
    development_demo.seed_demo(ws, today or date.today())
    member_archive.seed_demo(ws, today or date.today())
    transfers_demo.seed_demo(ws, today or date.today())
    log.info("demo data: %d members in %d groups", members, count)
    return DemoSummary(
        members=members,
        full_members=maker.counts["full"],
        probationary=maker.counts["probationary"],
        lost_contact=maker.counts["lost_contact"],
        groups=_GROUPS[:count],
    )


def create_demo_workspace(
    folder: Path,
    members: int,
    *,
    password: str,
    kdf: KdfParams | None = None,
    seed: int = 1,
) -> Workspace:
    """A new data folder with the demo organisation, three users sharing `password`
    (secretary, officer `zuzhi`, member `dangyuan`) and `members` members.

    Refuses (VaultExists) a folder that already holds data. The recovery code made for
    it is discarded: demo data needs none.
    """
    ws, _recovery_code = Workspace.create(
        folder, Setup(ORG_NAME, BRANCH_NAME, SECRETARY, password), kdf=kdf
    )
    try:
        with ws.records.transaction():
            ws.records.update("org_units", ws.org_id, {"temporary": True})
        fill_demo(ws, members, seed=seed)
        add_user(ws, OFFICER, "officer", password)
        add_user(ws, MEMBER, "member", password, member_id=_member_for_login(ws))
    except BaseException:
        ws.close()
        raise
    return ws


def _member_for_login(ws: Workspace) -> str | None:
    """An ordinary full member in good standing, for the demo member account."""
    rows = ws.records.query(
        "members",
        "category = 'full' AND status = 'normal' AND party_post IS NULL",
        limit=1,
    )
    return rows[0]["id"] if rows else None
