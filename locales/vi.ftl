# chiso-bot: every text a user sees. Numbers arrive already formatted the Vietnamese way.

## Commands (the menu shown by the chat app)
command-diem = Xem điểm Bộ chỉ số của đơn vị
command-xephang = Xếp hạng các đơn vị cùng cấp
command-chitiet = Chi tiết chỉ tiêu thành phần của một nhóm
command-xuhuong = Biểu đồ xu hướng điểm 12 kỳ gần nhất
command-sosanh = So sánh hai đơn vị theo từng nhóm
command-uoctinh = Ước tính điểm nếu một chỉ tiêu đạt tỷ lệ mới
command-giaoviec = Giao nhiệm vụ cho đơn vị (lãnh đạo)
command-huongdan = Hướng dẫn sử dụng và ví dụ
command-dangky = Đăng ký cuộc trò chuyện bằng mã mời
command-baocaothang = Báo cáo một trang hằng tháng cho lãnh đạo (PDF)

## Start and registration
welcome =
    Xin chào! Tôi là chiso-bot: kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) của đơn vị anh/chị, ngay trong cuộc trò chuyện.
    Để nhận kết quả của đơn vị mình, gửi mã mời do văn phòng UBND cấp: /dangky MÃ
    Xem ngay kết quả một đơn vị: /diem tháng 2 Mỹ Hào
    Các lệnh khác: /huongdan
welcome-linked =
    Xin chào! Cuộc trò chuyện này đang nhận kết quả của { $unit } (vai trò: { $role }).
    Xem điểm kỳ gần nhất: /diem
    Các lệnh khác: /huongdan
register-ok =
    Đã đăng ký: cuộc trò chuyện này gắn với { $unit }, vai trò { $role }.
    Xem điểm kỳ gần nhất: /diem
register-unknown = Mã mời «{ $code }» không đúng. Anh/chị kiểm tra lại mã, hoặc xin mã mới từ văn phòng UBND.
register-expired = Mã mời «{ $code }» đã hết hạn. Anh/chị xin mã mới từ văn phòng UBND.
register-used-up = Mã mời «{ $code }» đã được dùng hết số lần cho phép. Anh/chị xin mã mới từ văn phòng UBND.
register-throttled = Cuộc trò chuyện này đã gõ sai mã mời { $failures } lần trong { $minutes } phút: anh/chị thử lại từ { $at } (giờ Việt Nam), với mã mời do văn phòng UBND cấp.

## Help
help-title = Hướng dẫn sử dụng chiso-bot
help =
    /diem – điểm Bộ chỉ số của đơn vị, kỳ gần nhất; có thể gõ kỳ và tên đơn vị:
       /diem tháng 2 · diem t2 · điểm quý 1 · điểm năm 2025 · điểm tuần 3/2024 · /diem tháng 2 Mỹ Hào
    /xephang – xếp hạng các đơn vị cùng cấp (5 đầu, 5 cuối và đơn vị mình): /xephang tháng 8 · bxh · /xephang toàn quốc
    /chitiet – chỉ tiêu thành phần của một nhóm và cách tăng điểm: /chitiet tiến độ · chi tiết số hóa tháng 8
    /xuhuong – biểu đồ điểm, nhóm, thứ hạng 12 tháng (/xuhuong quý) · /xephang biểu đồ – cột xếp hạng
    /sosanh Việt Trì Nông Trang tháng 8 – so sánh từng nhóm.
    /uoctinh thanh toán 90 · nếu số hóa lên 95% thì sao – ước tính điểm, thứ hạng.
    /nhiemvu – nhiệm vụ đang mở (Đang làm / Hoàn thành / Ghi chú) và việc gợi ý, tăng nhiều điểm nhất trước;
       hoặc nhắn: đã xong nhiệm vụ 12 · nhiệm vụ 12 đạt 70%.
    /giaoviec – giao nhiệm vụ có hạn cho đơn vị trực thuộc (lãnh đạo, quản trị).
    /tiendo 12 – tiến độ nhiệm vụ #12 · /quahan – nhiệm vụ quá hạn · /doihan 12 30/10 – đổi hạn · /dongviec 12 – đóng.
    /baocaothang tháng 8 – báo cáo một trang (PDF và ảnh) của đơn vị cấp trên · báo cáo tháng 8
    Quản trị viên: /mau – mẫu bảng tính nhập kết quả · /congbo tháng 8/2026 – công bố kết quả
       · /baocao tháng 8/2026 – báo cáo gửi theo đơn vị · /thuthap tháng 8 – lấy kết quả từ Cổng DVCQG (thêm «toàn quốc»: bảng các tỉnh).
    /dangky MÃ – gắn cuộc trò chuyện với đơn vị bằng mã mời · /huongdan – hướng dẫn này.
    Cũng có thể hỏi như nhắn tin, có dấu hay không dấu:
       Việt Trì tháng 8 được mấy điểm? · Hy Cuong bao nhieu diem · Việt Trì xếp thứ mấy?
       nhóm nào yếu nhất? · phường nào cao điểm nhất tháng 8? · số hóa Hy Cương tháng trước
    Tháng (tuần) không kèm năm là tháng (tuần) gần nhất đã có kết quả. Tên khớp nhiều đơn vị thì bot hỏi lại.
greeting =
    Chào anh/chị! Anh/chị có thể hỏi như nhắn tin, ví dụ: tháng 8 được mấy điểm? · xếp thứ mấy? · nhóm nào yếu nhất?
    Tất cả các lệnh: /huongdan
thanks = Dạ, anh/chị cần xem gì thêm cứ nhắn ạ.
unknown =
    Tôi chưa hiểu «{ $text }». Anh/chị thử:
    Việt Trì tháng 8 được mấy điểm? · /diem tháng 2 – điểm của đơn vị · /huongdan – tất cả các lệnh

## Result card
card-title = Kết quả Bộ chỉ số 766 – { $unit }, { $period }
card-total = Tổng điểm: { $total }/{ $max }
card-total-missing = Tổng điểm: chưa có (thiếu dữ liệu một số nhóm)
card-rank = Xếp hạng: { $rank }/{ $rankOf }
card-rank-scope = Xếp hạng: { $rank }/{ $rankOf } { $scope }
card-rank-alone = Xếp hạng: hạng { $rank }
card-peers = Trong nhóm { $group } của { $parent } ({ $count } đơn vị): trên { $percent }% đơn vị; trung vị { $median } điểm{ $top }.
peers-to-top = ; cần +{ $gap } điểm để vào top { $n }
peers-in-top = ; đang trong top { $n }
peers-group-commune = xã, phường
peers-group-department = sở, ban, ngành
peers-group-district = huyện, thị xã, thành phố
peers-group-province = tỉnh, thành phố
peers-group-other = đơn vị cùng cấp
card-classification = Xếp loại: { $label }
card-classification-computed = Xếp loại: { $label } (theo ngưỡng của Bộ chỉ số)
card-change-other-base = Kết quả này so với kỳ liền trước ({ $shown }), không so với { $asked }; xem kết quả { $asked }: /diem { $asked }
card-change = So với { $period }: { $points } điểm
card-change-rank = So với { $period }: { $points } điểm, { $ranks }
card-rank-up = ↑ { $n } bậc
card-rank-down = ↓ { $n } bậc
card-rank-same = giữ nguyên thứ hạng
card-no-previous = Chưa có kết quả { $period } để so sánh.
# The change the source printed, when the period before is not stored: { $changes } is card-printed-* joined by ", ".
card-change-printed = So với kỳ trước: { $changes } (theo { $source }).
card-printed-points = { $points } điểm
card-printed-percent = { $percent }%
card-printed-rank-up = tăng { $n } bậc
card-printed-rank-down = giảm { $n } bậc
card-groups = Các nhóm chỉ số (điểm/tối đa, tỷ lệ):
card-group = { $mark } { $name }: { $points }/{ $max } ({ $rate })
card-weak-mark = ⚠️
card-group-no-rate = { $mark } { $name }: { $points }/{ $max }
card-group-missing = • { $name }: chưa có dữ liệu
card-criterion = { "   " }– { $name }: { $value }
card-count-rate = { $count } hồ sơ, { $rate }
card-weakest = Nhóm cần cải thiện: { $groups }
card-all-strong = Tất cả các nhóm đạt từ 90% điểm tối đa trở lên.
card-source = Nguồn: { $source }, cập nhật { $at }.
source-letter = công văn ({ $file })
source-portal = Cổng Dịch vụ công quốc gia
source-sheet = bảng tính ({ $file })

## Import template (/mau)
template-file-name = mau-nhap-ket-qua-bo-chi-so.xlsx
template-caption =
    Mẫu bảng tính nhập kết quả Bộ chỉ số: mỗi đơn vị một dòng; cột bắt buộc: Tên đơn vị và Tổng điểm, rồi điểm, tỷ lệ từng nhóm. Xem trang «Hướng dẫn» trong tệp.
    Gửi lại tệp đã điền vào cuộc trò chuyện này (quản trị viên), ghi kỳ ở phần chú thích, ví dụ: tháng 8/2026.

