package io.github.trailkit.spark.internal;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the records and of the findings. Record columns follow the Athena table for CloudTrail that the
 * Amazon Athena User Guide documents ("Create a table for CloudTrail logs in Athena using manual partitioning"): the
 * same lower-case names, strings for scalars (so {@code readonly} is "true" or "false"), structs for the identity,
 * and payloads as JSON text. Then four columns of our own: where the record was read, its index, a problem for a
 * record that could not be read, and the whole record as JSON (what the rules read).
 */
public final class Schemas {
    private Schemas() {}

    public static final String SOURCE_FILE = "sourcefile";
    public static final String RECORD_INDEX = "recordindex";
    public static final String PROBLEM = "problem";
    public static final String RECORD = "record";
    /**
     * The data source option that makes it read findings instead of records: the rule set, encoded
     * ({@link RuleSpec#encode()}). Set by {@code CloudTrailSpark.findings} on a plain read of the source, so that each
     * record is matched where it is read instead of being written as JSON and read again.
     */
    public static final String FINDINGS_OPTION = "trailkit.findingsOf";

    public static final StructType SESSION_ISSUER = strings("type", "principalid", "arn", "accountid", "username");

    public static final StructType WEB_ID_FEDERATION_DATA = new StructType()
            .add("federatedprovider", StringType)
            .add("attributes", createMapType(StringType, StringType));

    public static final StructType SESSION_CONTEXT = new StructType()
            .add("attributes", strings("mfaauthenticated", "creationdate"))
            .add("sessionissuer", SESSION_ISSUER)
            .add("ec2roledelivery", StringType)
            .add("webidfederationdata", WEB_ID_FEDERATION_DATA);

    public static final StructType USER_IDENTITY = strings(
                    "type", "principalid", "arn", "accountid", "invokedby", "accesskeyid", "username")
            .add("onbehalfof", strings("userid", "identitystorearn"))
            .add("sessioncontext", SESSION_CONTEXT);

    public static final StructType RESOURCE = strings("arn", "accountid", "type");

    public static final StructType ADDENDUM =
            strings("reason", "updatedfields", "originalrequestid", "originaleventid");

    public static final StructType TLS_DETAILS = strings("tlsversion", "ciphersuite", "clienthostheader");

    public static final StructType RECORDS = new StructType()
            .add("eventversion", StringType)
            .add("useridentity", USER_IDENTITY)
            .add("eventtime", StringType)
            .add("eventsource", StringType)
            .add("eventname", StringType)
            .add("awsregion", StringType)
            .add("sourceipaddress", StringType)
            .add("useragent", StringType)
            .add("errorcode", StringType)
            .add("errormessage", StringType)
            .add("requestparameters", StringType)
            .add("responseelements", StringType)
            .add("additionaleventdata", StringType)
            .add("requestid", StringType)
            .add("eventid", StringType)
            .add("resources", createArrayType(RESOURCE))
            .add("eventtype", StringType)
            .add("apiversion", StringType)
            .add("readonly", StringType)
            .add("recipientaccountid", StringType)
            .add("serviceeventdetails", StringType)
            .add("sharedeventid", StringType)
            .add("vpcendpointid", StringType)
            .add("vpcendpointaccountid", StringType)
            .add("eventcategory", StringType)
            .add("addendum", ADDENDUM)
            .add("sessioncredentialfromconsole", StringType)
            .add("edgedevicedetails", StringType)
            .add("tlsdetails", TLS_DETAILS)
            .add(SOURCE_FILE, StringType, false)
            .add(RECORD_INDEX, LongType)
            .add(PROBLEM, StringType)
            .add(RECORD, StringType);

    /** What {@code cloudtrail scan} prints for a finding, field for field. */
    public static final StructType FINDINGS = new StructType()
            .add("ruleId", StringType, false)
            .add("title", StringType, false)
            .add("severity", StringType, false)
            .add("tags", createArrayType(StringType, false), false)
            .add("dedupKey", StringType, false)
            .add("eventID", StringType)
            .add("eventName", StringType)
            .add("eventSource", StringType)
            .add("eventTime", StringType)
            .add("awsRegion", StringType)
            .add("recipientAccountId", StringType)
            .add("userIdentity", new StructType().add("type", StringType).add("arn", StringType))
            .add("source", StringType)
            .add("recordIndex", LongType);

    private static StructType strings(String... names) {
        StructField[] fields = new StructField[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = new StructField(names[i], StringType, true, org.apache.spark.sql.types.Metadata.empty());
        }
        return new StructType(fields);
    }
}
