package vn.motcua.dossier.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.catalog.Procedure.FormField;
import vn.motcua.platform.error.FieldIssue;
import vn.motcua.platform.error.ProblemException.FieldError;

/**
 * Checks a filled form against the procedure's form schema and lists every violation, field by field (a citizen
 * fixes them all at once, not one per round trip). What passes comes back normalized: citizen ID numbers without
 * separators, phone numbers in one form, text trimmed.
 */
public final class FormValidator {

    /** The earliest year a form's date may have (the oldest civil-status records being digitized). */
    static final int EARLIEST_YEAR = 1850;

    static final int MAX_TEXT = 500;

    /** The outcome: the normalized form when {@code errors} is empty. */
    public record Result(ObjectNode form, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private FormValidator() {
    }

    /**
     * @param prefix the path of the form in the request (e.g. {@code form}), put before each field's name
     */
    public static Result validate(JsonNode input, List<FormField> schema, String prefix, LocalDate today) {
        return validate(input, schema, prefix, today, PhoneNumbers::parse);
    }

    /**
     * As {@link #validate(JsonNode, List, String, LocalDate)}, phone numbers parsed by {@code phones}: a submission's
     * own {@link PhoneNumbers#memo()}, so that a number it holds twice is parsed once.
     */
    public static Result validate(JsonNode input, List<FormField> schema, String prefix, LocalDate today,
            Function<String, Optional<PhoneNumbers.Phone>> phones) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (input != null && !input.isNull() && !input.isObject()) {
            errors.add(FieldError.of(prefix, FieldIssue.NOT_GROUP));
            return new Result(out, errors);
        }
        group(input == null || input.isNull() ? JsonNodeFactory.instance.objectNode() : input, schema, prefix, today, out, errors, phones);
        return new Result(out, List.copyOf(errors));
    }

    private static void group(JsonNode input, List<FormField> schema, String path, LocalDate today, ObjectNode out,
            List<FieldError> errors, Function<String, Optional<PhoneNumbers.Phone>> phones) {
        for (Iterator<String> names = input.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (schema.stream().noneMatch(f -> f.name().equals(name))) {
                errors.add(FieldError.of(path + "." + name, FieldIssue.UNKNOWN_FIELD));
            }
        }
        for (FormField f : schema) {
            String at = path + "." + f.name();
            JsonNode v = input.get(f.name());
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                if (f.required()) {
                    errors.add(FieldError.of(at, FieldIssue.REQUIRED));
                }
                continue;
            }
            field(f, v, at, today, out, errors, phones);
        }
        crossCheckPerson(out, path, errors);
    }

    private static void field(FormField f, JsonNode v, String at, LocalDate today, ObjectNode out, List<FieldError> errors,
            Function<String, Optional<PhoneNumbers.Phone>> phones) {
        switch (f.type()) {
            case "person" -> {
                if (!v.isObject()) {
                    errors.add(FieldError.of(at, FieldIssue.NOT_GROUP));
                    return;
                }
                ObjectNode nested = out.putObject(f.name());
                group(v, f.fields(), at, today, nested, errors, phones);
            }
            case "number" -> {
                Optional<BigDecimal> n = number(v);
                if (n.isEmpty()) {
                    errors.add(FieldError.of(at, FieldIssue.NOT_NUMBER));
                } else {
                    out.put(f.name(), n.get());
                }
            }
            case "date" -> {
                if (!v.isTextual()) {
                    errors.add(FieldError.of(at, FieldIssue.NOT_DATE));
                    return;
                }
                try {
                    LocalDate d = LocalDate.parse(v.asText().strip());
                    // Sane bounds for any date a person writes on a form: nobody was born in year 1, nor dies in 9999.
                    if (d.getYear() < EARLIEST_YEAR || d.getYear() > today.getYear() + 100) {
                        errors.add(FieldError.of(at, FieldIssue.OUT_OF_RANGE, EARLIEST_YEAR, today.getYear() + 100));
                        return;
                    }
                    if ("past".equals(f.when()) && d.isAfter(today)) {
                        errors.add(FieldError.of(at, FieldIssue.DATE_IN_FUTURE));
                        return;
                    }
                    if ("future".equals(f.when()) && d.isBefore(today)) {
                        errors.add(FieldError.of(at, FieldIssue.NOT_IN_FUTURE));
                        return;
                    }
                    out.put(f.name(), d.toString());
                } catch (DateTimeParseException e) {
                    errors.add(FieldError.of(at, FieldIssue.NOT_DATE));
                }
            }
            case "select" -> {
                String s = v.isValueNode() ? v.asText().strip() : null;
                if (s == null || f.options().stream().noneMatch(o -> o.value().equals(s))) {
                    errors.add(FieldError.of(at, FieldIssue.NOT_AN_OPTION,
                            String.join(", ", f.options().stream().map(o -> o.value()).toList())));
                } else {
                    out.put(f.name(), s);
                }
            }
            case "citizen-id" -> {
                String s = v.isValueNode() ? CitizenId.normalize(v.asText()) : null;
                Optional<FieldIssue> issue = CitizenId.check(s);
                if (issue.isPresent()) {
                    errors.add(issue.get() == FieldIssue.CITIZEN_ID_PROVINCE
                            ? FieldError.of(at, issue.get(), s.substring(0, 3)) : FieldError.of(at, issue.get()));
                } else {
                    out.put(f.name(), s);
                }
            }
            case "phone" -> {
                Optional<PhoneNumbers.Phone> phone = v.isValueNode() ? phones.apply(v.asText()) : Optional.empty();
                if (phone.isEmpty()) {
                    errors.add(FieldError.of(at, FieldIssue.PHONE));
                } else {
                    out.put(f.name(), phone.get().display());
                }
            }
            default -> { // text, address
                if (!v.isTextual()) {
                    errors.add(FieldError.of(at, FieldIssue.NOT_TEXT));
                    return;
                }
                String s = v.asText().strip();
                if (s.length() > MAX_TEXT) {
                    errors.add(FieldError.of(at, FieldIssue.TOO_LONG, MAX_TEXT));
                } else if (TypedText.hasControl(s) || f.pattern() != null && !s.matches(f.pattern())) {
                    errors.add(FieldError.of(at, FieldIssue.PATTERN));
                } else {
                    out.put(f.name(), TypedText.nfc(s));
                }
            }
        }
    }

    /** Within one person: the ID number's year of birth and sex must agree with the ones given beside it. */
    private static void crossCheckPerson(ObjectNode group, String path, List<FieldError> errors) {
        JsonNode id = group.get("citizenId");
        if (id == null) {
            return;
        }
        String valid = id.asText();
        JsonNode birth = group.get("birthDate");
        if (birth != null && !CitizenId.matchesBirth(valid, LocalDate.parse(birth.asText()))) {
            errors.add(FieldError.of(path + ".citizenId", FieldIssue.CITIZEN_ID_BIRTH_YEAR, String.valueOf(CitizenId.birthYear(valid))));
        }
        JsonNode sex = group.get("sex");
        Map<String, CitizenId.Sex> sexes = Map.of("nam", CitizenId.Sex.MALE, "nu", CitizenId.Sex.FEMALE);
        if (sex != null && sexes.containsKey(sex.asText()) && sexes.get(sex.asText()) != CitizenId.sex(valid)) {
            errors.add(FieldError.of(path + ".citizenId", FieldIssue.CITIZEN_ID_SEX));
        }
    }

    private static Optional<BigDecimal> number(JsonNode v) {
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(new BigDecimal(v.asText().strip().replace(',', '.')));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
