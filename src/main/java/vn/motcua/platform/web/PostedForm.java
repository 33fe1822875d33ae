package vn.motcua.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * Every text field of the page's posted form, by name (the first value of each): for pages whose fields come from
 * data (a procedure's form in the catalog) rather than from a fixed list of {@code @RestForm} parameters. The form
 * was already read and bounded by the anti-forgery filter ({@link PageFilters}); files are left out. Call it on the
 * request's thread, in the resource method.
 */
public final class PostedForm {

    /** A value longer than this is cut: no field of ours takes more, and the rules then report it as too long. */
    static final int MAX_VALUE = 4000;

    private PostedForm() {
    }

    public static Map<String, String> current() {
        Map<String, String> out = new LinkedHashMap<>();
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        FormData form = context == null ? null : context.getFormData();
        if (form == null) {
            return out;
        }
        for (String name : form) {
            FormValue v = form.getFirst(name);
            if (v != null && !v.isFileItem() && !name.equals(CsrfGuard.FIELD)) {
                String value = v.getValue();
                out.put(name, value != null && value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE + 1) : value);
            }
        }
        return out;
    }
}
