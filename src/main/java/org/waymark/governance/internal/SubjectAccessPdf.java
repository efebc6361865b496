package org.waymark.governance.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.waymark.governance.SubjectAccessExport;

/**
 * The subject access export as a PDF: plain GOV.UK-like typography (Helvetica, bold headings, generous
 * spacing, black on white), every page marked OFFICIAL-SENSITIVE and numbered. Built only from the export,
 * so it carries exactly what the JSON carries. Document properties hold no personal data.
 */
public final class SubjectAccessPdf {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private static final float MARGIN = 56;
    private static final float BODY = 10.5f;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    private SubjectAccessPdf() {
    }

    public static byte[] render(SubjectAccessExport export) {
        SubjectAccessPdf pdf = new SubjectAccessPdf();
        try (PDDocument document = pdf.document) {
            pdf.write(export);
            pdf.content.close();
            pdf.footers();
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Subject access export");
            info.setCreator("Waymark");
            document.setDocumentInformation(info);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(SubjectAccessExport e) throws IOException {
        newPage();
        heading("Subject access export", 24);
        paragraph("Made on " + when(e.generatedAt()) + " by " + e.generatedBy() + ", " + e.generatedByAgency() + ".");
        paragraph("This is the information Waymark holds about you in the record kept by "
                + e.subject().recordedBy() + ", and who has accessed that record.");
        heading("What has been left out", 16);
        for (String note : e.notes()) {
            bullet(note);
        }
        paragraph("Items redacted: " + e.redactedItems() + ". Items withheld: " + e.withheldItems() + ".");

        heading("About you", 16);
        SubjectAccessExport.Subject s = e.subject();
        row("Name", join(s.givenName(), s.middleNames(), s.familyName()));
        row("Preferred name", s.preferredName());
        row("Previous names", s.previousNames().isEmpty() ? null : String.join(", ", s.previousNames()));
        row("Also known as", s.aliases().isEmpty() ? null : String.join(", ", s.aliases()));
        row("Agencies' references", s.agencyReferences().isEmpty() ? null : String.join(", ", s.agencyReferences()));
        row("Date of birth", s.dateOfBirth() == null ? null : DAY.format(s.dateOfBirth()));
        row("Sex", s.sex());
        row("NHS number", s.nhsNumber());
        row("Gender identity", s.genderIdentity());
        row("Ethnicity", s.ethnicity());
        row("Disability", s.disability());
        row("Sexual orientation", s.sexualOrientation());
        row("Religion", s.religion());
        row("First language", s.firstLanguage());
        row("Needs an interpreter", yesNo(s.interpreterNeeded()));
        row("Immigration status", s.immigrationStatus());
        row("No recourse to public funds", yesNo(s.noRecourseToPublicFunds()));
        row("Police national identifier", s.policeNationalId());
        row("Recorded by", s.recordedBy() + " on " + when(s.recordedAt()));
        if (!e.otherRecordsHeldBy().isEmpty()) {
            row("Other records of you", "Held by " + String.join(", ", e.otherRecordsHeldBy()));
        }

        heading("Addresses", 16);
        if (e.addresses().isEmpty()) {
            paragraph("None recorded.");
        }
        for (SubjectAccessExport.Address a : e.addresses()) {
            bullet(a.address() + (a.postcode() == null || a.postcode().equals(a.address()) ? "" : ", " + a.postcode())
                    + (a.from() == null ? "" : ", from " + DAY.format(a.from()))
                    + (a.to() == null ? "" : ", until " + DAY.format(a.to()))
                    + (a.restricted() ? ", restricted" : ""));
        }
        heading("Phone numbers and email", 16);
        if (e.contacts().isEmpty()) {
            paragraph("None recorded.");
        }
        for (SubjectAccessExport.Contact c : e.contacts()) {
            bullet((c.kind().equals("PHONE") ? "Phone: " : "Email: ") + c.value() + (c.restricted() ? ", restricted" : ""));
        }
        heading("Family and relationships", 16);
        if (e.relationships().isEmpty()) {
            paragraph("None recorded.");
        }
        for (SubjectAccessExport.Relationship r : e.relationships()) {
            bullet(words(r.kind()) + ": " + r.otherPerson());
        }

        heading("Incidents", 16);
        if (e.incidents().isEmpty()) {
            paragraph("None recorded.");
        }
        for (SubjectAccessExport.Incident i : e.incidents()) {
            heading(DAY.format(i.occurredOn()) + ", recorded by " + i.recordedBy(), 12.5f);
            row("Your role", String.join(", ", i.roles().stream().map(SubjectAccessPdf::words).toList()));
            row("How serious", i.severity() == null ? null : words(i.severity()));
            if (!i.heldInFull()) {
                paragraph("The agency that recorded this incident holds its details. Ask that agency.");
                continue;
            }
            row("How it came to light", i.cameToLight() == null ? null : words(i.cameToLight()));
            row("Types of abuse", i.abuseTypes().isEmpty() ? null
                    : String.join(", ", i.abuseTypes().stream().map(SubjectAccessPdf::words).toList()));
            row("Where it happened", i.location());
            row("Disclosed by", i.disclosedBy());
            row("Disclosed to", i.disclosedTo());
            row("Who else knew", i.whoElseKnows().isEmpty() ? null : String.join(", ", i.whoElseKnows()));
            for (SubjectAccessExport.OtherPerson p : i.otherPeople()) {
                row(words(p.role()), p.name());
            }
            row("Account", i.account());
        }

        heading("Who has accessed your record", 16);
        if (e.accessReport().isEmpty()) {
            paragraph("Nobody.");
        }
        for (SubjectAccessExport.Access a : e.accessReport()) {
            bullet(when(a.when()) + ": " + a.who() + ", " + a.agency() + ". " + a.action()
                    + (a.outcome().equals("Allowed") ? "" : " (refused)"));
        }
    }

    // ---- layout --------------------------------------------------------------------------------

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
        text("OFFICIAL-SENSITIVE", bold, 9, MARGIN, y + 24);
    }

    private void footers() throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(regular, 9);
                footer.newLineAtOffset(MARGIN, 28);
                footer.showText(safe(regular, "OFFICIAL-SENSITIVE. Page " + (i + 1) + " of " + pages));
                footer.endText();
            }
        }
    }

    private void heading(String value, float size) throws IOException {
        space(size * 2.2f);
        y -= size * 0.6f;
        for (String line : wrap(value, bold, size, width())) {
            space(size * 1.3f);
            text(line, bold, size, MARGIN, y);
            y -= size * 1.3f;
        }
        y -= size * 0.3f;
    }

    private void paragraph(String value) throws IOException {
        lines(value, regular, MARGIN, width());
        y -= BODY * 0.6f;
    }

    private void bullet(String value) throws IOException {
        space(BODY * 1.45f);
        text("\u2022", regular, BODY, MARGIN, y);
        lines(value, regular, MARGIN + 14, width() - 14);
        y -= BODY * 0.3f;
    }

    /** A summary-list row: the key in bold, the value beside it. Nothing is written for a value not recorded. */
    private void row(String key, String value) throws IOException {
        if (value == null || value.isBlank()) {
            return;
        }
        float keyWidth = 150;
        List<String> keyLines = wrap(key, bold, BODY, keyWidth - 10);
        List<String> valueLines = wrap(value, regular, BODY, width() - keyWidth);
        for (int i = 0; i < Math.max(keyLines.size(), valueLines.size()); i++) {
            space(BODY * 1.45f);
            if (i < keyLines.size()) {
                text(keyLines.get(i), bold, BODY, MARGIN, y);
            }
            if (i < valueLines.size()) {
                text(valueLines.get(i), regular, BODY, MARGIN + keyWidth, y);
            }
            y -= BODY * 1.45f;
        }
        y -= BODY * 0.35f;
    }

    private void lines(String value, PDType1Font font, float x, float width) throws IOException {
        for (String line : wrap(value, font, BODY, width)) {
            space(BODY * 1.45f);
            text(line, font, BODY, x, y);
            y -= BODY * 1.45f;
        }
    }

    /** Starts a new page when the next line would fall into the bottom margin. */
    private void space(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void text(String value, PDType1Font font, float size, float x, float atY) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, atY);
        content.showText(safe(font, value));
        content.endText();
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private List<String> wrap(String value, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : safe(font, value).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (measure(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word longer than the line (a long id) is broken where it must be.
                String rest = word;
                while (measure(rest, font, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && measure(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float measure(String value, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(value) / 1000 * size;
    }

    /** The standard fonts cover Western European text; anything else becomes "?" rather than failing the export. */
    private static String safe(PDType1Font font, String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.replace("\r\n", "\n").replace('\t', ' ').codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (cp == '\n') {
                out.append(ch);
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String join(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "Yes" : "No";
    }

    private static String when(Instant instant) {
        return WHEN.format(instant.atZone(LONDON));
    }

    private static String words(String code) {
        String lower = code.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
