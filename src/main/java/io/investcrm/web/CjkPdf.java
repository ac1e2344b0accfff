package io.investcrm.web;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Plain text documents (a title, headings, lines) as A4 PDF with Apache PDFBox, embedding (a subset of) a CJK TrueType
 * font so the Chinese renders in any reader. Used by the weekly report (goals) and the offer letter (offer); the font
 * is configured by {@code investcrm.goals.report-font}.
 */
public final class CjkPdf {

    /** Debian's fonts-droid-fallback (installed for the tests by src/test/scripts/ensure-report-font.sh). */
    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    private static final float MARGIN = 50;
    private static final float INDENT = 12;

    public enum Style {
        TITLE(16), HEADING(13), TEXT(11), ITEM(11);

        final float size;

        Style(float size) {
            this.size = size;
        }
    }

    /** One line of the document; long lines wrap within the page. */
    public record Line(Style style, String text) {

        public static Line heading(String text) {
            return new Line(Style.HEADING, text);
        }

        public static Line text(String text) {
            return new Line(Style.TEXT, text);
        }

        /** An indented "label：value" line. */
        public static Line item(String label, Object value) {
            return item(label, value, "：");
        }

        /** An indented line "label, separator, value" ("：" in Chinese, ": " in English); no value reads "—". */
        public static Line item(String label, Object value, String separator) {
            return new Line(Style.ITEM, label + separator + (value == null ? "—" : value));
        }
    }

    private CjkPdf() {
    }

    /**
     * The document: the title on top, then the lines. A missing font is a misconfigured deployment (an incident for the
     * operators, not a user error): IllegalStateException naming the setting.
     */
    public static byte[] write(String fontPath, String title, List<Line> lines) {
        File fontFile = new File(fontPath);
        if (!fontFile.isFile()) {
            throw new IllegalStateException("the PDF font is missing: " + fontPath + " (investcrm.goals.report-font)");
        }
        List<Line> all = new ArrayList<>();
        all.add(new Line(Style.TITLE, title));
        all.addAll(lines);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font cjk = PDType0Font.load(doc, fontFile);
            // the CJK font may lack Latin letters and digits: those are set in a standard font every reader has
            PDType1Font latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPageContentStream cs = null;
            float y = 0;
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (Line line : all) {
                float size = line.style().size;
                float x = line.style() == Style.ITEM ? MARGIN + INDENT : MARGIN;
                y -= line.style() == Style.HEADING ? size * 2 : size * 1.6f;
                for (String part : wrap(cjk, latin, line.text(), size, width - (x - MARGIN))) {
                    if (cs == null || y < MARGIN) {
                        if (cs != null) {
                            cs.close();
                        }
                        PDPage page = new PDPage(PDRectangle.A4);
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                        y = page.getMediaBox().getHeight() - MARGIN - size;
                    }
                    show(cs, cjk, latin, part, x, y, size);
                    y -= size * 1.5f;
                }
                y += size * 1.5f;
            }
            if (cs != null) {
                cs.close();
            }
            doc.getDocumentInformation().setTitle(title);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the text in runs: each character in the CJK font when it has a glyph, else in the Latin one. */
    private static void show(PDPageContentStream cs, PDFont cjk, PDFont latin, String text, float x, float y, float size)
            throws IOException {
        float at = x;
        int i = 0;
        while (i < text.length()) {
            PDFont f = fontFor(cjk, latin, text.codePointAt(i));
            StringBuilder run = new StringBuilder();
            while (i < text.length()) {
                int c = text.codePointAt(i);
                if (fontFor(cjk, latin, c) != f) {
                    break;
                }
                run.append(printable(f, latin, c));
                i += Character.charCount(c);
            }
            cs.beginText();
            cs.setFont(f, size);
            cs.newLineAtOffset(at, y);
            cs.showText(run.toString());
            cs.endText();
            at += f.getStringWidth(run.toString()) / 1000 * size;
        }
    }

    /**
     * Splits a line to the page's width, measured glyph by glyph: at the last space when the line has one (English),
     * else at any character (Chinese has no spaces to break at).
     */
    static List<String> wrap(PDFont cjk, PDFont latin, String s, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        int start = 0;
        int lastSpace = -1;
        float used = 0;
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            PDFont f = fontFor(cjk, latin, c);
            float w = f.getStringWidth(printable(f, latin, c)) / 1000 * size;
            if (used + w > width && i > start) {
                int end = lastSpace > start ? lastSpace : i;
                out.add(s.substring(start, end));
                start = lastSpace > start ? lastSpace + 1 : i;
                lastSpace = -1;
                i = start;
                used = 0;
                continue;
            }
            if (c == ' ') {
                lastSpace = i;
            }
            used += w;
            i += Character.charCount(c);
        }
        out.add(s.substring(start));
        return out;
    }

    private static PDFont fontFor(PDFont cjk, PDFont latin, int codePoint) {
        return has(cjk, codePoint) ? cjk : latin;
    }

    private static String printable(PDFont f, PDFont latin, int codePoint) {
        return f == latin && !has(latin, codePoint) ? "?" : new String(Character.toChars(codePoint));
    }

    private static boolean has(PDFont font, int codePoint) {
        try {
            // an embedded CJK font and the standard font both refuse to encode a character they lack
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }
}
