"""Demo content for `manage.py seed_demo`: a fictional paper of the fictional tỉnh Sông Lam.

Everything here is original text written for this project; the people, places and
numbers are invented. Bodies use only what the editor and the sanitizer allow.
A body block equal to FIGURE_MARKER is replaced by a generated inline image figure
(the article's "figure" entry gives its alt text and caption).
"""

import re

FIGURE_MARKER = "<!--figure-->"

# Colours tint the generated cover images, one per tag.
TAGS: list[dict] = [
    {"name": "Thời sự", "color": "#b3261e"},
    {"name": "Kinh tế", "color": "#1f6f43"},
    {"name": "Xã hội", "color": "#8a4b08"},
    {"name": "Giáo dục", "color": "#1d4f91"},
    {"name": "Y tế", "color": "#0f7c80"},
    {"name": "Văn hóa", "color": "#7b2d8b"},
    {"name": "Thể thao", "color": "#c2410c"},
    {"name": "Du lịch", "color": "#0369a1"},
]

# "username" links a byline to a demo staff account; None is a contributor or pen name.
AUTHORS: list[dict] = [
    {
        "name": "Nguyễn Thị Lan",
        "username": "phongvien",
        "bio": "Phóng viên ban Thời sự – Xã hội, theo dõi giáo dục, y tế và đời sống đô thị "
        "thành phố Lam Giang.",
    },
    {
        "name": "Trần Minh Đức",
        "username": "bientap",
        "bio": "Biên tập viên ban Kinh tế, hơn mười lăm năm viết về nông nghiệp, "
        "hợp tác xã và doanh nghiệp địa phương.",
    },
    {
        "name": "Lê Hoàng Nam",
        "username": "admin",
        "bio": "Thư ký tòa soạn, phụ trách tin thời sự và hoạt động của chính quyền "
        "các cấp trong tỉnh.",
    },
    {
        "name": "Võ Thị Thu Hà",
        "username": None,
        "bio": "Cộng tác viên mảng văn hóa, du lịch; thích những chuyến đi dài "
        "lên vùng cao Vân Sơn.",
    },
    {
        "name": "Phạm Quốc Bảo",
        "username": None,
        "bio": "Phóng viên thể thao, theo chân các đội tuyển của tỉnh từ sân cỏ đến sàn đấu.",
    },
    {
        "name": "Hải Đăng",
        "username": None,
        "bio": "Bút danh của một cộng tác viên lâu năm, viết ghi chép và bình luận về biển, "
        "nghề cá và đời sống vùng duyên hải.",
    },
]


