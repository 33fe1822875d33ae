package vn.motcua.audit;

import java.time.OffsetDateTime;

import io.vertx.mutiny.sqlclient.Row;

/**
 * One entry of the audit log (nhật ký): who did what, in which tenant, when, from where. Append-only: the
 * application role may insert and read, never update or delete, and row-level security keeps each tenant's entries
 * to those who may see that tenant. Read and written with plain SQL on the reactive client ({@link AuditService}),
 * like the dossier tables; the public fields are what callers read.
 */
public class AuditEvent {

    /** The table's columns as {@link #of(Row)} reads them: the one list of them. */
    static final String COLUMNS = "id, tenant_id, occurred_at, actor_realm, actor_subject, actor_name, action, target, "
            + "remote_addr, subject_actor, purpose";

    public Long id;

    public String tenantId;

    /** The database server's clock, never the client's: set by the column default. */
    public OffsetDateTime occurredAt;

    public String actorRealm;

    public String actorSubject;

    public String actorName;

    public String action;

    public String target;

    public String remoteAddr;

    /** The citizen whose personal data this entry is about ({@code citizens:<subject>}), if any. */
    public String subjectActor;

    /** Why the data was read or changed: the dossier being processed, or the consent that allowed a reuse. */
    public String purpose;

    /** The entry a row of {@link #COLUMNS} holds. */
    static AuditEvent of(Row r) {
        AuditEvent e = new AuditEvent();
        e.id = r.getLong("id");
        e.tenantId = r.getString("tenant_id");
        e.occurredAt = r.getOffsetDateTime("occurred_at");
        e.actorRealm = r.getString("actor_realm");
        e.actorSubject = r.getString("actor_subject");
        e.actorName = r.getString("actor_name");
        e.action = r.getString("action");
        e.target = r.getString("target");
        e.remoteAddr = r.getString("remote_addr");
        e.subjectActor = r.getString("subject_actor");
        e.purpose = r.getString("purpose");
        return e;
    }
}
