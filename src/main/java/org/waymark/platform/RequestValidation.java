package org.waymark.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Bean Validation as a list of field errors, for forms and services that validate before changing anything. */
public final class RequestValidation {

    private RequestValidation() {
    }

    /** One error per field (the "missing" message first, when a field is both missing and too short). */
    public static List<FieldError> errors(Validator validator, Object request) {
        Map<String, ConstraintViolation<Object>> first = new TreeMap<>();
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> isMissing(v) ? 0 : 1)
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> first.putIfAbsent(v.getPropertyPath().toString(), v));
        return first.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue().getMessage())).toList();
    }

    private static boolean isMissing(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.equals("NotBlank") || annotation.equals("NotNull") || annotation.equals("NotEmpty");
    }

    public static void requireValid(Validator validator, Object request) {
        List<FieldError> errors = errors(validator, request);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
