package io.github.trailkit.model.digest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Reads a digest with given limits, for tests. */
final class DigestCodecAccess {
    private DigestCodecAccess() {}

    static DigestFile read(byte[] stored, DigestLimits limits) throws IOException {
        return DigestCodec.read(new ByteArrayInputStream(stored), "test", limits)
                .file();
    }
}
