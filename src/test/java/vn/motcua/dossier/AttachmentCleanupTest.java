package vn.motcua.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.dossier.Dossiers.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * An upload whose row the database refuses leaves no file behind. The refusal is real: a trigger, installed by the
 * schema's owner for this test only, raises on one file name.
 */
@QuarkusTest
class AttachmentCleanupTest {

    static final String REFUSED = "refused-by-the-database.pdf";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    @ConfigProperty(name = "quarkus.flyway.password")
    String ownerPassword;

    @ConfigProperty(name = "motcua.dossiers.attachments.root")
    Path root;

    void asOwner(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @BeforeEach
    void refuseOneFileName() throws SQLException {
        asOwner("CREATE OR REPLACE FUNCTION test_refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.file_name = '" + REFUSED + "' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$");
        asOwner("CREATE OR REPLACE TRIGGER test_refuse_attachment BEFORE INSERT ON attachment FOR EACH ROW "
                + "EXECUTE FUNCTION test_refuse_attachment()");
    }

    @AfterEach
    void dropIt() throws SQLException {
        asOwner("DROP TRIGGER IF EXISTS test_refuse_attachment ON attachment");
        asOwner("DROP FUNCTION IF EXISTS test_refuse_attachment()");
        AttachmentTest.code = null; // AttachmentTest's cases start from a dossier of their own
    }

    long files() throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aFileWhoseRowIsRefusedIsRemovedAndAnAcceptedOneKept() throws IOException {
        AttachmentTest.code = submitOnline(Demo.CITIZEN, DEATH, WARD, deathForm());
        String citizen = Tokens.citizen(Demo.CITIZEN);
        long before = files();
        AttachmentTest.upload(citizen, 1, REFUSED, "application/pdf", AttachmentTest.PDF).statusCode(500);
        assertEquals(before, files());
        AttachmentTest.upload(citizen, 1, "accepted.pdf", "application/pdf", AttachmentTest.PDF).statusCode(201);
        assertEquals(before + 1, files());
    }
}
