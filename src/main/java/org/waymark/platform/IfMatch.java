package org.waymark.platform;

import java.util.function.IntFunction;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over the API: a change names the version it read in If-Match (the ETag of the read), so it
 * can never overwrite someone else's. 428 without it; 412, with nothing changed, when the record moved on.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * Runs the change with the version from the header ("3", "\"3\"" or W/"3").
     *
     * @param readFrom the read whose ETag to send, for the 428 answer
     */
    public static ResponseEntity<?> apply(String header, String readFrom, IntFunction<ResponseEntity<?>> change) {
        if (header == null || !header.trim().matches("(W/)?\"?\\d{1,9}\"?")) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag from " + readFrom + ", so a change cannot overwrite someone else's."));
        }
        try {
            return change.apply(Integer.parseInt(header.replaceAll("\\D", "")));
        } catch (ConflictException e) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage()));
        }
    }
}