template-guide =
    Mẫu nhập kết quả Bộ chỉ số 766: mỗi dòng một đơn vị, dòng 1 là tiêu đề cột; gửi lại tệp .xlsx hoặc .csv (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy).
    Bắt buộc: «Tên đơn vị» và «Tổng điểm». Không bắt buộc: «Kỳ», «Mã đơn vị», «Đơn vị cấp trên», «Xếp hạng», «Số đơn vị xếp hạng», «Xếp loại».
    Mỗi nhóm có hai cột «<tên nhóm> – điểm» và «<tên nhóm> – tỷ lệ (%)»; để trống ô điểm nếu không có kết quả của nhóm.
    Có thể thêm cột chỉ tiêu con «<số hiệu> <tên chỉ tiêu> – tử số», «– mẫu số», «– tỷ lệ (%)», «– điểm», ví dụ «2.1 Hồ sơ xử lý trước hạn, đúng hạn – điểm».
    Số thập phân ghi 15,81 hoặc 15.81; tổng điểm ghi đúng như nguồn công bố, hệ thống không tự cộng.
    Hai dòng ví dụ là kết quả tháng 08/2026; xóa chúng trước khi điền số liệu của mình.

## Publication (what every chat receives when a period is published)
publication-card-title = Công bố kết quả Bộ chỉ số { $period } – { $unit }
publication-tasks-title = Việc nên làm để tăng điểm:
publication-task = • { $group }: { $task }
task-gain = • { $group }: +{ $gain } điểm nếu «{ $criterion }» đạt { $rate }% (ước tính). { $task }
task-gain-uncertain = • { $group }: +{ $gain } điểm nếu «{ $criterion }» đạt { $rate }% (ước tính, công thức chưa chắc chắn). { $task }
task-gain-reached = • { $group }: «{ $criterion }» đã đạt { $rate }%. { $task }
task-CKMB = Rà soát, bảo đảm 100% hồ sơ tiếp nhận được đồng bộ trạng thái lên Cổng DVCQG.
task-TDGQ = Rà soát hồ sơ quá hạn, phân công xử lý và theo dõi hồ sơ gần hạn.
task-CLGQ = Đẩy mạnh hướng dẫn người dân nộp hồ sơ trực tuyến.
task-TTTT = Đẩy mạnh thanh toán trực tuyến phí, lệ phí.
task-CCDVTT = Đẩy mạnh nộp hồ sơ và thanh toán phí, lệ phí trực tuyến.
task-MDHL = Rà soát hồ sơ quá hạn và các đánh giá không hài lòng; xử lý phản ánh, kiến nghị đúng hạn.
task-MDSH = Số hóa đầy đủ thành phần hồ sơ và kết quả giải quyết; tái sử dụng dữ liệu số hóa.
button-detail = Chi tiết
button-ranking = Xếp hạng
button-tasks = Nhiệm vụ
button-ack = ✅ Đã nhận
ack-recorded = Đã ghi nhận: anh/chị đã nhận kết quả.
ack-already = Đã ghi nhận từ trước.
tasks-suggested-title = Nhiệm vụ gợi ý cho { $unit } ({ $period }):
tasks-none = Các nhóm chỉ số của { $unit } đều đạt từ 90% điểm tối đa: không có nhiệm vụ gợi ý.
summary-title = Tổng hợp kết quả Bộ chỉ số { $period } – các đơn vị thuộc { $unit }
summary-section = ▸ { $scope }:
summary-count = Đã có tổng điểm của { $scored }/{ $units } đơn vị.
summary-average = Điểm trung bình: { $average }
summary-best = { $n } đơn vị cao nhất:
summary-weakest = { $n } đơn vị thấp nhất:
summary-entry = • { $unit }: { $total }
summary-under-80 = Số đơn vị dưới 80 điểm: { $count }
summary-gains = Tăng nhiều nhất so với kỳ trước:
summary-falls = Giảm nhiều nhất so với kỳ trước:
summary-change = • { $unit }: { $change } điểm
summary-no-previous = Chưa có kết quả kỳ trước để so sánh.

## The one-page leader report (/baocaothang)
leader-report-title = Báo cáo kết quả Bộ chỉ số 766 – { $period }
leader-report-made = Lập ngày { $date } · { $units } đơn vị trực thuộc có kết quả { $period }
leader-report-missing = chưa có
leader-report-own-title = 1. Kết quả của đơn vị
leader-report-own-total = Tổng điểm { $period }
leader-report-own-class = Xếp loại: { $label }
leader-report-own-rank = Xếp hạng
leader-report-own-scope = trong các { $scope }
leader-report-own-none = Đơn vị chưa có tổng điểm riêng trong tháng; các mục dưới đây tính theo các đơn vị trực thuộc.
leader-report-year = Từ đầu năm { $year }
leader-report-year-months = trung bình { $months } tháng có dữ liệu
leader-report-year-none = chưa có tháng nào có điểm riêng
leader-report-trend-title = 2. Xu hướng ba tháng
leader-report-trend-month = Tháng
leader-report-trend-own = Điểm của đơn vị
leader-report-trend-average = Trung bình { $scope }
leader-report-trend-value = { $average } ({ $count } đv)
leader-report-bands-title = 3. Các đơn vị trực thuộc theo xếp loại, { $period }
leader-report-band-top = { $label } (từ { $from } điểm)
leader-report-band = { $label } ({ $from } đến dưới { $below } điểm)
leader-report-band-under = Dưới { $below } điểm (chưa xếp loại)
leader-report-band-none = Chưa có tổng điểm
leader-report-weakest-title = 4. { $count } đơn vị thấp nhất và nhóm chỉ số yếu nhất
leader-report-col-unit = Đơn vị
leader-report-col-total = Tổng điểm
leader-report-col-group = Nhóm yếu nhất
leader-report-group = { $group }: { $points }/{ $max }
leader-report-none = Không có.
leader-report-lists-title = 5. Đơn vị chưa đạt Xuất sắc, điểm từ thấp đến cao
leader-report-under-title = Dưới { $below } điểm: { $count } đơn vị
leader-report-good-title = { $label } ({ $from } đến dưới { $below } điểm): { $count } đơn vị
leader-report-more = và { $count } đơn vị khác
leader-report-changes-title = 6. Tăng, giảm nhiều nhất so với { $period }
leader-report-changes-none = Chưa có kết quả { $period } để so sánh.
leader-report-gains = Tăng nhiều nhất (điểm)
leader-report-falls = Giảm nhiều nhất (điểm)
leader-report-overdue-title = 7. Nhiệm vụ quá hạn theo đơn vị
leader-report-overdue-none = Không có nhiệm vụ quá hạn trong các nhiệm vụ đơn vị đã giao.
leader-report-overdue-count = { $count } nhiệm vụ
leader-report-footer =
    Xếp loại theo ngưỡng của Bộ chỉ số 766: Xuất sắc từ 90 điểm, Tốt từ 80 đến dưới 90; dưới 80 điểm chưa có xếp loại chính thức.
    Tăng, giảm: tổng điểm tháng này trừ tháng trước của cùng đơn vị. Từ đầu năm: trung bình tổng điểm riêng của đơn vị
    qua các tháng trong năm có dữ liệu. Nhiệm vụ quá hạn: nhiệm vụ đơn vị đã giao, chưa hoàn thành khi đã qua hạn. Lập bởi chiso-bot.
leader-report-pdf-caption = Báo cáo một trang { $period } – { $unit } (PDF, khổ A4).
leader-report-png-caption = Bản xem nhanh của báo cáo (ảnh), cho máy không mở được PDF.
leader-report-no-children = { $unit } không có đơn vị trực thuộc, nên không có báo cáo tháng. Báo cáo một trang dành cho đơn vị cấp trên (tỉnh, huyện…); điểm của đơn vị mình: /diem.
leader-report-not-month = Báo cáo một trang lập theo tháng. Ví dụ: /baocaothang tháng 8 · /baocaothang 8/2026 · báo cáo tháng trước.
leader-report-no-data = Chưa có kết quả tháng nào của các đơn vị thuộc { $unit }.
leader-report-no-period = Chưa có kết quả { $requested } của các đơn vị thuộc { $unit }. Các tháng đã có: { $available }.

## Publishing (admins)
publication-bad-period = Kỳ «{ $period }» không hợp lệ. Ví dụ: /congbo tháng 8/2026, hoặc --period 2026-08.
publication-no-results = Chưa có kết quả nào của kỳ { $period }: nhập dữ liệu trước khi công bố.
publication-done = Công bố { $period }: { $enqueued } tin mới được đưa vào hàng gửi ({ $planned } cuộc trò chuyện nhận; { $summaries } bản tổng hợp cho lãnh đạo). { $withoutResult } cuộc trò chuyện có đơn vị chưa có kết quả.
publication-reports-unmade = ⚠️ { $count } báo cáo một trang (PDF) không tạo được: các bản tổng hợp vẫn gửi đi, không kèm báo cáo; xem nhật ký để biết lỗi. Công bố lại kỳ này sẽ thử tạo lại.
publication-again = Kỳ { $period } đã công bố từ { $at }: chỉ gửi thêm cho { $enqueued } cuộc trò chuyện chưa nhận.
publication-preview-title = Xem trước công bố { $period }
publication-preview =
    Sẽ gửi { $cards } kết quả đơn vị và { $summaries } bản tổng hợp cho lãnh đạo đơn vị cấp trên ({ $chats } cuộc trò chuyện). { $withoutResult } cuộc trò chuyện có đơn vị chưa có kết quả sẽ không nhận.
    Mỗi đơn vị nhận tin như mẫu dưới đây.
