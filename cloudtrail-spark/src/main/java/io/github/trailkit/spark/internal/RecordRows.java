package io.github.trailkit.spark.internal;

import io.github.trailkit.model.Addendum;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.CloudTrailWriter;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.OnBehalfOf;
import io.github.trailkit.model.Resource;
import io.github.trailkit.model.SessionAttributes;
import io.github.trailkit.model.SessionContext;
import io.github.trailkit.model.SessionIssuer;
import io.github.trailkit.model.TlsDetails;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.model.WebIdFederationData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns records into Spark rows of a given (possibly pruned) shape of {@link Schemas#RECORDS}: only the columns asked
 * for are computed, so a query of three columns never writes the payloads as JSON text.
 */
public final class RecordRows {
    private static final CloudTrailWriter WRITER = CloudTrail.writer();

    /** One column: its value for a record, in Spark's internal form. */
    private interface Column {
        Object value(CloudTrailRecord record, UTF8String source, long index);
    }

    private final Column[] columns;
    private final int problemColumn;
    private final int sourceColumn;
    private final int indexColumn;

    public RecordRows(StructType schema) {
        StructField[] fields = schema.fields();
        columns = new Column[fields.length];
        int problem = -1;
        int source = -1;
        int index = -1;
        for (int i = 0; i < fields.length; i++) {
            StructField f = fields[i];
            switch (f.name()) {
                case Schemas.PROBLEM:
                    problem = i;
                    columns[i] = (r, s, n) -> null;
                    break;
                case Schemas.SOURCE_FILE:
                    source = i;
                    columns[i] = (r, s, n) -> s;
                    break;
                case Schemas.RECORD_INDEX:
                    index = i;
                    columns[i] = (r, s, n) -> n;
                    break;
                default:
                    columns[i] = column(f);
            }
        }
        problemColumn = problem;
        sourceColumn = source;
        indexColumn = index;
    }

    /** The row of a record read from {@code source} at {@code index}. */
    public InternalRow row(CloudTrailRecord record, UTF8String source, long index) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i].value(record, source, index);
        }
        return new GenericInternalRow(values);
    }

    /** The row of a record that could not be read: where, and why; every other column null. */
    public InternalRow problem(UTF8String source, long index, String reason) {
        Object[] values = new Object[columns.length];
        if (problemColumn >= 0) {
            values[problemColumn] = UTF8String.fromString(reason);
        }
        if (sourceColumn >= 0) {
            values[sourceColumn] = source;
        }
        if (indexColumn >= 0) {
            values[indexColumn] = index < 0 ? null : index;
        }
        return new GenericInternalRow(values);
    }

    private static Column column(StructField f) {
        switch (f.name()) {
            case "eventversion":
                return (r, s, n) -> str(r.eventVersion().map(Object::toString));
            case "useridentity": {
                Function<UserIdentity, InternalRow> struct = userIdentity((StructType) f.dataType());
                return (r, s, n) -> r.userIdentity().map(struct).orElse(null);
            }
            case "eventtime":
                return (r, s, n) -> str(r.eventTime().map(Object::toString));
            case "eventsource":
                return (r, s, n) -> str(r.eventSource());
            case "eventname":
                return (r, s, n) -> str(r.eventName());
            case "awsregion":
                return (r, s, n) -> str(r.awsRegion());
            case "sourceipaddress":
                return (r, s, n) -> str(r.sourceIPAddress());
            case "useragent":
                return (r, s, n) -> str(r.userAgent());
            case "errorcode":
                return (r, s, n) -> str(r.errorCode());
            case "errormessage":
                return (r, s, n) -> str(r.errorMessage());
            case "requestparameters":
                return (r, s, n) -> json(r.requestParameters());
            case "responseelements":
                return (r, s, n) -> json(r.responseElements());
            case "additionaleventdata":
                return (r, s, n) -> json(r.additionalEventData());
            case "requestid":
                return (r, s, n) -> str(r.requestID());
            case "eventid":
                return (r, s, n) -> str(r.eventID());
            case "resources": {
                StructType element = (StructType) ((ArrayType) f.dataType()).elementType();
                Function<Resource, InternalRow> struct = resource(element);
                return (r, s, n) ->
                        r.resources().map(list -> array(list, struct)).orElse(null);
            }
            case "eventtype":
                return (r, s, n) -> str(r.eventTypeAsString());
            case "apiversion":
                return (r, s, n) -> str(r.apiVersion());
            case "readonly":
                return (r, s, n) -> str(r.readOnly().map(Object::toString));
            case "recipientaccountid":
                return (r, s, n) -> str(r.recipientAccountId());
            case "serviceeventdetails":
                return (r, s, n) -> json(r.serviceEventDetails());
            case "sharedeventid":
                return (r, s, n) -> str(r.sharedEventID());
            case "vpcendpointid":
                return (r, s, n) -> str(r.vpcEndpointId());
            case "vpcendpointaccountid":
                return (r, s, n) -> str(r.vpcEndpointAccountId());
            case "eventcategory":
                return (r, s, n) -> str(r.eventCategoryAsString());
            case "addendum": {
                Function<Addendum, InternalRow> struct = addendum((StructType) f.dataType());
                return (r, s, n) -> r.addendum().map(struct).orElse(null);
            }
            case "sessioncredentialfromconsole":
                return (r, s, n) -> str(r.sessionCredentialFromConsole());
            case "edgedevicedetails":
                return (r, s, n) -> str(r.edgeDeviceDetails().map(Object::toString));
            case "tlsdetails": {
                Function<TlsDetails, InternalRow> struct = tlsDetails((StructType) f.dataType());
                return (r, s, n) -> r.tlsDetails().map(struct).orElse(null);
            }
            case Schemas.RECORD:
                return (r, s, n) -> UTF8String.fromString(WRITER.toJson(r));
            default:
                throw new IllegalArgumentException("no column named " + f.name() + " in a CloudTrail record");
        }
    }

    /** A struct converter: one getter per field of {@code type}, each chosen by the field's name. */
    private static <T> Function<T, InternalRow> struct(
            StructType type, Function<StructField, Function<T, Object>> pick) {
        StructField[] fields = type.fields();
        List<Function<T, Object>> getters = new java.util.ArrayList<>(fields.length);
        for (StructField field : fields) {
            getters.add(pick.apply(field));
        }
        return value -> {
            Object[] values = new Object[getters.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = getters.get(i).apply(value);
            }
            return new GenericInternalRow(values);
        };
    }

    private static Function<UserIdentity, InternalRow> userIdentity(StructType type) {
        return struct(type, f -> {
            switch (f.name()) {
                case "type":
                    return u -> str(u.typeAsString());
                case "principalid":
                    return u -> str(u.principalId());
                case "arn":
                    return u -> str(u.arn());
                case "accountid":
                    return u -> str(u.accountId());
                case "invokedby":
                    return u -> str(u.invokedBy());
                case "accesskeyid":
                    return u -> str(u.accessKeyId());
                case "username":
                    return u -> str(u.userName());
                case "onbehalfof": {
                    Function<OnBehalfOf, InternalRow> s = struct((StructType) f.dataType(), g -> {
                        switch (g.name()) {
                            case "userid":
                                return o -> str(o.userId());
                            case "identitystorearn":
                                return o -> str(o.identityStoreArn());
                            default:
                                throw unknown("useridentity.onbehalfof", g);
                        }
                    });
                    return u -> u.onBehalfOf().map(s).orElse(null);
                }
                case "sessioncontext": {
                    Function<SessionContext, InternalRow> s = sessionContext((StructType) f.dataType());
                    return u -> u.sessionContext().map(s).orElse(null);
                }
                default:
                    throw unknown("useridentity", f);
            }
        });
    }

    private static Function<SessionContext, InternalRow> sessionContext(StructType type) {
        return struct(type, f -> {
            switch (f.name()) {
                case "attributes": {
                    Function<SessionAttributes, InternalRow> s = struct((StructType) f.dataType(), g -> {
                        switch (g.name()) {
                            case "mfaauthenticated":
                                return a -> str(a.mfaAuthenticated());
                            case "creationdate":
                                return a -> str(a.creationDate());
                            default:
                                throw unknown("sessioncontext.attributes", g);
                        }
                    });
                    return c -> c.attributes().map(s).orElse(null);
                }
                case "sessionissuer": {
                    Function<SessionIssuer, InternalRow> s = struct((StructType) f.dataType(), g -> {
                        switch (g.name()) {
                            case "type":
                                return i -> str(i.type());
                            case "principalid":
                                return i -> str(i.principalId());
                            case "arn":
                                return i -> str(i.arn());
                            case "accountid":
                                return i -> str(i.accountId());
                            case "username":
                                return i -> str(i.userName());
                            default:
                                throw unknown("sessioncontext.sessionissuer", g);
                        }
                    });
                    return c -> c.sessionIssuer().map(s).orElse(null);
                }
                case "ec2roledelivery":
                    return c -> str(c.ec2RoleDelivery());
                case "webidfederationdata": {
                    Function<WebIdFederationData, InternalRow> s = struct((StructType) f.dataType(), g -> {
                        switch (g.name()) {
                            case "federatedprovider":
                                return w -> str(w.federatedProvider());
                            case "attributes":
                                return w -> w.attributes()
                                        .map(RecordRows::stringMap)
                                        .orElse(null);
                            default:
                                throw unknown("sessioncontext.webidfederationdata", g);
                        }
                    });
                    return c -> c.webIdFederationData().map(s).orElse(null);
                }
                default:
                    throw unknown("sessioncontext", f);
            }
        });
    }

    private static Function<Resource, InternalRow> resource(StructType type) {
        return struct(type, f -> {
            switch (f.name()) {
                case "arn":
                    return x -> str(x.arn().or(x::arnPrefix));
                case "accountid":
                    return x -> str(x.accountId());
                case "type":
                    return x -> str(x.type());
                default:
                    throw unknown("resources", f);
            }
        });
    }

    private static Function<Addendum, InternalRow> addendum(StructType type) {
        return struct(type, f -> {
            switch (f.name()) {
                case "reason":
                    return a -> str(a.reasonAsString());
                case "updatedfields":
                    return a -> str(a.updatedFields());
                case "originalrequestid":
                    return a -> str(a.originalRequestID());
                case "originaleventid":
                    return a -> str(a.originalEventID());
                default:
                    throw unknown("addendum", f);
            }
        });
    }

    private static Function<TlsDetails, InternalRow> tlsDetails(StructType type) {
        return struct(type, f -> {
            switch (f.name()) {
                case "tlsversion":
                    return t -> str(t.tlsVersion());
                case "ciphersuite":
                    return t -> str(t.cipherSuite());
                case "clienthostheader":
                    return t -> str(t.clientProvidedHostHeader());
                default:
                    throw unknown("tlsdetails", f);
            }
        });
    }

    private static IllegalArgumentException unknown(String struct, StructField f) {
        return new IllegalArgumentException("no field named " + f.name() + " in " + struct);
    }

    private static <T> GenericArrayData array(List<T> list, Function<T, InternalRow> struct) {
        Object[] values = new Object[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = struct.apply(list.get(i));
        }
        return new GenericArrayData(values);
    }

    /** An object of attributes as a map of strings: a string value as is, any other value as its JSON. */
    private static Object stringMap(JsonValue value) {
        if (!value.isObject()) {
            return null;
        }
        Map<String, JsonValue> members = value.members();
        Object[] keys = new Object[members.size()];
        Object[] values = new Object[members.size()];
        int i = 0;
        for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            keys[i] = UTF8String.fromString(e.getKey());
            JsonValue v = e.getValue();
            values[i] = v.isNull() ? null : UTF8String.fromString(v.asString().orElseGet(v::toJson));
            i++;
        }
        return ArrayBasedMapData.apply(keys, values);
    }

    private static UTF8String str(Optional<String> value) {
        return value.isPresent() ? UTF8String.fromString(value.get()) : null;
    }

    /** A payload as JSON text; a JSON {@code null} payload is a SQL null, as in Athena's table. */
    private static UTF8String json(Optional<JsonValue> value) {
        if (value.isEmpty() || value.get().isNull()) {
            return null;
        }
        return UTF8String.fromString(value.get().toJson());
    }
}
