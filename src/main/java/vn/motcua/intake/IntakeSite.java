package vn.motcua.intake;

import java.util.UUID;

import vn.motcua.dossier.usecase.Drafts;

/**
 * Where a draft's question pages are served (nơi nhập hồ sơ): the citizen's portal, a one-stop desk's console for a
 * person who came in, or a post office's console. The pages and their rules are the same everywhere; only their
 * addresses, where "back" leads from the first page, and where a submitted dossier is shown differ.
 *
 * @param seat who fills the draft, which decides the dossier's channel
 * @param base the pages' address, without the draft: {@code /apply}, {@code /console/{tenant}/counter},
 *        {@code /postal/{office}/take-in}
 * @param start where the first page's back link leads when it is not the procedure's public page
 * @param dossiers where a submitted dossier is shown, its receipt code appended
 */
public record IntakeSite(Drafts.Seat seat, String base, String start, String dossiers) {

    /** The citizen's own, on the portal. */
    public static IntakeSite online() {
        return new IntakeSite(Drafts.Seat.ONLINE, "/apply", null, "/dossiers/");
    }

    /** Desk {@code tenant}'s counter (quầy tiếp nhận): the dossier is received as it is entered. */
    public static IntakeSite counter(String tenant) {
        String base = "/console/" + tenant + "/counter";
        return new IntakeSite(Drafts.Seat.COUNTER, base, base, "/console/" + tenant + "/dossiers/");
    }

    /** Post office {@code office}'s counter: the dossier goes to its desk with the next hand-over. */
    public static IntakeSite postOffice(String office) {
        String base = "/postal/" + office + "/take-in";
        return new IntakeSite(Drafts.Seat.POSTAL, base, base, base + "?taken=");
    }

    /** A page of draft {@code draft}: {@code step} is a step's name, or {@code submit}, {@code qr}…. */
    public String page(UUID draft, String step) {
        return base + "/" + draft + "/" + step;
    }

    /** Where the first page's back link leads. */
    public String exit(String procedure) {
        return start != null ? start : "/procedures/" + procedure;
    }

    /** Where the dossier submitted with receipt code {@code code} is shown. */
    public String dossier(String code) {
        return dossiers + code + (seat == Drafts.Seat.COUNTER ? "?done=receive" : seat == Drafts.Seat.ONLINE ? "?submitted=1" : "");
    }

    /**
     * Whether a draft (its data) was begun at this site, where alone its pages are served: a citizen's online, a desk's
     * at that desk (its receiving office is always the desk), a post office's at that office. The same officer may
     * work at two desks; a citizen's draft is never a desk's.
     */
    public boolean holds(io.vertx.core.json.JsonObject data) {
        if (Drafts.Seat.of(data) != seat) {
            return false;
        }
        return switch (seat) {
            case ONLINE -> true;
            case COUNTER -> base.equals(counter(data.getString("tenant", "")).base());
            case POSTAL -> base.equals(postOffice(data.getString(Drafts.Seat.POST_OFFICE, "")).base());
        };
    }

    /** Whether a desk's staff fill it (a scanner field for the ID card; scans or exemptions for the papers). */
    public boolean staffed() {
        return seat != Drafts.Seat.ONLINE;
    }
}
