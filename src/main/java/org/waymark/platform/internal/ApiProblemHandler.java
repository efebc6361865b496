package org.waymark.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.waymark.platform.ConflictException;
import org.waymark.platform.FieldError;
import org.waymark.platform.InvalidRequestException;
import org.waymark.platform.NotFoundException;
import org.waymark.platform.TooManyRequestsException;
import tools.jackson.core.JacksonException;

/**
 * API errors as RFC 9457 problem+json. Bad input names every field at fault in an "errors" member;
 * a missing object and an object the caller may not see give the same 404.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    static final String ERRORS = "errors";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return badRequest(e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return notFound();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            // A malformed id names no object: the same answer as an unknown one.
            return notFound();
        }
        return badRequest(List.of(new FieldError(e.getName(), "Enter a valid value")));
    }

    /** Over a rate limit: when to come back, and nothing about what was asked. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return tooManyRequests(e.retryAfterSeconds());
    }

    static ResponseEntity<ProblemDetail> tooManyRequests(long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests in a short time. Nothing was done; try again in " + retryAfterSeconds + " seconds.");
        problem.setTitle("Too many requests");
        // Stated, as in the 401, 403 and sign-in 429 answers: clients branch on it.
        problem.setType(java.net.URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Two requests raced to create the same thing: the loser changes nothing and is told so. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(org.springframework.dao.DuplicateKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This clashes with a record that was saved at the same moment. Nothing was changed; check and try again.");
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * Text PostgreSQL cannot store (U+0000) that reached the database through a body not bound by
     * StrictJsonBinding. The transaction rolled back, so nothing changed: bad input, not a server fault.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> unstorable(org.springframework.dao.DataIntegrityViolationException e) {
        if (sqlState(e).equals(CHARACTER_NOT_IN_REPERTOIRE)) {
            return badRequest(List.of(new FieldError("body", "Text must not contain the NUL character (U+0000)")));
        }
        throw e;
    }

    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problemFor(bindErrors(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problemFor(List.of(unreadable(ex))));
    }

    /** One error per field, the "missing" message first when a field is both missing and too short. */
    static List<FieldError> bindErrors(BindException ex) {
        Map<String, String> first = new TreeMap<>();
        ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing((org.springframework.validation.FieldError f) -> MISSING.contains(f.getCode()) ? 0 : 1)
                        .thenComparing(f -> String.valueOf(f.getDefaultMessage())))
                .forEach(f -> first.putIfAbsent(f.getField(), f.getDefaultMessage()));
        List<FieldError> errors = new ArrayList<>();
        first.forEach((field, message) -> errors.add(new FieldError(field, message)));
        ex.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return errors;
    }

    private static final Set<String> MISSING = Set.of("NotBlank", "NotNull", "NotEmpty");

    private static FieldError unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return new FieldError(jsonPath(unknown.getPath()), "is not a field Waymark knows; check the spelling");
        }
        if (cause instanceof JacksonException jackson) {
            String path = jsonPath(jackson.getPath());
            if (!path.isEmpty()) {
                return new FieldError(path, "Enter a valid value for " + path);
            }
            return new FieldError("body", "The request body is not valid JSON");
        }
        return new FieldError("body", "The request body is missing or not valid JSON");
    }

    static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors) {
        return ResponseEntity.badRequest().body(problemFor(errors));
    }

    static ProblemDetail problemFor(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + (errors.size() == 1 ? " field" : " fields")
                        + " at fault; nothing was changed.");
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is nothing here, or you do not have access to it.");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
