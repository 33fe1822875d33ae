package vn.motcua.platform.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every user-facing string, Vietnamese first (the defaults here), English in {@code messages/msg_en.properties}.
 * Templates use them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "vi")
public interface Messages {

    @Message("Một cửa điện tử")
    String app_name();

    @Message("Cổng dịch vụ công của thành phố: tra cứu thủ tục, nộp hồ sơ, theo dõi kết quả.")
    String app_tagline();

    @Message("Bỏ qua, đến nội dung chính")
    String skip_to_content();

    @Message("Đăng nhập")
    String sign_in();

    @Message("Đăng xuất")
    String sign_out();

    @Message("English")
    String other_language();

    @Message("en")
    String other_language_code();

    @Message("Tiếng Việt")
    String this_language();

    @Message("Trang chủ")
    String home();

    /** Before the title of a page whose form was refused, so a screen reader says it first. */
    @Message("Lỗi:")
    String error_prefix();

    @Message("Có lỗi cần sửa")
    String error_summary_title();

    /** After the label of a field that may be left empty (GOV.UK: "(optional)", never an asterisk). */
    @Message("(không bắt buộc)")
    String optional();

    @Message("Các cơ quan tiếp nhận hồ sơ")
    String portal_tenants_heading();

    @Message("Chọn nơi bạn sống hoặc nơi có thẩm quyền giải quyết thủ tục. Có {count} đơn vị.")
    String portal_tenants_intro(int count);

    @Message("Mã định danh")
    String agency_code();

    @Message("Địa chỉ")
    String address();

    @Message("Điện thoại")
    String phone();

    @Message("Giờ tiếp nhận")
    String desk_hours();

    @Message("Xin chào, {name}")
    String hello(String name);

    @Message("Trang cá nhân")
    String my_page();

    @Message("Bạn đã đăng nhập bằng tài khoản công dân.")
    String me_intro();

    @Message("Tên đăng nhập")
    String username();

    @Message("Cán bộ của đơn vị")
    String staff_heading();

    @Message("Tạo tài khoản, đổi vai trò, khóa hoặc mở khóa tài khoản cán bộ của {tenant}.")
    String staff_intro(String tenant);

    @Message("Tên đăng nhập")
    String staff_username();

    @Message("Họ và tên")
    String staff_name();

    @Message("Vai trò")
    String staff_roles();

    @Message("Trạng thái")
    String staff_status();

    @Message("Đang hoạt động")
    String staff_enabled();

    @Message("Đã khóa")
    String staff_disabled();

    @Message("Khóa tài khoản")
    String staff_disable();

    @Message("Mở khóa")
    String staff_enable();

    @Message("Cập nhật vai trò")
    String staff_update_roles();

    @Message("Tạo tài khoản cán bộ")
    String staff_create_heading();

    @Message("Họ và tên đệm")
    String staff_last_name();

    @Message("Tên")
    String staff_first_name();

    @Message("Thư điện tử (không bắt buộc)")
    String staff_email();

    @Message("Tạo tài khoản")
    String staff_create();

    @Message("Đã tạo tài khoản {username}.")
    String staff_created(String username);

    @Message("Mật khẩu tạm: {password}. Mật khẩu chỉ hiện một lần; cán bộ phải đổi khi đăng nhập lần đầu.")
    String staff_temporary_password(String password);

    @Message("Đã lưu thay đổi.")
    String staff_saved();

    @Message("Một cửa: tiếp nhận, trả kết quả")
    String role_receiver();

    @Message("Chuyên viên xử lý")
    String role_processor();

    @Message("Lãnh đạo phê duyệt")
    String role_approver();

    @Message("Quản trị đơn vị")
    String role_tenant_admin();

    @Message("Quản trị thành phố")
    String role_city_admin();

    @Message("Thanh tra (chỉ xem)")
    String role_auditor();

    @Message("Nhân viên bưu điện")
    String role_postal_clerk();

    @Message("Mức định danh")
    String assurance();

    @Message("Cao: đã xác thực qua VNeID, số định danh {masked}")
    String assurance_high(String masked);

    @Message("Thấp: tài khoản tự đăng ký. Đăng nhập bằng VNeID để dùng lại dữ liệu đã có.")
    String assurance_low();

