package org.vigil.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodesTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String URI = "otpauth://totp/Vigil:jane.doe%40example.com"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigil&algorithm=SHA1&digits=6&period=30";

    @Test
    void producesAPng() {
        assertThat(QrCodes.png(URI, 256)).startsWith(PNG_SIGNATURE);
    }

    @Test
    void decodesBackToTheOriginalText() throws Exception {
        assertThat(decode(QrCodes.png(URI, 256))).isEqualTo(URI);
    }

    @Test
    void keepsNonAsciiTextIntact() throws Exception {
        String text = "otpauth://totp/Vigil:zoë@example.com — ünïcødé";
        assertThat(decode(QrCodes.png(text, 300))).isEqualTo(text);
    }

    @Test
    void imageHasTheRequestedSize() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URI, 320)));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(320);
    }

    @Test
    void differentTextGivesADifferentImage() {
        assertThat(QrCodes.png(URI, 256)).isNotEqualTo(QrCodes.png(URI + "x", 256));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, QrCodes.MAX_SIZE + 1})
    void rejectsSizesOutOfRange(int size) {
        assertThatThrownBy(() -> QrCodes.png(URI, size)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptyOrOversizedText() {
        assertThatThrownBy(() -> QrCodes.png("", 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.png(null, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.png("x".repeat(5000), 256)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Decodes with zxing core only: pixels to {@link RGBLuminanceSource}, then {@link QRCodeReader}. */
    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    }
}
