"""docs/api.md is the service's OpenAPI description rendered: it must match the code."""

from __future__ import annotations

from pathlib import Path

from essentiel.service.apidoc import main, openapi, render

API_PAGE = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_api_page_matches_the_openapi_description() -> None:
    assert API_PAGE.read_text("utf-8") == render(openapi()), "run `make api-docs`"


def test_every_operation_and_status_is_on_the_page() -> None:
    page = API_PAGE.read_text("utf-8")
    for path, operations in openapi()["paths"].items():
        for method, op in operations.items():
            section = page.split(f"### {method.upper()} {path}\n", 1)[1].split("\n### ", 1)[0]
            for status in op["responses"]:
                assert f"\n| {status} |" in section, (method, path, status)


def test_errors_are_described_as_our_error_object() -> None:
    # FastAPI's default 422 body (HTTPValidationError) is not what the service sends.
    for operations in openapi()["paths"].values():
        for op in operations.values():
            for status, response in op["responses"].items():
                if status.startswith(("4", "5")):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorResponse"}


def test_check_mode_reports_a_stale_page(tmp_path: Path) -> None:
    stale = tmp_path / "api.md"
    stale.write_text("# HTTP API\n", encoding="utf-8")
    assert main(["--check", str(stale)]) == 1
    assert main(["--check", str(API_PAGE)]) == 0
