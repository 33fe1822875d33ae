package vn.motcua.staff;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.platform.error.Problems;

/**
 * The staff realm's users and groups, through Keycloak's admin API with the provisioning client's service account.
 * Every method blocks on HTTP: callers run them on a worker thread.
 */
@ApplicationScoped
public class StaffDirectory {

    /** A staff account as the console shows it. */
    public record Member(String id, String username, String firstName, String lastName, String email, boolean enabled,
            List<String> roles) {
    }

    private static final Logger LOG = Logger.getLogger(StaffDirectory.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final Keycloak keycloak;

    /**
     * One admin client for the service's life, built here rather than injected: the extension's {@code Keycloak} bean
     * is request-scoped, so every request that touched the directory fetched a token of its own, and at the request's
     * end the bean's {@code close()} logged that token out with a blocking HTTP call on the event loop. Under load
     * (the queue page at 1 M dossiers, docs/benchmarks.md) both event loops stuck there and the service stopped
     * answering. This client's token manager renews its token as it expires, and it is thread-safe.
     */
    StaffDirectory(@ConfigProperty(name = "quarkus.keycloak.admin-client.server-url") String serverUrl,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id") String clientId,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret") String clientSecret) {
        this.keycloak = KeycloakBuilder.builder().serverUrl(serverUrl).realm(realm).grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(clientId).clientSecret(clientSecret).build();
    }

    /** At shutdown, on the shutdown thread (it may block): the token is logged out and the connections closed. */
    @PreDestroy
    void close() {
        try {
            keycloak.close();
        } catch (RuntimeException e) {
            LOG.debugf("Keycloak's admin client closed with %s", e.toString());
        }
    }

    private RealmResource realm() {
        return keycloak.realm(RealmGenerator.STAFF);
    }

