package org.abilayout.maven;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 over a sequence of values, each length-prefixed so that ("ab","c") ≠ ("a","bc"). */
final class Fingerprint {
    private final MessageDigest digest;

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    Fingerprint add(String label, Object value) {
        return add(label).add(String.valueOf(value));
    }

    Fingerprint add(String value) {
        return add(value.getBytes(StandardCharsets.UTF_8));
    }

    Fingerprint add(byte[] bytes) {
        long n = bytes.length;
        for (int i = 0; i < 8; i++) digest.update((byte) (n >>> (8 * i)));
        digest.update(bytes);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