publication-example = (Mẫu) { $title }
publication-preview-confirm = Chọn «Công bố» để gửi, hoặc «Hủy».
publication-nobody = ⚠️ Chưa có cuộc trò chuyện nào gắn với đơn vị có kết quả { $period }: công bố lúc này chỉ ghi nhận kỳ đã công bố, chưa gửi cho ai. Cấp mã mời (npm run cli -- invite); cuộc trò chuyện gắn sau nhận kết quả khi công bố lại kỳ này.
button-publish = 📣 Công bố
button-cancel = ✖ Hủy
publication-cancelled = Đã hủy, chưa gửi gì.
publication-admin-only = Chỉ quản trị viên được công bố kết quả và xem báo cáo gửi.
publication-ask-period = Công bố kỳ nào? Ví dụ: /congbo tháng 8/2026

## Delivery report (/baocao)
report-title = Báo cáo gửi kết quả { $period }
report-none = Kỳ { $period } chưa được công bố.
report-totals = { $chats } cuộc trò chuyện, { $units } đơn vị: đã gửi { $sent }, đang chờ { $pending }, lỗi { $failed }, bị chặn { $blocked }; đã xác nhận nhận { $acknowledged }.
report-unit = • { $unit }: gửi { $sent }/{ $chats }, xác nhận { $acknowledged }{ $problems }
report-unit-problems = , lỗi { $failed }, bị chặn { $blocked }
report-more = … và { $count } đơn vị khác.

## Tasks (/nhiemvu, /giaoviec, /tiendo, /quahan) and reminders
command-nhiemvu = Nhiệm vụ của đơn vị, cập nhật tiến độ
tasks-title = Nhiệm vụ đang mở của { $unit } ({ $count }), hạn gần nhất trước:
tasks-empty = { $unit } không có nhiệm vụ nào đang mở.
task-line = #{ $id } { $title }
task-meta = { "   " }Giao bởi { $from } · { $deadline } · { $status }
task-note = { "   " }Ghi chú: { $note }
task-deadline = hạn { $date }
task-deadline-overdue = ⏰ quá hạn từ { $date }
task-status-chua-lam = chưa làm
task-status-dang-lam = đang làm
task-status-hoan-thanh = hoàn thành
button-task-doing = Đang làm
button-task-done = ✅ Hoàn thành
button-task-note = Ghi chú
task-report-note = Ghi chú: { $note }
task-report-closed = Nhiệm vụ #{ $id } «{ $title }» đã được đơn vị giao đóng lại: không cần báo cáo nữa.
task-report-done-already = #{ $id }: { $unit } đã ghi «hoàn thành» trước đó.
task-report-confirm-done = Ghi «hoàn thành» cho { $unit } ở nhiệm vụ #{ $id } «{ $title }»? Bấm nút để xác nhận (các nhắc hạn của nhiệm vụ sẽ dừng).
task-updated = #{ $id }: đã ghi «{ $status }» cho { $unit } ({ $by }, { $at }).
task-note-ask = Gõ ghi chú cho nhiệm vụ #{ $id } (gõ /huy để thôi):
task-note-saved = Đã lưu ghi chú cho nhiệm vụ #{ $id }.
task-refused-create = Chỉ lãnh đạo hoặc quản trị của đơn vị giao việc được tạo, sửa hoặc đóng nhiệm vụ. Cuộc trò chuyện này không có vai trò đó.
task-refused-change = Chỉ lãnh đạo hoặc quản trị của đơn vị đã giao nhiệm vụ này được sửa hoặc đóng nó.
task-refused-report = Anh/chị chỉ cập nhật được nhiệm vụ của đơn vị mình; nhiệm vụ này thuộc đơn vị khác.
task-not-found = Không có nhiệm vụ #{ $id } trong các nhiệm vụ đơn vị anh/chị giao hoặc được giao.
task-refused-outside = { $unit } chỉ giao nhiệm vụ cho chính đơn vị mình và các đơn vị trực thuộc; không giao được cho: { $units }.
task-not-assigned = Nhiệm vụ #{ $id } không giao cho đơn vị này.
task-no-unit = Cuộc trò chuyện này chưa gắn với đơn vị nào: đăng ký bằng mã mời trước (/dangky MÃ).
assign-ask-title = Giao nhiệm vụ mới (gõ /huy để thôi). Tên nhiệm vụ là gì?
assign-ask-units =
    Giao cho đơn vị nào? Gõ tên một hoặc nhiều đơn vị, cách nhau bởi dấu phẩy, hoặc «tất cả» (mọi đơn vị trực thuộc { $unit }).
assign-units-unknown = Không tìm thấy: { $names }. Gõ lại tên đơn vị, cách nhau bởi dấu phẩy.
assign-units-none = { $unit } chưa có đơn vị trực thuộc nào. Gõ tên đơn vị cụ thể.
assign-ask-deadline = Hạn hoàn thành? Ví dụ: 20/3 · thứ sáu tuần sau · cuối tháng
assign-deadline-unknown = Chưa hiểu hạn «{ $value }». Ví dụ: 20/3 · thứ sáu tuần sau · cuối tháng
assign-deadline-past = Hạn «{ $value }» đã qua. Chọn một ngày từ hôm nay trở đi.
assign-done = Đã giao nhiệm vụ #{ $id } «{ $title }» cho { $count } đơn vị ({ $units }), hạn { $date }. Nhắc việc: 3 và 1 ngày làm việc trước hạn, đúng ngày hạn lúc 08:00, rồi hằng ngày khi quá hạn.
assign-cancelled = Đã thôi, không có gì thay đổi.
close-ask-id = Đóng nhiệm vụ nào? Ví dụ: /dongviec 12
task-closed = Đã đóng nhiệm vụ #{ $id } «{ $title }»: không nhắc việc nữa.
move-ask = Đổi hạn nhiệm vụ nào, sang ngày nào? Ví dụ: /doihan 12 30/10
task-moved = Nhiệm vụ #{ $id } có hạn mới { $date }; nhắc việc theo hạn mới.
nothing-to-cancel = Không có việc gì đang dở để hủy.
progress-title = Tiến độ nhiệm vụ #{ $id }: { $title }
progress-summary = Hạn { $deadline }: { $done }/{ $total } đơn vị hoàn thành.
progress-unit = • { $unit }: { $status }{ $overdue }{ $note }
progress-overdue-mark = {" "}⏰ quá hạn
progress-ask-id = Xem tiến độ nhiệm vụ nào? Ví dụ: /tiendo 12 (số nhiệm vụ có trong /nhiemvu).
reminder-title = Nhắc việc: { $when }
reminder-today = hôm nay là hạn
reminder-in-days = còn { $n } ngày làm việc đến hạn
reminder-meta = { "   " }Giao bởi { $from }, hạn { $date }.
reminder-hint = Cập nhật tiến độ: /nhiemvu
overdue-title = { $count } nhiệm vụ quá hạn ({ $date }):
overdue-line = • #{ $id } { $title } – hạn { $date }, giao bởi { $from }
overdue-none = Không có đơn vị nào có nhiệm vụ quá hạn.
overdue-by-unit-title = Nhiệm vụ quá hạn theo đơn vị ({ $date }):
overdue-by-unit-line = • { $unit }: { $count } nhiệm vụ ({ $ids })
weekly-title = Tổng hợp tuần ({ $date }): tiến độ các nhiệm vụ đã giao
weekly-line = • #{ $id } { $title } – hạn { $deadline }: { $done }/{ $total } hoàn thành, { $late } quá hạn
suggestion-accept = Giao: { $group }
suggestion-accepted = Đã giao nhiệm vụ #{ $id } «{ $title }» cho { $unit }, hạn { $date }.
letter-tasks-created = Đã tạo { $count } nhiệm vụ từ chỉ đạo của công văn, hạn { $date }.

