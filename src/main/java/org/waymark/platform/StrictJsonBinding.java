package org.waymark.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a JSON request body to a record field by field, so that every bad field is named in one
 * answer (Jackson stops at the first) and a misspelt field is an error rather than silently dropped:
 * a request that names "strangled" instead of "strangulation" must not be under-triaged.
 */
public final class StrictJsonBinding {

    private final JsonMapper json;
    private final Map<Class<?>, Integer> listLimits;

    /**
     * @param listLimits the largest list allowed for a given element type; larger lists are refused
     *                   (a request with 100,000 children is an attack, not a household)
     */
    public StrictJsonBinding(JsonMapper json, Map<Class<?>, Integer> listLimits) {
        this.json = json;
        this.listLimits = Map.copyOf(listLimits);
    }

    /** Binds the body, or returns null with the problems added to {@code errors}. */
    /** Binds the body, or refuses the whole request naming every field at fault (problem+json, 400). */
    public <T extends Record> T bindOrRefuse(JsonNode body, Class<T> type) {
        List<FieldError> errors = new ArrayList<>();
        T value = bind(body, type, errors);
        if (!errors.isEmpty() || value == null) {
            throw new InvalidRequestException(errors);
        }
        return value;
    }

    public <T extends Record> T bind(JsonNode body, Class<T> type, List<FieldError> errors) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            errors.add(new FieldError("body", "The request body must be a JSON object"));
            return null;
        }
        if (!body.isObject()) {
            errors.add(new FieldError("body", "The request body must be a JSON object"));
            return null;
        }
        return bindRecord(body, type, "", errors);
    }

    private <T> T bindRecord(JsonNode node, Class<T> type, String path, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(trim(path), "must be an object"));
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(path + name, "is not a field Waymark knows; check the spelling"));
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            JsonNode child = node.get(component.getName());
            if (child == null || child.isNull()) {
                if (component.getType().isPrimitive()) {
                    // A primitive cannot be absent: report it rather than fail building the record.
                    errors.add(new FieldError(path + component.getName(), "is required"));
                    return null;
                }
                continue;
            }
            values[i] = bindValue(child, component.getType(), component.getGenericType(),
                    path + component.getName(), errors);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    private Object bindValue(JsonNode node, Class<?> type, Type generic, String path, List<FieldError> errors) {
        if (type.isRecord()) {
            return bindRecord(node, type, path + ".", errors);
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized) {
            Class<?> element = (Class<?>) parameterized.getActualTypeArguments()[0];
            if (!node.isArray()) {
                errors.add(new FieldError(path, "must be a list"));
                return null;
            }
            Integer limit = listLimits.get(element);
            if (limit != null && node.size() > limit) {
                errors.add(new FieldError(path, "must have at most " + limit + " entries"));
                return null;
            }
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                list.add(item == null || item.isNull() ? null : bindValue(item, element, element, path + "[" + i + "]", errors));
            }
            return list;
        }
        if (Map.class.isAssignableFrom(type)) {
            if (!node.isObject()) {
                errors.add(new FieldError(path, "must be an object"));
                return null;
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode value = entry.getValue();
                if (hasNul(entry.getKey()) || value != null && value.isString() && hasNul(value.asString())) {
                    errors.add(new FieldError(path + "." + entry.getKey(), NUL));
                    continue;
                }
                map.put(entry.getKey(), value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
            }
            return map;
        }
        if (node.isString() && hasNul(node.asString())) {
            errors.add(new FieldError(path, NUL));
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException e) {
            errors.add(new FieldError(path, expectation(type)));
            return null;
        }
    }

    // PostgreSQL text cannot hold U+0000, and no answer needs it.
    private static final String NUL = "must not contain the NUL character (U+0000)";

    private static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    private static String expectation(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date like 2026-11-20";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "is not a valid value";
    }

    private static String trim(String path) {
        return path.endsWith(".") ? path.substring(0, path.length() - 1) : path.isEmpty() ? "body" : path;
    }
}