    @Message("Ai đã xem dữ liệu của tôi")
    String data_access_heading();

    @Message("Mỗi lần cán bộ mở hồ sơ của bạn đều được ghi lại: ai, ở cơ quan nào, khi nào và vì sao.")
    String data_access_intro();

    @Message("Chưa có cán bộ nào mở hồ sơ của bạn.")
    String data_access_none();

    @Message("Thời điểm")
    String data_access_when();

    @Message("Cán bộ")
    String data_access_officer();

    @Message("Cơ quan")
    String data_access_office();

    @Message("Hồ sơ")
    String data_access_dossier();

    @Message("Lý do")
    String data_access_purpose();

    @Message("Giải quyết hồ sơ")
    String purpose_processing();

    @Message("Cơ quan cấp trên giám sát")
    String purpose_supervision();

    @Message("Thanh tra, kiểm tra")
    String purpose_audit();

    @Message("Bưu điện tiếp nhận hoặc chuyển phát")
    String purpose_postal();

    @Message("Bàn làm việc của cán bộ")
    String console_title();

    @Message("Bạn đang làm việc tại {tenant}.")
    String console_working_at(String tenant);

    @Message("Bạn đang xem (giám sát) {tenant}. Bạn chỉ xem, không xử lý hồ sơ của đơn vị này.")
    String console_supervising(String tenant);

    @Message("Người đăng nhập")
    String console_signed_in_as();

    @Message("Vai trò")
    String roles();

    @Message("Đơn vị của bạn")
    String console_your_tenants();

    @Message("Đơn vị cấp dưới")
    String console_children();

    @Message("Tài khoản của bạn chưa được gắn với đơn vị nào. Hãy liên hệ quản trị viên đơn vị.")
    String console_no_tenant();

    @Message("Quay về trang chủ")
    String back_home();

    @Message("Mã lỗi")
    String problem_code();

    // Problems: a title and a detail for each ProblemType.
    @Message("Không tìm thấy đơn vị")
    String problem_tenant_not_found();

    @Message("Không có đơn vị nào mang mã \"{code}\".")
    String problem_tenant_not_found_detail(String code);

    @Message("Không có quyền với đơn vị này")
    String problem_tenant_forbidden();

    @Message("Tài khoản của bạn không thuộc đơn vị \"{code}\" hay đơn vị cấp trên của nó.")
    String problem_tenant_forbidden_detail(String code);

    @Message("Không tìm thấy thủ tục")
    String problem_procedure_not_found();

    @Message("Không có thủ tục nào mang mã \"{code}\" vào thời điểm này.")
    String problem_procedure_not_found_detail(String code);

    @Message("Cần đăng nhập")
    String problem_not_signed_in();

    @Message("Hãy đăng nhập để tiếp tục.")
    String problem_not_signed_in_detail();

    @Message("Không có quyền")
    String problem_forbidden();

    @Message("Tài khoản của bạn không được phép làm việc này.")
    String problem_forbidden_detail();

    @Message("Không tìm thấy trang")
    String problem_not_found();

    @Message("Địa chỉ này không có trên hệ thống. Hãy kiểm tra lại đường dẫn.")
    String problem_not_found_detail();

    @Message("Phương thức không được hỗ trợ")
    String problem_method_not_allowed();

    @Message("Địa chỉ này không nhận phương thức {method}.")
    String problem_method_not_allowed_detail(String method);

    @Message("Định dạng trả về không được hỗ trợ")
    String problem_not_acceptable();

    @Message("Hệ thống chỉ trả về JSON hoặc trang web.")
    String problem_not_acceptable_detail();

    @Message("Định dạng dữ liệu gửi lên không được hỗ trợ")
    String problem_unsupported_media_type();

    @Message("Hãy gửi dữ liệu dạng JSON.")
    String problem_unsupported_media_type_detail();

    @Message("Yêu cầu không hợp lệ")
    String problem_bad_request();

    @Message("Không đọc được yêu cầu: {reason}")
    String problem_bad_request_detail(String reason);

    @Message("Dữ liệu chưa hợp lệ")
    String problem_validation_failed();

