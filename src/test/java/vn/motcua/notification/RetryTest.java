package vn.motcua.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.motcua.notification.domain.Channel;
import vn.motcua.notification.domain.Contact;
import vn.motcua.notification.domain.Retry;
import vn.motcua.notification.domain.SmsText;

/** The relay's decisions, without I/O: backoff, the next channel, the dead letter; the SMS text; the contact choice. */
class RetryTest {

    static final Duration BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofHours(1);

    @Test
    void theWaitDoublesAfterEachFailureUpToItsCeiling() {
        assertEquals(Duration.ofSeconds(30), Retry.wait(1, BACKOFF, MAX));
        assertEquals(Duration.ofSeconds(60), Retry.wait(2, BACKOFF, MAX));
        assertEquals(Duration.ofSeconds(240), Retry.wait(4, BACKOFF, MAX));
        assertEquals(MAX, Retry.wait(10, BACKOFF, MAX));
        assertEquals(MAX, Retry.wait(500, BACKOFF, MAX));
    }

    @Test
    void aChannelIsRetriedThenTheNextChosenOneThenTheDeadLetter() {
        Retry.Decision again = Retry.afterFailure(Channel.SMS, 2, Optional.of(Channel.EMAIL), 5, BACKOFF, MAX);
        assertEquals(Optional.of(Channel.SMS), again.next());
        assertEquals(Duration.ofSeconds(60), again.delay());
        Retry.Decision next = Retry.afterFailure(Channel.SMS, 5, Optional.of(Channel.EMAIL), 5, BACKOFF, MAX);
        assertEquals(Optional.of(Channel.EMAIL), next.next());
        assertEquals(0, next.attempts());
        assertEquals(Duration.ZERO, next.delay());
        Retry.Decision dead = Retry.afterFailure(Channel.EMAIL, 5, Optional.empty(), 5, BACKOFF, MAX);
        assertTrue(dead.dead());
    }

    @Test
    void smsTextHasNoDiacriticsAndStaysWithinThreeSegments() {
        assertEquals("Ho so da duoc tiep nhan tai Phuong Dien Bien", SmsText.of("Hồ sơ đã được tiếp nhận tại Phường Điện Biên"));
        assertEquals("DONG DA", SmsText.of("ĐỐNG ĐA"));
        String longText = "ư".repeat(1000);
        assertEquals(SmsText.MAX, SmsText.of(longText).length());
    }

    @Test
    void theContactChoiceKeepsItsOrderAndInAppIsNotAnOutsideChannel() {
        Contact c = Contact.of(new JsonObject().put("email", "a@b.vn").put("channels", new JsonArray(List.of("in-app", "zalo", "email")))
                .put("language", "en"), "0912 345 678");
        assertEquals(List.of(Channel.ZALO, Channel.EMAIL), c.outside());
        assertEquals("en", c.language().getLanguage());
        assertEquals(Optional.of(Channel.EMAIL), c.after(Channel.ZALO));
        assertEquals(Optional.empty(), c.after(Channel.EMAIL));
        Contact none = Contact.of(null, "0912 345 678");
        assertEquals(List.of(Channel.SMS), none.outside());
        assertEquals("vi", none.language().getLanguage());
    }
}
