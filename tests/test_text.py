import pytest

from newsroom.text import fold, vn_slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đảng bộ Tp. Phan Rang - Tháp Chàm", "dang-bo-tp-phan-rang-thap-cham"),
        ("ĐƯỜNG ven biển đã thông xe", "duong-ven-bien-da-thong-xe"),
        ("Người dân đón Tết Nguyên đán 2025", "nguoi-dan-don-tet-nguyen-dan-2025"),
        ("Giá lúa tăng 5%: nông dân phấn khởi!", "gia-lua-tang-5-nong-dan-phan-khoi"),
    ],
)
def test_vietnamese_titles_fold_to_ascii_slugs(title, slug):
    assert vn_slugify(title) == slug


def test_fold_removes_diacritics_and_case_including_d_stroke():
    assert fold("THÁP CHÀM") == fold("Tháp Chàm") == "thap cham"
    assert fold("Đảng bộ") == "dang bo"
