package vn.motcua.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.motcua.platform.db.ScopedTransactions;
import vn.motcua.platform.db.TenantScope;
import vn.motcua.report.usecase.RefreshReports;
import vn.motcua.report.usecase.WeeklyReports;
import vn.motcua.support.Demo;

/**
 * The weekly report e-mailed to each tenant's leaders (issue 19 item 4) over real SMTP (GreenMail on the test
 * profile's port): Phường Điện Biên's leader receives the week's report in Vietnamese with its PDF and CSV attached;
 * a second run (another replica, the next hour) sends nothing again; the row records when and to how many.
 */
@QuarkusTest
class WeeklyReportMailTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-01-05");
    static final String LEADER = "lanhdao.dienbien@demo.motcua.vn";

    static GreenMail smtp;

    @Inject
    WeeklyReports weekly;

    @Inject
    RefreshReports refresh;

    @Inject
    ScopedTransactions transactions;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(30251, "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    static <T> T await(io.smallrye.mutiny.Uni<T> uni) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> uni);
    }

    @Test
    void theLeadersReceiveTheWeeksReportWithItsPdfAndCsvOnce() throws Throwable {
        ReportFixture.ensure(refresh);
        await(weekly.write(MONDAY));
        int sent = await(weekly.send(LocalDate.parse("2026-01-14")));
        assertTrue(sent >= 1, "sent: " + sent);

        List<MimeMessage> mail = to(LEADER);
        assertEquals(1, mail.size());
        MimeMessage m = mail.get(0);
        assertEquals("Báo cáo tuần 05/01/2026 – 11/01/2026: Phường Điện Biên", m.getSubject());
        Multipart parts = (Multipart) m.getContent();
        String text = null;
        byte[] pdf = null;
        String csv = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.getFileName() != null && p.getFileName().endsWith(".pdf")) {
                pdf = bytes(p);
                assertEquals("bao-cao-tuan-" + Demo.WARD + "-2026-01-05.pdf", p.getFileName());
            } else if (p.getFileName() != null && p.getFileName().endsWith(".csv")) {
                csv = new String(bytes(p), StandardCharsets.UTF_8);
            } else if (p.isMimeType("text/plain")) {
                text = (String) p.getContent();
            }
        }
        assertNotNull(text, "a body");
        assertTrue(text.startsWith("Kính gửi lãnh đạo Phường Điện Biên,") && text.contains("từ 05/01/2026 đến 11/01/2026"), text);
        assertNotNull(pdf, "the PDF attached");
        try (var doc = Loader.loadPDF(pdf)) {
            String printed = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(printed.contains("Báo cáo chỉ số phục vụ") && printed.contains("Từ ngày 2026-01-05 đến ngày 2026-01-11"), printed);
        }
        assertNotNull(csv, "the CSV attached");
        assertTrue(csv.replace("\uFEFF", "").startsWith("unit,name,received,"), csv);

        // Once: another run finds nothing to send, and the row says when and to how many.
        int before = smtp.getReceivedMessages().length;
        assertEquals(0, (int) await(weekly.send(LocalDate.parse("2026-01-14"))));
        assertEquals(before, smtp.getReceivedMessages().length);
        Integer recipients = await(transactions.onConnection(TenantScope.of(Demo.WARD), conn -> conn.preparedQuery(
                "select sent_to from report_weekly where tenant_id = $1 and week_start = $2 and sent_at is not null")
                .execute(Tuple.of(Demo.WARD, MONDAY)).map(rows -> rows.iterator().next().getInteger(0))));
        assertTrue(recipients >= 1, "to the ward's leaders: " + recipients);
    }

    static List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                out.add(m);
            }
        }
        return out;
    }

    static byte[] bytes(BodyPart p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        return out.toByteArray();
    }
}
