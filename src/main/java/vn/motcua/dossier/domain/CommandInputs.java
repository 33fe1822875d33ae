package vn.motcua.dossier.domain;

import vn.motcua.platform.error.FieldIssue;

/** The bounds of what an officer or applicant sends with an action (dữ liệu nhập của một thao tác): pure. */
final class CommandInputs {

    private CommandInputs() {
    }

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final java.util.regex.Pattern TENANT_CODE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    /**
     * Every text an officer or applicant sends is bounded before anything is done with it: a reason or note at most
     * 2,000 characters and free of control characters other than line breaks and tabs (a NUL would otherwise reach
     * PostgreSQL), an assignee a username, a target tenant a tenant code. What was accepted is stored and shown to
     * others on every read, so nothing unbounded may get in.
     */
    static void check(DossierCommands.Input in) {
        if (in.reason() != null) {
            if (in.reason().length() > 2000) {
                throw DossierCommands.validation("reason", FieldIssue.TOO_LONG, 2000);
            }
            if (TypedText.hasControl(in.reason())) {
                throw DossierCommands.validation("reason", FieldIssue.PATTERN);
            }
        }
        if (in.assignee() != null && !in.assignee().isBlank() && !USERNAME.matcher(in.assignee().strip()).matches()) {
            throw DossierCommands.validation("assignee", FieldIssue.PATTERN);
        }
        if (in.assigneeName() != null && (in.assigneeName().length() > 200 || TypedText.hasControl(in.assigneeName()))) {
            throw DossierCommands.validation("assigneeName", FieldIssue.TOO_LONG, 200);
        }
        if (in.to() != null && !in.to().isBlank() && !TENANT_CODE.matcher(in.to().strip()).matches()) {
            throw DossierCommands.validation("to", FieldIssue.NOT_A_TENANT);
        }
    }
}
