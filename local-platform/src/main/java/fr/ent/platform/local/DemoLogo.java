package fr.ent.platform.local;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A demo collectivity's logo, drawn here rather than shipped: a disc of its primary colour on a square of its accent
 * colour, as a PNG (shapes only: a headless machine may have no font).
 */
final class DemoLogo {

    private static final int SIZE = 96;

    private DemoLogo() {
    }

    static byte[] png(String primary, String accent) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.decode(accent));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.decode(primary));
            g.fillOval(12, 12, SIZE - 24, SIZE - 24);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("demo logo not drawn", e);
        }
        return out.toByteArray();
    }
}
