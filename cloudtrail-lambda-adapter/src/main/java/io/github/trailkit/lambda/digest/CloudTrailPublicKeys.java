package io.github.trailkit.lambda.digest;

import io.github.trailkit.model.LogFileKey;
import io.github.trailkit.model.digest.PublicKeys;
import io.github.trailkit.model.digest.TrailPublicKey;
import io.github.trailkit.model.digest.TrailStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;

/**
 * CloudTrail's public keys fetched with the AWS SDK v2 ({@code cloudtrail:ListPublicKeys}), instead of a file of
 * them. Keys are region-specific: use a client for the region that delivered the digests (the region in the digest
 * key, {@code CloudTrail-Digest/<region>/}). The client is the caller's and is not closed here.
 *
 * <pre>{@code
 * try (CloudTrailClient cloudTrail = CloudTrailClient.builder().region(Region.US_EAST_2).build()) {
 *     PublicKeys keys = CloudTrailPublicKeys.fetch(cloudTrail, Instant.parse("2024-03-01T00:00:00Z"), Instant.now());
 *     VerificationReport report = DigestVerifier.of(keys).verify(S3TrailStore.of(s3, "my-trail-bucket"),
 *             "AWSLogs/111122223333/");
 * }
 * }</pre>
 */
public final class CloudTrailPublicKeys {
    /** How far before the oldest digest {@link #forDigests} looks: a digest covers the hour before its end time. */
    private static final Duration MARGIN = Duration.ofHours(2);

    private CloudTrailPublicKeys() {}

    /**
     * The keys whose validity overlaps {@code start} to {@code end}, every page of the answer.
     *
     * @param client a client for the digests' region
     * @param start the start of the range, or null for the current time (as the API defaults)
     * @param end the end of the range, or null for the current time
     * @return the keys, with fingerprint and validity as CloudTrail gives them
     * @throws SdkException when the call fails (no credentials, no {@code cloudtrail:ListPublicKeys} permission)
     * @throws IllegalArgumentException when a returned key is not an RSA public key
     */
    public static PublicKeys fetch(CloudTrailClient client, Instant start, Instant end) {
        Objects.requireNonNull(client, "client");
        ListPublicKeysRequest request =
                ListPublicKeysRequest.builder().startTime(start).endTime(end).build();
        List<TrailPublicKey> keys = new ArrayList<>();
        for (ListPublicKeysResponse page : client.listPublicKeysPaginator(request)) {
            for (PublicKey k : page.publicKeyList()) {
                keys.add(toTrailPublicKey(k));
            }
        }
        return PublicKeys.of(keys);
    }

    /**
     * The keys for every digest under {@code prefix}: lists the store, groups the digest keys by region, and fetches
     * each region's keys for the time its digests span.
     *
     * @param store where the digests are
     * @param prefix a key prefix, possibly empty
     * @param clientForRegion a client for a region name such as {@code us-east-2}
     * @return the keys of every region (empty when there is no digest)
     * @throws IOException if the store cannot be listed
     * @throws SdkException when a call fails
     */
    public static PublicKeys forDigests(
            TrailStore store, String prefix, Function<String, CloudTrailClient> clientForRegion) throws IOException {
        Map<String, Instant[]> spans = new TreeMap<>();
        for (String key : store.list(prefix)) {
            LogFileKey k = LogFileKey.parse(key);
            if (k.kind() != LogFileKey.Kind.DIGEST
                    || k.region().isEmpty()
                    || k.deliveryTime().isEmpty()) {
                continue;
            }
            Instant t = k.deliveryTime().get();
            spans.merge(k.region().get(), new Instant[] {t, t}, (a, b) ->
                    new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        PublicKeys keys = PublicKeys.of();
        for (Map.Entry<String, Instant[]> e : spans.entrySet()) {
            Instant[] span = e.getValue();
            keys = keys.and(fetch(clientForRegion.apply(e.getKey()), span[0].minus(MARGIN), span[1]));
        }
        return keys;
    }

    /** One key of a {@code ListPublicKeys} answer. */
    public static TrailPublicKey toTrailPublicKey(PublicKey key) {
        byte[] der = key.value().asByteArray();
        return key.fingerprint() == null
                ? TrailPublicKey.of(der)
                : TrailPublicKey.of(der, key.fingerprint(), key.validityStartTime(), key.validityEndTime());
    }
}
