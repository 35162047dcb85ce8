package org.vigil.identity.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders text (the TOTP {@code otpauth://} URI) as a black-on-white QR code PNG, using zxing core only: the
 * {@link BitMatrix} is painted onto a {@link BufferedImage} and written with {@link ImageIO}, so nothing leaves
 * the server (no third-party QR service sees the TOTP secret). UTF-8, error correction level M, the standard
 * four-module quiet zone.
 */
final class QrCodes {

    static final int MAX_SIZE = 2048;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private QrCodes() {
    }

    /**
     * @param text non-empty text to encode
     * @param size requested width and height in pixels (1 to {@value #MAX_SIZE}); the image is larger than this
     *             only when the text needs more modules than {@code size} pixels can hold
     * @return PNG bytes
     * @throws IllegalArgumentException for empty text, a size out of range, or text too long for a QR code
     */
    static byte[] png(String text, int size) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("QR code text must not be empty");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("QR code size must be between 1 and " + MAX_SIZE + " pixels");
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text cannot be encoded as a QR code (too long?)", e);
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
