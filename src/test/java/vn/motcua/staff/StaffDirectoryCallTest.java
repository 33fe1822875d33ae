package vn.motcua.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/** Keycloak's admin API failing is a problem for the client, never a 500: unreachable is a 503 with a time to wait. */
class StaffDirectoryCallTest {

    @Test
    void keycloakUnreachableIsUnavailableWithRetryAfter() {
        ProblemException e = assertThrows(ProblemException.class, () -> StaffDirectory.call(() -> {
            throw new ProcessingException("Connection refused");
        }));
        assertEquals(ProblemType.UNAVAILABLE, e.type());
        assertEquals(StaffDirectory.RETRY_AFTER_SECONDS, e.extensions().get("retryAfter"));
    }

    @Test
    void aProblemAlreadyNamedPassesThrough() {
        ProblemException e = assertThrows(ProblemException.class, () -> StaffDirectory.call(() -> {
            throw new ProblemException(ProblemType.STAFF_EXISTS, "canbo.x");
        }));
        assertEquals(ProblemType.STAFF_EXISTS, e.type());
    }

    @Test
    void aRefusalNamesTheFieldKeycloakNamesAndAConflictIsAConflict() {
        ProblemException refused = assertThrows(ProblemException.class, () -> StaffDirectory.call(() -> {
            throw new jakarta.ws.rs.BadRequestException(jakarta.ws.rs.core.Response.status(400)
                    .entity("{\"field\":\"lastName\",\"errorMessage\":\"error-person-name-invalid-character\"}").build());
        }));
        assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        assertEquals("lastName", refused.fieldErrors().get(0).field());
        ProblemException conflict = assertThrows(ProblemException.class, () -> StaffDirectory.call(() -> {
            throw new jakarta.ws.rs.ClientErrorException(jakarta.ws.rs.core.Response.status(409).build());
        }));
        assertEquals(ProblemType.STAFF_EXISTS, conflict.type());
        ProblemException down = assertThrows(ProblemException.class, () -> StaffDirectory.call(() -> {
            throw new jakarta.ws.rs.ServerErrorException(jakarta.ws.rs.core.Response.status(502).build());
        }));
        assertEquals(ProblemType.UNAVAILABLE, down.type());
    }
}