## Sub-criteria (/chitiet)
detail-title = Chi tiết chỉ số – { $title }, { $period }
detail-group = { $name }: { $points }/{ $max } ({ $rate })
detail-group-no-rate = { $name }: { $points }/{ $max }
detail-criterion = { "   " }– { $name }: { $value }
detail-points = { $points }/{ $max } điểm
detail-tracked = chỉ theo dõi, không tính điểm
detail-no-data = chưa có dữ liệu
detail-no-criteria = { "   " }(nguồn dữ liệu không có chỉ tiêu thành phần)
detail-advice = { "   " }Cách tăng điểm: { $advice }
detail-group-not-in-framework = Nhóm này không có trong { $framework } của kỳ đó.
count-ON_TIME = hồ sơ đúng hạn
count-ONLINE_PAYMENT_DOSSIER = hồ sơ thanh toán trực tuyến
count-ONLINE_PAYMENT_FORMALITY = TTHC có giao dịch thanh toán trực tuyến
count-PAYMENT_FEE_FORMALITY = TTHC có nghĩa vụ tài chính phát sinh hồ sơ
count-DOSSIER_SYNC = hồ sơ đã đồng bộ
count-PUBLIC_CONTENT_FULL = TTHC công khai đầy đủ
count-PUBLISH_ON_TIME = TTHC công bố đúng hạn
count-PUBLIC_UPDATE_ON_TIME = TTHC công khai đúng hạn
count-ORIGINAL_RESULT_AVAILABLE = hồ sơ có kết quả điện tử
count-SO_HOA_GIAY_TO_GIAI_QUYET = hồ sơ được số hóa
count-REUSED_DIGITIZED_DATA = hồ sơ tái sử dụng dữ liệu số hóa
count-SYNCED_WITH_DVCQG_PERSONAL_STORAGE = hồ sơ kết nối kho dữ liệu cá nhân
count-CITIZEN_DATA_CONNECTED_DOSSIER = hồ sơ dùng dữ liệu dân cư
count-CITIZEN_DATA_CONNECTED_FORMALITY = TTHC kết nối dữ liệu dân cư
count-ELECTRONIC_CERTIFIED_COPY = bản sao chứng thực điện tử
count-DOSSIER_RECEIVING_SATISFACTION = hồ sơ được đánh giá hài lòng
count-PETITION_PROCESSING_ON_TIME = PAKN xử lý đúng hạn
count-PETITION_HANDLING_SATISFACTION = PAKN được đánh giá hài lòng
count-PETITION_CLASSIFICATION_TTHC = PAKN về quy định, TTHC
count-PETITION_CLASSIFICATION_STAFF = PAKN về hành vi cán bộ
advice-CKMB = rà soát, bảo đảm 100% hồ sơ tiếp nhận được đồng bộ trạng thái lên Cổng DVCQG; công bố, công khai TTHC đúng hạn.
advice-TDGQ = rà soát hồ sơ quá hạn, phân công xử lý và theo dõi hồ sơ gần hạn; hạn chế yêu cầu bổ sung nhiều lần; kết thúc hồ sơ trên hệ thống kịp thời.
advice-CLGQ = đẩy mạnh hướng dẫn người dân nộp hồ sơ trực tuyến; rà soát, khắc phục hạn chế trong cung cấp dịch vụ công trực tuyến.
advice-TTTT = đẩy mạnh thanh toán trực tuyến phí, lệ phí; kiểm tra hồ sơ có nghĩa vụ tài chính đã đến bước thanh toán và dữ liệu đồng bộ.
advice-CCDVTT = đẩy mạnh nộp hồ sơ và thanh toán phí, lệ phí trực tuyến; rà soát, khắc phục hạn chế trong cung cấp dịch vụ công trực tuyến.
advice-MDHL = rà soát hồ sơ quá hạn và các đánh giá không hài lòng; xử lý phản ánh, kiến nghị đúng hạn, công khai kết quả.
advice-MDSH = số hóa đầy đủ thành phần hồ sơ đầu vào và kết quả giải quyết; khai thác, sử dụng lại dữ liệu số hóa; sử dụng dữ liệu dân cư, VNeID.

## Rankings (/xephang)
ranking-title = Xếp hạng { $scope } – { $parent }, { $period }
ranking-scope-default = các đơn vị
ranking-national = toàn quốc
ranking-national-none = Chưa có xếp hạng các tỉnh, thành phố { $requested }. Quản trị viên có thể lấy danh sách toàn quốc từ Cổng DVCQG bằng lệnh /thuthap [kỳ] toàn quốc, ví dụ /thuthap tháng 8 toàn quốc.
ranking-line = { $rank }. { $unit }: { $total } điểm
ranking-top = { $n } đơn vị dẫn đầu:
ranking-bottom = { $n } đơn vị cuối bảng:
ranking-partial = Đã có kết quả của { $shown }/{ $rankOf } đơn vị.
ranking-own = Đơn vị của anh/chị: { $unit } đứng thứ { $rank }/{ $rankOf } với { $total } điểm.
ranking-own-unranked = Đơn vị của anh/chị: { $unit } chưa được xếp hạng (thiếu dữ liệu một số nhóm).
ranking-unranked = { $count } đơn vị chưa được xếp hạng vì thiếu dữ liệu một số nhóm.
ranking-none = Chưa có kết quả nào của các đơn vị thuộc { $parent }.
ranking-no-period = Chưa có kết quả { $requested } của các đơn vị thuộc { $parent }. Các kỳ đã có: { $available }.
ranking-national-no-period = Chưa có xếp hạng các tỉnh, thành phố { $requested }. Các kỳ đã có: { $available }.
ranking-no-unit =
    Chưa rõ xếp hạng của đơn vị nào. Gõ tên đơn vị sau lệnh, ví dụ: /xephang tháng 8 tỉnh Phú Thọ
    Hoặc đăng ký cuộc trò chuyện bằng mã mời: /dangky MÃ

## Charts (/xuhuong, /xephang biểu đồ): the labels drawn in the picture, then its caption
chart-trend-title = Xu hướng Bộ chỉ số 766 – { $unit }
chart-trend-subtitle = { $from } – { $to } ({ $count } kỳ có kết quả). Trên: tổng điểm và thứ hạng; dưới: điểm từng nhóm so với điểm tối đa
chart-total-axis = Tổng điểm
chart-groups-axis = % điểm tối đa của nhóm
chart-rank = { $rank }/{ $rankOf }
chart-rank-row = Thứ hạng
chart-band = { $label } ({ $value })
chart-ranking-title = Xếp hạng { $scope } – { $parent }
chart-ranking-subtitle = { $period }, { $count } đơn vị, theo tổng điểm
chart-ranking-own = { $unit }: hạng { $rank }/{ $rankOf }, { $total } điểm
chart-trend-caption = { $unit }, { $from } – { $to }: tổng điểm { $first } → { $last }. Tiến bộ nhất: { $best } ({ $bestChange }); kém nhất: { $weakest } ({ $weakestChange }).
chart-trend-caption-one = { $unit }, { $from } – { $to }: tổng điểm { $first } → { $last }. Nhóm duy nhất có điểm ở cả hai kỳ: { $group } ({ $change }).
chart-trend-caption-unchanged = { $unit }, { $from } – { $to }: tổng điểm { $first } → { $last }. Điểm các nhóm không đổi.
chart-trend-caption-none-rose = { $unit }, { $from } – { $to }: tổng điểm { $first } → { $last }. Không nhóm nào tăng điểm; giảm nhiều nhất: { $weakest } ({ $weakestChange }).
chart-trend-caption-total = { $unit }, { $from } – { $to }: tổng điểm { $first } → { $last }.
chart-ranking-caption = Xếp hạng { $scope } – { $parent }, { $period }: { $bands } đơn vị.
chart-ranking-caption-band = { $label } { $count }
chart-ranking-caption-under = dưới { $below } điểm { $count }
chart-ranking-caption-none = chưa có tổng điểm { $count }
chart-no-total = chưa có
chart-ranking-caption-own = { $unit } đứng thứ { $rank }/{ $rankOf } với { $total } điểm.
chart-ranking-caption-own-untotalled = { $unit } đứng thứ { $rank }/{ $rankOf }, chưa có tổng điểm.
chart-trend-too-few = Chưa đủ dữ liệu để vẽ biểu đồ xu hướng của { $unit }: { $count ->
        [0] chưa có kết quả { $scale } nào
       *[other] mới có kết quả { $count } { $scale }
    } (cần ít nhất 2). Xem điểm kỳ gần nhất: /diem
chart-scale-month = tháng
chart-scale-quarter = quý
chart-ranking-empty = Chưa có đơn vị nào được xếp hạng { $period } để vẽ biểu đồ.

## When there is no answer
no-data = Chưa có kết quả { $requested } của { $unit }. Các kỳ đã có: { $available }.
no-data-none = Chưa có kết quả nào của { $unit }. Văn phòng UBND sẽ cập nhật khi có kết quả.
unit-not-found = Không tìm thấy đơn vị «{ $query }». Anh/chị gõ tên đơn vị, ví dụ: /diem tháng 2 Mỹ Hào
unit-ambiguous = «{ $query }» khớp với nhiều đơn vị: { $candidates }. Anh/chị gõ rõ hơn, ví dụ thêm "phường" hoặc "xã".
unit-which = { $query } khớp với nhiều đơn vị. Anh/chị chọn đơn vị muốn xem:
unit-did-you-mean = Không có đơn vị nào tên đúng như { $query }. Có phải anh/chị muốn xem:
units-too-many = Tin nhắn nêu { $count } đơn vị. Anh/chị hỏi từng đơn vị, hoặc so sánh hai đơn vị một lần, ví dụ: so sánh Việt Trì với Nông Trang.
unit-not-found-near = Không tìm thấy đơn vị «{ $query }». Có phải anh/chị muốn xem một trong các đơn vị sau?
unit-gone = Đơn vị này không còn trong dữ liệu. Anh/chị hỏi lại bằng tên đơn vị.
compare-needs-two = Để so sánh, anh/chị nêu tên hai đơn vị, ví dụ: so sánh Việt Trì với Nông Trang.
province-unknown =
    Chưa rõ tỉnh nào: cuộc trò chuyện này chưa gắn với đơn vị nào.
    Gõ tên tỉnh, ví dụ: điểm tỉnh Phú Thọ tháng 8
no-unit =
    Cuộc trò chuyện này chưa gắn với đơn vị nào.
    Gõ tên đơn vị sau lệnh, ví dụ: /diem tháng 2 Mỹ Hào
    Hoặc đăng ký bằng mã mời của văn phòng UBND: /dangky MÃ
