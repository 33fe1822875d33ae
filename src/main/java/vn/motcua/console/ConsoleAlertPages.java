package vn.motcua.console;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import vn.motcua.calendar.VietnameseLunarCalendar;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.notification.NoticeTexts;
import vn.motcua.notification.Notifications;
import vn.motcua.platform.web.ClientAddress;
import vn.motcua.platform.web.PageContext;
import vn.motcua.platform.web.Redirects;
import vn.motcua.platform.web.RoutePermission;
import vn.motcua.tenant.TenantDirectory;

/**
 * The console's alerts (cảnh báo): a tenant's nearly-late dossiers, for its officers, and the notices no channel could
 * deliver (the dead letters), for its administrators, who send one again once the provider is back.
 */
@Path("/console/{tenant}/alerts")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsoleAlertPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance alerts(String tenant, String tenantName, List<LateRow> late, boolean manage, List<DeadRow> dead,
                boolean retried);
    }

    @TemplateData
    public record LateRow(String code, String holder, String due) {
    }

    @TemplateData
    public record DeadRow(long id, String notice, String code, int attempts, String error, String at) {
    }

    private final Notifications notifications;
    private final NoticeTexts texts;
    private final TenantDirectory tenants;
    private final PageContext page;
    private final SecurityIdentity identity;

    ConsoleAlertPages(Notifications notifications, NoticeTexts texts, TenantDirectory tenants, PageContext page, SecurityIdentity identity) {
        this.notifications = notifications;
        this.texts = texts;
        this.tenants = tenants;
        this.page = page;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "queue.read")
    public Uni<TemplateInstance> alerts(@PathParam("tenant") String tenant, @QueryParam("retried") String retried) {
        Actor actor = Actor.from(identity);
        Locale locale = page.locale();
        boolean manage = Permission.MANAGE_NOTIFICATIONS.grantedTo(actor);
        return notifications.banner(actor, tenant).chain(banner -> (manage ? notifications.deadLetters(actor, tenant)
                : Uni.createFrom().item(List.<vn.motcua.notification.DeadLetter>of()))
                .chain(dead -> tenants.tree().map(tree -> Templates.alerts(tenant,
                        tree.find(tenant).map(t -> t.name().in(locale)).orElse(tenant),
                        banner.nearlyLate().stream().map(a -> new LateRow(a.receiptCode(), a.holderName(), at(a.dueAt()))).toList(),
                        manage,
                        dead.stream().map(d -> new DeadRow(d.id(), texts.subject(d.kind(), locale, d.receiptCode()), d.receiptCode(),
                                d.attempts(), d.lastError(), at(d.createdAt()))).toList(),
                        retried != null))));
    }

    @POST
    @Path("/{letter}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @Extension(name = RoutePermission.EXTENSION, value = "notification.manage")
    public Uni<Response> retry(@PathParam("tenant") String tenant, @PathParam("letter") String letter, HttpServerRequest request) {
        return notifications.retry(Actor.from(identity), tenant, letter, ClientAddress.of(request))
                .map(v -> Redirects.seeOther("/console/" + tenant + "/alerts?retried=1"));
    }

    private static String at(OffsetDateTime t) {
        return t == null ? "" : WHEN.format(t.atZoneSameInstant(VietnameseLunarCalendar.VIETNAM));
    }
}
