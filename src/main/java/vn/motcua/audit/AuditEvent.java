package vn.motcua.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the audit log (nhật ký): who did what, in which tenant, when, from where. Append-only: the
 * application role may insert and read, never update or delete, and row-level security keeps each tenant's entries
 * to those who may see that tenant.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    /** The database server's clock, never the client's: set by the column default, not read back on insert. */
    @Column(name = "occurred_at", insertable = false, updatable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "actor_realm", nullable = false, updatable = false)
    public String actorRealm;

    @Column(name = "actor_subject", nullable = false, updatable = false)
    public String actorSubject;

    @Column(name = "actor_name", updatable = false)
    public String actorName;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(updatable = false)
    public String target;

    @Column(name = "remote_addr", updatable = false)
    public String remoteAddr;

    /** The citizen whose personal data this entry is about ({@code citizens:<subject>}), if any. */
    @Column(name = "subject_actor", updatable = false)
    public String subjectActor;

    /** Why the data was read or changed: the dossier being processed, or the consent that allowed a reuse. */
    @Column(updatable = false)
    public String purpose;
}
