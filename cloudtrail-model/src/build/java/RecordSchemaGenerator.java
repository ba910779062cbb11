import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the code that follows from the record value types: the codec (read, write, normalize), the member table
 * behind {@code RecordMember}, and the list of known member names the fast parser looks up.
 *
 * <p>Run by Maven in {@code generate-sources} as a single-file program ({@code java RecordSchemaGenerator.java
 * <model source dir> <output dir>}); it uses nothing but the JDK. The declaration it reads is the value types
 * themselves: every class in {@code io.github.trailkit.model} annotated {@code @Value.Immutable} with an {@code
 * otherFields()} map is a record type, and each {@code public abstract Optional<T> name();} (or {@code OptionalLong})
 * in it is one member, in the order declared. The JSON name is the accessor's name, without a trailing {@code
 * AsString} (an open enum's raw value), unless a {@code @JsonName("...")} annotation gives it.
 */
public final class RecordSchemaGenerator {
    private static final Pattern CLASS = Pattern.compile("public abstract class (\\w+)");
    private static final Pattern MEMBER =
            Pattern.compile("^\\s*public abstract (Optional<(.+)>|OptionalLong) (\\w+)\\(\\);\\s*$");
    private static final Pattern JSON_NAME = Pattern.compile("^\\s*@JsonName\\(\"([^\"]+)\"\\)\\s*$");

    enum Kind {
        STRING,
        BOOLEAN,
        VERSION,
        INSTANT,
        PAYLOAD,
        DECIMAL,
        LONG,
        LIST,
        NESTED
    }

    record Member(String accessor, String json, Kind kind, String type) {
        /** The Java type of the value ({@code type} is the element type for a list). */
        String javaType() {
            return switch (kind) {
                case STRING -> "String";
                case BOOLEAN -> "Boolean";
                case VERSION -> "EventVersion";
                case INSTANT -> "Instant";
                case PAYLOAD -> "JsonValue";
                case DECIMAL -> "BigDecimal";
                case LONG -> "long";
                case LIST -> "List<" + type + ">";
                case NESTED -> type;
            };
        }

        /** The class {@code RecordMember} reports: what a member lookup returns. */
        String lookupType() {
            return switch (kind) {
                case STRING, VERSION, INSTANT -> "String";
                case BOOLEAN -> "Boolean";
                case PAYLOAD -> "JsonValue";
                case DECIMAL -> "BigDecimal";
                case LONG -> "Long";
                case LIST -> "List";
                case NESTED -> type;
            };
        }
    }

    record Type(String name, List<Member> members) {}

    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Type> types = read(model);
        write(out.resolve("io/github/trailkit/model/RecordCodec.java"), codec(types));
        write(out.resolve("io/github/trailkit/model/RecordMemberTable.java"), members(types));
        write(out.resolve("io/github/trailkit/model/internal/KnownNameList.java"), names(types));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return; // unchanged: keeps the compiler's staleness check quiet
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /* ------------------------------------------------------------------ reading the declaration */

    static List<Type> read(Path model) throws IOException {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(model)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (text.contains("@Value.Immutable") && text.contains("Map<String, JsonValue> otherFields();")) {
                    Matcher m = CLASS.matcher(text);
                    if (!m.find()) {
                        throw new IllegalStateException("no class in " + f);
                    }
                    sources.put(m.group(1), text.lines().toList());
                }
            }
        }
        List<Type> types = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : sources.entrySet()) {
            List<Member> members = new ArrayList<>();
            String jsonName = null;
            for (String line : e.getValue()) {
                Matcher n = JSON_NAME.matcher(line);
                if (n.matches()) {
                    jsonName = n.group(1);
                    continue;
                }
                Matcher m = MEMBER.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                String accessor = m.group(3);
                String json = jsonName != null
                        ? jsonName
                        : accessor.endsWith("AsString")
                                ? accessor.substring(0, accessor.length() - "AsString".length())
                                : accessor;
                jsonName = null;
                members.add(member(e.getKey(), accessor, json, m.group(2), sources.keySet()));
            }
            types.add(new Type(e.getKey(), members));
        }
        // CloudTrailRecord first: the order of the type tests in the lookups
        types.sort((a, b) -> Boolean.compare(
                !a.name().equals("CloudTrailRecord"), !b.name().equals("CloudTrailRecord")));
        return types;
    }

    private static Member member(String owner, String accessor, String json, String type, java.util.Set<String> types) {
        if (type == null) {
            return new Member(accessor, json, Kind.LONG, null);
        }
        Kind kind;
        String element = null;
        if (type.startsWith("List<")) {
            element = type.substring(5, type.length() - 1);
            if (!types.contains(element)) {
                throw new IllegalStateException(owner + "." + accessor + ": a list of " + element
                        + " is not supported; lists hold record types");
            }
            kind = Kind.LIST;
        } else if (types.contains(type)) {
            kind = Kind.NESTED;
            element = type;
        } else {
            kind = switch (type) {
                case "String" -> Kind.STRING;
                case "Boolean" -> Kind.BOOLEAN;
                case "EventVersion" -> Kind.VERSION;
                case "Instant" -> Kind.INSTANT;
                case "JsonValue" -> Kind.PAYLOAD;
                case "BigDecimal" -> Kind.DECIMAL;
                default -> throw new IllegalStateException(
                        owner + "." + accessor + ": type " + type + " has no codec; add a Kind for it");
            };
        }
        return new Member(accessor, json, kind, element);
    }

    /* ------------------------------------------------------------------ the codec */

    private static final String GENERATED =
            "// Generated by cloudtrail-model/src/build/java/RecordSchemaGenerator.java from the record value types."
                    + " Do not edit.\n";

    static String codec(List<Type> types) {
        StringBuilder s = new StringBuilder();
        s.append(GENERATED);
        s.append(
                """
                package io.github.trailkit.model;

                import com.fasterxml.jackson.core.JsonGenerator;
                import com.fasterxml.jackson.core.JsonParser;
                import com.fasterxml.jackson.core.JsonToken;
                import io.github.trailkit.model.internal.Json;
                import java.io.IOException;
                import java.io.StringWriter;
                import java.io.UncheckedIOException;
                import java.math.BigDecimal;
                import java.time.Instant;
                import java.util.List;
                import java.util.Map;
                import java.util.Optional;

                /**
                 * Reads and writes every record type with the streaming parser and generator, one field at a time.
                 *
                 * <p>Each type has three methods: {@code readX} (a switch on the JSON member name; an explicit {@code null}
                 * of a typed field, payloads included, goes to {@code otherFields}, unknown members too), {@code write(X)}
                 * (typed members in declaration order, then {@code otherFields}) and {@code normalize(X)} (rejects an
                 * {@code otherFields} entry that would shadow a typed member; copies mutable lists).
                 */
                @SuppressWarnings("unused")
                final class RecordCodec {
                    private RecordCodec() {}
                """);
        for (Type type : types) {
            readMethod(s, type);
            writeMethod(s, type);
            normalizeMethod(s, type);
        }
        s.append(
                """

                    /** Writes any record type as compact JSON. */
                    static String toJson(Object value) {
                        StringWriter out = new StringWriter();
                        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                            writeAny(value, g);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return out.toString();
                    }

                    private static void writeAny(Object value, JsonGenerator g) throws IOException {
                """);
        for (Type type : types) {
            s.append("        if (value instanceof ")
                    .append(type.name())
                    .append(" x) {\n            write(x, g);\n            return;\n        }\n");
        }
        s.append(
                """
                        throw new IllegalArgumentException("not a record type: " + value.getClass().getName());
                    }

                    private static void writeOther(Map<String, JsonValue> other, JsonGenerator g) throws IOException {
                        for (Map.Entry<String, JsonValue> e : other.entrySet()) {
                            g.writeFieldName(e.getKey());
                            JsonValues.write(e.getValue(), g);
                        }
                    }

                    private static void checkOther(String type, Map.Entry<String, JsonValue> e, boolean typedPresent) {
                        if (typedPresent) {
                            throw new IllegalArgumentException(type + ".otherFields() may hold \\"" + e.getKey()
                                    + "\\" only when the typed value is absent (a JSON null, or a value that could not be read, as it"
                                    + " came), or for a time, the text that time was written in; set it through its typed accessor");
                        }
                    }

                    private static boolean isNull(Optional<JsonValue> payload) {
                        return payload.isPresent() && payload.get().isNull();
                    }

                    private static <T> boolean isImmutable(Optional<List<T>> list) {
                        return list.isEmpty() || List.copyOf(list.get()) == list.get();
                    }
                }
                """);
        return s.toString();
    }

    private static void readMethod(StringBuilder s, Type type) {
        String n = type.name();
        s.append("\n    /** Reads a {@link ")
                .append(n)
                .append("}; the parser is on {@code t}, which must be the object's start. */\n");
        s.append("    static ").append(n).append(" read").append(n);
        s.append("(JsonParser p, JsonToken t) throws IOException {\n");
        s.append("        Fields.expectObject(p, t);\n");
        s.append("        ").append(n).append(".Builder b = ").append(n).append(".builder();\n");
        s.append("        String name;\n");
        s.append("        while ((name = p.nextFieldName()) != null) {\n");
        s.append("            t = p.nextToken();\n");
        s.append("            try {\n");
        s.append("                switch (name) {\n");
        for (Member m : type.members()) {
            s.append("                    case \"").append(m.json()).append("\":\n");
            s.append("                        if (t == JsonToken.VALUE_NULL) {\n");
            s.append("                            b.putOtherFields(name, JsonValue.nullValue());\n");
            s.append("                        } else {\n");
            String set = "                            b." + m.accessor() + "(";
            switch (m.kind()) {
                case STRING -> s.append(set).append("Fields.string(p, t));\n");
                case BOOLEAN -> s.append(set).append("Fields.bool(p, t));\n");
                case VERSION -> s.append(set).append("Fields.version(p, t));\n");
                case PAYLOAD -> s.append(set).append("JsonValues.readPayload(p, t));\n");
                case DECIMAL -> s.append(set).append("Fields.decimal(p, t));\n");
                case LONG -> s.append(set).append("Fields.integer(p, t));\n");
                case LIST -> s.append(set)
                        .append("Fields.list(p, t, RecordCodec::read")
                        .append(m.type())
                        .append("));\n");
                case NESTED -> s.append(set).append("read").append(m.type()).append("(p, t));\n");
                case INSTANT -> {
                    s.append("                            String text = Fields.string(p, t);\n");
                    s.append("                            Instant x = Fields.instant(p, text);\n");
                    s.append("                            if (!Fields.writtenAsRead(text, x)) {\n");
                    s.append("                                // written back as it came\n");
                    s.append("                                b.putOtherFields(name, JsonValue.of(text));\n");
                    s.append("                            }\n");
                    s.append(set).append("x);\n");
                }
            }
            s.append("                        }\n");
            s.append("                        break;\n");
        }
        s.append("                    default:\n");
        s.append("                        b.putOtherFields(name, JsonValues.readPayload(p, t));\n");
        s.append("                }\n");
        s.append("            } catch (InvalidFieldException e) {\n");
        s.append("                b.putOtherFields(name, BadFields.keep(p, e));\n");
        s.append("            }\n");
        s.append("        }\n");
        s.append("        return b.build();\n");
        s.append("    }\n");
    }

    private static void writeMethod(StringBuilder s, Type type) {
        String n = type.name();
        s.append("\n    /** Writes a {@link ").append(n).append("} as one JSON object. */\n");
        s.append("    static void write(").append(n).append(" v, JsonGenerator g) throws IOException {\n");
        s.append("        g.writeStartObject();\n");
        for (Member m : type.members()) {
            String a = "v." + m.accessor() + "()";
            String j = "\"" + m.json() + "\"";
            if (m.kind() == Kind.LONG) {
                s.append("        if (").append(a).append(".isPresent()) {\n");
                s.append("            g.writeNumberField(")
                        .append(j)
                        .append(", ")
                        .append(a)
                        .append(".getAsLong());\n");
                s.append("        }\n");
                continue;
            }
            if (m.kind() == Kind.INSTANT) {
                s.append("        // else written as it came, with otherFields\n");
                s.append("        if (")
                        .append(a)
                        .append(".isPresent() && !v.otherFields().containsKey(")
                        .append(j)
                        .append(")) {\n");
            } else {
                s.append("        if (").append(a).append(".isPresent()) {\n");
            }
            s.append("            ")
                    .append(m.javaType())
                    .append(" x = ")
                    .append(a)
                    .append(".get();\n");
            switch (m.kind()) {
                case STRING -> s.append("            g.writeStringField(").append(j).append(", x);\n");
                case VERSION, INSTANT -> s.append("            g.writeStringField(")
                        .append(j)
                        .append(", x.toString());\n");
                case BOOLEAN -> s.append("            g.writeBooleanField(").append(j).append(", x);\n");
                case DECIMAL -> s.append("            g.writeNumberField(").append(j).append(", x);\n");
                case PAYLOAD -> s.append("            g.writeFieldName(")
                        .append(j)
                        .append(");\n            JsonValues.write(x, g);\n");
                case NESTED -> s.append("            g.writeFieldName(")
                        .append(j)
                        .append(");\n            write(x, g);\n");
                case LIST -> {
                    s.append("            g.writeArrayFieldStart(").append(j).append(");\n");
                    s.append("            for (").append(m.type()).append(" e : x) {\n");
                    s.append("                write(e, g);\n");
                    s.append("            }\n");
                    s.append("            g.writeEndArray();\n");
                }
                default -> throw new AssertionError(m);
            }
            s.append("        }\n");
        }
        s.append("        writeOther(v.otherFields(), g);\n");
        s.append("        g.writeEndObject();\n");
        s.append("    }\n");
    }

    private static void normalizeMethod(StringBuilder s, Type type) {
        String n = type.name();
        s.append("\n    /** Checks a built {@link ")
                .append(n)
                .append("}; copies mutable lists so that the value is deeply immutable. */\n");
        s.append("    static ").append(n).append(" normalize(").append(n).append(" v) {\n");
        s.append("        for (Map.Entry<String, JsonValue> e : v.otherFields().entrySet()) {\n");
        s.append("            boolean typedPresent;\n");
        s.append("            switch (e.getKey()) {\n");
        for (Member m : type.members()) {
            String a = "v." + m.accessor() + "()";
            s.append("                case \"").append(m.json()).append("\":\n");
            if (m.kind() == Kind.INSTANT) {
                s.append("                    if (")
                        .append(a)
                        .append(".isPresent() && Fields.isTextOf(e.getValue(), ")
                        .append(a)
                        .append(".get())) {\n");
                s.append("                        continue; // the text the time was written in\n");
                s.append("                    }\n");
            }
            s.append("                    typedPresent = ").append(a).append(".isPresent();\n");
            s.append("                    break;\n");
        }
        s.append("                default:\n");
        s.append("                    continue;\n");
        s.append("            }\n");
        s.append("            checkOther(\"").append(n).append("\", e, typedPresent);\n");
        s.append("        }\n");
        List<Member> payloads =
                type.members().stream().filter(m -> m.kind() == Kind.PAYLOAD).toList();
        if (!payloads.isEmpty()) {
            s.append("        if (");
            for (int i = 0; i < payloads.size(); i++) {
                s.append(i == 0 ? "" : "\n                || ")
                        .append("isNull(v.")
                        .append(payloads.get(i).accessor())
                        .append("())");
            }
            s.append(") {\n");
            s.append("            // an explicit null payload is kept as every typed field's is: empty, and a null in"
                    + " otherFields\n");
            s.append("            ").append(n).append(".Builder b = ").append(n).append(".builder().from(v);\n");
            for (Member m : payloads) {
                s.append("            if (isNull(v.").append(m.accessor()).append("())) {\n");
                s.append("                b.")
                        .append(m.accessor())
                        .append("(Optional.empty()).putOtherFields(\"")
                        .append(m.json())
                        .append("\", JsonValue.nullValue());\n");
                s.append("            }\n");
            }
            s.append("            return b.build();\n");
            s.append("        }\n");
        }
        List<Member> lists = type.members().stream().filter(m -> m.kind() == Kind.LIST).toList();
        if (!lists.isEmpty()) {
            s.append("        if (");
            for (int i = 0; i < lists.size(); i++) {
                s.append(i == 0 ? "" : " || ")
                        .append("!isImmutable(v.")
                        .append(lists.get(i).accessor())
                        .append("())");
            }
            s.append(") {\n");
            s.append("            return ").append(n).append(".builder()\n");
            s.append("                    .from(v)\n");
            for (Member m : lists) {
                s.append("                    .")
                        .append(m.accessor())
                        .append("(v.")
                        .append(m.accessor())
                        .append("().map(List::copyOf))\n");
            }
            s.append("                    .build();\n");
            s.append("        }\n");
        }
        s.append("        return v;\n");
        s.append("    }\n");
    }

    /* ------------------------------------------------------------------ the member table */

    static String members(List<Type> types) {
        StringBuilder s = new StringBuilder();
        s.append(GENERATED);
        s.append(
                """
                package io.github.trailkit.model;

                import java.time.Instant;
                import java.util.List;
                import java.math.BigDecimal;

                /**
                 * The members of the record types for {@link RecordMember}: every typed member as one {@code RecordMember}
                 * (its id is its index in {@link #ALL}), the value of a member by id, and the member of a node by name.
                 */
                final class RecordMemberTable {
                    private RecordMemberTable() {}

                    /** Every typed member of every record type, in declaration order. */
                    static final RecordMember[] ALL = {
                """);
        int id = 0;
        int typeIndex = 0;
        for (Type t : types) {
            for (Member m : t.members()) {
                s.append("        new RecordMember(")
                        .append(typeIndex)
                        .append(", ")
                        .append(id++)
                        .append(", ")
                        .append(t.name())
                        .append(".class, \"")
                        .append(m.json())
                        .append("\", ")
                        .append(m.lookupType())
                        .append(".class),\n");
            }
            typeIndex++;
        }
        s.append("    };\n");
        // typed value by id, falling back to otherFields
        s.append(
                """

                    /**
                     * The value of member {@code id} of {@code node}, which is of the member's owner type: the typed value, else
                     * the entry of {@code otherFields} under its JSON name (a {@code null} or a value that could not be read).
                     * One switch by type, then one by member: each method stays small enough for the JIT to compile well.
                     */
                    static Object get(int type, int id, Object node) {
                        switch (type) {
                """);
        int index = 0;
        for (Type t : types) {
            if (!t.members().isEmpty()) {
                s.append("            case ").append(index).append(":\n");
                s.append("                return get").append(t.name()).append("(id, (").append(t.name()).append(") node);\n");
            }
            index++;
        }
        s.append("            default:\n");
        s.append("                throw new IllegalArgumentException(\"no record type \" + type);\n");
        s.append("        }\n");
        s.append("    }\n");
        id = 0;
        for (Type t : types) {
            s.append("\n    private static Object get").append(t.name()).append("(int id, ").append(t.name()).append(" v) {\n");
            s.append("        switch (id) {\n");
            for (Member m : t.members()) {
                s.append("            case ").append(id++).append(": {\n");
                s.append("                Object x = ").append(typed(m)).append(";\n");
                s.append("                return x != null ? x : v.otherFields().get(\"")
                        .append(m.json())
                        .append("\");\n");
                s.append("            }\n");
            }
            s.append("            default:\n");
            s.append("                throw new IllegalArgumentException(\"no member \" + id);\n");
            s.append("        }\n");
            s.append("    }\n");
        }
        // by name
        s.append(
                """

                    /** The member {@code name} of {@code node}, a record type or a {@link JsonValue}; {@code null} when absent. */
                    static Object lookup(Object node, String name) {
                        if (node instanceof JsonValue j) {
                            JsonValue v = j.get(name);
                            return v.isPresent() ? v : null;
                        }
                """);
        for (Type t : types) {
            s.append("        if (node instanceof ")
                    .append(t.name())
                    .append(" v) {\n            return member(v, name);\n        }\n");
        }
        s.append("        return null;\n");
        s.append("    }\n");
        for (Type t : types) {
            s.append("\n    private static Object member(").append(t.name()).append(" v, String name) {\n");
            s.append("        Object typed =\n");
            s.append("                switch (name) {\n");
            for (Member m : t.members()) {
                s.append("                    case \"")
                        .append(m.json())
                        .append("\" -> ")
                        .append(typed(m))
                        .append(";\n");
            }
            s.append("                    default -> null;\n");
            s.append("                };\n");
            s.append("        return typed != null ? typed : v.otherFields().get(name);\n");
            s.append("    }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    /** The expression for the typed value of {@code m} of {@code v}, as a member lookup gives it; null when absent. */
    private static String typed(Member m) {
        String a = "v." + m.accessor() + "()";
        return switch (m.kind()) {
            case STRING, BOOLEAN, PAYLOAD, DECIMAL, LIST, NESTED -> a + ".orElse(null)";
            case VERSION -> a + ".map(EventVersion::toString).orElse(null)";
            case INSTANT -> "v.otherFields().containsKey(\"" + m.json() + "\") ? null : " + a
                    + ".map(Instant::toString).orElse(null)";
            case LONG -> a + ".isPresent() ? (Object) " + a + ".getAsLong() : null";
        };
    }

    /* ------------------------------------------------------------------ the known names */

    static String names(List<Type> types) {
        TreeSet<String> names = new TreeSet<>();
        for (Type t : types) {
            for (Member m : t.members()) {
                names.add(m.json());
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(GENERATED);
        s.append(
                """
                package io.github.trailkit.model.internal;

                /** Every member name of the record types, sorted: what {@link KnownNames} finds in one probe. */
                final class KnownNameList {
                    private KnownNameList() {}

                    static final String[] NAMES = {
                """);
        for (String n : names) {
            s.append("        \"").append(n).append("\",\n");
        }
        s.append("    };\n}\n");
        return s.toString();
    }
}