bad-period-month = Không có tháng «{ $value }»: tháng phải từ 1 đến 12. Ví dụ: /diem tháng 2
bad-period-quarter = Không có quý «{ $value }»: quý phải từ 1 đến 4. Ví dụ: /diem quý 1
bad-period-year = Năm «{ $value }» không hợp lệ. Ví dụ: /diem năm 2025
bad-period-span = Bộ chỉ số tính điểm theo tháng, quý và năm, không có kỳ «{ $value }». Ví dụ: /diem quý 2, /diem năm 2026, hoặc /xuhuong để xem các tháng.
bad-period-week = Không có tuần «{ $value }»: tuần phải từ 1 đến 52 (53 với năm có 53 tuần). Ví dụ: /diem tuần 3/2024
error = Xin lỗi, đã có lỗi khi xử lý yêu cầu. Anh/chị vui lòng thử lại sau ít phút.
# A chat over its rate limit (CHAT_RATE_LIMIT updates in CHAT_RATE_WINDOW_SECONDS), told once per window.
chat-rate-limited = Anh/chị gửi nhanh quá, vui lòng đợi { $seconds } giây rồi thử lại.

## Import reports (CLI, admin API, admin chats)
import-summary = Nhập { $source } { $period }: { $added } kết quả mới, { $updated } kết quả thay đổi, { $unchanged } không đổi. Đơn vị: { $matched } đã có, { $created } tạo mới.
import-nothing-changed = Không có thay đổi: dữ liệu này đã có sẵn.
import-created-units = Đơn vị tạo mới ({ $count }): { $names }
import-updated = • { $unit }: { $changes }
import-updated-more = … và { $count } đơn vị khác có thay đổi.
import-source-letter = công văn
import-source-portal = dữ liệu Cổng DVCQG
import-source-sheet = bảng tính
import-groups-missing = Các tệp chưa có nhóm: { $groups } (số liệu đã lưu của các nhóm này được giữ nguyên).
import-lost-complete = ⚠️ { $count } kết quả trước đây đầy đủ nay thiếu nhóm hoặc tổng điểm: { $names }
import-incomplete = { $count } đơn vị thiếu dữ liệu một số nhóm, chưa tính tổng điểm và xếp hạng: { $names }
import-progress = Đang nhập { $done }/{ $total } đơn vị…

## Collector: the portal's evaluation API (CLI, admin API, /thuthap)
collect-bad-period = Kỳ «{ $period }» không thu thập được: chọn một tháng (2026-08), một quý (2026-Q3) hoặc một năm (2026).
collect-not-ended = { $period } chưa kết thúc: thu thập được từ ngày { $from } (giờ Việt Nam).
collect-province-unknown = Không biết cây đơn vị của «{ $province }» trên Cổng DVCQG. Nhập kết quả của tỉnh này một lần (6 tệp JSON của Cổng), hoặc dùng mã cây đơn vị của Cổng (departmentId).
collect-wrong-tree = Cổng trả về cây đơn vị «{ $name }», không phải của «{ $province }»: không lưu gì.
collect-no-province = Thiếu tỉnh cần thu thập: ghi mã của Cổng, ví dụ H44 (hoặc VN: danh sách các tỉnh, thành phố).
collect-failed = Dừng thu thập ở bảng { $group } ({ $url }): { $answer }. Không lưu gì; các bảng đã lấy được bỏ qua. Thử lại sau.
collect-answer-429 = Cổng báo gửi quá nhiều yêu cầu (HTTP 429){ $excerpt }{ $wait }
collect-retry-after = ; Cổng đề nghị chờ { $after } (Retry-After)
collect-seconds = { $seconds } giây
collect-answer-403 = Cổng từ chối truy cập (HTTP 403){ $excerpt }
collect-answer-status = Cổng trả lời HTTP { $status }{ $excerpt }
collect-answer-timeout = Cổng không trả lời trong { $seconds } giây
collect-answer-not-json = Cổng trả lời HTTP { $status } nhưng không phải dữ liệu JSON ({ $contentType }){ $excerpt }, có thể là trang của tường lửa
collect-answer-portal-error = Cổng báo lỗi «{ $code }»{ $excerpt }
collect-answer-network = không kết nối được tới Cổng: { $detail }
collect-answer-empty = Cổng trả lời nhưng không có đơn vị nào, có thể Cổng chưa tính xong kỳ này
collect-answer-partial = Cổng chỉ trả { $shown } trong { $total } đơn vị (danh sách bị chia trang), lưu vào sẽ thiếu các đơn vị còn lại
collect-excerpt = : «{ $text }»
collect-step = Thu thập { $step }/{ $total }: { $group }…
collect-steps-done = Đã lấy đủ { $total } bảng, đang nhập…
collect-national = các tỉnh, thành phố (toàn quốc)
collect-national-table = Danh sách kết quả các tỉnh, thành phố
collect-done = Đã thu thập { $period } của { $province } từ { $source }.
collect-admin-only = Chỉ quản trị viên (văn phòng UBND) mới thu thập được kết quả từ Cổng DVCQG.
collect-ask-period = Thu thập kỳ nào? Ví dụ: /thuthap tháng 8, hoặc /thuthap tháng 8 toàn quốc (bảng các tỉnh, thành phố)
collect-no-unit-code = Cuộc trò chuyện này chưa gắn với một tỉnh có mã trên Cổng DVCQG, nên chưa biết thu thập cây đơn vị nào. Dùng: npm run cli -- collect --province H44 --period 2026-08
collect-confirm = Thu thập kết quả { $period } của { $province } từ Cổng DVCQG (6 bảng, lần lượt từng bảng)? Kết quả được nhập như tệp gửi lên: kỳ đã có sẽ thành lần sửa mới, kèm báo cáo thay đổi.
collect-confirm-national = Thu thập danh sách kết quả { $period } của các tỉnh, thành phố từ Cổng DVCQG (1 bảng: tổng điểm, điểm từng nhóm, để xếp hạng các tỉnh)? Kỳ đã có sẽ thành lần sửa mới, kèm báo cáo thay đổi.
collect-other-province = Cuộc trò chuyện này không thu thập được cây đơn vị { $province }: chỉ thu thập được tỉnh của đơn vị mình, hoặc danh sách toàn quốc.
button-collect = Thu thập
collect-cancelled = Đã hủy thu thập.
collect-runs-title = Thu thập từ Cổng DVCQG:
collect-run = • { $when }: { $province } từ { $source } ({ $outcome })
collect-run-imported = đã nhập
collect-run-unchanged = không đổi
collect-run-running = đang thu thập
collect-run-interrupted = dừng giữa chừng (máy chủ bị tắt hoặc khởi động lại khi đang thu thập), không lưu gì
collect-run-failed = không thành công — { $reason }
collect-run-stopped-at = dừng ở bảng { $group }: { $answer }; không lưu gì
collect-run-rejected = dữ liệu Cổng trả về không nhập được ({ $count } lỗi), không lưu gì
collect-run-error = lỗi của máy chủ (xem nhật ký), không lưu gì
collect-taken = Hôm nay lịch thu thập đã hỏi { $province } kỳ { $period } rồi.
collect-runs-more = … và { $count } lần trước đó.
collect-stable = Số liệu đã ổn định (hai ngày thu thập giống nhau): { $provinces }.

## Invites (CLI)
invite-created =
    Mã mời cho { $unit } (vai trò { $role }): { $code }
    { $channels }
    Hiệu lực đến { $expires }, { $uses }.
    Mã mời gồm 8 ký tự (chữ và số, không phân biệt hoa thường), mặc định có hiệu lực 30 ngày. Mặc định mã của công chức dùng được nhiều lần (cả đơn vị dùng chung), mã của lãnh đạo và quản trị chỉ dùng được một lần (mỗi người một mã). Cuộc trò chuyện gõ sai mã 5 lần trong 15 phút phải chờ rồi mới thử lại được.
invite-no-channel = Chưa bật kênh nào (Telegram, Zalo): khi bot chạy, cuộc trò chuyện gửi cho bot «/dangky { $code }».
telegram-invite =
    Mở trong Telegram: { $link }
    Thêm vào nhóm Telegram: { $groupLink }
invite-uses-unlimited = dùng được nhiều lần
invite-uses-limited = dùng được { $uses } lần

