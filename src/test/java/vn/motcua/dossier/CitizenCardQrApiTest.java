package vn.motcua.dossier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.motcua.platform.pdf.QrCodes;
import vn.motcua.support.CardPhotos;
import vn.motcua.support.Demo;
import vn.motcua.support.Tokens;

/**
 * Reading a citizen ID card from a phone photo of its front ({@code POST /api/id-card/qr}): a QR code a quarter the
 * size of a card, turned and blurred by JPEG in a larger noisy picture, is found and parsed; a picture without one is
 * a field error the citizen can act on; a picture too large in bytes or in pixels is refused before it is decoded.
 */
@QuarkusTest
class CitizenCardQrApiTest {

    static final String CARD = CardPhotos.CARD;

    static Response post(String token, String name, byte[] bytes, String type) {
        return given().auth().oauth2(token).header("Accept-Language", "vi").multiPart("image", name, bytes, type).post("/api/id-card/qr");
    }

    @Test
    void theCardInAPhoneLikePhotoIsRead() throws IOException {
        Response r = post(Tokens.citizen(Demo.CITIZEN), "cccd.jpg", CardPhotos.photo(CARD, true), "image/jpeg");
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath card = r.jsonPath();
        assertEquals("001085006789", card.getString("citizenId"));
        assertEquals("012345678", card.getString("oldId"));
        assertEquals("Nguyễn Thị Hồng Nhung", card.getString("fullName"));
        assertEquals("1985-08-15", card.getString("birthDate"));
        assertEquals("Nữ", card.getString("sex"));
        assertEquals("Số 12 Điện Biên Phủ, Phường Điện Biên, Quận Ba Đình, Hà Nội", card.getString("address"));
        assertEquals("2021-04-20", card.getString("issuedOn"));
    }

    @Test
    void aCardWithoutAnOldNumberAsAPng() throws IOException {
        BufferedImage image = QrCodes.image("079192003456||Trần Văn Bình|02011992|Nam|Quận 1, TP. Hồ Chí Minh|10072024", 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        Response r = post(Tokens.citizen(Demo.CITIZEN), "cccd.png", out.toByteArray(), "image/png");
        assertEquals(200, r.statusCode(), r::asString);
        assertNull(r.jsonPath().getString("oldId"));
        assertEquals("Trần Văn Bình", r.jsonPath().getString("fullName"));
    }

    @Test
    void aPhotoWithoutAQrCodeIsAFieldErrorThatSaysWhatToDo() throws IOException {
        Response r = post(Tokens.citizen(Demo.CITIZEN), "anh.jpg", CardPhotos.photo(null, false), "image/jpeg");
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("/problems/validation-failed", r.jsonPath().getString("type"));
        assertEquals("image", r.jsonPath().getString("errors[0].field"));
        assertEquals("Không đọc được mã QR trên ảnh. Hãy chụp lại mặt trước thẻ căn cước, đủ sáng và rõ nét.",
                r.jsonPath().getString("errors[0].message"));
    }

    @Test
    void aQrCodeThatIsNotACardsIsSaidSo() throws IOException {
        Response r = post(Tokens.citizen(Demo.CITIZEN), "qr.jpg", CardPhotos.photo("https://example.vn/khuyen-mai", false), "image/jpeg");
        assertEquals(400, r.statusCode(), r::asString);
        assertEquals("image", r.jsonPath().getString("errors[0].field"));
        assertTrue(r.jsonPath().getString("errors[0].message").contains("không phải mã của thẻ căn cước"), r::asString);
    }

    @Test
    void tooManyPixelsIsRefusedFromTheHeader() throws IOException {
        // 10,000 x 10,000 pixels in a few hundred kilobytes: decoded, it would take 400 MB.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY), "png", out);
        long before = System.nanoTime();
        Response r = post(Tokens.citizen(Demo.CITIZEN), "bom.png", out.toByteArray(), "image/png");
        assertEquals(413, r.statusCode(), r::asString);
        assertTrue(System.nanoTime() - before < 5_000_000_000L, "refused without decoding");
    }

    @Test
    void tooManyBytesIsRefusedBeforeReading() {
        // The attachments' limit (2 MB in the tests) applies.
        byte[] noise = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        noise[0] = (byte) 0xFF;
        noise[1] = (byte) 0xD8;
        noise[2] = (byte) 0xFF;
        Response r = post(Tokens.citizen(Demo.CITIZEN), "lon.jpg", noise, "image/jpeg");
        assertEquals(413, r.statusCode(), r::asString);
    }

    @Test
    void otherFilesStaffAndStrangersAreRefused() throws IOException {
        assertEquals(415, post(Tokens.citizen(Demo.CITIZEN), "the.pdf", "%PDF-1.4\n%%EOF\n".getBytes(), "image/jpeg").statusCode());
        assertEquals(400, given().auth().oauth2(Tokens.citizen(Demo.CITIZEN)).multiPart("other", "x").post("/api/id-card/qr").statusCode());
        assertEquals(403, post(Tokens.staff(Demo.RECEIVER), "cccd.jpg", CardPhotos.photo(CARD, false), "image/jpeg").statusCode());
        assertEquals(401, given().multiPart("image", "cccd.jpg", CardPhotos.photo(CARD, false), "image/jpeg").post("/api/id-card/qr").statusCode());
    }
}
