# chiso-bot: every text a user sees. Numbers arrive already formatted the Vietnamese way.

## Commands (the menu shown by the chat app)
command-diem = Xem điểm Bộ chỉ số của đơn vị
command-huongdan = Hướng dẫn sử dụng và ví dụ
command-dangky = Đăng ký cuộc trò chuyện bằng mã mời

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

## Help
help-title = Hướng dẫn sử dụng chiso-bot
help =
    /diem – điểm Bộ chỉ số của đơn vị, kỳ gần nhất. Có thể gõ kỳ và tên đơn vị:
       /diem tháng 2 · điểm tháng 2/2025 · diem t2 · xem điểm quý 1 · điểm năm 2025
       /diem tháng 2 Mỹ Hào · điểm phường Việt Trì tháng trước
    /dangky MÃ – gắn cuộc trò chuyện với đơn vị bằng mã mời của văn phòng UBND.
    /huongdan – xem lại hướng dẫn này.
    Gõ có dấu hay không dấu đều được. Tháng không kèm năm là tháng gần nhất đã có kết quả.
unknown =
    Tôi chưa hiểu «{ $text }». Anh/chị thử:
    /diem tháng 2 – điểm của đơn vị · /huongdan – tất cả các lệnh

## Result card
card-title = Kết quả Bộ chỉ số 766 – { $unit }, { $period }
card-total = Tổng điểm: { $total }/{ $max }
card-total-missing = Tổng điểm: chưa có (thiếu dữ liệu một số nhóm)
card-rank = Xếp hạng: { $rank }/{ $rankOf }
card-rank-scope = Xếp hạng: { $rank }/{ $rankOf } { $scope }
card-classification = Xếp loại: { $label }
card-classification-computed = Xếp loại: { $label } (theo ngưỡng của Bộ chỉ số)
card-change = So với { $period }: { $points } điểm
card-change-rank = So với { $period }: { $points } điểm, { $ranks }
card-rank-up = ↑ { $n } bậc
card-rank-down = ↓ { $n } bậc
card-rank-same = giữ nguyên thứ hạng
card-no-previous = Chưa có kết quả { $period } để so sánh.
card-groups = Các nhóm chỉ số (điểm/tối đa, tỷ lệ):
card-group = • { $name }: { $points }/{ $max } ({ $rate })
card-group-no-rate = • { $name }: { $points }/{ $max }
card-group-missing = • { $name }: chưa có dữ liệu
card-criterion = { "   " }– { $name }: { $value }
card-count-rate = { $count } hồ sơ, { $rate }
card-weakest = Nhóm cần cải thiện: { $groups }
card-all-strong = Tất cả các nhóm đạt từ 90% điểm tối đa trở lên.
card-source = Nguồn: { $source }, cập nhật { $at }.
source-letter = công văn ({ $file })
source-portal = Cổng Dịch vụ công quốc gia
source-sheet = bảng tính ({ $file })

## When there is no answer
no-data = Chưa có kết quả { $requested } của { $unit }. Các kỳ đã có: { $available }.
no-data-none = Chưa có kết quả nào của { $unit }. Văn phòng UBND sẽ cập nhật khi có kết quả.
unit-not-found = Không tìm thấy đơn vị «{ $query }». Anh/chị gõ tên đơn vị, ví dụ: /diem tháng 2 Mỹ Hào
unit-ambiguous = «{ $query }» khớp với nhiều đơn vị: { $candidates }. Anh/chị gõ rõ hơn, ví dụ thêm "phường" hoặc "xã".
no-unit =
    Cuộc trò chuyện này chưa gắn với đơn vị nào.
    Gõ tên đơn vị sau lệnh, ví dụ: /diem tháng 2 Mỹ Hào
    Hoặc đăng ký bằng mã mời của văn phòng UBND: /dangky MÃ
bad-period-month = Không có tháng «{ $value }»: tháng phải từ 1 đến 12. Ví dụ: /diem tháng 2
bad-period-quarter = Không có quý «{ $value }»: quý phải từ 1 đến 4. Ví dụ: /diem quý 1
bad-period-year = Năm «{ $value }» không hợp lệ. Ví dụ: /diem năm 2025
error = Xin lỗi, đã có lỗi khi xử lý yêu cầu. Anh/chị vui lòng thử lại sau ít phút.

## Import reports (CLI, admin API, admin chats)
import-summary = Nhập { $source } { $period }: { $added } kết quả mới, { $updated } kết quả thay đổi, { $unchanged } không đổi. Đơn vị: { $matched } đã có, { $created } tạo mới.
import-nothing-changed = Không có thay đổi: dữ liệu này đã có sẵn.
import-created-units = Đơn vị tạo mới: { $names }
import-updated = • { $unit }: { $changes }
import-source-letter = công văn
import-source-portal = dữ liệu Cổng DVCQG
import-source-sheet = bảng tính

## Invites (CLI)
invite-created =
    Mã mời cho { $unit } (vai trò { $role }): { $code }
    Mở trong Telegram: { $link }
    Thêm vào nhóm: { $groupLink }
    Hiệu lực đến { $expires }, { $uses }.
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
admin-server-error = Lỗi máy chủ, xem nhật ký.
database-busy = Cơ sở dữ liệu nhúng trong { $dir } đang được tiến trình { $pid } dùng. Dừng tiến trình đó, hoặc đặt DATABASE_URL để dùng PostgreSQL.
cli-unknown-command = Không có lệnh «{ $command }».
cli-usage =
    Cách dùng: npm run cli -- <lệnh> [tùy chọn]
    Lệnh:
      demo                                   nạp dữ liệu mẫu (công văn thị xã Mỹ Hào tháng 02/2025)
      invite --unit ĐƠN_VỊ --role VAI_TRÒ    tạo mã mời; VAI_TRÒ: officer | leader | admin
             [--uses N] [--days N] [--json]  số lần dùng, số ngày hiệu lực, in một dòng JSON
      help                                   in hướng dẫn này
chat-banner = chiso-bot trong terminal. Gõ /huongdan để xem các lệnh, Ctrl+D để thoát.
