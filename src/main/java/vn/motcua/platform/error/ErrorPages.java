package vn.motcua.platform.error;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The error page (trang báo lỗi) that {@link ProblemMapper} shows people, checked at build time against {@code templates/error.html}. */
@CheckedTemplate
final class ErrorPages {

    private ErrorPages() {
    }

    static native TemplateInstance error(String title, String detail, ProblemType type, List<ProblemException.FieldError> errors);
}
