package io.flare.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes and hashes API key secrets. */
public final class ApiKeys {

	/** The prefix of every generated key, so leaked keys are easy to recognise. */
	public static final String PREFIX = "flr_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ApiKeys() {
	}

	/** A new random key: {@value #PREFIX} + 32 random bytes, base64url. */
	public static String generate() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** The stored form of a key: SHA-256 of its UTF-8 bytes, lower-case hex. */
	public static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