def _html(text: str) -> str:
    """Blocks are separated by blank lines in the source; each is folded onto one line."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return "\n".join(" ".join(block.split()) for block in blocks)


# hours_ago: published_at = now - hours_ago (negative = scheduled); None when not published.
ARTICLES: list[dict] = [
    {
        "title": "Đường ven biển Cửa Lam – Hòa Phong thông xe giai đoạn 1",
        "summary": """Sáng nay, tuyến đường ven biển nối huyện Cửa Lam với thị xã Hòa Phong
            chính thức thông xe giai đoạn 1 với chiều dài 18 km, rút ngắn gần một nửa thời gian
            đi lại giữa hai địa phương.""",
        "body": """
            <p>Tuyến đường có mặt cắt ngang rộng 32 m, gồm bốn làn xe cơ giới, dải phân cách
            giữa và vỉa hè trồng cây chắn gió. Giai đoạn 1 được khởi công từ cuối năm ngoái
            với tổng mức đầu tư khoảng 1.450 tỷ đồng từ ngân sách trung ương và địa phương.</p>

            <p>Theo Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh, đơn vị
            thi công đã tăng ca trong những tháng mùa khô để về đích sớm hơn kế hoạch gần hai
            tháng. Trước đây, người dân đi từ trung tâm huyện Cửa Lam sang Hòa Phong phải vòng
            qua quốc lộ, mất khoảng 50 phút; nay quãng đường này chỉ còn chừng 25 phút.</p>

            <!--figure-->

            <h2>Mở dư địa cho du lịch và nuôi trồng thủy sản</h2>

            <p>Phát biểu tại lễ thông xe, ông Nguyễn Văn Tâm, Phó Chủ tịch UBND tỉnh, cho rằng
            tuyến đường không chỉ phục vụ đi lại mà còn tạo <strong>trục động lực mới</strong>
            cho dải ven biển phía đông tỉnh, nơi nhiều dự án du lịch nghỉ dưỡng và vùng nuôi
            tôm công nghệ cao đang chờ kết nối hạ tầng.</p>

            <blockquote><p>“Chúng tôi yêu cầu chủ đầu tư hoàn thiện hệ thống chiếu sáng, biển
            báo và các điểm dừng đỗ trước mùa mưa bão, bảo đảm an toàn cho người tham gia giao
            thông”, ông Tâm nói.</p></blockquote>

            <p>Giai đoạn 2 của dự án, dài 14 km nối tiếp về phía bắc, dự kiến khởi công trong
            quý tới sau khi hoàn tất giải phóng mặt bằng. Xem thêm:
            <a href="/articles/hon-300-tinh-nguyen-vien-ra-quan-lam-sach-bo-bien-cua-lam/">thanh
            niên Cửa Lam ra quân làm sạch bờ biển</a>.</p>
        """,
        "tags": ["Thời sự", "Kinh tế"],
        "authors": ["Lê Hoàng Nam", "Nguyễn Thị Lan"],
        "hours_ago": 3,
        "status": "published",
        "cover_caption": "Xe cộ lưu thông trên tuyến đường ven biển ngay sau lễ thông xe. "
        "Ảnh: Lê Hoàng Nam",
        "cover_alt": "Dòng xe máy và ô tô chạy trên con đường bốn làn xe sát bờ biển",
        "figure": {
            "alt": "Tuyến đường bốn làn xe chạy song song bờ biển, hai bên trồng phi lao",
            "caption": "Đoạn tuyến qua xã Hải Hòa, huyện Cửa Lam. Ảnh: Nguyễn Thị Lan",
        },
    },
    {
        "title": "Sông Lam cấm tàu thuyền ra khơi để ứng phó áp thấp nhiệt đới",
        "summary": """Từ 12 giờ trưa nay, tỉnh Sông Lam cấm tàu thuyền ra khơi và yêu cầu các
            địa phương ven biển hoàn tất sơ tán người dân ở khu vực xung yếu trước khi áp thấp
            nhiệt đới đi vào đất liền.""",
        "body": """
            <p>Theo Đài Khí tượng Thủy văn tỉnh, lúc 7 giờ sáng nay, tâm áp thấp nhiệt đới nằm
            trên vùng biển cách đất liền khoảng 250 km, sức gió mạnh nhất cấp 7, giật cấp 9.
            Trong 24 giờ tới, áp thấp di chuyển chủ yếu theo hướng tây tây bắc, mỗi giờ đi được
            10–15 km và có khả năng mạnh thêm.</p>

            <p>Ban Chỉ huy phòng thủ dân sự tỉnh cho biết đến sáng nay đã liên lạc được với
            toàn bộ 1.126 tàu cá đang hoạt động trên biển; phần lớn đã vào bờ hoặc đang di
            chuyển về nơi tránh trú an toàn.</p>

            <h2>Các yêu cầu khẩn</h2>

            <ul>
            <li>Không để người ở lại trên tàu, lồng bè và chòi canh nuôi trồng thủy sản khi áp
            thấp đổ bộ.</li>
            <li>Kiểm tra, gia cố nhà cửa; cắt tỉa cây xanh trên các tuyến phố chính của thành
            phố Lam Giang.</li>
            <li>Vận hành hồ chứa đúng quy trình, thông báo sớm cho người dân vùng hạ du trước
            khi xả lũ.</li>
            </ul>

            <p>Người dân cần hỗ trợ khẩn cấp có thể gọi số <strong>112</strong> hoặc liên hệ
            trực tiếp Ban Chỉ huy phòng thủ dân sự cấp xã nơi cư trú.</p>
        """,
        "tags": ["Thời sự", "Xã hội"],
        "authors": ["Nguyễn Thị Lan", "Hải Đăng"],
        "hours_ago": 8,
        "status": "published",
        "cover_caption": "Tàu cá neo đậu kín cảng cá Cửa Lam từ sáng nay. Ảnh: Hải Đăng",
        "cover_alt": "Hàng chục tàu cá sơn xanh đỏ neo sát nhau trong cảng, trời nhiều mây",
    },
    {
        "title": "Hơn 14.000 thí sinh Sông Lam bước vào kỳ thi tuyển sinh lớp 10",
        "summary": """Sáng nay, hơn 14.000 thí sinh trên địa bàn tỉnh Sông Lam làm thủ tục dự
            thi vào lớp 10 công lập. Ngành giáo dục bố trí 41 điểm thi, trong đó có một điểm thi
            riêng cho Trường THPT chuyên Lam Giang.""",
        "body": """
            <p>Năm nay, các trường THPT công lập trong tỉnh tuyển khoảng 11.200 học sinh lớp
            10, đồng nghĩa gần 80% thí sinh có cơ hội trúng tuyển. Thí sinh thi ba môn bắt buộc
            gồm Ngữ văn, Toán và Tiếng Anh; thí sinh đăng ký vào trường chuyên làm thêm bài thi
            môn chuyên.</p>

            <h2>Số điểm thi theo địa bàn</h2>

            <table>
            <thead><tr><th>Địa bàn</th><th>Số điểm thi</th><th>Số thí sinh</th></tr></thead>
            <tbody>
            <tr><td>Thành phố Lam Giang</td><td>12</td><td>4.380</td></tr>
            <tr><td>Thị xã Hòa Phong</td><td>8</td><td>2.950</td></tr>
            <tr><td>Huyện Thạch Lâm</td><td>7</td><td>2.610</td></tr>
            <tr><td>Huyện Cửa Lam</td><td>6</td><td>2.040</td></tr>
            <tr><td>Huyện Tân Điền</td><td>5</td><td>1.430</td></tr>
            <tr><td>Huyện Vân Sơn</td><td>3</td><td>760</td></tr>
            </tbody>
            </table>

            <p>Tại điểm thi Trường THCS Nguyễn Du, nhiều phụ huynh có mặt từ 6 giờ sáng. Chị
            Trần Thị Mai, phụ huynh ở phường Tân An, chia sẻ con gái chị đã ôn tập kỹ nên khá tự
            tin, “chỉ mong con giữ được bình tĩnh trong phòng thi”.</p>

            <p>Sở Giáo dục và Đào tạo cho biết điểm thi sẽ được công bố sau khoảng 10 ngày.
            Danh sách chi tiết các điểm thi được đính kèm dưới bài viết.</p>
        """,
        "tags": ["Giáo dục"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 20,
        "status": "published",
        "cover_caption": "Thí sinh xem số báo danh trước giờ thi tại Trường THCS Nguyễn Du. "
        "Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Nhóm học sinh mặc áo trắng đứng xem bảng danh sách dán trên tường",
        "attachments": [
            {
                "name": "Danh sách điểm thi tuyển sinh lớp 10.csv",
                "title": "Danh sách điểm thi tuyển sinh lớp 10 (bảng tính)",
                "content": (
                    "Mã điểm thi,Tên điểm thi,Địa bàn,Số phòng thi\n"
                    "01,Trường THPT chuyên Lam Giang,Thành phố Lam Giang,24\n"
                    "02,Trường THCS Nguyễn Du,Thành phố Lam Giang,18\n"
                    "03,Trường THCS Trần Quốc Toản,Thành phố Lam Giang,16\n"
                    "13,Trường THPT Hòa Phong,Thị xã Hòa Phong,20\n"
                    "21,Trường THPT Thạch Lâm,Huyện Thạch Lâm,17\n"
                    "28,Trường THPT Cửa Lam,Huyện Cửa Lam,15\n"
                    "34,Trường THPT Tân Điền,Huyện Tân Điền,14\n"
                    "39,Trường Phổ thông Dân tộc nội trú Vân Sơn,Huyện Vân Sơn,12\n"
                ),
            }
        ],
    },
    {
        "title": "Giá sầu riêng giảm, nhà vườn Vân Sơn tìm đầu ra qua thương mại điện tử",
        "summary": """Giá sầu riêng tại vườn ở huyện Vân Sơn giảm khoảng 30% so với đầu vụ,
            nhiều hộ trồng đã chủ động livestream, đăng bán trên các sàn thương mại điện tử để
            giữ đầu ra.""",
        "body": """
            <p>Những ngày này, tại xã Suối Tre, thương lái thu mua sầu riêng loại 1 với giá
            55.000–60.000 đồng/kg, thấp hơn khoảng 25.000 đồng so với đầu vụ. Nguyên nhân chính
            là sản lượng tăng mạnh trong khi lượng hàng xuất khẩu chậm lại.</p>

            <p>Anh Hồ Văn Sơn, chủ vườn 3 ha, cho biết thay vì chờ thương lái, gia đình anh
            chụp ảnh, quay video quá trình thu hái và đăng bán trực tiếp. “Mỗi tối tôi livestream
            khoảng hai tiếng, trung bình chốt được 80 đến 100 đơn, giá cao hơn bán xô cho
            thương lái”, anh Sơn nói.</p>

            <h2>Cần truy xuất nguồn gốc</h2>

            <p>Theo Phòng Kinh tế huyện Vân Sơn, toàn huyện có khoảng 1.800 ha sầu riêng, trong
            đó 420 ha đã được cấp mã số vùng trồng. Huyện đang hỗ trợ các hợp tác xã in tem
            truy xuất nguồn gốc để khách mua trực tuyến yên tâm hơn về chất lượng.</p>

            <p>Ông Lý Minh Quang, Trưởng phòng Kinh tế huyện, khuyến cáo nhà vườn <em>không cắt
            trái non</em> để chạy theo giá, vì sầu riêng chưa đủ độ chín sẽ làm mất uy tín của
            cả vùng trồng.</p>
        """,
        "tags": ["Kinh tế"],
        "authors": ["Trần Minh Đức"],
        "hours_ago": 30,
        "status": "published",
        "cover_caption": "Anh Hồ Văn Sơn giới thiệu sầu riêng trong một buổi bán hàng trực "
        "tuyến. Ảnh: Trần Minh Đức",
        "cover_alt": "Người đàn ông cầm trái sầu riêng trước điện thoại gắn trên giá đỡ",
    },
    {
        "title": "Câu lạc bộ Lam Giang thắng kịch tính đội đầu bảng trên sân nhà",
        "summary": """Bàn thắng ở phút bù giờ của tiền đạo trẻ Đặng Văn Khoa giúp Câu lạc bộ Lam
            Giang thắng 2-1 trước đội dẫn đầu bảng, thu hẹp khoảng cách với nhóm tranh vé thăng
            hạng.""",
        "body": """
            <p>Trận đấu tối qua trên sân vận động tỉnh thu hút gần 9.000 khán giả, con số cao
            nhất từ đầu mùa. Đội khách nhập cuộc tốt và mở tỷ số ở phút 23 sau một pha phản
            công nhanh.</p>

            <p>Sau giờ nghỉ, huấn luyện viên Phan Thanh Hải tung vào sân hai cầu thủ trẻ để
            tăng sức ép. Phút 67, trung vệ Lưu Quốc Thái đánh đầu gỡ hòa từ quả phạt góc. Khi
            trận đấu tưởng chừng khép lại với tỷ số hòa, Đặng Văn Khoa dứt điểm chéo góc ở phút
            90+3, mang về ba điểm cho đội chủ nhà.</p>

            <blockquote><p>“Các cầu thủ đã chơi với tinh thần không bỏ cuộc. Chiến thắng này
            dành cho khán giả đã ở lại cổ vũ đến phút cuối cùng”, huấn luyện viên Phan Thanh Hải
            nói sau trận.</p></blockquote>

            <p>Với kết quả này, Câu lạc bộ Lam Giang có 24 điểm sau 13 vòng, đứng thứ tư trên
            bảng xếp hạng. Vòng tới, đội sẽ làm khách trên sân của một đội bóng đang ở nhóm cuối
            bảng.</p>
        """,
        "tags": ["Thể thao"],
        "authors": ["Phạm Quốc Bảo"],
        "hours_ago": 40,
        "status": "published",
        "cover_caption": "Các cầu thủ Lam Giang ăn mừng bàn thắng ở phút bù giờ. "
        "Ảnh: Phạm Quốc Bảo",
        "cover_alt": "Cầu thủ áo xanh dang tay chạy về phía khán đài, đồng đội đuổi theo sau",
    },
    {
        "title": "Đảng bộ thành phố Lam Giang sơ kết 6 tháng, tập trung cải cách thủ tục "
        "hành chính",
        "summary": """Hội nghị Ban Chấp hành Đảng bộ thành phố Lam Giang sơ kết 6 tháng đầu năm
            xác định cải cách thủ tục hành chính và giải ngân vốn đầu tư công là hai nhiệm vụ
            trọng tâm của những tháng cuối năm.""",
        "body": """
            <p>Theo báo cáo tại hội nghị, 6 tháng đầu năm, tổng giá trị sản xuất trên địa bàn
            thành phố tăng khoảng 8,2% so với cùng kỳ; thu ngân sách đạt 56% dự toán. Thành phố
            đã hoàn thành sắp xếp các phòng, ban chuyên môn và đưa Trung tâm Phục vụ hành chính
            công vào hoạt động ổn định.</p>

            <p>Tuy vậy, giải ngân vốn đầu tư công mới đạt khoảng 38% kế hoạch; một số dự án
            chỉnh trang đô thị còn vướng mặt bằng. Tỷ lệ hồ sơ được giải quyết trực tuyến toàn
            trình vẫn thấp so với yêu cầu.</p>

            <h2>Ba nhóm giải pháp</h2>

            <ol>
            <li>Rà soát, cắt giảm ít nhất 20% thời gian giải quyết các thủ tục liên quan đến đất
            đai và xây dựng.</li>
            <li>Phân công lãnh đạo trực tiếp phụ trách từng dự án chậm giải ngân, báo cáo tiến
            độ hằng tuần.</li>
            <li>Đẩy mạnh thanh toán không dùng tiền mặt và dịch vụ công trực tuyến tại các
            phường, xã.</li>
            </ol>

            <p>Kết luận hội nghị, Bí thư Thành ủy Lam Giang Trương Quang Vinh nhấn mạnh người
            đứng đầu các cơ quan, đơn vị phải chịu trách nhiệm nếu để hồ sơ của người dân, doanh
            nghiệp bị chậm trễ mà không có lý do chính đáng.</p>
        """,
        "tags": ["Thời sự"],
        "authors": ["Lê Hoàng Nam"],
        "hours_ago": 46,
        "status": "published",
        "cover_caption": "Quang cảnh hội nghị sơ kết 6 tháng của Đảng bộ thành phố Lam Giang. "
        "Ảnh: Lê Hoàng Nam",
        "cover_alt": "Hội trường đông người ngồi theo hàng ghế, phía trước là sân khấu có phông đỏ",
    },
    {
        "title": "Bệnh viện Đa khoa tỉnh Sông Lam triển khai bệnh án điện tử",
        "summary": """Bệnh viện Đa khoa tỉnh Sông Lam chính thức dùng bệnh án điện tử thay cho
            hồ sơ giấy; người bệnh không còn phải mang theo phim chụp và kết quả xét nghiệm khi
            tái khám.""",
        "body": """
            <p>Sau gần một năm chuẩn bị, toàn bộ 28 khoa lâm sàng và cận lâm sàng của bệnh viện
            đã kết nối trên cùng một hệ thống. Bác sĩ có thể xem lại kết quả xét nghiệm, hình
            ảnh chụp chiếu và đơn thuốc của các lần khám trước ngay trên máy tính tại phòng
            khám.</p>

            <p>Bác sĩ chuyên khoa II Hoàng Thị Ngọc, Giám đốc bệnh viện, cho biết mỗi năm bệnh
            viện tiết kiệm được khoảng 2 tỷ đồng chi phí in phim và giấy tờ. Quan trọng hơn,
            thời gian chờ đợi của người bệnh giảm rõ rệt vì hồ sơ không phải chuyển tay giữa các
            khoa.</p>

            <h3>Người bệnh cần lưu ý</h3>

            <ul>
            <li>Mang theo căn cước hoặc dùng ứng dụng định danh điện tử khi đăng ký khám.</li>
            <li>Kết quả xét nghiệm được gửi qua ứng dụng của bệnh viện; bản giấy chỉ in khi
            người bệnh yêu cầu.</li>
            <li>Dữ liệu bệnh án được bảo mật, chỉ nhân viên y tế trực tiếp điều trị mới được
            truy cập.</li>
            </ul>

            <p>Bệnh viện là đơn vị đầu tiên của tỉnh hoàn thành bệnh án điện tử. Sở Y tế đặt
            mục tiêu các bệnh viện tuyến huyện hoàn thành trong năm tới.</p>
        """,
        "tags": ["Y tế"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 60,
        "status": "published",
        "cover_caption": "Bác sĩ xem kết quả chụp chiếu trên hệ thống bệnh án điện tử. "
        "Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Bác sĩ mặc áo blouse trắng ngồi trước hai màn hình máy tính",
    },
    {
        "title": "Lễ hội Cầu Ngư Cửa Lam năm nay kéo dài ba ngày với nhiều hoạt động mới",
        "summary": """Lễ hội Cầu Ngư truyền thống của ngư dân huyện Cửa Lam năm nay được tổ chức
            trong ba ngày, lần đầu có đua thuyền thúng và chợ đêm hải sản phục vụ du khách.""",
        "body": """
            <p>Lễ hội Cầu Ngư là dịp để cư dân các làng chài tưởng nhớ các bậc tiền nhân đã khai
            phá vùng đất, cầu mong một năm biển lặng, tôm cá đầy khoang. Phần lễ được giữ
            nguyên theo nghi thức truyền thống tại lăng Ông ở thị trấn Cửa Lam, gồm lễ rước,
            lễ tế và hát bả trạo.</p>

            <p>Phần hội năm nay mở rộng với nhiều hoạt động mới:</p>

            <ul>
            <li><strong>Đua thuyền thúng</strong> giữa các đội ngư dân của 7 xã ven biển;</li>
            <li><strong>Chợ đêm hải sản</strong> với hơn 60 gian hàng đặc sản địa phương;</li>
            <li>trưng bày ảnh “Làng chài xưa và nay” của các nhiếp ảnh gia trong tỉnh;</li>
            <li>đêm nghệ thuật bài chòi và dân ca ven biển.</li>
            </ul>

            <p>Ông Lê Văn Thạnh, Trưởng ban Tổ chức, cho biết ban tổ chức đã làm việc với các cơ
            sở lưu trú để niêm yết giá phòng công khai, không để xảy ra tình trạng “chặt chém”
            du khách trong những ngày diễn ra lễ hội.</p>

            <p>Kế hoạch chi tiết và lịch các hoạt động được đính kèm dưới bài viết.</p>
        """,
        "tags": ["Văn hóa", "Du lịch"],
        "authors": ["Võ Thị Thu Hà"],
        "hours_ago": 75,
        "status": "published",
        "cover_caption": "Đoàn rước trong phần lễ của Lễ hội Cầu Ngư năm trước. Ảnh: Võ Thị Thu Hà",
        "cover_alt": "Đoàn người mặc áo dài khăn đóng khiêng kiệu đi dọc bờ biển, cờ ngũ sắc "
        "tung bay",
        "attachments": [
            {
                "name": "Kế hoạch tổ chức lễ hội.pdf",
                "title": "Kế hoạch tổ chức Lễ hội Cầu Ngư Cửa Lam",
                "content": (
                    "Kế hoạch tổ chức Lễ hội Cầu Ngư Cửa Lam\n"
                    "Ngày thứ nhất: lễ rước, lễ tế tại lăng Ông; khai mạc chợ đêm hải sản.\n"
                    "Ngày thứ hai: đua thuyền thúng; trưng bày ảnh Làng chài xưa và nay.\n"
                    "Ngày thứ ba: hát bả trạo; đêm nghệ thuật bài chòi; bế mạc.\n"
                    "Tài liệu mẫu cho bản demo."
                ),
            }
        ],
    },
    {
        "title": "Bữa cơm 0 đồng ấm lòng người nhà bệnh nhân ở Lam Giang",
        "summary": """Mỗi trưa, trước cổng Bệnh viện Đa khoa tỉnh, nhóm thiện nguyện “Bếp Yêu
            Thương” phát hơn 300 suất cơm miễn phí cho bệnh nhân và người nhà có hoàn cảnh khó
            khăn.""",
        "body": """
            <p>Từ 9 giờ sáng, căn bếp nhỏ trong con hẻm trên đường Trần Phú đã nóng ran. Khoảng
            chục tình nguyện viên, phần lớn là phụ nữ đã nghỉ hưu, người nhặt rau, người đứng
            bếp, người chia cơm vào hộp. Đúng 11 giờ, những suất cơm còn nóng được chở đến cổng
            bệnh viện.</p>

            <p>Bà Đinh Thị Hạnh, người khởi xướng bếp ăn, kể nhóm bắt đầu với 30 suất mỗi tuần
            cách đây sáu năm. Nay, nhờ sự đóng góp của nhiều nhà hảo tâm, tiểu thương chợ Lam
            Giang và cả những người từng nhận cơm, bếp duy trì đều đặn mỗi ngày.</p>

            <blockquote><p>“Có cô chú từng ăn cơm của bếp, nay khỏe lại, tháng nào cũng gửi lên
            vài chục ký gạo. Nhìn vậy là chúng tôi có thêm động lực”, bà Hạnh nói.</p>
            </blockquote>

            <p>Ông Nguyễn Văn Hòa (56 tuổi, huyện Vân Sơn), có vợ đang điều trị tại khoa Thận
            nhân tạo, cho biết nhờ bữa cơm miễn phí mà mỗi tháng gia đình ông bớt được một khoản
            không nhỏ. “Ở đây lâu ngày, tiết kiệm được đồng nào hay đồng đó”, ông nói.</p>
        """,
        "tags": ["Xã hội"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 90,
        "status": "published",
        "cover_caption": "Tình nguyện viên Bếp Yêu Thương chia cơm trước cổng bệnh viện. "
        "Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Những người phụ nữ đeo tạp dề trao hộp cơm cho người xếp hàng",
    },
    {
        "title": "Khu công nghiệp Hòa Phong đón thêm ba dự án chế biến nông sản",
        "summary": """Ba dự án chế biến nông sản với tổng vốn đăng ký khoảng 1.200 tỷ đồng vừa
            được trao quyết định chủ trương đầu tư vào Khu công nghiệp Hòa Phong, dự kiến tạo
            việc làm cho hơn 1.500 lao động.""",
        "body": """
            <p>Các dự án tập trung chế biến sâu những sản phẩm thế mạnh của tỉnh như điều,
            trái cây và thủy sản, thay vì xuất khẩu thô như trước đây.</p>

            <table>
            <thead><tr><th>Dự án</th><th>Vốn đăng ký (tỷ đồng)</th><th>Lao động dự kiến</th>
            </tr></thead>
            <tbody>
            <tr><td>Nhà máy chế biến nhân điều xuất khẩu</td><td>420</td><td>600</td></tr>
            <tr><td>Nhà máy nước ép và trái cây sấy</td><td>350</td><td>450</td></tr>
            <tr><td>Nhà máy chế biến thủy sản đông lạnh</td><td>430</td><td>520</td></tr>
            </tbody>
            </table>

            <p>Theo Ban Quản lý các khu công nghiệp tỉnh, Khu công nghiệp Hòa Phong đã lấp đầy
            khoảng 62% diện tích. Hạ tầng giao thông được cải thiện, nhất là
            <a href="/articles/duong-ven-bien-cua-lam-hoa-phong-thong-xe-giai-doan-1/">tuyến
            đường ven biển vừa thông xe</a>, giúp rút ngắn thời gian vận chuyển hàng ra cảng.</p>

            <h2>Bài toán nguồn lao động</h2>

            <p>Đại diện các doanh nghiệp cho biết khó khăn lớn nhất là tuyển đủ lao động có tay
            nghề. Tỉnh đã giao các sở, ngành phối hợp với trường nghề mở lớp đào tạo theo đơn
            đặt hàng, đồng thời quy hoạch khu nhà ở cho công nhân gần khu công nghiệp.</p>
        """,
        "tags": ["Kinh tế"],
        "authors": ["Trần Minh Đức"],
        "hours_ago": 110,
        "status": "published",
        "cover_caption": "Một góc Khu công nghiệp Hòa Phong nhìn từ trên cao. Ảnh: Trần Minh Đức",
        "cover_alt": "Các dãy nhà xưởng mái tôn xanh xếp thẳng hàng bên những con đường nội bộ",
    },
    {
        "title": "Học sinh Lam Giang đoạt giải nhất khoa học kỹ thuật với robot phân loại rác",
        "summary": """Dự án robot phân loại rác tự động của hai học sinh lớp 11 Trường THPT
            chuyên Lam Giang vừa giành giải nhất cuộc thi khoa học kỹ thuật cấp tỉnh dành cho
            học sinh trung học.""",
        "body": """
            <p>Robot do Phạm Gia Huy và Nguyễn Ngọc Anh Thư thực hiện dùng camera và một mô hình
            nhận dạng hình ảnh đơn giản để phân biệt chai nhựa, lon kim loại, giấy và rác hữu
            cơ, rồi đưa từng loại vào đúng ngăn chứa. Trong phần trình diễn, robot phân loại
            chính xác khoảng 9 trên 10 món rác.</p>

            <p>Hai học sinh cho biết ý tưởng xuất phát từ những buổi lao động ở trường, khi các
            em thấy rác vẫn bị bỏ lẫn lộn dù sân trường đã có thùng phân loại. Toàn bộ linh kiện
            được mua với giá khoảng 4 triệu đồng; phần khung làm từ gỗ ép và ống nhựa tái sử
            dụng.</p>

            <p>Cô Lâm Thị Tuyết, giáo viên hướng dẫn, đánh giá điểm mạnh của dự án là <em>chi
            phí thấp và dễ nhân rộng</em>, có thể đặt tại trường học hoặc khu dân cư.</p>

            <p>Cuộc thi năm nay có 64 dự án của học sinh 25 trường, ở các lĩnh vực kỹ thuật,
            khoa học môi trường, hóa sinh và khoa học xã hội – hành vi. Các dự án đạt giải cao
            sẽ được chọn dự thi cấp quốc gia.</p>
        """,
        "tags": ["Giáo dục"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 130,
        "status": "published",
        "cover_caption": "Hai tác giả trình diễn robot phân loại rác trước ban giám khảo. "
        "Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Một nam và một nữ sinh đứng cạnh chiếc máy có bốn ngăn chứa rác",
    },
    {
        "title": "Phục dựng nghề dệt thổ cẩm của đồng bào vùng cao Vân Sơn",
        "summary": """Từ chỗ chỉ còn vài người cao tuổi biết dệt, nghề dệt thổ cẩm ở thôn Đăk
            Rô, huyện Vân Sơn đang hồi sinh nhờ lớp truyền nghề cho phụ nữ trẻ và những đơn
            hàng từ khách du lịch.""",
        "body": """
            <p>Trong căn nhà sàn ở đầu thôn, tiếng khung cửi lách cách vang đều. Bà Hồ Thị Lý,
            72 tuổi, người dệt giỏi nhất thôn, vừa luồn sợi vừa chỉ cho các cô gái trẻ cách
            phối màu đỏ, đen và vàng theo những hoa văn hình mặt trời, con chim và cây lúa.</p>

            <!--figure-->

            <p>Cách đây 5 năm, cả thôn chỉ còn ba người biết dệt. Vải công nghiệp rẻ, tiện lợi
            khiến khung cửi bị xếp xó. Năm ngoái, với sự hỗ trợ của Phòng Văn hóa huyện, thôn
            mở lớp truyền nghề cho 25 học viên, phần lớn là phụ nữ dưới 35 tuổi.</p>

            <h2>Sản phẩm theo chân du khách</h2>

            <p>Hiện tổ hợp tác dệt của thôn làm ra khăn quàng, túi xách, bao gối và cả vải may
            áo dài cách tân. Mỗi tháng, tổ bán được khoảng 15–20 triệu đồng, chủ yếu cho du
            khách ghé thăm thôn và qua các cửa hàng lưu niệm ở thành phố Lam Giang.</p>

            <blockquote><p>“Dệt được một tấm vải đẹp mất cả tuần. Giờ bán được tiền, các cháu
            mới chịu ngồi khung cửi, nghề của ông bà mới giữ được”, bà Lý nói.</p></blockquote>
        """,
        "tags": ["Văn hóa"],
        "authors": ["Võ Thị Thu Hà"],
        "hours_ago": 150,
        "status": "published",
        "cover_caption": "Bà Hồ Thị Lý bên khung cửi trong căn nhà sàn ở thôn Đăk Rô. "
        "Ảnh: Võ Thị Thu Hà",
        "cover_alt": "Người phụ nữ lớn tuổi ngồi dệt vải trên khung cửi bằng gỗ",
        "figure": {
            "alt": "Một phụ nữ trẻ ngồi bên khung cửi, tấm vải thổ cẩm nhiều màu đang dệt dở",
            "caption": "Học viên lớp truyền nghề thực hành dệt hoa văn truyền thống. "
            "Ảnh: Võ Thị Thu Hà",
        },
    },
    {
        "title": "Ba cung đường trekking mới ở Vân Sơn cho người mê khám phá",
        "summary": """Huyện Vân Sơn vừa đưa vào khai thác ba cung đường đi bộ xuyên rừng có
            người dân địa phương dẫn đường, từ cung dành cho người mới đến hành trình hai ngày
            cắm trại trên đỉnh núi.""",
        "body": """
            <p>Các cung đường được khảo sát, cắm biển chỉ dẫn và chạy thử trong gần một năm với
            sự tham gia của các tổ du lịch cộng đồng. Mỗi đoàn bắt buộc có ít nhất một hướng dẫn
            viên là người địa phương đã được tập huấn sơ cấp cứu.</p>

            <h2>Ba lựa chọn theo sức</h2>

            <ul>
            <li><strong>Thác Bảy Tầng</strong> – 6 km, khoảng 4 giờ, phù hợp gia đình và người
            mới.</li>
            <li><strong>Rừng lim Khe Nước</strong> – 12 km, đi trong ngày, có đoạn dốc cần sức
            bền.</li>
            <li><strong>Đỉnh Hòn Mây</strong> – 2 ngày 1 đêm, cắm trại ở độ cao gần 1.600 m,
            chỉ dành cho người đã có kinh nghiệm.</li>
            </ul>

            <p>Giá dịch vụ từ 250.000 đồng đến 1,8 triệu đồng mỗi người, đã gồm hướng dẫn viên,
            bữa ăn và vé vào rừng. Một phần doanh thu được trích lại cho quỹ bảo vệ rừng của
            thôn.</p>

            <p>Ban quản lý rừng phòng hộ Vân Sơn khuyến cáo du khách <em>không đi khi có mưa
            lớn</em>, không đốt lửa ngoài khu vực quy định và mang rác ra khỏi rừng.</p>
        """,
        "tags": ["Du lịch"],
        "authors": ["Võ Thị Thu Hà"],
        "hours_ago": 170,
        "status": "published",
        "cover_caption": "Du khách nghỉ chân bên thác Bảy Tầng. Ảnh: Võ Thị Thu Hà",
        "cover_alt": "Nhóm người đeo ba lô đứng trên tảng đá lớn cạnh dòng thác trắng xóa",
    },
    {
        "title": "Giải bóng chuyền bãi biển tỉnh Sông Lam quy tụ 24 đội",
        "summary": """Giải bóng chuyền bãi biển mở rộng tỉnh Sông Lam vừa khởi tranh trên bãi
            biển Cửa Lam với 24 đội nam, nữ đến từ các địa phương trong tỉnh và các câu lạc bộ
            khách mời.""",
        "body": """
            <p>Các đội thi đấu vòng bảng theo thể thức vòng tròn một lượt, chọn hai đội đứng
            đầu mỗi bảng vào tứ kết. Trận chung kết dự kiến diễn ra chiều chủ nhật, được truyền
            hình trực tiếp trên kênh của Đài Phát thanh và Truyền hình tỉnh.</p>

            <p>Ngay ngày khai mạc, khán đài tạm dựng trên cát đã kín chỗ. Nhiều du khách đang
            nghỉ tại Cửa Lam thích thú với các pha đập bóng mạnh mẽ và màn cổ vũ sôi động của
            cổ động viên các xã.</p>

            <p>Theo Sở Văn hóa, Thể thao và Du lịch, giải là một trong chuỗi hoạt động thể thao
            – du lịch mùa hè nhằm kéo dài thời gian lưu trú của du khách. Tổng giá trị giải
            thưởng năm nay là 120 triệu đồng.</p>
        """,
        "tags": ["Thể thao", "Du lịch"],
        "authors": ["Phạm Quốc Bảo"],
        "hours_ago": 190,
        "status": "published",
        "cover_caption": "Một pha bật đập trong trận mở màn giải đấu. Ảnh: Phạm Quốc Bảo",
        "cover_alt": "Vận động viên nhảy cao đập bóng qua lưới trên sân cát, phía sau là biển",
    },
    {
        "title": "Tiêm bổ sung vắc-xin sởi cho trẻ em ở ba huyện vùng cao",
        "summary": """Ngành y tế Sông Lam triển khai tiêm bổ sung vắc-xin sởi cho khoảng 6.500
            trẻ từ 1 đến 10 tuổi tại Vân Sơn, Thạch Lâm và Tân Điền, nơi tỷ lệ tiêm chủng còn
            thấp.""",
        "body": """
            <p>Theo Trung tâm Kiểm soát bệnh tật tỉnh, từ đầu năm, tỉnh ghi nhận 37 ca sốt phát
            ban nghi sởi, trong đó 11 ca dương tính, phần lớn là trẻ chưa tiêm hoặc tiêm chưa đủ
            mũi. Các ca bệnh tập trung ở những thôn xa trung tâm, giao thông khó khăn.</p>

            <p>Để không bỏ sót trẻ, các trạm y tế tổ chức điểm tiêm lưu động tại nhà văn hóa
            thôn, phối hợp với già làng, trưởng thôn vận động người dân đưa con đi tiêm.</p>

            <h3>Phụ huynh cần làm gì</h3>

            <ol>
            <li>Mang theo sổ hoặc phiếu tiêm chủng của trẻ (nếu có) khi đến điểm tiêm.</li>
            <li>Cho trẻ ở lại theo dõi 30 phút sau tiêm, tiếp tục theo dõi tại nhà trong 24
            giờ.</li>
            <li>Đưa trẻ đến cơ sở y tế ngay nếu thấy sốt cao, phát ban, khó thở hoặc quấy khóc
            bất thường.</li>
            </ol>

            <p>Bác sĩ Trịnh Văn Lực, Phó Giám đốc Trung tâm, cho biết vắc-xin sởi an toàn, hiệu
            quả; tiêm đủ hai mũi là cách tốt nhất để bảo vệ trẻ và cộng đồng.</p>
        """,
        "tags": ["Y tế", "Xã hội"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 215,
        "status": "published",
        "cover_caption": "Nhân viên y tế tiêm vắc-xin cho trẻ tại nhà văn hóa thôn. "
        "Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Nữ nhân viên y tế đeo khẩu trang tiêm vào tay một bé gái đang được mẹ bế",
    },
    {
        "title": "Ngư dân Cửa Lam trúng mùa cá cơm",
        "summary": """Sau nhiều chuyến biển thua lỗ vì giá dầu cao, ngư dân huyện Cửa Lam đang
            vào mùa cá cơm bội thu, mỗi chuyến đánh bắt trong ngày thu về vài chục triệu
            đồng.""",
        "body": """
            <p>Bốn giờ sáng, bến cá Cửa Lam đã sáng đèn. Những chiếc ghe vừa cập bờ, ngư dân
            nhanh tay chuyển từng sọt cá cơm còn tươi rói lên cho các bạn hàng chờ sẵn. Tiếng
            gọi nhau, tiếng mặc cả rộn cả một góc biển.</p>

            <p>Ông Mai Văn Lộc, chủ ghe ở xã Hải Hòa, cho biết đêm qua ghe ông kéo được gần 2
            tấn cá. Với giá 14.000–16.000 đồng/kg, trừ chi phí dầu, đá và tiền công, cả ghe lãi
            hơn 15 triệu đồng. “Mấy năm rồi mới có mùa cá như vầy”, ông cười.</p>

            <p>Phần lớn cá cơm được các cơ sở trong huyện thu mua để làm nước mắm và phơi khô.
            Các cơ sở chế biến cũng tăng ca, thuê thêm phụ nữ trong làng để kịp sơ chế.</p>

            <p>Tuy vậy, ngư dân lo giá sẽ giảm khi sản lượng tiếp tục tăng. Chi cục Thủy sản
            tỉnh khuyến cáo bà con ghi nhật ký khai thác đầy đủ, không dùng lưới có mắt nhỏ hơn
            quy định để giữ nguồn lợi cho những mùa sau.</p>
        """,
        "tags": ["Kinh tế"],
        "authors": ["Hải Đăng"],
        "hours_ago": 240,
        "status": "published",
        "cover_caption": "Cá cơm được chuyển lên bến Cửa Lam lúc rạng sáng. Ảnh: Hải Đăng",
        "cover_alt": "Ngư dân khiêng những sọt cá nhỏ ánh bạc từ ghe lên bờ dưới ánh đèn",
    },
    {
        "title": "Sông Lam công bố đường dây nóng tiếp nhận phản ánh về thủ tục hành chính",
        "summary": """UBND tỉnh Sông Lam vừa công bố số đường dây nóng và các kênh trực tuyến
            để người dân, doanh nghiệp phản ánh việc giải quyết thủ tục hành chính chậm, gây
            phiền hà hoặc đòi hỏi giấy tờ ngoài quy định.""",
        "body": """
            <p>Theo quyết định của UBND tỉnh, mọi phản ánh phải được tiếp nhận, phân loại và
            chuyển đến cơ quan có thẩm quyền trong vòng một ngày làm việc. Cơ quan được giao xử
            lý phải trả lời người phản ánh chậm nhất sau 10 ngày làm việc.</p>

            <p>Người dân có thể phản ánh qua các kênh sau:</p>

            <ul>
            <li>đường dây nóng của Văn phòng UBND tỉnh (trực trong giờ hành chính);</li>
            <li>Cổng dịch vụ công của tỉnh, mục “Phản ánh, kiến nghị”;</li>
            <li>hộp thư góp ý đặt tại Trung tâm Phục vụ hành chính công tỉnh và các huyện.</li>
            </ul>

            <p>Ông Nguyễn Văn Tâm, Phó Chủ tịch UBND tỉnh, khẳng định tỉnh sẽ <strong>công
            khai kết quả xử lý</strong> các phản ánh hằng quý và xem đây là một tiêu chí đánh giá
            mức độ hoàn thành nhiệm vụ của người đứng đầu cơ quan, đơn vị.</p>

            <p>Danh sách số điện thoại đường dây nóng của các sở, ngành và địa phương được đính
            kèm dưới bài viết.</p>
        """,
        "tags": ["Thời sự"],
        "authors": ["Lê Hoàng Nam"],
        "hours_ago": 265,
        "status": "published",
        "cover_caption": "Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công tỉnh. "
        "Ảnh: Lê Hoàng Nam",
        "cover_alt": "Dãy quầy tiếp nhận hồ sơ, người dân ngồi chờ trên hàng ghế phía trước",
        "attachments": [
            {
                "name": "Danh sách số điện thoại đường dây nóng.txt",
                "title": "Danh sách số điện thoại đường dây nóng",
                "content": (
                    "DANH SÁCH SỐ ĐIỆN THOẠI ĐƯỜNG DÂY NÓNG\n"
                    "(Tài liệu mẫu cho bản demo; các số điện thoại dưới đây không có thật.)\n"
                    "\n"
                    "Văn phòng UBND tỉnh Sông Lam ........ 0000.111.001\n"
                    "Sở Tài nguyên và Môi trường ......... 0000.111.002\n"
                    "Sở Xây dựng ......................... 0000.111.003\n"
                    "UBND thành phố Lam Giang ............ 0000.111.010\n"
                    "UBND thị xã Hòa Phong ............... 0000.111.011\n"
                    "UBND huyện Cửa Lam .................. 0000.111.012\n"
                ),
            }
        ],
    },
    {
        "title": "Hơn 300 tình nguyện viên ra quân làm sạch bờ biển Cửa Lam",
        "summary": """Sáng chủ nhật, hơn 300 đoàn viên, học sinh và du khách cùng nhặt rác dọc 3
            km bờ biển Cửa Lam, thu gom gần 2 tấn rác thải, phần lớn là đồ nhựa dùng một
            lần.""",
        "body": """
            <p>Chương trình do Tỉnh đoàn Sông Lam phối hợp với UBND huyện Cửa Lam tổ chức, mở
            đầu cho chiến dịch “Biển xanh không rác thải nhựa” kéo dài đến hết mùa du lịch.</p>

            <p>Chỉ sau hơn hai giờ, các nhóm tình nguyện đã gom được hàng trăm bao rác gồm chai
            nhựa, túi ni-lông, lưới đánh cá cũ và xốp. Rác được phân loại ngay tại chỗ; phần có
            thể tái chế được chuyển cho một cơ sở thu mua phế liệu.</p>

            <blockquote><p>“Em đi du lịch với gia đình, thấy mọi người nhặt rác nên xin tham
            gia. Nhặt rồi mới thấy rác nhiều hơn mình tưởng”, em Lê Bảo Ngọc, học sinh lớp 8,
            chia sẻ.</p></blockquote>

            <p>Ban tổ chức cho biết sẽ đặt thêm 50 thùng rác phân loại dọc bãi biển và vận động
            các quán ăn ven biển hạn chế dùng ống hút, hộp xốp.</p>
        """,
        "tags": ["Xã hội", "Du lịch"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 290,
        "status": "published",
        "cover_caption": "Đoàn viên thanh niên nhặt rác trên bãi biển Cửa Lam. Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Hàng người mặc áo xanh tình nguyện cúi nhặt rác dọc bãi cát",
    },
    {
        "title": "Ra mắt tập thơ về người lính đảo của nhà thơ quê Thạch Lâm",
        "summary": """Tập thơ “Sóng gọi ngoài khơi” gồm 56 bài của nhà thơ Hà Minh Triết, người
            có 12 năm công tác trên các đảo, vừa ra mắt bạn đọc tại Thư viện tỉnh Sông Lam.""",
        "body": """
            <p>Những bài thơ trong tập được viết trong nhiều năm, phần lớn ngay trên đảo, giữa
            những ca trực đêm và những chuyến tàu tiếp tế. Thơ Hà Minh Triết mộc mạc, ít chữ,
            nhưng đọng lại những hình ảnh rất thật về người lính: nhớ mẹ, nhớ vườn rau nhà,
            thương cây bàng vuông lớn lên giữa gió mặn.</p>

            <p>Tại buổi ra mắt, nhiều bạn đọc trẻ đã đọc lại những câu thơ mình yêu thích,
            trong đó có đoạn:</p>

            <blockquote>
            <p><em>Đảo xa gió thổi quanh năm</em></p>
            <p><em>Con nằm nghe sóng xa xăm nhớ nhà</em></p>
            <p><em>Giàn bầu trước ngõ đã già</em></p>
            <p><em>Mẹ ơi, đảo cũng như là quê hương.</em></p>
            </blockquote>

            <p>Nhà thơ cho biết toàn bộ nhuận bút sẽ được dùng để mua sách tặng các tủ sách trên
            đảo và các trường học vùng biển của tỉnh.</p>

            <p>Tập thơ được Hội Văn học Nghệ thuật tỉnh hỗ trợ xuất bản, hiện có bán tại các nhà
            sách trong tỉnh.</p>
        """,
        "tags": ["Văn hóa"],
        "authors": ["Hải Đăng"],
        "hours_ago": 320,
        "status": "published",
        "cover_caption": "Nhà thơ Hà Minh Triết ký tặng sách cho bạn đọc. Ảnh: Hải Đăng",
        "cover_alt": "Người đàn ông tóc bạc ngồi ký vào cuốn sách, bạn đọc đứng xếp hàng",
    },
    {
        "title": "Sinh viên chế tạo máy sấy nông sản dùng năng lượng mặt trời",
        "summary": """Nhóm sinh viên khoa Cơ khí, Trường Đại học Sông Lam chế tạo thành công máy
            sấy nông sản dùng năng lượng mặt trời, giúp nông dân rút ngắn một nửa thời gian phơi
            sấy so với cách truyền thống.""",
        "body": """
            <p>Máy có dạng buồng sấy kín, mái lợp tấm thu nhiệt, bên trong đặt các khay inox
            nhiều tầng. Quạt hút chạy bằng pin mặt trời giúp không khí nóng lưu thông đều, còn
            cảm biến tự động ngắt khi nhiệt độ vượt ngưỡng cài đặt.</p>

            <p>Khi thử nghiệm tại một hợp tác xã ở huyện Tân Điền, máy sấy 20 kg chuối chỉ trong
            khoảng hai ngày nắng, trong khi phơi ngoài trời mất bốn đến năm ngày. Sản phẩm sạch
            hơn vì không bị bụi và côn trùng bám.</p>

            <p>Trưởng nhóm Võ Thành Đạt, sinh viên năm cuối, cho biết chi phí chế tạo khoảng 12
            triệu đồng, thấp hơn nhiều so với máy sấy công nghiệp. Nhóm đang hoàn thiện thiết kế
            để có thể <strong>lắp ráp từ vật liệu sẵn có</strong> ở địa phương.</p>

            <p>PGS.TS Lương Văn Bình, giảng viên hướng dẫn, cho biết nhà trường sẽ hỗ trợ nhóm
            đăng ký giải pháp hữu ích và kết nối với các hợp tác xã có nhu cầu.</p>
        """,
        "tags": ["Giáo dục", "Kinh tế"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 350,
        "status": "published",
        "cover_caption": "Nhóm sinh viên kiểm tra khay chuối trong buồng sấy. Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Ba sinh viên mở cửa một buồng sấy mái kính, bên trong là các khay chuối",
    },
    {
        "title": "Võ sĩ 17 tuổi của Sông Lam giành huy chương vàng giải vô địch trẻ toàn quốc",
        "summary": """Võ sĩ Trần Thị Kim Ngân giành huy chương vàng hạng cân 52 kg nữ tại giải vô
            địch võ cổ truyền trẻ toàn quốc, tấm huy chương vàng đầu tiên của đoàn Sông Lam tại
            giải năm nay.""",
        "body": """
            <p>Trong trận chung kết, Kim Ngân gặp đối thủ được đánh giá cao hơn về kinh nghiệm.
            Bị dẫn điểm sau hiệp một, cô gái 17 tuổi thay đổi chiến thuật, chủ động áp sát và
            ghi điểm liên tục bằng những đòn chân sở trường để thắng chung cuộc.</p>

            <p>Kim Ngân sinh ra ở một làng chài của huyện Cửa Lam, bắt đầu tập võ từ năm 10 tuổi
            tại câu lạc bộ của xã. Năm 14 tuổi, em được tuyển vào đội tuyển trẻ của tỉnh.</p>

            <blockquote><p>“Em cảm ơn thầy và ba mẹ đã luôn ở bên em. Em sẽ tiếp tục tập luyện để
            được khoác áo đội tuyển quốc gia”, Kim Ngân nói sau khi nhận huy chương.</p>
            </blockquote>

            <p>Tại giải năm nay, đoàn võ cổ truyền Sông Lam giành 1 huy chương vàng, 2 huy
            chương bạc và 4 huy chương đồng, xếp thứ chín toàn đoàn.</p>
        """,
        "tags": ["Thể thao"],
        "authors": ["Phạm Quốc Bảo"],
        "hours_ago": 380,
        "status": "published",
        "cover_caption": "Trần Thị Kim Ngân (giáp đỏ) trong trận chung kết. Ảnh: Phạm Quốc Bảo",
        "cover_alt": "Hai nữ võ sĩ mặc giáp đỏ và xanh giao đấu trên thảm thi đấu",
    },
    {
        "title": "Chợ phiên nông sản sạch cuối tuần hút khách ở Lam Giang",
        "summary": """Chợ phiên nông sản an toàn họp vào sáng thứ bảy và chủ nhật tại công viên
            Bờ Sông, thành phố Lam Giang, đã trở thành điểm mua sắm quen thuộc của nhiều gia
            đình sau ba tháng hoạt động.""",
        "body": """
            <p>Mới 6 giờ sáng, các gian hàng đã bày kín rau xanh, trái cây, trứng gà ta, mật ong
            rừng và gạo hữu cơ từ các hợp tác xã trong tỉnh. Mỗi sản phẩm đều có tem truy xuất
            nguồn gốc; người mua chỉ cần quét mã bằng điện thoại để biết nơi sản xuất.</p>

            <!--figure-->

            <p>Chị Phan Thị Thu, nhân viên văn phòng ở phường Tân An, cho biết tuần nào chị cũng
            đi chợ phiên. “Giá có nhỉnh hơn ngoài chợ một chút nhưng yên tâm về chất lượng, lại
            được mua tận tay người trồng”, chị nói.</p>

            <h2>Cầu nối cho hợp tác xã</h2>

            <p>Theo Sở Công Thương, chợ phiên hiện có 46 gian hàng của 31 hợp tác xã và tổ hợp
            tác, doanh thu mỗi phiên khoảng 250 triệu đồng. Nhiều hợp tác xã đã tìm được khách
            hàng là bếp ăn trường học và nhà hàng qua chợ phiên.</p>

            <p>Thời gian tới, thành phố sẽ nghiên cứu mở thêm điểm chợ phiên tại thị xã Hòa
            Phong.</p>
        """,
        "tags": ["Kinh tế", "Xã hội"],
        "authors": ["Trần Minh Đức"],
        "hours_ago": 410,
        "status": "published",
        "cover_caption": "Người dân mua sắm tại chợ phiên công viên Bờ Sông. Ảnh: Trần Minh Đức",
        "cover_alt": "Dãy gian hàng dưới mái che trắng, người mua đi lại giữa các sạp rau quả",
        "figure": {
            "alt": "Người dân chọn mua rau xanh tại một gian hàng có mái che màu xanh",
            "caption": "Gian hàng rau hữu cơ của một hợp tác xã huyện Thạch Lâm tại chợ phiên. "
            "Ảnh: Trần Minh Đức",
        },
    },
    {
        "title": "Đầm Ngọc Lan, điểm ngắm bình minh mới của du khách",
        "summary": """Mặt nước phẳng lặng, những bãi rong và các chòi canh tôm in bóng lúc bình
            minh đang khiến đầm Ngọc Lan ở huyện Cửa Lam trở thành điểm đến được nhiều bạn trẻ
            tìm đến.""",
        "body": """
            <p>Đầm Ngọc Lan rộng khoảng 400 ha, cách trung tâm thành phố Lam Giang chừng 35 km.
            Từ lâu, đây là nơi người dân địa phương nuôi tôm, cua và đánh bắt thủy sản. Chỉ vài
            năm gần đây, những bức ảnh bình minh trên đầm được chia sẻ trên mạng xã hội mới thu
            hút du khách tìm về.</p>

            <p>Để ngắm trọn khoảnh khắc mặt trời lên, du khách nên có mặt trước 5 giờ 15 sáng.
            Người dân trong làng có dịch vụ chèo thuyền nan đưa khách ra giữa đầm với giá khoảng
            100.000 đồng mỗi người, kèm bữa sáng với bánh căn và cháo hàu.</p>

            <h3>Vài lưu ý khi đến đầm</h3>

            <ul>
            <li>Mặc áo phao khi đi thuyền, kể cả khi nước đầm lặng.</li>
            <li>Không giẫm lên bờ ao nuôi và các lồng cua của người dân.</li>
            <li>Giữ yên lặng khi đi qua khu vực chim nước trú đậu.</li>
            </ul>

            <p>UBND huyện Cửa Lam đang xây dựng đề án phát triển du lịch cộng đồng quanh đầm,
            khuyến khích người dân cải tạo nhà ở làm homestay thay vì cho xây khách sạn lớn ven
            đầm.</p>
        """,
        "tags": ["Du lịch"],
        "authors": ["Võ Thị Thu Hà"],
        "hours_ago": 440,
        "status": "published",
        "cover_caption": "Bình minh trên đầm Ngọc Lan. Ảnh: Võ Thị Thu Hà",
        "cover_alt": "Mặt trời nhô lên sau những chòi canh tôm, mặt đầm phản chiếu sắc cam",
    },
    {
        "title": "Cảnh báo nguy cơ ngộ độc thực phẩm trong mùa nắng nóng",
        "summary": """Từ đầu tháng đến nay, các bệnh viện trong tỉnh tiếp nhận gần 40 trường
            hợp ngộ độc thực phẩm, phần lớn do ăn thức ăn đường phố và hải sản không được bảo
            quản đúng cách.""",
        "body": """
            <p>Vụ ngộ độc đông người nhất xảy ra tại một tiệc cưới ở huyện Thạch Lâm, khiến 17
            người phải nhập viện với triệu chứng đau bụng, nôn và tiêu chảy. Đến nay, tất cả đã
            xuất viện. Cơ quan chức năng đã lấy mẫu thức ăn để xét nghiệm, xác định nguyên
            nhân.</p>

            <p>Theo Chi cục An toàn vệ sinh thực phẩm tỉnh, thời tiết nóng ẩm là điều kiện
            thuận lợi cho vi khuẩn phát triển; thức ăn để ở nhiệt độ phòng quá hai giờ đã có
            nguy cơ gây ngộ độc.</p>

            <h2>Khuyến cáo của ngành y tế</h2>

            <ul>
            <li>Ăn chín, uống chín; rửa tay bằng xà phòng trước khi chế biến và trước khi
            ăn.</li>
            <li>Không mua thực phẩm không rõ nguồn gốc, hải sản có mùi lạ hoặc đã ươn.</li>
            <li>Bảo quản thức ăn chín trong tủ lạnh, hâm nóng kỹ trước khi dùng.</li>
            <li>Đến ngay cơ sở y tế gần nhất khi nôn, tiêu chảy nhiều lần hoặc mệt lả.</li>
            </ul>

            <p>Đoàn kiểm tra liên ngành của tỉnh sẽ tăng cường kiểm tra các bếp ăn tập thể và
            cơ sở kinh doanh dịch vụ ăn uống ở khu du lịch trong mùa hè.</p>
        """,
        "tags": ["Y tế"],
        "authors": ["Nguyễn Thị Lan"],
        "hours_ago": 470,
        "status": "published",
        "cover_caption": "Cán bộ y tế kiểm tra một bếp ăn tập thể. Ảnh: Nguyễn Thị Lan",
        "cover_alt": "Hai người mặc áo blouse ghi chép bên quầy chế biến thức ăn bằng inox",
    },
    {
        "title": "Hoàn thành di dời 120 hộ dân khỏi vùng sạt lở ven sông Thạch Lâm",
        "summary": """Toàn bộ 120 hộ dân sống ven sông Thạch Lâm, nơi thường xuyên bị sạt lở mỗi
            mùa mưa, đã chuyển về khu tái định cư mới có đầy đủ điện, nước sạch, trường học và
            nhà văn hóa.""",
        "body": """
            <p>Khu tái định cư rộng gần 9 ha, nằm trên vùng đất cao cách bờ sông khoảng 2 km.
            Mỗi hộ được giao một lô đất 200 m² và được hỗ trợ 60 triệu đồng để xây nhà, cùng các
            khoản hỗ trợ di chuyển, ổn định đời sống trong sáu tháng đầu.</p>

            <p>Bà Võ Thị Nga, 63 tuổi, một trong những hộ đầu tiên dọn về khu mới, kể nhiều năm
            liền cứ mưa lớn là cả nhà lại thức trắng canh nước. “Giờ ở chỗ cao, mưa to mấy cũng
            ngủ yên”, bà nói.</p>

            <p>Theo UBND huyện Thạch Lâm, huyện sẽ phối hợp với các trung tâm dạy nghề mở lớp
            đào tạo, giúp người dân chuyển đổi sinh kế phù hợp với nơi ở mới, bởi phần lớn các
            hộ trước đây sống dựa vào bãi bồi ven sông.</p>

            <p>Tỉnh Sông Lam hiện còn khoảng 400 hộ sống trong vùng có nguy cơ sạt lở cao, dự
            kiến được di dời trong ba năm tới.</p>
        """,
        "tags": ["Thời sự", "Xã hội"],
        "authors": ["Lê Hoàng Nam"],
        "hours_ago": 500,
        "status": "published",
        "cover_caption": "Khu tái định cư mới của các hộ dân ven sông Thạch Lâm. Ảnh: Lê Hoàng Nam",
        "cover_alt": "Những ngôi nhà mái ngói đỏ mới xây nằm dọc con đường bê tông",
    },
    {
        "title": "Bảo tàng tỉnh mở cửa miễn phí vào buổi tối cuối tuần",
        "summary": """Từ tuần này, Bảo tàng tỉnh Sông Lam mở cửa miễn phí từ 18 giờ đến 21 giờ
            các tối thứ sáu, thứ bảy và chủ nhật, kèm chương trình thuyết minh và trình diễn
            nghệ thuật dân gian.""",
        "body": """
            <p>Ngoài các phòng trưng bày cố định về lịch sử, văn hóa vùng đất Sông Lam, bảo tàng
            giới thiệu chuyên đề “Ký ức phố cũ Lam Giang” với hơn 200 hiện vật và ảnh tư liệu do
            người dân hiến tặng.</p>

            <p>Mỗi tối, khách tham quan có thể đi theo một trong hai tour thuyết minh, mỗi tour
            khoảng 45 phút. Sân bảo tàng có trình diễn đờn ca, hát ru và trò chơi dân gian cho
            trẻ em.</p>

            <p>Bà Trương Thị Kiều, Giám đốc bảo tàng, cho biết mục tiêu là đưa bảo tàng trở
            thành <em>một điểm hẹn văn hóa buổi tối</em> của người dân và du khách, thay vì chỉ
            là nơi học sinh đến tham quan theo đoàn.</p>

            <p>Bảo tàng tỉnh nằm trên đường Lê Lợi, thành phố Lam Giang. Các đoàn từ 20 người
            trở lên nên liên hệ trước để được bố trí thuyết minh viên.</p>
        """,
        "tags": ["Văn hóa", "Du lịch"],
        "authors": ["Võ Thị Thu Hà"],
        "hours_ago": 540,
        "status": "published",
        "cover_caption": "Khách tham quan chuyên đề “Ký ức phố cũ Lam Giang”. Ảnh: Võ Thị Thu Hà",
        "cover_alt": "Một gia đình đứng xem những bức ảnh đen trắng treo trên tường bảo tàng",
    },
    {
        "title": "Thư viện lưu động mang sách lên các điểm trường vùng cao",
        "summary": """Mỗi tháng hai lần, chiếc xe thư viện lưu động của Thư viện tỉnh lại vượt
            hơn 80 km đường đèo, mang sách, truyện và những buổi đọc sách chung đến với học sinh
            các điểm trường ở huyện Vân Sơn.""",
        "body": """
            <p>Xe chở theo khoảng 3.000 cuốn sách, phần lớn là truyện tranh, sách khoa học
            thường thức và sách kỹ năng sống dành cho thiếu nhi. Mỗi lần xe đến, sân trường biến
            thành một thư viện ngoài trời với những tấm thảm trải dưới tán cây.</p>

            <p>Thầy Đinh Văn Lâm, giáo viên điểm trường thôn Đăk Rô, cho biết trước đây thư viện
            của trường chỉ có vài chục cuốn sách cũ. “Ngày xe thư viện lên, học sinh đi học đông
            đủ hơn hẳn, nhiều em còn rủ bố mẹ cùng đến xem”, thầy nói.</p>

            <p>Ngoài cho mượn sách, cán bộ thư viện còn tổ chức giờ kể chuyện, vẽ tranh theo
            sách và hướng dẫn giáo viên cách làm góc đọc trong lớp học.</p>

            <p>Thư viện tỉnh đang kêu gọi các tổ chức, cá nhân tặng sách mới hoặc sách cũ còn
            tốt để bổ sung cho xe thư viện; sách có thể gửi trực tiếp tại trụ sở thư viện trên
            đường Nguyễn Huệ, thành phố Lam Giang.</p>
        """,
        "tags": ["Giáo dục", "Văn hóa"],
        "authors": ["Nguyễn Thị Lan", "Võ Thị Thu Hà"],
        "hours_ago": 580,
        "status": "published",
        "cover_caption": "Học sinh điểm trường thôn Đăk Rô đọc sách bên xe thư viện lưu động. "
        "Ảnh: Võ Thị Thu Hà",
        "cover_alt": "Trẻ em ngồi trên thảm dưới gốc cây đọc sách, phía sau là chiếc xe tải "
        "sơn hình cuốn sách",
    },
    {
        "title": "Gần 3.000 người tham gia giải chạy Vì biển xanh ở Cửa Lam",
        "summary": """Giải chạy bộ “Vì biển xanh” lần thứ hai với các cự ly 5 km, 10 km và 21 km
            dọc bờ biển Cửa Lam thu hút gần 3.000 vận động viên chuyên và không chuyên.""",
        "body": """
            <p>Đúng 5 giờ sáng, những vận động viên đầu tiên của cự ly 21 km xuất phát từ quảng
            trường trung tâm huyện Cửa Lam, chạy dọc bờ biển và vòng qua đầm Ngọc Lan trước khi
            quay về đích.</p>

            <p>Ở cự ly bán marathon, chức vô địch nam thuộc về Đoàn Minh Tiến với thời gian 1
            giờ 14 phút 32 giây; ở nội dung nữ, Hồ Ngọc Trâm về nhất sau 1 giờ 29 phút 5
            giây.</p>

            <p>Điểm đặc biệt của giải năm nay là các trạm tiếp nước không dùng cốc nhựa; vận
            động viên được phát cốc gấp bằng silicone để dùng suốt đường chạy. Với mỗi lượt đăng
            ký, ban tổ chức trích 20.000 đồng để trồng phi lao chắn cát ven biển.</p>

            <p>Ban tổ chức cho biết sẽ đề xuất đưa giải vào danh sách sự kiện thường niên của
            tỉnh, tổ chức vào đầu mùa du lịch hằng năm.</p>
        """,
        "tags": ["Thể thao", "Du lịch"],
        "authors": ["Phạm Quốc Bảo"],
        "hours_ago": 620,
        "status": "published",
        "cover_caption": "Các vận động viên xuất phát ở cự ly 21 km. Ảnh: Phạm Quốc Bảo",
        "cover_alt": "Đoàn người chạy bộ đeo số báo danh ùa qua cổng xuất phát lúc trời tờ mờ sáng",
    },
    {
        "title": "Hợp tác xã muối Tân Điền thử nghiệm sản xuất muối sạch trải bạt",
        "summary": """Bằng cách trải bạt nhựa trên ô kết tinh, diêm dân Hợp tác xã muối Tân Điền
            thu được hạt muối trắng, sạch hơn và bán được giá cao gấp đôi muối làm theo cách
            truyền thống.""",
        "body": """
            <p>Trên cánh đồng muối ven biển, những ô kết tinh lót bạt đen loáng lên dưới nắng.
            Muối kết tinh trên mặt bạt không lẫn đất cát, hạt đều và trắng, khi cào không phải
            rửa kỹ như muối trên nền đất.</p>

            <p>Ông Từ Văn Mạnh, Giám đốc hợp tác xã, cho biết năm đầu hợp tác xã thử nghiệm trên
            5 ha, được tỉnh hỗ trợ một nửa chi phí mua bạt. Năng suất tương đương cách làm cũ
            nhưng muối bán được 2.500–3.000 đồng/kg, trong khi muối thường chỉ khoảng 1.200
            đồng/kg.</p>

            <table>
            <thead><tr><th>Chỉ tiêu</th><th>Muối trải bạt</th><th>Muối truyền thống</th></tr>
            </thead>
            <tbody>
            <tr><td>Năng suất (tấn/ha/vụ)</td><td>khoảng 90</td><td>khoảng 85</td></tr>
            <tr><td>Giá bán (đồng/kg)</td><td>2.500–3.000</td><td>khoảng 1.200</td></tr>
            <tr><td>Thời gian mỗi đợt thu hoạch</td><td>3–4 ngày</td><td>5–7 ngày</td></tr>
            </tbody>
            </table>

            <p>Diêm dân còn e ngại chi phí đầu tư ban đầu, khoảng 60 triệu đồng mỗi ha. Hợp tác
            xã đang kiến nghị được vay vốn ưu đãi và liên kết với doanh nghiệp chế biến để ổn
            định đầu ra.</p>
        """,
        "tags": ["Kinh tế"],
        "authors": ["Trần Minh Đức", "Hải Đăng"],
        "hours_ago": 660,
        "status": "published",
        "cover_caption": "Diêm dân Tân Điền cào muối trên ô kết tinh trải bạt. Ảnh: Trần Minh Đức",
        "cover_alt": "Người nông dân đội nón lá cào những đống muối trắng trên nền bạt đen",
    },
    {
        "title": "Trao 50 căn nhà đại đoàn kết cho hộ nghèo huyện Vân Sơn",
        "summary": """Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sông Lam vừa bàn giao 50 căn nhà đại
            đoàn kết cho hộ nghèo, hộ có hoàn cảnh đặc biệt khó khăn ở huyện Vân Sơn, mỗi căn trị
            giá khoảng 70 triệu đồng.""",
        "body": """
            <p>Kinh phí xây dựng được huy động từ Quỹ “Vì người nghèo” của tỉnh và sự đóng góp
            của các doanh nghiệp, nhà hảo tâm. Nhiều hộ còn được bà con lối xóm, đoàn viên thanh
            niên góp ngày công vận chuyển vật liệu, phụ hồ.</p>

            <p>Căn nhà mới của anh Hồ Văn Tư ở thôn Đăk Rô rộng 45 m², tường gạch, mái tôn chống
            nóng, có nhà vệ sinh riêng. Trước đây, gia đình 5 người của anh sống trong căn nhà
            tranh dột nát, mùa mưa phải che bạt quanh giường cho các con ngủ.</p>

            <blockquote><p>“Có nhà mới rồi, vợ chồng tôi yên tâm làm rẫy, nuôi các con ăn học”,
            anh Tư xúc động nói.</p></blockquote>

            <p>Theo Ủy ban Mặt trận Tổ quốc tỉnh, từ đầu năm đến nay, toàn tỉnh đã xây mới và sửa
            chữa hơn 300 căn nhà cho hộ nghèo, góp phần hoàn thành mục tiêu xóa nhà tạm, nhà dột
            nát.</p>
        """,
        "tags": ["Xã hội"],
        "authors": ["Lê Hoàng Nam"],
        "hours_ago": 700,
        "status": "published",
        "cover_caption": "Gia đình anh Hồ Văn Tư trước căn nhà mới. Ảnh: Lê Hoàng Nam",
        "cover_alt": "Vợ chồng và ba đứa trẻ đứng trước ngôi nhà nhỏ tường vàng mái tôn xanh",
    },
    # Not public: one waiting for an editor, one still a draft.
    {
        "title": "Nông dân Thạch Lâm chuyển 200 ha lúa kém hiệu quả sang trồng dưa lưới",
        "summary": """Huyện Thạch Lâm đặt mục tiêu chuyển đổi khoảng 200 ha đất lúa thường xuyên
            thiếu nước sang trồng dưa lưới trong nhà màng, với lợi nhuận dự kiến gấp năm lần
            trồng lúa.""",
        "body": """
            <p>Những chân ruộng cao ở các xã phía tây huyện Thạch Lâm nhiều năm nay chỉ làm được
            một vụ lúa, năng suất thấp vì thiếu nước tưới. Theo tính toán của huyện, mỗi ha dưa
            lưới trồng trong nhà màng cho lợi nhuận 400–500 triệu đồng mỗi năm.</p>

            <p>Ông Thái Văn Phúc, một trong những hộ đầu tiên chuyển đổi, cho biết chi phí dựng
            nhà màng khá lớn nhưng dưa có đầu ra ổn định nhờ hợp đồng bao tiêu với một doanh
            nghiệp ở thành phố Lam Giang.</p>

            <p>Tuy nhiên, các chuyên gia nông nghiệp khuyến cáo không nên chuyển đổi ồ ạt; người
            dân cần được tập huấn kỹ thuật và có hợp đồng tiêu thụ trước khi đầu tư.</p>
        """,
        "tags": ["Kinh tế"],
        "authors": ["Trần Minh Đức"],
        "hours_ago": None,
        "status": "review",
        "cover_caption": "Dưa lưới trong nhà màng của gia đình ông Thái Văn Phúc. "
        "Ảnh: Trần Minh Đức",
        "cover_alt": "Những trái dưa lưới vân trắng treo lủng lẳng giữa hàng dây leo xanh",
    },
    {
        "title": "Đừng để phố đi bộ chỉ sôi động ngày khai trương",
        "summary": """Phố đi bộ ven sông của thành phố Lam Giang từng đông nghịt trong những tuần
            đầu. Để không vắng dần như nhiều nơi khác, phố cần có nội dung mới, chứ không chỉ có
            đèn và loa.""",
        "body": """
            <p>Những tối đầu tiên, người dân và du khách đổ về phố đi bộ đông đến mức khó chen
            chân. Nhưng chỉ sau vài tháng, nhiều đoạn phố đã thưa vắng, các quầy hàng na ná
            nhau, âm thanh từ loa kéo át cả tiếng nhạc của nhóm nghệ sĩ đường phố.</p>

            <p>Phố đi bộ không thể sống bằng sự tò mò của ngày đầu. Nó cần <strong>lịch hoạt
            động được làm mới thường xuyên</strong>: đêm nhạc của các câu lạc bộ, chợ sách cũ,
            góc trình diễn nghề thủ công, không gian cho trẻ em vẽ tranh.</p>

            <p>Quan trọng hơn, người dân phải được hỏi ý kiến. Một cuộc khảo sát nhỏ về việc họ
            muốn gì ở con phố này có khi giá trị hơn nhiều chương trình được lên kế hoạch từ
            phòng họp.</p>
        """,
        "tags": ["Xã hội"],
        "authors": ["Hải Đăng"],
        "hours_ago": None,
        "status": "draft",
        "cover_caption": "Phố đi bộ ven sông Lam Giang vào một tối giữa tuần. Ảnh: Hải Đăng",
        "cover_alt": "Con phố lát gạch dưới dãy đèn trang trí, chỉ lác đác vài người đi dạo",
    },
    # Scheduled: published, but only visible once its time comes.
    {
        "title": "Khai mạc Tuần lễ Văn hóa – Du lịch Sông Lam",
        "summary": """Tối nay, Tuần lễ Văn hóa – Du lịch Sông Lam khai mạc tại quảng trường
            trung tâm thành phố Lam Giang với chương trình nghệ thuật “Sông Lam – Miền thương
            nhớ” và màn pháo hoa tầm thấp.""",
        "body": """
            <p>Tuần lễ diễn ra trong bảy ngày với hơn 30 hoạt động, gồm hội chợ sản phẩm OCOP,
            liên hoan ẩm thực đường phố, triển lãm ảnh du lịch và các tour trải nghiệm miễn phí
            đến đầm Ngọc Lan, rừng lim Khe Nước.</p>

            <p>Ban tổ chức bố trí 6 bãi giữ xe miễn phí quanh quảng trường và điều chỉnh một số
            tuyến xe buýt nội thành hoạt động đến 23 giờ trong những ngày diễn ra sự kiện.</p>

            <p>Theo Sở Văn hóa, Thể thao và Du lịch, 6 tháng đầu năm, tỉnh đón khoảng 1,9 triệu
            lượt khách, tăng 15% so với cùng kỳ. Tuần lễ được kỳ vọng tạo điểm nhấn cho mùa du
            lịch cao điểm.</p>
        """,
        "tags": ["Văn hóa", "Du lịch"],
        "authors": ["Võ Thị Thu Hà", "Lê Hoàng Nam"],
        "hours_ago": -48,
        "status": "published",
        "cover_caption": "Sân khấu chương trình khai mạc được dựng tại quảng trường trung tâm. "
        "Ảnh: Võ Thị Thu Hà",
        "cover_alt": "Sân khấu lớn với màn hình LED và giàn đèn đang được lắp đặt ngoài trời",
    },
]

for _article in ARTICLES:
    _article["summary"] = _html(_article["summary"])
    _article["body"] = _html(_article["body"])
