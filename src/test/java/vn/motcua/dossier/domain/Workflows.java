package vn.motcua.dossier.domain;

import java.math.BigDecimal;
import java.util.List;

import vn.motcua.catalog.Procedure;
import vn.motcua.tenant.LocalizedText;

/**
 * The four-step workflow (receive, process, approve, return) the pure tests of the state machine and the deadlines
 * lay out with {@link Dossier#laySteps}, the same code a submission uses.
 */
public final class Workflows {

    /** Each step's share of the processing time. */
    public static final List<BigDecimal> SHARES = List.of(new BigDecimal("0.1"), new BigDecimal("0.5"), new BigDecimal("0.3"),
            new BigDecimal("0.1"));

    public static final List<Procedure.Step> FOUR_STEPS = List.of(step("receive", "receiver", 0), step("process", "processor", 1),
            step("approve", "approver", 2), step("return", "receiver", 3));

    private Workflows() {
    }

    private static Procedure.Step step(String code, String role, int i) {
        return new Procedure.Step(code, new LocalizedText(code, code), SHARES.get(i), role);
    }
}
