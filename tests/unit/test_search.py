"""Search as a branch officer types it: part of a Chinese name, pinyin or its initials,
an ID number or its tail; deleted members vanish, renamed ones are found by the new name."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest

from desktop.store import search
from desktop.store.schema import Search
from desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from conftest import Template

MEMBERS = [
    {"name": "张三", "id_number": "110105198503120039", "phone": "13800138000"},
    {"name": "王　芳", "id_number": "31011519780101001X"},  # full-width space, as rosters have it
    {"name": "曾乐乐", "id_number": "440306199207081520"},  # 曾: zeng as a surname
    {"name": "单长青"},  # 单: shan as a surname
    {"name": "解还乐"},  # 解: xie as a surname
    {"name": "欧阳修文", "former_names": "欧阳小文"},
    {"name": "张三丰"},
    {"name": "李四", "id_number": "E12345678"},
    {"name": "丁俊"},  # 丁 is also zheng and 俊 also shun, but never in a name
]


@pytest.fixture(scope="module")
def module_ws(
    tmp_path_factory: pytest.TempPathFactory, workspace_template: Template
) -> Iterator[Workspace]:
    """One roster shared by the read-only tests of this module."""
    folder = tmp_path_factory.mktemp("search") / "data"
    shutil.copytree(workspace_template.folder, folder)
    ws = Workspace.unlock(folder, workspace_template.admin, workspace_template.password)
    with ws.records.transaction():
        ws.records.insert_many("members", MEMBERS, owner_org=ws.org_id)
    yield ws
    ws.close()


def found(ws: Workspace, text: str, table: str = "members") -> list[str]:
    rowids = ws.records.search_rowids(table, text)
    rows = ws.records.rows_by_rowid(table, rowids)
    return sorted(rows[r]["name"] for r in rowids)


@pytest.mark.parametrize(
    "query",
    ["张三", "张", "三", "zhangsan", "zs", "zhangs", "ZhangSan", "ZS", "zhang san", "ｚｓ"],
)
def test_zhang_san_is_found(module_ws: Workspace, query: str) -> None:
    assert "张三" in found(module_ws, query)


def test_rare_readings_do_not_make_initials_match_strangers(module_ws: Workspace) -> None:
    """Initials are short: indexing every reading pypinyin lists made `zs` find 丁俊."""
    assert found(module_ws, "zs") == ["张三", "张三丰"]
    assert found(module_ws, "dj") == ["丁俊"]
    assert found(module_ws, "zhengshun") == []


def test_a_two_character_name_matches_exactly_where_it_should(module_ws: Workspace) -> None:
    assert found(module_ws, "张三") == ["张三", "张三丰"]
    assert found(module_ws, "张三丰") == ["张三丰"]
    assert found(module_ws, "三丰") == ["张三丰"]
    assert found(module_ws, "zsf") == ["张三丰"]
    assert found(module_ws, "李三") == []
    assert found(module_ws, "lisan") == []


def test_given_name_alone_in_chinese_and_pinyin(module_ws: Workspace) -> None:
    assert found(module_ws, "修文") == ["欧阳修文"]
    assert found(module_ws, "阳修文") == ["欧阳修文"]
    assert found(module_ws, "xiuwen") == ["欧阳修文"]
    assert found(module_ws, "oyxw") == ["欧阳修文"]


def test_former_names_are_searched(module_ws: Workspace) -> None:
    assert found(module_ws, "欧阳小文") == ["欧阳修文"]
    assert found(module_ws, "小文") == ["欧阳修文"]


@pytest.mark.parametrize("query", ["王芳", "王　芳", "王 芳", "芳", "wangfang", "wf"])
def test_full_width_space_in_a_stored_name(module_ws: Workspace, query: str) -> None:
    assert found(module_ws, query) == ["王　芳"]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("zeng", "曾乐乐"),
        ("zengl", "曾乐乐"),
        ("zll", "曾乐乐"),
        ("ceng", "曾乐乐"),  # the other reading is indexed too; it costs nothing
        ("shan", "单长青"),
        ("scq", "单长青"),
        ("xie", "解还乐"),
        ("xiehuanle", "解还乐"),
    ],
)
def test_heteronym_surnames(module_ws: Workspace, query: str, name: str) -> None:
    """pypinyin rarely lists the surname reading first (曾 ceng/zeng, 单 dan/chan/shan,
    解 jie/xie); with heteronyms in the given name as well it must still be indexed."""
    assert name in found(module_ws, query)


@pytest.mark.parametrize(
    "query",
    [
        "31011519780101001X",
        "31011519780101001x",  # lower-case x, as people type it
        "３１０１１５１９７８０１０１００１Ｘ",  # full-width digits from a Chinese IME
        "310115",
        "3101151978",
        "01001X",  # the last six
        "01001x",
    ],
)
def test_id_number(module_ws: Workspace, query: str) -> None:
    assert found(module_ws, query) == ["王　芳"]


def test_passport_number_and_phone(module_ws: Workspace) -> None:
    assert found(module_ws, "e12345678") == ["李四"]
    assert found(module_ws, "13800138000") == ["张三"]
    assert found(module_ws, "138001") == ["张三"]
    assert found(module_ws, "138000") == ["张三"]  # the last six of a phone


def test_words_are_combined_with_and(module_ws: Workspace) -> None:
    assert found(module_ws, "张 110105") == ["张三"]
    assert found(module_ws, "张 310115") == []


@pytest.mark.parametrize("query", ["", "   ", "-", "（）", '"', "*", "AND", "NEAR(", "\x00"])
def test_queries_with_nothing_to_match_or_fts_syntax_are_harmless(
    module_ws: Workspace, query: str
) -> None:
    found(module_ws, query)  # no exception, whatever it returns


def test_search_with_a_condition_order_and_limit(module_ws: Workspace) -> None:
    both = module_ws.records.search_rowids("members", "张三", order_by="name DESC")
    rows = module_ws.records.rows_by_rowid("members", both)
    assert [rows[r]["name"] for r in both] == ["张三丰", "张三"]
    only = module_ws.records.search_rowids("members", "张三", where="name = ?", params=("张三",))
    assert len(only) == 1
    assert len(module_ws.records.search_rowids("members", "zs", limit=1)) == 1


# --- the index follows every write -------------------------------------------------------


def test_a_deleted_member_is_not_found(workspace: Callable[..., Workspace]) -> None:
    ws = workspace()
    with ws.records.transaction():
        gone = ws.records.insert("members", {"name": "张三"}, owner_org=ws.org_id)
        ws.records.insert("members", {"name": "张三丰"}, owner_org=ws.org_id)
    with ws.records.transaction():
        ws.records.delete("members", gone)
    assert found(ws, "张三") == ["张三丰"]
    assert found(ws, "zs") == ["张三丰"]


def test_renaming_a_member_reindexes_them(workspace: Callable[..., Workspace]) -> None:
    ws = workspace()
    with ws.records.transaction():
        member = ws.records.insert(
            "members", {"name": "赵明", "id_number": "110105198503120039"}, owner_org=ws.org_id
        )
    with ws.records.transaction():
        ws.records.update("members", member, {"name": "赵敏"})
    assert found(ws, "赵敏") == ["赵敏"]
    assert found(ws, "赵明") == []
    assert found(ws, "明") == []
    assert found(ws, "zhaomin") == ["赵敏"]
    assert found(ws, "110105") == ["赵敏"]  # the other searchable fields stay indexed
    with ws.records.transaction():
        ws.records.update("members", member, {"work_unit": "项目部"})  # not searchable
    assert found(ws, "赵敏") == ["赵敏"]
    with ws.records.transaction():
        ws.records.update("members", member, {"id_number": None})
    assert found(ws, "110105") == []
    assert found(ws, "zm") == ["赵敏"]


def test_a_rolled_back_insert_is_not_found(workspace: Callable[..., Workspace]) -> None:
    ws = workspace()
    with pytest.raises(RuntimeError), ws.records.transaction():
        ws.records.insert("members", {"name": "张三"}, owner_org=ws.org_id)
        raise RuntimeError("cancel")
    assert found(ws, "张三") == []


def test_free_text_phrases_of_three_or_more_characters(workspace: Callable[..., Workspace]) -> None:
    """org_units.name is free text (CJK bigrams): a query longer than two characters is a
    phrase of bigrams, which must be adjacent in the index, not scattered by sorting."""
    ws = workspace()
    assert found(ws, "党支部", "org_units") == ["第一党支部"]
    assert found(ws, "第一党支部", "org_units") == ["第一党支部"]
    assert found(ws, "支部", "org_units") == ["第一党支部"]
    assert found(ws, "项目党委", "org_units") == ["海外项目党委"]
    assert found(ws, "党", "org_units") == ["海外项目党委", "第一党支部"]
    assert found(ws, "部党", "org_units") == []
    assert found(ws, "支部党", "org_units") == []


# --- the keys themselves ---------------------------------------------------------------


def test_name_keys_of_a_two_character_name() -> None:
    keys = search.name_keys("张三")
    assert {"张", "三", "张三", "zhangsan", "zs", "san", "s"} <= keys


def test_exact_keys_are_whole_value_and_last_six() -> None:
    assert search.exact_keys("31011519780101001X") == {"31011519780101001x", "01001x"}
    assert search.exact_keys("138-0013-8000") >= {"13800138000", "138000"}


def test_document_of_nothing_is_empty() -> None:
    assert search.document([(Search.NAME, None), (Search.EXACT, "")]) == ""
    assert search.match_expression("  ") is None
