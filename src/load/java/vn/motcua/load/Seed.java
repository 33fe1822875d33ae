package vn.motcua.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The online submission the citizens send (a death registration, procedure 1.000656), and the few sent before the run. */
final class Seed {

    /** The body, with Gatling's {@code #{ward}} and {@code #{phone}}: the applicant's phone differs from one dossier to another. */
    static final String BODY = """
            {"procedure": "1.000656", "tenant": "#{ward}", "channel": "online-full",
             "applicant": {"fullName": "Nguyễn Văn An", "phone": "#{phone}"},
             "form": {"deceased": {"fullName": "Nguyễn Văn Cả", "citizenId": "001045001234", "birthDate": "1945-03-02", "sex": "nam"},
               "deathDate": "2026-11-20", "deathPlace": "Bệnh viện Bạch Mai", "lastResidence": "12 Điện Biên Phủ, Ba Đình, Hà Nội",
               "applicantRelationship": "con", "contactPhone": "#{phone}"}}""";

    private static final Pattern RECEIPT = Pattern.compile("\"receiptCode\"\\s*:\\s*\"([^\"]+)\"");

    private Seed() {
    }

    /** Submits {@code count} dossiers to a ward with no desk officer among the virtual users, for the first look-ups. */
    static void submit(String baseUrl, String token, int count, Handoffs handoffs) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String ward = "ba-dinh-kim-ma";
        for (int i = 0; i < count; i++) {
            String phone = "0912 " + (100_000 + i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/dossiers")).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "load-seed-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(BODY.replace("#{ward}", ward).replace("#{phone}", phone))).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher m = RECEIPT.matcher(response.body());
                if (response.statusCode() != 201 || !m.find()) {
                    throw new IllegalStateException("seed submission answered " + response.statusCode() + ": " + response.body());
                }
                handoffs.submitted(ward, m.group(1), phone);
            } catch (IOException e) {
                throw new IllegalStateException("seed submission failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
