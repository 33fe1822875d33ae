package vn.motcua.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The README's role matrix is generated from {@link Permission}: this test regenerates it and fails, printing the
 * table to paste, when the two differ.
 */
class RoleMatrixDocTest {

    static final String START = "<!-- role-matrix:start (generated from Permission; RoleMatrixDocTest checks it) -->";
    static final String END = "<!-- role-matrix:end -->";
    static final List<String> ROLES = List.of(Permission.Roles.CITIZEN, Permission.Roles.RECEIVER, Permission.Roles.PROCESSOR,
            Permission.Roles.APPROVER, Permission.Roles.TENANT_ADMIN, Permission.Roles.CITY_ADMIN, Permission.Roles.POSTAL_CLERK,
            Permission.Roles.AUDITOR);

    static String table() {
        StringBuilder md = new StringBuilder("| operation | scope |");
        ROLES.forEach(r -> md.append(' ').append(r).append(" |"));
        md.append("\n|---|---|");
        ROLES.forEach(r -> md.append(":-:|"));
        md.append('\n');
        for (Permission p : Permission.values()) {
            md.append("| `").append(p.id()).append("` | ").append(scope(p.reach())).append(" |");
            ROLES.forEach(r -> md.append(p.roles().contains(r) ? " ✓ |" : "   |"));
            md.append('\n');
        }
        return md.toString();
    }

    static String scope(Permission.Reach reach) {
        return switch (reach) {
            case SELF -> "own dossiers";
            case OWN_TENANT -> "own tenant";
            case TENANT_AND_BELOW -> "own tenant and below";
            case POSTAL_OFFICE -> "own post office";
        };
    }

    @Test
    void theReadmesRoleMatrixIsTheOneTheServiceEnforces() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        String documented = start < 0 || end < start ? "(no role matrix in the README)" : readme.substring(start + START.length(), end).strip();
        String expected = table().strip();
        if (!expected.equals(documented)) {
            System.out.println("Paste into the README between the role-matrix markers:\n" + expected);
        }
        assertEquals(expected, documented);
    }
}
