"""The shape of the source, read with ast (CONVENTIONS.md 2): no function over 80 lines,
no module past the size where it should have been split.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "eventwire"
MAX_FUNCTION_LINES = 80
# CONVENTIONS.md: "split one before it passes about 800".
MAX_MODULE_LINES = 800


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_code_shape_no_function_over_80_lines() -> None:
    long = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - first + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {lines}")
    assert not long, "functions over 80 lines:\n" + "\n".join(long)


def test_code_shape_no_module_past_800_lines() -> None:
    big = [
        f"{path.relative_to(PACKAGE)}: {n}"
        for path in _sources()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not big, "modules to split:\n" + "\n".join(big)
