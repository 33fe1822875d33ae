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
}
