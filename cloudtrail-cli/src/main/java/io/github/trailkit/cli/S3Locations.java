package io.github.trailkit.cli;

import java.net.URI;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** What {@code scan} and {@code verify} share about {@code s3://bucket/prefix} paths and the S3 client that reads them. */
final class S3Locations {
    private S3Locations() {}

    static final String S3 = "s3://";

    /** The bucket of {@code s3://bucket/prefix}. */
    static String bucketOf(String uri) {
        String rest = uri.substring(S3.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The key prefix of {@code s3://bucket/prefix}, as a folder: empty, or ending with {@code /}. */
    static String prefixOf(String uri) {
        String rest = uri.substring(S3.length());
        int slash = rest.indexOf('/');
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /**
     * An S3 client with the SDK's default credentials; path-style against an S3-compatible endpoint. The region is
     * {@code region} when given, else the SDK's (or, against an endpoint whose region the SDK cannot find, us-east-1).
     *
     * @param endpointUrl an S3-compatible endpoint, or null for AWS
     * @param region a region name, or null
     */
    static S3Client client(URI endpointUrl, String region) {
        S3ClientBuilder b = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpointUrl != null) {
            b.endpointOverride(endpointUrl).forcePathStyle(true);
        }
        if (region != null) {
            b.region(Region.of(region));
        } else if (endpointUrl != null) {
            Region fromChain;
            try {
                fromChain = DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (SdkClientException e) {
                fromChain = Region.US_EAST_1;
            }
            b.region(fromChain);
        }
        return b.build();
    }
}
