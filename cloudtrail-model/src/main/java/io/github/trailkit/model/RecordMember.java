package io.github.trailkit.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed member of one of the record types ({@link CloudTrailRecord}, {@link UserIdentity}, {@link SessionContext},
 * {@link Resource}, ...) by its JSON name: what a rule engine uses to follow a path such as {@code
 * userIdentity.sessionContext.attributes.mfaAuthenticated} without writing the record out as JSON.
 *
 * <p>A member's value comes back as the JSON it stands for: a {@link String} (times and versions in their JSON text,
 * open enums as their raw value), a {@link Boolean}, a {@link java.math.BigDecimal} or {@link Long} for numbers, a
 * {@link JsonValue} for payloads, a nested record type, or a {@link List} of record types. When the typed value is
 * absent, the entry of {@code otherFields()} under the same name is returned (an explicit JSON {@code null} as {@link
 * JsonValue#nullValue()}, or a value that could not be read, as it came); when both are absent, Java {@code null}.
 *
 * <pre>{@code
 * RecordMember identity = RecordMember.of(CloudTrailRecord.class, "userIdentity").orElseThrow();
 * RecordMember arn = RecordMember.of(identity.valueType(), "arn").orElseThrow();
 * Object node = identity.get(record);                 // a UserIdentity, a JsonValue, or null
 * if (arn.isMemberOf(node)) {
 *     System.out.println(arn.get(node));               // the ARN, as a String
 * }
 * Object mfa = RecordMember.lookup(session, "mfaAuthenticated"); // by name, on any record type or JsonValue
 * }</pre>
 *
 * <p>The members are generated from the record value types at build time: every typed accessor is one member. Instances
 * are immutable and shared.
 */
public final class RecordMember {
    private static final Map<Class<?>, Map<String, RecordMember>> BY_OWNER = index();

    private final int type;
    private final int id;
    private final Class<?> owner;
    private final String name;
    private final Class<?> valueType;

    RecordMember(int type, int id, Class<?> owner, String name, Class<?> valueType) {
        this.type = type;
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.valueType = valueType;
    }

    private static Map<Class<?>, Map<String, RecordMember>> index() {
        Map<Class<?>, Map<String, RecordMember>> all = new HashMap<>();
        for (RecordMember m : RecordMemberTable.ALL) {
            all.computeIfAbsent(m.owner, k -> new HashMap<>()).put(m.name, m);
        }
        all.replaceAll((k, v) -> Map.copyOf(v));
        return Map.copyOf(all);
    }

    /**
     * The typed member {@code name} (its JSON name, such as {@code "eventType"} or {@code "ARN"}) of the record type
     * {@code owner}; empty when {@code owner} is not a record type or declares no such member (a member it does not
     * declare can still be in {@code otherFields()}: see {@link #lookup}).
     */
    public static Optional<RecordMember> of(Class<?> owner, String name) {
        Map<String, RecordMember> members = BY_OWNER.get(owner);
        return members == null ? Optional.empty() : Optional.ofNullable(members.get(name));
    }

    /** Every typed member of the record type {@code owner}, in declaration order; empty for any other class. */
    public static List<RecordMember> membersOf(Class<?> owner) {
        return java.util.Arrays.stream(RecordMemberTable.ALL)
                .filter(m -> m.owner == owner)
                .toList();
    }

    /**
     * The member {@code name} of {@code node}, a record type or a {@link JsonValue}: the typed member's value as {@link
     * #get} gives it, else the entry of {@code otherFields()} (for a {@link JsonValue} object, its member); {@code
     * null} when absent or when {@code node} is neither.
     */
    public static Object lookup(Object node, String name) {
        return RecordMemberTable.lookup(node, name);
    }

    /** The record type that declares this member. */
    public Class<?> owner() {
        return owner;
    }

    /** The member's JSON name. */
    public String name() {
        return name;
    }

    /**
     * The class of a typed value {@link #get} returns: {@link String}, {@link Boolean}, {@link java.math.BigDecimal},
     * {@link Long}, {@link JsonValue}, {@link List}, or a record type. A value taken from {@code otherFields()} is a
     * {@link JsonValue} whatever this says.
     */
    public Class<?> valueType() {
        return valueType;
    }

    /** Whether {@code node} is of this member's {@link #owner()} type, so that {@link #get} applies to it. */
    public boolean isMemberOf(Object node) {
        return owner.isInstance(node);
    }

    /**
     * This member of {@code node}: the typed value, else the entry of {@code otherFields()} under {@link #name()};
     * {@code null} when both are absent.
     *
     * @throws ClassCastException when {@code node} is not of the {@link #owner()} type (see {@link #isMemberOf})
     */
    public Object get(Object node) {
        return RecordMemberTable.get(type, id, node);
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
