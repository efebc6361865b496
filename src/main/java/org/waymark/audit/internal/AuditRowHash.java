package org.waymark.audit.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * row_hash = SHA-256(prev_hash || canonical row). The canonical form is a version tag then every
 * column of audit_event except the chain columns, in a fixed order, each as a 4-byte big-endian length
 * and its UTF-8 bytes (length -1 for null), so no two different rows serialise alike. Timestamps are
 * UTC with microseconds (PostgreSQL's precision); details are JSON with sorted keys and fixed escaping.
 * A column added to audit_event later needs a new version tag here, or it is not covered.
 */
final class AuditRowHash {

    static final byte[] GENESIS = new byte[32];
    private static final String VERSION = "waymark.audit_event.v1";
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    // Numbers keep every digit they were stored with, so a changed digit changes the hash.
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    /** The columns that are hashed, as read from the database (details as jsonb text). */
    record Row(long id, Instant occurredAt, UUID actorUserId, String actorUsername, UUID actorAgencyId,
               String action, String objectType, String objectId, String outcome, String clientAddress,
               String details) {
    }

    private AuditRowHash() {
    }

    static byte[] hash(byte[] prevHash, Row row) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash);
        sha256.update(canonical(row));
        return sha256.digest();
    }

    static byte[] canonical(Row row) {
        List<String> fields = new ArrayList<>(12);
        fields.add(VERSION);
        fields.add(Long.toString(row.id()));
        fields.add(MICROS.format(row.occurredAt()));
        fields.add(row.actorUserId() == null ? null : row.actorUserId().toString());
        fields.add(row.actorUsername());
        fields.add(row.actorAgencyId() == null ? null : row.actorAgencyId().toString());
        fields.add(row.action());
        fields.add(row.objectType());
        fields.add(row.objectId());
        fields.add(row.outcome());
        fields.add(row.clientAddress());
        fields.add(row.details() == null ? null : canonicalJson(row.details()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String field : fields) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    static String canonicalJson(String json) {
        StringBuilder out = new StringBuilder(json.length());
        write(EXACT.readTree(json), out);
        return out.toString();
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(entries.get(i).getKey(), out);
                out.append(':');
                write(entries.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonNode element : node) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(element, out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.stringValue(), out);
        } else if (node.isNumber()) {
            Number number = node.numberValue();
            out.append(number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("Unexpected JSON node in audit details: " + node.getNodeType());
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