    @Message("Có {count} mục cần sửa.")
    String problem_validation_failed_detail(int count);

    @Message("Hệ thống tạm thời gián đoạn")
    String problem_unavailable();

    @Message("Xin thử lại sau ít phút.")
    String problem_unavailable_detail();

    @Message("Đã có lỗi xảy ra")
    String problem_internal_error();

    @Message("Hệ thống gặp sự cố khi xử lý yêu cầu. Xin thử lại sau; nếu lỗi còn, hãy báo mã lỗi {incident} cho đơn vị.")
    String problem_internal_error_detail(String incident);

    @Message("Không tìm thấy hồ sơ")
    String problem_dossier_not_found();

    @Message("Không có hồ sơ nào mang mã \"{code}\" mà bạn được xem.")
    String problem_dossier_not_found_detail(String code);

    @Message("Không thực hiện được thao tác này lúc này")
    String problem_illegal_transition();

    @Message("Hồ sơ đang ở trạng thái \"{state}\"; thao tác \"{action}\" không áp dụng được. Các thao tác được phép: {allowed}.")
    String problem_illegal_transition_detail(String state, String action, String allowed);

    @Message("Bạn không có quyền thực hiện thao tác này")
    String problem_action_forbidden();

    @Message("Thao tác \"{action}\" cần vai trò: {roles}.")
    String problem_action_forbidden_detail(String action, String roles);

    @Message("Hồ sơ vừa được người khác cập nhật")
    String problem_concurrent_change();

    @Message("Hồ sơ {code} đã thay đổi trong lúc bạn thao tác. Xin tải lại và thử lại.")
    String problem_concurrent_change_detail(String code);

    @Message("Khóa Idempotency-Key đã được dùng cho một yêu cầu khác")
    String problem_idempotency_conflict();

    @Message("Khóa \"{key}\" đã dùng để nộp một hồ sơ khác nội dung. Hãy dùng khóa mới cho mỗi hồ sơ mới.")
    String problem_idempotency_conflict_detail(String key);

    @Message("Người dân chưa đồng ý dùng lại dữ liệu")
    String problem_consent_required();

    @Message("Người nộp hồ sơ {code} chưa đồng ý cho dùng lại dữ liệu các hồ sơ trước. Hãy đề nghị người dân cung cấp giấy tờ.")
    String problem_consent_required_detail(String code);

    @Message("Chỉ người nộp cho chính mình, đã đăng nhập bằng VNeID, mới đồng ý được việc dùng lại dữ liệu.")
    String field_needs_verified_identity();

    @Message("Dùng lại dữ liệu hồ sơ trước, theo sự đồng ý của bạn")
    String purpose_reuse();

    @Message("Tên đăng nhập đã có người dùng")
    String problem_staff_exists();

    @Message("Đã có tài khoản \"{username}\". Hãy chọn tên đăng nhập khác.")
    String problem_staff_exists_detail(String username);

    @Message("Không có cán bộ này ở đơn vị")
    String problem_staff_not_found();

    @Message("Đơn vị không có cán bộ \"{username}\".")
    String problem_staff_not_found_detail(String username);

    @Message("Đơn vị này không giải quyết thủ tục này")
    String problem_procedure_not_offered();

    @Message("Thủ tục {procedure} không thuộc thẩm quyền của {tenant}.")
    String problem_procedure_not_offered_detail(String procedure, String tenant);

    @Message("Tệp quá lớn")
    String problem_file_too_large();

    @Message("Tệp lớn hơn giới hạn {limit}. Xin chụp lại với độ phân giải thấp hơn hoặc chia nhỏ tệp PDF.")
    String problem_file_too_large_detail(String limit);

    @Message("Loại tệp không được nhận")
    String problem_file_type_not_allowed();

    @Message("Tệp này là \"{detected}\". Chỉ nhận tệp PDF, JPEG hoặc PNG. Trên iPhone, chọn \"Tương thích nhất\" trong Cài đặt > Camera > Định dạng, hoặc chia sẻ ảnh dưới dạng JPEG.")
    String problem_file_type_not_allowed_detail(String detected);

    @Message("Quá nhiều yêu cầu")
    String problem_too_many_requests();