    /** The group at {@code path}, if it exists. */
    public Optional<GroupRepresentation> group(String path) {
        return call(() -> {
            try {
                return Optional.of(realm().getGroupByPath(path));
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Creates group {@code name} under {@code parentId} (top level when null), with its attributes. */
    public String createGroup(String parentId, GroupRepresentation group) {
        return call(() -> {
            try (Response r = parentId == null ? realm().groups().add(group) : realm().groups().group(parentId).subGroup(group)) {
                if (r.getStatus() != 201) {
                    throw new ProcessingException("group " + group.getName() + ": HTTP " + r.getStatus());
                }
                String location = r.getLocation().getPath();
                return location.substring(location.lastIndexOf('/') + 1);
            }
        });
    }

    /** The direct members of a group, with their realm roles. */
    public List<Member> members(String groupId) {
        return call(() -> {
            List<Member> out = new ArrayList<>();
            for (UserRepresentation u : realm().groups().group(groupId).members(0, 1000, false)) {
                out.add(member(u));
            }
            return out;
        });
    }

    /** The user called {@code username}, if any, and the full paths of their groups. */
    public Optional<UserRepresentation> user(String username) {
        return call(() -> realm().users().searchByUsername(username, true).stream().findFirst());
    }

    public List<String> groupPaths(String userId) {
        return call(() -> realm().users().get(userId).groups().stream().map(GroupRepresentation::getPath).toList());
    }

    public Member member(String userId) {
        return call(() -> member(realm().users().get(userId).toRepresentation()));
    }

    /**
     * Creates an account in group {@code groupPath} with {@code roles} and a temporary password that must be changed
     * at the first sign-in; returns the account and that password, shown once.
     */
    public Created create(UserRepresentation user, String groupPath, Collection<String> roles) {
        return call(() -> {
            String password = temporaryPassword();
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            user.setCredentials(List.of(credential));
            user.setEnabled(true);
            user.setGroups(List.of(groupPath));
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            String id;
            try (Response r = realm().users().create(user)) {
                if (r.getStatus() == 409) {
                    throw new ProblemException(ProblemType.STAFF_EXISTS, user.getUsername());
                }
                if (r.getStatus() == 400) {
                    // Keycloak's user profile refused a value the service's own checks let through: the field it
                    // names, as a field error (never a 500).
                    throw Problems.invalidField(refusedField(r), FieldIssue.PATTERN);
                }
                if (r.getStatus() != 201) {
                    throw new ProcessingException("create " + user.getUsername() + ": HTTP " + r.getStatus());
                }
                String location = r.getLocation().getPath();
                id = location.substring(location.lastIndexOf('/') + 1);
            }
            setRoles(id, roles);
            return new Created(member(realm().users().get(id).toRepresentation()), password);
        });
    }

    public record Created(Member member, String temporaryPassword) {
    }

    /** The field Keycloak's refusal names ({@code {"field":"firstName",…}}), if it is one of the form's. */
    static String refusedField(Response r) {
        try {
            Object body = r.hasEntity() && r.getEntity() instanceof String text ? text : r.readEntity(String.class);
            String field = new io.vertx.core.json.JsonObject(body.toString()).getString("field");
            return java.util.Set.of("username", "firstName", "lastName", "email").contains(field) ? field : "body";
        } catch (RuntimeException e) {
            return "body";
        }
    }

    public void setEnabled(String userId, boolean enabled) {
        call(() -> {
            var resource = realm().users().get(userId);
            UserRepresentation u = resource.toRepresentation();
            u.setEnabled(enabled);
            resource.update(u);
            if (!enabled) {
                // Disabled means out now: end their sessions too.
                resource.logout();
            }
            return null;
        });
    }

    /** Replaces the user's staff roles with {@code roles}; other realm roles (defaults) are left alone. */
    public void setRoles(String userId, Collection<String> roles) {
        call(() -> {
            var mapping = realm().users().get(userId).roles().realmLevel();
            List<RoleRepresentation> current = mapping.listAll().stream()
                    .filter(r -> RealmGenerator.STAFF_ROLES.contains(r.getName())).toList();
            List<RoleRepresentation> remove = current.stream().filter(r -> !roles.contains(r.getName())).toList();
            List<String> have = current.stream().map(RoleRepresentation::getName).toList();
            List<RoleRepresentation> add = roles.stream().filter(r -> !have.contains(r))
                    .map(r -> realm().roles().get(r).toRepresentation()).toList();
            if (!remove.isEmpty()) {
                mapping.remove(remove);
            }
            if (!add.isEmpty()) {
                mapping.add(add);
            }
            return null;
        });
    }

    private Member member(UserRepresentation u) {
        List<String> roles = realm().users().get(u.getId()).roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                .filter(RealmGenerator.STAFF_ROLES::contains).sorted().toList();
        return new Member(u.getId(), u.getUsername(), u.getFirstName(), u.getLastName(), u.getEmail(),
                Boolean.TRUE.equals(u.isEnabled()), roles);
    }

    private static String temporaryPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.insert(7, '-').toString();
    }

    /** Keycloak unreachable or refusing the service account is a 503 to the caller, never a 500. */
    /** What a client is told to wait when Keycloak cannot be reached. */
    static final long RETRY_AFTER_SECONDS = 30;

    static <T> T call(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                throw new ProblemException(ProblemType.STAFF_NOT_FOUND, "?");
            }
            if (status == 400) {
                // Keycloak's profile refused a value our checks let through: the field it names.
                throw Problems.invalidField(refusedField(e.getResponse()), FieldIssue.PATTERN);
            }
            if (status == 409) {
                throw new ProblemException(ProblemType.STAFF_EXISTS, "?");
            }
            LOG.warnf("Keycloak's admin API refused: HTTP %s", status == 0 ? "?" : status);
            throw new ProblemException(ProblemType.UNAVAILABLE).with("retryAfter", RETRY_AFTER_SECONDS);
        } catch (ProcessingException e) {
            // Keycloak unreachable: worth trying again shortly, and the client is told when.
            LOG.warnf("Keycloak's admin API refused or failed: %s", e.getMessage());
            // (The cause is in the log line above: a problem made by with() already has its cause set.)
            throw new ProblemException(ProblemType.UNAVAILABLE).with("retryAfter", RETRY_AFTER_SECONDS);
        }
    }
}