## Administration (CLI and admin API)
admin-bad-role = Vai trò «{ $role }» không có. Chọn một trong: { $roles }.
admin-bad-uses = Số lần dùng «{ $uses }» phải là số nguyên dương.
admin-bad-days = Số ngày hiệu lực «{ $days }» phải là số nguyên từ 1 đến 365.
admin-no-unit = Thiếu đơn vị: ghi mã (H44.100) hoặc tên đơn vị.
admin-unit-not-found = Không tìm thấy đơn vị «{ $unit }». Nạp dữ liệu trước (npm run cli -- demo hoặc import).
admin-unit-ambiguous = «{ $unit }» khớp với nhiều đơn vị: { $candidates }. Ghi rõ hơn hoặc dùng mã.
admin-unauthorized = Thiếu hoặc sai mã quản trị (Authorization: Bearer ADMIN_TOKEN).
metrics-unauthorized = Thiếu hoặc sai mã (Authorization: Bearer METRICS_TOKEN hoặc ADMIN_TOKEN).
admin-server-error = Lỗi máy chủ, xem nhật ký.
admin-task-no-title = Thiếu tên nhiệm vụ (title).
admin-import-not-multipart = Gửi tệp theo dạng multipart/form-data: các phần «file» và trường «period».
admin-import-no-files = Chưa có tệp nào: gửi ít nhất một phần «file».
database-busy = Cơ sở dữ liệu nhúng trong { $dir } đang được tiến trình { $pid } dùng. Dừng tiến trình đó, hoặc đặt DATABASE_URL để dùng PostgreSQL.
startup-database-unreachable = Không kết nối được PostgreSQL tại { $address } (DATABASE_URL): { $reason }. Kiểm tra máy chủ PostgreSQL đang chạy và DATABASE_URL đúng địa chỉ và cổng.
startup-database-login = PostgreSQL từ chối đăng nhập của vai trò «{ $user }» tại { $address } (DATABASE_URL): { $reason }. Kiểm tra tên vai trò và mật khẩu trong DATABASE_URL.
startup-database-missing = Máy chủ PostgreSQL { $address } không có cơ sở dữ liệu «{ $database }» (DATABASE_URL). Tạo nó (createdb { $database }) hoặc sửa tên trong DATABASE_URL.
startup-database-no-create = Vai trò «{ $user }» không có quyền CREATE trên cơ sở dữ liệu «{ $database }» nên không chạy được migration ({ $reason }). Cấp quyền (GRANT CREATE ON DATABASE { $database } TO { $user }; GRANT CREATE ON SCHEMA public TO { $user }) hoặc dùng vai trò chủ sở hữu cơ sở dữ liệu trong DATABASE_URL.
startup-database-migrate = Không chạy được migration trên { $target } (DATABASE_URL): { $reason }. Xem lại quyền của vai trò và phiên bản cơ sở dữ liệu.
startup-database-other = Không mở được cơ sở dữ liệu { $target } (DATABASE_URL): { $reason }.
startup-pglite = Không mở được cơ sở dữ liệu nhúng trong { $dir } (DATA_DIR): { $reason }. Kiểm tra quyền ghi và chỗ trống của thư mục, hoặc đặt DATABASE_URL để dùng PostgreSQL.
startup-port-in-use = Cổng { $port } (PORT) trên { $host } đang được một tiến trình khác dùng. Dừng tiến trình đó hoặc đặt PORT khác.
startup-port-denied = Không được phép mở cổng { $port } (PORT). Dùng cổng từ 1024 trở lên, hoặc chạy sau một reverse proxy.
startup-host = Máy này không có địa chỉ { $host } (HOST) để nghe. Đặt HOST=0.0.0.0 (mọi địa chỉ) hoặc 127.0.0.1 (chỉ máy này).
startup-listen-other = Không mở được máy chủ HTTP trên { $host }:{ $port } (HOST, PORT): { $reason }.
startup-failed = Không khởi động được: { $reason }. Chạy lại với LOG_LEVEL=debug để xem chi tiết.
database-unavailable = Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.
cli-unknown-command = Không có lệnh «{ $command }».
cli-usage =
    Cách dùng: npm run cli -- <lệnh> [tùy chọn]
    Lệnh:
      demo                                   nạp dữ liệu mẫu (công văn thị xã Mỹ Hào tháng 02/2025)
      invite --unit ĐƠN_VỊ --role VAI_TRÒ    tạo mã mời; VAI_TRÒ: officer | leader | admin
             {"["}--uses N] [--days N] [--json]  số lần dùng, số ngày hiệu lực, in một dòng JSON
      import TỆP|THƯ_MỤC… [--period KỲ]      nhập kết quả: 6 tệp JSON của Cổng DVCQG (một thư mục),
             {"["}--json] [--force]              một bảng tính .xlsx/.csv theo mẫu, hoặc một công văn .txt/.docx/.pdf;
                                             KỲ: 2026-08 (tháng), 2026-Q3 (quý), 2026 (năm), 2026-W03 (tuần); bảng tính có cột Kỳ thì không cần;
                                             --force: vẫn nhập khi kết quả đầy đủ của kỳ đã công bố sẽ bị thiếu
      template [--format xlsx|csv] [--out TỆP]  ghi tệp mẫu bảng tính để nhập kết quả
      collect --province MÃ --period KỲ [--json]  thu thập 6 bảng kết quả của một tỉnh (MÃ: H44) từ Cổng DVCQG
                                             rồi nhập như tệp gửi lên; KỲ: một tháng, quý hoặc năm đã kết thúc
      collect --national --period KỲ [--json]  thu thập danh sách kết quả các tỉnh, thành phố (xếp hạng tỉnh)
      publish --period KỲ [--json]           công bố kết quả một kỳ: mỗi cuộc trò chuyện nhận kết quả đơn vị mình
      report --period KỲ [--json]            báo cáo gửi: đã gửi, lỗi, bị chặn, đã nhận, theo đơn vị
      help                                   in hướng dẫn này
cli-import-progress = Đang nhập
cli-publish-sending = Máy chủ gửi dần theo giới hạn của Telegram; xem tiến độ: npm run cli -- report --period KỲ
cli-template-written = Đã ghi tệp mẫu: { $path }
cli-template-bad-format = Định dạng «{ $format }» không có: chọn xlsx hoặc csv.
cli-import-no-paths = Thiếu tệp hoặc thư mục cần nhập. Ví dụ: npm run cli -- import samples/portal/2026-08 --period 2026-08
cli-import-path-missing = Không có tệp hoặc thư mục «{ $path }».
console-file = [Tệp đính kèm: { $name }]
console-saved = [Tệp đã ghi vào: { $path }]
chat-banner = chiso-bot trong terminal. Gõ /huongdan để xem các lệnh, số hoặc tên của một nút để bấm nút đó, Ctrl+D để thoát.
console-button-ambiguous = Có { $count } nút «{ $label }»: gõ số của nút cần bấm.

## Admin API: requests refused before any work (each names the field, the file or the limit)
admin-docs-description = API quản trị của chiso-bot: nhập kết quả, tạo mã mời, giao nhiệm vụ, công bố và xem báo cáo gửi. Mọi đường dẫn (trừ /api/docs) cần Authorization: Bearer ADMIN_TOKEN; lỗi trả về { "{" }"error": "…"{ "}" } bằng tiếng Việt.
admin-request-invalid = Yêu cầu không hợp lệ: { $problems }.
admin-body-missing = thiếu nội dung JSON (Content-Type: application/json)
admin-body-type = nội dung gửi lên phải là { $expected }
admin-field-missing = thiếu trường «{ $field }»
admin-field-type = trường «{ $field }» phải là { $expected }
admin-field-one-of = trường «{ $field }» phải là một trong: { $values }
admin-field-empty = trường «{ $field }» không được để trống
admin-field-too-small = trường «{ $field }» { $origin ->
        [string] phải có ít nhất { $minimum } ký tự
        [array] phải có ít nhất { $minimum } mục
       *[other] không được nhỏ hơn { $minimum }
    }
admin-field-too-big = trường «{ $field }» { $origin ->
        [string] chỉ được có tối đa { $maximum } ký tự
        [array] chỉ được có tối đa { $maximum } mục
       *[other] không được lớn hơn { $maximum }
    }
admin-field-unknown = trường «{ $field }» không có trong yêu cầu này
admin-field-invalid = trường «{ $field }» không đúng dạng
admin-field-task-to = trường «{ $field }» phải là "all" (mọi đơn vị trực thuộc) hoặc danh sách mã hoặc tên đơn vị, ví dụ ["H44.100", "Việt Trì"]
admin-type-string = chuỗi ký tự
admin-type-number = số
admin-type-int = số nguyên
admin-type-boolean = true hoặc false
admin-type-array = danh sách
admin-type-object = một đối tượng JSON
admin-type-null = null
admin-too-many-attempts = Sai mã quản trị quá nhiều lần từ địa chỉ này. Thử lại sau { $minutes } phút.
admin-upload-file-too-large = Tệp «{ $file }» lớn hơn { $max } MB: không nhận. Chia nhỏ tệp hoặc chỉ gửi phần cần nhập.
admin-upload-too-large = Một lần gửi tối đa { $max } MB: gửi các tệp thành nhiều lần.
admin-upload-too-many-parts = Quá nhiều phần trong một lần gửi: tối đa { $files } tệp và trường «period».
admin-upload-broken = Dữ liệu multipart/form-data bị hỏng hoặc bị ngắt giữa chừng: gửi lại.
http-not-found = Không có đường dẫn { $method } { $path }. Danh sách đường dẫn của API quản trị: /api/docs.
media-not-found = Tệp này không có hoặc đã hết hạn. Anh/chị hỏi lại bot để nhận tệp mới.
http-invalid-json = Nội dung không phải JSON hợp lệ (Content-Type là application/json).
http-empty-json = Nội dung rỗng trong khi Content-Type là application/json: gửi JSON, hoặc bỏ Content-Type.
http-media-type = Không nhận kiểu nội dung «{ $type }»: gửi JSON (Content-Type: application/json).
http-body-too-large = Nội dung yêu cầu quá lớn (tối đa { $max } KB).
http-bad-request = Yêu cầu không hợp lệ (mã lỗi { $code }).

## Imports through the chat (admins)
import-confirm-button = ✅ Xác nhận
import-cancel-button = ✖ Hủy
import-ask-period =
    Đã nhận: { $files }.
    Dữ liệu này của kỳ nào? Trả lời, ví dụ: tháng 8/2026 (hoặc quý 3/2026, năm 2026, tuần 3/2026).
