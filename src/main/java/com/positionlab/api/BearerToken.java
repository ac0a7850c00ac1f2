package com.positionlab.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret of {@code serve --token}. A request passes when its {@code Authorization} header is
 * {@code Bearer <token>}. The comparison is of SHA-256 digests with {@link MessageDigest#isEqual}, so its
 * time depends neither on where the first wrong character is nor on the token's length.
 */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private final byte[] expectedDigest;

    BearerToken(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        this.expectedDigest = sha256(token);
    }

    boolean accepts(String authorizationHeader) {
        String presented = "";
        if (authorizationHeader != null && authorizationHeader.length() > SCHEME.length()
                && authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            presented = authorizationHeader.substring(SCHEME.length()).strip();
        }
        return MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
