"""What the parts of the demo share: its Chinese word lists (names, roads, businesses,
competitors, materials), the partner the other parts build on (``DemoPartner``) and the
row helpers of its bulk inserts."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert

from app.domain.ids import uuid7
from app.services.context import AppContext

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)


GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力鹏飞宇浩凯俊峰晨阳雪梅琳慧颖婷欣怡佳晓东海波宁"


ROADS = [
    "人民路",
    "解放路",
    "中山路",
    "建设路",
    "和平路",
    "新华路",
    "文化路",
    "胜利路",
    "长江路",
    "黄河路",
    "金桥路",
    "世纪大道",
    "南京路",
    "淮海路",
    "光明街",
    "幸福街",
    "朝阳路",
    "东风路",
    "青年路",
    "花园路",
]


BUSINESS = [
    "通信器材",
    "手机卖场",
    "数码",
    "电子产品",
    "通讯",
    "移动业务",
    "宽带服务",
    "智能终端",
    "家电通讯",
    "信息服务",
]


SUFFIX = {
    "agent": "代理有限公司",
    "dealer": "经营部",
    "franchise": "加盟店",
    "own_store": "自营厅",
    "special": "校园服务中心",
}


COMPETITORS = ["华信通讯", "联众数码", "天翼优选", "迅捷电子", "众诚通信"]


MATERIALS = ["门头灯箱", "海报", "台卡", "易拉宝", "价签夹", "宣传单页"]


PRODUCT_LINES = ["手机终端", "宽带套餐", "智能家居", "配件"]


FALLBACK_PROVINCES = ["31", "11", "44", "33", "32"]


@dataclass(frozen=True)
class DemoPartner:
    id: str
    code: str
    grade: str
    status: str
    district_code: str
    manager: str


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def phone(rng: random.Random) -> str:
    return (
        rng.choice(["138", "139", "135", "136", "150", "151", "186", "187", "177", "199"])
        + f"{rng.randrange(10**8):08d}"
    )


def short_place(name: str) -> str:
    for tail in ("新区", "区", "县", "市"):
        if name.endswith(tail) and len(name) > len(tail) + 1:
            return name[: -len(tail)]
    return name


def road_stem(road: str) -> str:
    for tail in ("大道", "路", "街"):
        if road.endswith(tail):
            return road[: -len(tail)]
    return road


def months_back(first_of_month: dt.date, count: int) -> dt.date:
    """The first day of the month ``count`` months before ``first_of_month`` (negative: after)."""
    index = first_of_month.year * 12 + first_of_month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def base_row(ctx: AppContext, now: dt.datetime) -> dict[str, Any]:
    return {"id": uuid7(), "hlc": ctx.tick(), "created_at": now, "updated_at": now, "voided": False}


def bulk(s: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 5000):
        s.execute(insert(model), rows[start : start + 5000])