import-send-again = Sửa tệp rồi gửi lại; chưa có gì được lưu.
import-preview-portal = Dữ liệu Cổng DVCQG ({ $files }), { $period }: { $units } đơn vị.
import-preview-sheet = Bảng tính «{ $files }», { $period }: { $units } đơn vị.
import-preview-letter = Kết quả đọc được từ công văn «{ $files }», { $period }:
import-preview-unit = { $unit }: tổng điểm { $total }
import-preview-period-source = Kỳ đánh giá { $period }: { $source ->
        [text] theo nội dung công văn.
        [date-line] theo ngày ký công văn (nội dung không ghi kỳ).
       *[given] theo kỳ người nhập chỉ định (công văn không ghi kỳ).
    }
import-preview-rank = Xếp hạng: { $rank }
import-preview-points = { $points } điểm
import-preview-change = Thay đổi theo công văn: { $change }
import-preview-other-period = Công văn còn ghi số liệu { $period } (lưu vào kỳ đó, cùng lần nhập này):
import-preview-unread = Không đọc được (không lưu, chưa rõ của đơn vị nào):
import-preview-unread-item = • { $printed } — «{ $sentence }»
import-preview-sample = Ví dụ: { $unit }: { $total } điểm.
import-preview-missing-groups = Chưa có nhóm: { $groups }. Gửi thêm tệp của các nhóm này, hoặc Xác nhận để nhập phần đã có (số liệu đã lưu của các nhóm còn thiếu được giữ nguyên).
import-preview-loss = ⚠️ Cảnh báo: lần nhập này làm { $count } kết quả đang đầy đủ bị thiếu nhóm hoặc tổng điểm ({ $names }){ $published ->
        [yes] , dù { $period } đã công bố. Chỉ chọn «Xác nhận» nếu đúng ý.
       *[no] . Chỉ chọn «Xác nhận» nếu đúng ý.
    }
import-preview-confirm = Kiểm tra lại rồi chọn «Xác nhận» để lưu, hoặc «Hủy».
import-done-title = Đã nhập xong
import-cancelled = Đã hủy, không lưu gì.
import-gone = Lần nhập này đã được xử lý hoặc đã hủy.
import-admin-only = Chỉ quản trị viên (văn phòng UBND) được nhập dữ liệu. Anh/chị cần mã mời vai trò quản trị.
import-file-too-large-telegram = Tệp «{ $file }» quá lớn để bot tải về (tối đa 20 MB qua Telegram). Dùng lệnh nhập trên máy chủ: npm run cli -- import.
import-working = Đang nhập…
pasted-letter-name = van-ban-dan.txt

## Import problems: the whole import is refused and nothing is stored
import-rejected = Không nhập được: { $count } lỗi. Chưa có dữ liệu nào được lưu; sửa tệp rồi gửi lại.
import-rejected-more = … và các lỗi khác (chỉ liệt kê { $shown } lỗi đầu).
problem-at-file = Tệp «{ $file }»
problem-at-row = dòng { $row }
problem-at-entry = mục { $row }
problem-at-line = dòng { $row }, ký tự { $column }
problem-at-column = cột «{ $column }»
problem-at-field = trường «{ $column }»
problem-at-unit = ({ $unit })
problem-empty-file = tệp rỗng, không có nội dung.
problem-file-too-large = tệp { $value } MB, quá giới hạn { $max } MB.
problem-unsupported-format = không đọc được tệp dạng «{ $value }». Gửi bảng tính .xlsx hoặc .csv, tệp .json của Cổng DVCQG, hoặc công văn .txt, .docx, .pdf (mỗi lần một loại).
problem-bad-encoding = tệp không phải văn bản UTF-8.
problem-bad-json = tệp JSON bị hỏng tại đây (gần «{ $value }»).
problem-bad-spreadsheet = không mở được bảng tính (tệp hỏng, hoặc không phải .xlsx/.csv). Chi tiết kỹ thuật: { $value }
problem-unknown-portal-file = không phải dữ liệu đánh giá của Cổng DVCQG (không nhận ra nhóm chỉ số nào).
problem-duplicate-portal-file = trùng nhóm «{ $value }» với tệp «{ $other }».
problem-national-list-with-others = là danh sách xếp hạng các tỉnh, thành phố; hãy gửi tệp này riêng, không kèm «{ $other }».
problem-missing-field = thiếu giá trị{ $value ->
        [none] .
       *[other] (đang là { $value }).
    }
problem-missing-column = thiếu cột bắt buộc «{ $column }».
problem-unknown-column = cột «{ $value }» không có trong mẫu. Xem mẫu bằng lệnh /mau.
problem-unnamed-column = cột không có tiêu đề nhưng có dữ liệu. Ghi tiêu đề theo mẫu (/mau) hoặc xóa cột.
problem-duplicate-column = cột «{ $value }» xuất hiện hai lần (lần đầu ở cột { $firstColumn }).
problem-no-rows = không có dòng dữ liệu nào.
problem-missing-value = ô trống, cần có giá trị.
problem-bad-number = «{ $value }» không phải là số.
problem-out-of-range = «{ $value }» nằm ngoài khoảng cho phép { $min } – { $max }.
problem-out-of-range-max = «{ $value }» vượt quá mức tối đa { $max }.
problem-unexpected-max = điểm tối đa «{ $value }» khác với Bộ chỉ số ({ $max } điểm).
problem-bad-rank = thứ hạng «{ $value }» không hợp lệ: phải là số nguyên dương, không lớn hơn số đơn vị xếp hạng.
problem-unknown-group = «{ $value }» không phải nhóm chỉ số nào của Bộ chỉ số 766.
problem-duplicate-unit = đơn vị «{ $value }» đã có ở { $firstRow }.
problem-unknown-parent = đơn vị cấp trên «{ $value }» khác với «{ $expected }» của tệp «{ $other }».
problem-unknown-parent-sheet = không tìm thấy đơn vị cấp trên «{ $value }» trong bảng tính (ghi tên hoặc mã của một đơn vị có dòng trong bảng, và không vòng lặp).
problem-missing-period = chưa rõ kỳ đánh giá. Ghi kỳ, ví dụ --period 2026-08 (tháng), 2026-Q3 (quý), 2026 (năm), 2026-W03 (tuần).
problem-bad-period = kỳ «{ $value }» không hợp lệ. Ví dụ: 2026-08, 2026-Q3, 2026, 2026-W03.
problem-period-mismatch = kỳ «{ $value }» khác với kỳ đang nhập { $expected }.
problem-period-disagrees = kỳ «{ $value }» khác với kỳ «{ $expected }» ở dòng { $firstRow }: mỗi lần chỉ nhập một kỳ, tách bảng tính theo kỳ.
problem-ambiguous-unit = tên «{ $value }» khớp với nhiều đơn vị đã có ({ $candidates }): ghi thêm Mã đơn vị hoặc Đơn vị cấp trên để chỉ rõ.
problem-would-lose-results = { $period } đã công bố; lần nhập này làm { $value } kết quả đang đầy đủ bị thiếu nhóm hoặc tổng điểm ({ $units }). Nếu đúng ý, nhập lại với --force (dòng lệnh) hoặc force=true (API).
problem-no-result = không tìm thấy kết quả (tổng điểm, điểm các nhóm chỉ số) trong văn bản.
problem-letter-unbound = Không đọc được «{ $value }»: chưa rõ của đơn vị nào («{ $sentence }»). Không có kết quả nào được lưu; ghi rõ tên đơn vị trong câu rồi gửi lại.
problem-letter-conflict = «{ $value }» có hai tổng điểm khác nhau trong cùng một kỳ: «{ $first }» và «{ $second }». Sửa văn bản để mỗi đơn vị chỉ còn một kết quả rồi gửi lại.
problem-too-many-parts = tệp nén gồm { $value } phần, quá giới hạn { $max } phần: không phải bảng tính hay văn bản thông thường.
problem-unpacked-too-large = phần «{ $value }» giải nén ra { $size } MB, quá giới hạn { $max } MB. Bỏ bớt dữ liệu không cần (trang tính khác, định dạng, hình ảnh) rồi gửi lại.
problem-unpacked-total-too-large = tệp giải nén ra { $size } MB, quá giới hạn { $max } MB. Bỏ bớt dữ liệu không cần (trang tính khác, định dạng, hình ảnh) rồi gửi lại.
problem-too-many-rows = bảng tính có dữ liệu ở dòng { $value }, quá giới hạn { $max } dòng. Xóa các dòng thừa (kể cả ô lẻ ở xa phía dưới) rồi gửi lại.
problem-too-many-columns = có dữ liệu ở cột { $value }, quá giới hạn { $max } cột. Xóa các cột thừa (kể cả ô lẻ ở xa bên phải) rồi gửi lại.
problem-too-many-cells = bảng tính có quá { $max } ô có dữ liệu.
problem-cell-too-long = ô dài { $value } ký tự, quá giới hạn { $max } ký tự.
problem-letter-too-long = văn bản dài { $value } ký tự, quá giới hạn { $max } ký tự của một công văn.
problem-too-many-pages = tệp PDF có { $value } trang, quá giới hạn { $max } trang của một công văn.
problem-too-complex = tệp cần quá nhiều bộ nhớ hoặc thời gian để đọc (giới hạn { $limit }). Chia nhỏ tệp hoặc lưu lại thành .xlsx/.csv đơn giản rồi gửi lại.