    @Message("Bạn đã tra cứu quá nhiều lần. Xin thử lại sau {seconds} giây.")
    String problem_too_many_requests_detail(String seconds);

    @Message("Mục này bắt buộc.")
    String field_required();

    @Message("Cần nhập chữ.")
    String field_not_text();

    @Message("Nhập một số từ {min} đến {max}.")
    String field_out_of_range(int min, int max);

    @Message("Dài quá {max} ký tự.")
    String field_too_long(int max);

    @Message("Không đúng định dạng.")
    String field_pattern();

    @Message("Cần nhập một số.")
    String field_not_number();

    @Message("Cần nhập ngày theo dạng năm-tháng-ngày, ví dụ 2025-03-31.")
    String field_not_date();

    @Message("Cần nhập thời điểm theo dạng năm-tháng-ngàyTgiờ:phút, ví dụ 2026-03-09T09:00+07:00.")
    String field_not_time();

    @Message("Nhập số ngày làm việc lớn hơn 0, tối đa {max}, có thể lẻ nửa ngày, ví dụ 2.5.")
    String field_working_days(int max);

    @Message("Ngày này chưa tới.")
    String field_date_in_future();

    @Message("Chọn một trong: {options}.")
    String field_not_an_option(String options);

    @Message("Số định danh cá nhân gồm đúng 12 chữ số.")
    String field_citizen_id_format();

    @Message("Ba số đầu {code} không phải mã tỉnh, thành phố nơi đăng ký khai sinh.")
    String field_citizen_id_province(String code);

    @Message("Số định danh cho năm sinh {year}, không khớp với ngày sinh đã nhập.")
    String field_citizen_id_birth_year(String year);

    @Message("Số định danh cho giới tính khác với giới tính đã chọn.")
    String field_citizen_id_sex();

    @Message("Số điện thoại Việt Nam không hợp lệ, ví dụ 0912 345 678.")
    String field_phone();

    @Message("Cần một nhóm thông tin.")
    String field_not_group();

    @Message("Biểu mẫu không có mục này.")
    String field_unknown_field();

    @Message("Thủ tục không nhận hồ sơ qua kênh này. Các kênh: {channels}.")
    String field_channel_not_offered(String channels);

    @Message("Bạn không nộp được hồ sơ qua kênh này.")
    String field_channel_not_yours();

    @Message("Không có đơn vị này.")
    String field_not_a_tenant();

    @Message("Đơn vị này chưa có bưu điện trả kết quả qua bưu chính; xin chọn nhận tại bộ phận một cửa.")
    String field_no_post_office();

    @Message("Không có thủ tục này.")
    String field_not_a_procedure();

    @Message("Cần ghi rõ lý do để người dân hiểu.")
    String field_reason_required();

    @Message("Hồ sơ đang ở đơn vị này rồi.")
    String field_same_tenant();

    @Message("Cần một thời điểm trong tương lai.")
    String field_not_in_future();

    @Message("Hồ sơ chưa quá hạn.")
    String field_not_late();

    @Message("Thủ tục không có thành phần hồ sơ số {number}.")
    String field_no_such_document(int number);

    @Message("Tệp rỗng.")
    String field_empty_file();

    @Message("Đã nộp, chờ bộ phận một cửa tiếp nhận")
    String status_submitted();

    @Message("Đã tiếp nhận, chờ chuyển chuyên viên xử lý")
    String status_received();

    @Message("Đang giải quyết")
    String status_in_progress();

    @Message("Cần bổ sung hồ sơ: xem yêu cầu của cơ quan")
    String status_supplement_requested();

    @Message("Đã chuyển đến cơ quan khác giải quyết")
    String status_forwarded();

    @Message("Đang chờ lãnh đạo ký duyệt")
    String status_awaiting_approval();

    @Message("Đã được duyệt, đang chuẩn bị kết quả")
    String status_approved();

    @Message("Không được giải quyết: xem văn bản trả lời")
    String status_rejected();

    @Message("Bị từ chối tiếp nhận: xem lý do")
    String status_refused();

    @Message("Đã có kết quả, chờ trả")
    String status_result_ready();

    @Message("Đã trả kết quả")
    String status_returned();
}