## Telegram webhook
webhook-wrong-secret = Mã bí mật của webhook không đúng.
server-not-taking-updates = Máy chủ đang khởi động hoặc đang dừng, chưa nhận cập nhật. Vui lòng gửi lại sau ít giây.
webhook-not-an-update = Nội dung gửi đến không phải là một cập nhật Telegram (cần một đối tượng JSON có update_id).

## Answers to free questions (issue 9)
card-strong-with-missing = Các nhóm đã có dữ liệu đều đạt từ 90% điểm tối đa trở lên. Chưa có dữ liệu: { $missing }.
card-no-group-data = Chưa có dữ liệu nhóm chỉ số nào.
standing-title = Thứ hạng của { $unit }, { $period }
standing-rank = Xếp thứ { $place }, tổng điểm { $total }.
standing-no-rank = Nguồn dữ liệu không công bố thứ hạng của đơn vị; tổng điểm { $total }.
standing-total-missing = chưa có
standing-band = Xếp loại: { $band }.
standing-below-bands = Dưới 80 điểm, chưa đạt mức Tốt.
standing-leads = Đơn vị dẫn đầu { $scope }.
standing-above = Đơn vị xếp ngay trên: { $unit } (hạng { $rank }, { $total } điểm), cao hơn { $gap } điểm.
standing-above-no-gap = Đơn vị xếp ngay trên: { $unit } (hạng { $rank }).
standing-above-unknown = Chưa có kết quả của đơn vị xếp ngay trên trong dữ liệu.
standing-above-equal = Đơn vị xếp ngay trên: { $unit } (hạng { $rank }), cùng { $total } điểm.
weakest-title = Nhóm chỉ số cần cải thiện – { $unit }, { $period }
weakest-intro = Các nhóm đạt tỷ lệ thấp nhất (dưới 90% điểm tối đa):
weakest-line = • { $name }: { $points }/{ $max } ({ $rate }) — còn có thể tăng { $gain } điểm
weakest-line-no-rate = • { $name }: { $points }/{ $max } — còn có thể tăng { $gain } điểm
weakest-none = Tất cả các nhóm đạt từ 90% điểm tối đa trở lên.
weakest-none-of-scored = Các nhóm đã có dữ liệu đều đạt từ 90% điểm tối đa trở lên.
weakest-most-to-gain = Nhóm còn có thể tăng nhiều điểm nhất:
weakest-missing = Chưa có dữ liệu: { $missing }.
leaders-kind-any = đơn vị
leaders-title-top = { $count } { $kind } có tổng điểm cao nhất { $where }, { $period }
leaders-title-bottom = { $count } { $kind } có tổng điểm thấp nhất { $where }, { $period }
leaders-line = { $n }. { $unit } — { $total } điểm ({ $place })
leaders-rank = hạng { $place }
leaders-unranked = chưa xếp hạng
leaders-among = Trong số { $count } { $kind } đã có tổng điểm.
leaders-cut = Danh sách chỉ nêu tối đa { $count } đơn vị; cả bảng xếp hạng: /xephang.
leaders-no-total = Chưa có tổng điểm của các { $kind } { $where }, { $period }.
leaders-none = Chưa có kết quả nào của các { $kind } { $where }.
leaders-in-parent = thuộc { $parent }
leaders-in-country = trên cả nước
leaders-no-period = Chưa có kết quả { $requested } của các { $kind } { $where }. Các kỳ đã có: { $available }.
compare-title = So sánh { $a } và { $b } — { $period }
compare-legend = A: { $a } · B: { $b }
compare-total = Tổng điểm: { $a } | { $b }
compare-rank = Xếp hạng: { $a } | { $b }
compare-groups = Các nhóm chỉ số (A | B):
compare-group = • { $name }: { $a } | { $b }
compare-lead = { $side } +{ $points }
compare-equal = bằng nhau
compare-frameworks-differ = Hai kết quả theo hai khung chỉ số khác nhau ({ $a }; { $b }) nên chỉ so sánh tổng điểm và xếp hạng.
compare-no-shared = { $a } và { $b } chưa có kỳ nào cùng có kết quả.
compare-no-period = Chưa có kết quả { $requested } chung của { $a } và { $b }: cần cả hai đơn vị cùng có kết quả kỳ đó.
compare-available = Các kỳ đã có của { $unit }: { $available }.
compare-available-none = { $unit } chưa có kết quả nào.

## Zalo Bot
zalo-bot-invite = Trên Zalo: tìm «{ $name }» rồi gửi cho bot: /start { $code }
zalo-bot-invite-unnamed = Trên Zalo: tìm bot của đơn vị (tên bắt đầu bằng «Bot») rồi gửi cho bot: /start { $code }
text-only = Bot chỉ đọc được tin nhắn chữ. Anh/chị vui lòng gõ câu hỏi, ví dụ: /diem tháng 2 hoặc /huongdan.
zalo-bot-file-link = Tệp «{ $file }»: { $url }
zalo-bot-file-unavailable = (Tệp «{ $file }» chưa gửi được qua Zalo: máy chủ cần có địa chỉ công khai PUBLIC_URL.)
zalo-bot-not-an-event = Nội dung gửi đến không phải là một sự kiện Zalo Bot (cần một đối tượng JSON có event_name).

## Zalo OA
zalo-oa-invite = Trên Zalo: quan tâm (follow) { $oa } rồi nhắn «dangky { $code }» cho OA.
zalo-oa-default-name = Official Account của đơn vị
zalo-oa-file = 📎 { $file }: { $url }
zalo-oa-file-unavailable = 📎 { $file } (tệp chỉ gửi được khi máy chủ có PUBLIC_URL)
report-outside-window = { $count } cuộc trò chuyện ngoài thời hạn tương tác (người dùng chưa nhắn cho OA trong 7 ngày qua, nên chưa gửi được):
report-outside-window-chat = • { $unit }: { $chat }
report-outside-window-waiting = • { $unit }: { $chat } — sẽ gửi khi người dùng nhắn lại
report-outside-window-user = { $channel } { $id }
report-outside-window-more = … và { $count } cuộc trò chuyện khác.
zalo-oa-webhook-wrong-signature = Chữ ký X-ZEvent-Signature của webhook Zalo OA không đúng.

## What-if (/uoctinh): estimates from the portal's formulas, never stored
whatif-title = Ước tính – { $unit }, { $period }
whatif-if = Nếu «{ $criterion }» ({ $group }) đạt { $rate }%{ $now }:
whatif-rate-now = {" "}(hiện { $rate }%)
whatif-group = • { $group }: { $now } → { $points }/{ $max } điểm (ước tính)
whatif-total = • Tổng điểm: { $now } → { $total }/{ $max } (ước tính)
whatif-rank = • Xếp hạng trong nhóm { $peers } của { $parent }: { $now } → { $rank } (ước tính, so với kết quả hiện có của các đơn vị khác)
whatif-formula = Công thức: { $formula }.
whatif-uncertain = ⚠️ Công thức này chưa được đối chiếu đủ với số liệu của Cổng Dịch vụ công quốc gia: kết quả là một khoảng, chỉ để tham khảo.
whatif-note = Đây là ước tính theo công thức tính điểm của Cổng, không phải kết quả chính thức, và không được lưu.
whatif-which-unit = «{ $query }» có thể là: { $candidates }. Anh/chị hỏi lại với tên đầy đủ của đơn vị, ví dụ: nếu số hóa lên 95% thì phường Việt Trì thế nào.
whatif-one-unit = Ước tính cho từng đơn vị một: anh/chị nêu tên một đơn vị.
whatif-usage =
    Ước tính điểm nếu một chỉ tiêu đạt tỷ lệ mới: nêu nhóm (hoặc chỉ tiêu) và tỷ lệ, ví dụ:
    /uoctinh thanh toán 90 · nếu số hóa lên 95% thì sao · neu tien do dat 90% · nếu tái sử dụng đạt 50% thì Hy Cương được mấy điểm
whatif-points = Ước tính theo tỷ lệ của chỉ tiêu, không theo điểm: anh/chị nêu tỷ lệ muốn đạt, ví dụ: nếu thanh toán đạt 90% thì sao.
whatif-refused-no-rule = Chưa ước tính được nhóm { $group } của kỳ này: công thức tính điểm hiện hành chỉ áp dụng cho kết quả 6 nhóm lấy từ Cổng Dịch vụ công quốc gia.
whatif-refused-no-group-data = Chưa có điểm nhóm { $group } của kỳ này nên chưa ước tính được.
whatif-refused-no-criteria = Chưa có số liệu chỉ tiêu thành phần (tử số, mẫu số) của nhóm { $group } trong kỳ này, nên không ước tính được: bot không suy điểm từ tỷ lệ công bố.
formula-or = hoặc
formula-sum = điểm nhóm { $group } = tổng điểm các chỉ tiêu thành phần, mỗi chỉ tiêu làm tròn 0,01
formula-candidate = { $group } = { $sum } (công thức ứng viên; Cổng không công bố chỉ tiêu thành phần của từng đơn vị, nên phần điểm của các chỉ tiêu khác chưa biết)
criterion-ONLINE_SERVICE_PROVIDED = TTHC cung cấp DVCTT
criterion-ONLINE_SERVICE_USED = DVCTT có phát sinh hồ sơ
criterion-ONLINE_SUBMISSION = Hồ sơ nộp trực tuyến
